import { readdirSync, statSync } from "node:fs";
import { extname, join } from "node:path";

/** Extensions read when a folder is given; a file named outright is read whatever its name. */
const ARTICLE_EXTENSIONS = new Set([".txt", ".text", ".html", ".htm"]);

export interface FileEntry {
  path: string;
  size: number;
}

/** Expands files and folders (recursively, sorted) into the article files to read. */
export function listArticleFiles(paths: string[]): { files: FileEntry[]; missing: string[] } {
  const files: FileEntry[] = [];
  const missing: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith(".")) continue;
      const full = join(dir, name);
      const st = statSync(full);
      if (st.isDirectory()) walk(full);
      else if (st.isFile() && ARTICLE_EXTENSIONS.has(extname(name).toLowerCase()))
        files.push({ path: full, size: st.size });
    }
  };
  for (const p of paths) {
    let st: ReturnType<typeof statSync>;
    try {
      st = statSync(p);
    } catch {
      missing.push(p);
      continue;
    }
    if (st.isDirectory()) walk(p);
    else files.push({ path: p, size: st.size });
  }
  return { files, missing };
}

/** Why a file cannot be an article, or null when it can. */
export function rejectReason(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return "empty file";
  const head = bytes.subarray(0, 8192);
  const utf16 = head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff));
  if (!utf16 && head.includes(0)) return "binary file (contains NUL bytes), not text";
  return null;
}

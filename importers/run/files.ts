import { lstatSync, readdirSync, realpathSync, type Stats, statSync } from "node:fs";
import { extname, join } from "node:path";
import { fsReason } from "./fsErrors";

/** Extensions read when a folder is given; a file named outright is read whatever its name. */
const ARTICLE_EXTENSIONS = new Set([".txt", ".text", ".html", ".htm"]);

export interface FileEntry {
  /** As given or joined under a given folder: what the summary prints. */
  path: string;
  /** The file's real path (links and `..` resolved): what the database stores, so one file is one article. */
  resolved: string;
  size: number;
}

export interface FileListing {
  files: FileEntry[];
  /** Paths given on the command line that do not exist. */
  missing: string[];
  /** Entries that could not be walked or are not regular files, each with its one-line reason. */
  skipped: Array<{ path: string; reason: string }>;
}

/** "a FIFO", "a socket"...: what a special file is, for the line that refuses it. */
export function fileKind(st: Stats): string {
  if (st.isFIFO()) return "a FIFO (named pipe)";
  if (st.isSocket()) return "a socket";
  if (st.isCharacterDevice()) return "a character device";
  if (st.isBlockDevice()) return "a block device";
  if (st.isDirectory()) return "a folder";
  return "not a regular file";
}

/**
 * Expands files and folders (recursively, sorted) into the article files to read. Nothing here opens a file, so a
 * FIFO cannot block the walk; a loop, a dangling link, an unreadable folder or a special file becomes one skipped
 * entry and the walk goes on. A file reached twice (two links, two spellings of its path) is listed once.
 */
export function listArticleFiles(paths: string[]): FileListing {
  const out: FileListing = { files: [], missing: [], skipped: [] };
  const seenFiles = new Set<string>();
  const seenDirs = new Set<string>();
  const skip = (path: string, reason: string) => out.skipped.push({ path, reason });

  const addFile = (path: string, st: Stats) => {
    let resolved: string;
    try {
      resolved = realpathSync(path);
    } catch (err) {
      return skip(path, fsReason(err));
    }
    if (seenFiles.has(resolved)) return;
    seenFiles.add(resolved);
    out.files.push({ path, resolved, size: st.size });
  };

  // `ancestors` holds the real paths of the folders being walked: meeting one again is a symlink loop.
  const walk = (dir: string, ancestors: string[]) => {
    let real: string;
    let names: string[];
    try {
      real = realpathSync(dir);
      if (ancestors.includes(real)) return skip(dir, `symbolic link loop: leads back to ${real}`);
      // Reached by another link already: its files are listed, quietly.
      if (seenDirs.has(real)) return;
      seenDirs.add(real);
      names = readdirSync(dir).sort();
    } catch (err) {
      return skip(dir, `cannot read folder: ${fsReason(err)}`);
    }
    for (const name of names) {
      if (name.startsWith(".")) continue;
      const full = join(dir, name);
      let st: Stats;
      try {
        // lstat first: a link whose target is missing or loops is told apart from a missing file.
        const link = lstatSync(full);
        st = link.isSymbolicLink() ? statSync(full) : link;
      } catch (err) {
        skip(full, linkReason(err));
        continue;
      }
      const isArticleName = ARTICLE_EXTENSIONS.has(extname(name).toLowerCase());
      if (st.isDirectory()) walk(full, [...ancestors, real]);
      else if (!isArticleName) continue;
      else if (st.isFile()) addFile(full, st);
      else skip(full, `${fileKind(st)}, not a regular file: not opened`);
    }
  };

  for (const p of paths) {
    let st: Stats;
    try {
      st = statSync(p);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === "ENOENT" && !isLink(p)) out.missing.push(p);
      else skip(p, linkReason(err));
      continue;
    }
    if (st.isDirectory()) walk(p, []);
    else if (st.isFile()) addFile(p, st);
    else skip(p, `${fileKind(st)}, not a regular file: not opened`);
  }
  return out;
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** The reason for an entry stat could not follow: links get words of their own. */
function linkReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "dangling symbolic link: its target does not exist";
  if (code === "ELOOP") return "symbolic link loop: the link never reaches a file";
  return fsReason(err);
}

/** Why a file cannot be an article, or null when it can. */
export function rejectReason(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return "empty file";
  const head = bytes.subarray(0, 8192);
  const utf16 = head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff));
  if (!utf16 && head.includes(0)) return "binary file (contains NUL bytes), not text";
  return null;
}

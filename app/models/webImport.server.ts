import { createHash, randomUUID } from "node:crypto";
import { json } from "@remix-run/node";
import { extractPool } from "~/utils/extractPool.server";
import type { Upload } from "~/utils/uploads.server";
import type { FactValues } from "../../db/reviews";
import { rejectReason } from "../../importers/run/files";
import { defaultMaxBytes } from "../../importers/run/importFiles";
import type { FileProgress, ImportPreview, PreviewFile } from "./importTypes";
import type { SavedFile } from "./uploadSave.server";

/**
 * Uploads waiting for the analyst to look at their facts, in memory: extracted once, shown, then saved or left
 * to expire. Bounded in count and age; a restart forgets them (the analyst uploads again).
 */
interface Staged {
  id: string;
  userName: string;
  at: number;
  published: string | null;
  /** Each file's article as the extraction worker serialized it (null: not read), until it is saved. */
  articles: Array<Uint8Array | null>;
  /** Where the extractor is with each file, for the preview's progress while it reads. */
  files: Array<Omit<FileProgress, "seconds"> & { startedAt: number | null; endedAt: number | null }>;
  preview: ImportPreview;
}

/** Each file's progress as the page shows it, its seconds counted up to `now`. */
function perFile(s: Staged, now: number): FileProgress[] {
  return s.files.map(({ startedAt, endedAt, ...f }) => ({
    ...f,
    seconds: startedAt === null ? null : Math.round(((endedAt ?? now) - startedAt) / 100) / 10,
  }));
}

const MAX_STAGED = 20;
/** Kept articles in all (each serialized, a few times the size of its file): older previews go first. */
const MAX_STAGED_BYTES = 200 * 1024 * 1024;
const MAX_AGE_MS = 60 * 60_000;
const staged = new Map<string, Staged>();

const sizeOf = (s: Staged) => s.articles.reduce((n, a) => n + (a?.byteLength ?? 0), 0);

function prune(now: number, incoming: number): void {
  for (const [id, s] of staged) if (now - s.at > MAX_AGE_MS) staged.delete(id);
  while (staged.size >= MAX_STAGED) staged.delete(staged.keys().next().value as string);
  let total = incoming + [...staged.values()].reduce((n, s) => n + sizeOf(s), 0);
  for (const [id, s] of staged) {
    if (total <= MAX_STAGED_BYTES) break;
    total -= sizeOf(s);
    staged.delete(id);
  }
}

/** The command line's size limit for one file (IMPORT_MAX_BYTES), which uploads share. */
export const uploadLimitBytes = defaultMaxBytes;

/** Where a web upload is stored: its file name under `upload/`, pasted text under `pasted/` by its hash. */
function pathOf(upload: Upload): string {
  const safe = upload.name.replace(/[^\w.\- ]+/g, "_").slice(0, 120) || "upload.txt";
  return upload.name === "" && upload.bytes
    ? `pasted/${createHash("sha256").update(upload.bytes).digest("hex").slice(0, 16)}.txt`
    : `upload/${safe}`;
}

/** "2009-03-05" (or "2009-03", "2009") as the extractor's publication year and date. */
function publication(published: string | null) {
  if (!published) return {};
  const [year, month, day] = published.split("-").map(Number);
  return { publishedYear: year, publishedDate: { year, month: month || null, day: day || null } };
}

const emptyFile = (base: Pick<PreviewFile, "index" | "name" | "path">, error: string | null, pending = false) => ({
  ...base,
  pending,
  error,
  title: "",
  facts: [],
  factCount: 0,
  rejected: [],
  text: null,
  publishedYear: null,
  publishedYearSource: null,
});

/**
 * Extracts every upload (files and pasted text) without storing anything, and keeps the results for `saveUpload`.
 * The extraction runs in worker threads (extractPool.server.ts), file by file, so the event loop stays free; the
 * preview is staged at once and says how far the reading has got (`reading`), and `ready` settles when every
 * file is read. A file the importer would refuse (empty, binary, too large) is shown with the command line's
 * reason, and one the extractor fails on (or takes too long over) with its own; the others are unaffected.
 */
export function stageUpload(
  userName: string,
  uploads: Upload[],
  published: string | null,
): { id: string; ready: Promise<ImportPreview> } {
  const now = Date.now();
  prune(
    now,
    uploads.reduce((n, u) => n + (u.bytes?.length ?? 0) * 2, 0),
  );
  const id = randomUUID();
  const articles: Array<Uint8Array | null> = uploads.map(() => null);
  const totalBytes = uploads.reduce((n, u) => n + (u.error ? 0 : (u.bytes?.length ?? 0)), 0);
  const files: PreviewFile[] = [];
  const jobs: Array<Promise<void>> = [];
  const entry: Staged = {
    id,
    userName,
    at: now,
    published,
    articles,
    files: uploads.map((u, index) => ({
      index,
      name: u.name || "pasted text",
      bytes: u.bytes?.length ?? 0,
      state: "waiting",
      facts: null,
      startedAt: null,
      endedAt: null,
    })),
    preview: { id, published, files, saved: null, reading: null },
  };
  let filesRead = 0;
  let bytesRead = 0;
  const progress = () => {
    entry.preview = {
      ...entry.preview,
      files: [...files],
      reading:
        filesRead < uploads.length
          ? {
              files: filesRead,
              totalFiles: uploads.length,
              bytes: bytesRead,
              totalBytes,
              perFile: perFile(entry, Date.now()),
            }
          : null,
    };
  };
  for (const [index, upload] of uploads.entries()) {
    const path = pathOf(upload);
    const base = { index, name: upload.name || "pasted text", path };
    const reason = upload.error ?? (upload.bytes ? rejectReason(upload.bytes) : "no bytes received");
    const state = entry.files[index];
    if (reason || !upload.bytes) {
      files.push(emptyFile(base, reason ?? "no bytes received"));
      state.state = "failed";
      filesRead++;
      continue;
    }
    const size = upload.bytes.length;
    files.push(emptyFile(base, null, true));
    const started = () => {
      state.state = "reading";
      state.startedAt = Date.now();
      progress();
    };
    jobs.push(
      extractPool
        .extract(upload.bytes, path, publication(published), started)
        .then(
          (extracted) => {
            articles[index] = extracted.article;
            files[index] = { ...base, pending: false, error: null, ...extracted.preview };
            Object.assign(state, { state: "read", facts: extracted.preview.factCount });
          },
          (err: unknown) => {
            const message = err instanceof Error ? err.message : String(err);
            files[index] = emptyFile(base, `could not be read: ${message}`);
            state.state = "failed";
          },
        )
        .finally(() => {
          state.endedAt = Date.now();
          filesRead++;
          bytesRead += size;
          progress();
        }),
    );
  }
  progress();
  staged.set(id, entry);
  return { id, ready: Promise.all(jobs).then(() => entry.preview) };
}

/** The staged upload `id` of this user, or a 404 that says it expired. */
function stagedFor(userName: string, id: string): Staged {
  const s = staged.get(id);
  if (!s || s.userName !== userName || Date.now() - s.at > MAX_AGE_MS) {
    throw json(
      { message: "That upload is no longer waiting (it expired or the server restarted): upload it again." },
      { status: 404 },
    );
  }
  return s;
}

export function stagedPreview(userName: string, id: string): ImportPreview {
  const s = stagedFor(userName, id);
  // While it is read, the seconds a file has been read for are counted to now.
  return s.preview.reading
    ? { ...s.preview, reading: { ...s.preview.reading, perFile: perFile(s, Date.now()) } }
    : s.preview;
}

/**
 * Stores each extracted article of the upload, each in its own transaction in an extraction worker
 * (uploadSave.server.ts), so a file that fails loses nothing else and the event loop never waits on the writing.
 * Facts the analyst dropped are stored and then rejected as reviews, so a later re-import of the same article
 * drops them again (decision 010); facts the analyst edited (`edits`, by "FILE:FACT") are stored and then
 * corrected as on /review, so the correction is applied again too. Each article's import, each drop and each
 * correction is in the audit trail.
 */
export async function saveUpload(
  userName: string,
  id: string,
  dropped: Set<string>,
  edits: Map<string, FactValues> = new Map(),
): Promise<ImportPreview> {
  const s = stagedFor(userName, id);
  if (s.preview.reading) {
    throw json(
      { message: "That upload is still being read: save it once its preview shows every file." },
      { status: 409 },
    );
  }
  // Saving again (after a file failed) stores only what is not stored yet.
  const saved: SavedFile[] = (s.preview.saved ?? []).filter((x) => x.articleId !== null);
  const done = new Set(saved.map((x) => x.index));
  for (const [index, article] of s.articles.entries()) {
    if (!article || done.has(index)) continue;
    const mine = <T>(entries: Iterable<[string, T]>) =>
      [...entries].flatMap(([key, v]): Array<[number, T]> => {
        const [file, fact] = key.split(":").map(Number);
        return file === index ? [[fact, v]] : [];
      });
    // Handed over to the worker, not copied (an article of 16 MB is some 50 MB serialized); it comes back when
    // it could not be stored, to be saved again.
    s.articles[index] = null;
    try {
      const outcome = await extractPool.save(article, {
        userName,
        index,
        path: s.preview.files[index].path,
        dropped: mine([...dropped].map((key): [string, true] => [key, true])).map(([fact]) => fact),
        edits: mine(edits),
      });
      s.articles[index] = outcome.article;
      saved.push(outcome.saved);
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      saved.push({
        index,
        articleId: null,
        status: `not saved: ${reason}; upload the file again`,
        facts: 0,
        dropped: 0,
        corrected: 0,
      });
    }
  }
  s.preview = { ...s.preview, saved: saved.sort((a, b) => a.index - b.index) };
  return s.preview;
}

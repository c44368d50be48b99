import { createHash, randomUUID } from "node:crypto";
import { json } from "@remix-run/node";
import { extractPool } from "~/utils/extractPool.server";
import type { Upload } from "~/utils/uploads.server";
import { getWriteSql, isBusy } from "~/writeDb.server";
import { writeAudit } from "../../db/audit";
import { sameAs } from "../../db/dialect";
import { changedKeys, type FactValues, reviewFact, valuesOf } from "../../db/reviews";
import type { Sql } from "../../db/sql";
import { saveArticle } from "../../db/store";
import { rejectReason } from "../../importers/run/files";
import { defaultMaxBytes } from "../../importers/run/importFiles";
import type { ArticleResult } from "../../importers/types";
import type { ImportPreview, PreviewFile } from "./importTypes";

type SavedFile = NonNullable<ImportPreview["saved"]>[number];

/**
 * Uploads waiting for the analyst to look at their facts, in memory: extracted once, shown, then saved or left
 * to expire. Bounded in count and age; a restart forgets them (the analyst uploads again).
 */
interface Staged {
  id: string;
  userName: string;
  at: number;
  published: string | null;
  results: Array<ArticleResult | null>;
  preview: ImportPreview;
}

const MAX_STAGED = 20;
/** Kept text in all (each article's cleaned text, about the size of its file): older previews go first. */
const MAX_STAGED_BYTES = 200 * 1024 * 1024;
const MAX_AGE_MS = 60 * 60_000;
const staged = new Map<string, Staged>();

const sizeOf = (s: Staged) => s.results.reduce((n, r) => n + (r ? r.cleanedText.length * 2 : 0), 0);

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

/** A fact's values as the preview form sends them back unchanged: none is null, approximate a boolean. */
const asSent = (f: FactValues): FactValues => {
  const v = valuesOf(f);
  return {
    ...v,
    counterparty: v.counterparty ?? null,
    market: v.market ?? null,
    year: v.year ?? null,
    period: v.period ?? null,
    approximate: Boolean(v.approximate),
  };
};

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
  rejected: [],
  publishedYear: null,
  publishedYearSource: null,
});

/** What the preview shows of one extracted article: each fact with its figure highlighted in its sentence. */
function previewOf(base: Pick<PreviewFile, "index" | "name" | "path">, result: ArticleResult): PreviewFile {
  return {
    ...base,
    pending: false,
    error: null,
    title: result.title,
    publishedYear: result.publishedYear,
    publishedYearSource: result.publishedYearSource,
    rejected: result.rejected.map((r) => ({ reason: r.reason, quote: r.quote })),
    facts: result.facts.map((f, i) => {
      const inside = f.figureStart >= f.start && f.figureEnd <= f.end;
      const from = inside ? f.figureStart - f.start : f.quote.length;
      const to = inside ? f.figureEnd - f.start : f.quote.length;
      return {
        index: i,
        kind: f.kind,
        ...valuesOf(f),
        sentenceBefore: f.quote.slice(0, from),
        figure: f.quote.slice(from, to),
        sentenceAfter: f.quote.slice(to),
      };
    }),
  };
}

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
  const results: Array<ArticleResult | null> = uploads.map(() => null);
  const totalBytes = uploads.reduce((n, u) => n + (u.error ? 0 : (u.bytes?.length ?? 0)), 0);
  const files: PreviewFile[] = [];
  const jobs: Array<Promise<void>> = [];
  const entry: Staged = {
    id,
    userName,
    at: now,
    published,
    results,
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
          ? { files: filesRead, totalFiles: uploads.length, bytes: bytesRead, totalBytes }
          : null,
    };
  };
  for (const [index, upload] of uploads.entries()) {
    const path = pathOf(upload);
    const base = { index, name: upload.name || "pasted text", path };
    const reason = upload.error ?? (upload.bytes ? rejectReason(upload.bytes) : "no bytes received");
    if (reason || !upload.bytes) {
      files.push(emptyFile(base, reason ?? "no bytes received"));
      filesRead++;
      continue;
    }
    const size = upload.bytes.length;
    files.push(emptyFile(base, null, true));
    jobs.push(
      extractPool
        .extract(upload.bytes, path, publication(published))
        .then(
          (result) => {
            results[index] = result;
            files[index] = previewOf(base, result);
          },
          (err: unknown) => {
            const message = err instanceof Error ? err.message : String(err);
            files[index] = emptyFile(base, `could not be read: ${message}`);
          },
        )
        .finally(() => {
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
  return stagedFor(userName, id).preview;
}

/**
 * Stores each extracted article of the upload, one transaction each (with its drops, corrections and audit row),
 * so a file that fails loses nothing else; other requests are served between two articles.
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
  const saved = (s.preview.saved ?? []).filter((x) => x.articleId !== null);
  const done = new Set(saved.map((x) => x.index));
  const db = await getWriteSql();
  for (const [index, result] of s.results.entries()) {
    const file = s.preview.files[index];
    if (!result || done.has(index)) continue;
    // A turn of the event loop between articles: each is one transaction, and other requests go in between.
    await new Promise((next) => setImmediate(next));
    try {
      saved.push(await saveOne(db, userName, index, file.path, result, dropped, edits));
    } catch (err) {
      const reason = isBusy(err)
        ? "an import was writing to the database; save again in a few seconds"
        : err instanceof Error
          ? err.message
          : String(err);
      saved.push({ index, articleId: null, status: `not saved: ${reason}`, facts: 0, dropped: 0, corrected: 0 });
    }
  }
  s.preview = { ...s.preview, saved: saved.sort((a, b) => a.index - b.index) };
  return s.preview;
}

/** One article of an upload, its drops and corrections and its audit row, in one transaction. */
function saveOne(
  db: Sql,
  userName: string,
  index: number,
  path: string,
  result: ArticleResult,
  dropped: Set<string>,
  edits: Map<string, FactValues>,
): Promise<SavedFile> {
  return db.transaction(async (tx) => {
    const outcome = await saveArticle(tx, result);
    if (outcome.status === "unchanged" || outcome.status === "dropped") {
      return { index, articleId: outcome.articleId, status: "already imported", facts: 0, dropped: 0, corrected: 0 };
    }
    let droppedHere = 0;
    let correctedHere = 0;
    for (const [i, f] of result.facts.entries()) {
      const key = `${index}:${i}`;
      const edit = edits.get(key);
      const changed = edit !== undefined && changedKeys(asSent(f), edit).length > 0;
      if (!dropped.has(key) && !changed) continue;
      const row = await tx.get<{ id: number }>(
        `SELECT id FROM facts WHERE article_id = ? AND kind = ? AND start = ? AND ${sameAs(tx.dialect, "figure_start")}
         ORDER BY id`,
        [outcome.articleId, f.kind, f.start, f.figureStart],
      );
      if (!row) continue;
      if (dropped.has(key)) {
        await reviewFact(tx, row.id, { action: "reject" }, userName);
        droppedHere++;
      } else if (edit) {
        await reviewFact(tx, row.id, { action: "correct", values: edit }, userName);
        correctedHere++;
      }
    }
    await writeAudit(tx, {
      userName,
      action: "article.import",
      subject: `${path} in article ${outcome.articleId}`,
      after: {
        title: result.title,
        facts: outcome.facts,
        dropped: droppedHere,
        corrected: correctedHere,
        status: outcome.status,
      },
    });
    return {
      index,
      articleId: outcome.articleId,
      status: outcome.status,
      facts: outcome.facts - droppedHere,
      dropped: droppedHere,
      corrected: correctedHere,
    };
  });
}

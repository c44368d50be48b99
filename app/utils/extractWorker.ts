import { deserialize, serialize } from "node:v8";
import { parentPort } from "node:worker_threads";
import { openDatabase } from "../../db/client";
import { postgresUrl } from "../../db/databaseUrl";
import type { Sql } from "../../db/sql";
import { writeWaitMs } from "../../db/writeWait";
import { extractArticle } from "../../importers/pipeline";
import type { ArticleResult } from "../../importers/types";
import { previewOf } from "../models/importPreview.server";
import { saveUploadedArticle } from "../models/uploadSave.server";
import { type ExtractReply, type ExtractRequest, ownBuffer } from "./extractJobs";
import { readUploads } from "./uploads.server";

/**
 * An extraction worker (extractPool.server.ts): takes an upload's form apart into its files, and reads one uploaded
 * article at a time, off the server's event loop,
 * with the same pipeline as the command line, and sends back its preview and the article serialized; later stores
 * it through the async write path (decision 020), over a connection of its own (withWriteSql). Started through extractWorkerBoot.mjs.
 */
/** Bytes handed back to the server rather than copied, once each. */
function handOver(bytes: Uint8Array | null, transfer: ArrayBuffer[]): void {
  for (const buffer of ownBuffer(bytes)) if (!transfer.includes(buffer)) transfer.push(buffer);
}

/** This worker's PostgreSQL pool (two connections), opened when it first saves; the server has migrated the database. */
let postgres: { url: string; sql: Sql } | undefined;

/**
 * What a save writes through (decision 020): PostgreSQL when DATABASE_URL names one, through the worker's own pool
 * (the server hears its commits as another instance's, db/pgChanges.ts); else a SQLite connection opened for this
 * article and closed after, so the worker never holds a file the server has since reopened (decision 007).
 */
async function withWriteSql<T>(write: (sql: Sql) => Promise<T>): Promise<T> {
  const url = postgresUrl();
  if (url) {
    if (postgres?.url !== url) {
      const { newPool, postgresSql } = await import("../../db/postgres");
      postgres = { url, sql: postgresSql(newPool(url, 2), url, { lockTimeoutMs: writeWaitMs }) };
    }
    return write(postgres.sql);
  }
  // As the server's own connections: the lock another writer holds is waited for on timers, up to
  // DATABASE_WRITE_WAIT_MS, and the file is then "not saved" with the reason (decision 040).
  const handle = openDatabase(undefined, { writesWaitOnTimers: true });
  try {
    return await write(handle.sql);
  } finally {
    handle.sqlite.close();
  }
}

const port = parentPort;
if (!port) throw new Error("extractWorker.ts runs as a worker thread (extractPool.server.ts starts it)");
port.on("message", async (request: ExtractRequest) => {
  const { id } = request;
  let reply: ExtractReply;
  const transfer: ArrayBuffer[] = [];
  try {
    if (request.type === "parse") {
      const { body, contentType, maxBytes, maxTotal } = request;
      const form = new Request("http://localhost/import", {
        method: "POST",
        headers: { "Content-Type": contentType },
        body: body as Uint8Array<ArrayBuffer>,
      });
      const parsed = await readUploads(form, maxBytes, maxTotal).catch(async (thrown: unknown) => {
        if (!(thrown instanceof Response)) throw thrown;
        const { message } = (await thrown.json()) as { message: string };
        return { refused: { status: thrown.status, message } };
      });
      if ("files" in parsed) {
        for (const file of parsed.files) handOver(file.bytes, transfer);
      }
      reply = { id, parsed };
    } else if (request.type === "extract") {
      const result = extractArticle(request.bytes, request.path, request.options);
      const article = serialize(result);
      handOver(article, transfer);
      reply = { id, extracted: { preview: previewOf(result), article } };
    } else {
      const result = deserialize(request.article) as ArticleResult;
      const saved = await withWriteSql((sql) => saveUploadedArticle(sql, result, request.job));
      reply = saved.articleId === null ? { id, saved, article: request.article } : { id, saved };
      if (saved.articleId === null) handOver(request.article, transfer);
    }
  } catch (err) {
    reply = { id, error: err instanceof Error ? err.message : String(err) };
  }
  port.postMessage(reply, transfer);
});

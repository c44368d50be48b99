import { parentPort } from "node:worker_threads";
import { extractArticle } from "../pipeline";
import { rejectReason } from "../run/files";
import { readArticleBytes } from "../run/readArticle";
import type { ThreadReply, ThreadRequest } from "./threadMessages";

/**
 * One extraction thread of a worker process (threadPool.ts): reads a job's file and extracts it, as the import
 * command did on its one thread. The article goes back whole; storing stays on the process's main thread.
 */
parentPort?.on("message", (req: ThreadRequest) => {
  let reply: ThreadReply;
  let read = false;
  try {
    const bytes = readArticleBytes(req.resolved, req.maxBytes);
    read = true;
    const reason = rejectReason(bytes);
    if (reason) throw new Error(reason);
    reply = { id: req.id, result: extractArticle(bytes, req.resolved, { publishedYear: req.publishedYear }) };
  } catch (err) {
    reply = { id: req.id, refused: { reason: err instanceof Error ? err.message : String(err), read } };
  }
  parentPort?.postMessage(reply);
});

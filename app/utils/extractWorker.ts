import { parentPort } from "node:worker_threads";
import { extractArticle } from "../../importers/pipeline";
import type { ExtractReply, ExtractRequest } from "./extractJobs";

/**
 * An extraction worker (extractPool.server.ts): reads one uploaded article at a time off the server's event loop,
 * with the same pipeline as the command line, and sends the result back. Started through extractWorkerBoot.mjs.
 */
const port = parentPort;
if (!port) throw new Error("extractWorker.ts runs as a worker thread (extractPool.server.ts starts it)");
port.on("message", ({ id, bytes, path, options }: ExtractRequest) => {
  let reply: ExtractReply;
  try {
    reply = { id, result: extractArticle(bytes, path, options) };
  } catch (err) {
    reply = { id, error: err instanceof Error ? err.message : String(err) };
  }
  port.postMessage(reply);
});

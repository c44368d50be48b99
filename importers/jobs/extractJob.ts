import { extractArticle } from "../pipeline";
import { rejectReason } from "../run/files";
import { readArticleBytes } from "../run/readArticle";
import type { ThreadReply, ThreadRequest } from "./threadMessages";

/** Reads a job's file and extracts it, or says why it cannot: on an extraction thread, or inline (`--workers 0`). */
export function extractJob(req: ThreadRequest): ThreadReply {
  let read = false;
  try {
    const bytes = readArticleBytes(req.resolved, req.maxBytes);
    read = true;
    const reason = rejectReason(bytes);
    if (reason) throw new Error(reason);
    return { id: req.id, result: extractArticle(bytes, req.resolved, { publishedYear: req.publishedYear }) };
  } catch (err) {
    return { id: req.id, refused: { reason: err instanceof Error ? err.message : String(err), read } };
  }
}

import type { ExtractOptions } from "../../importers/pipeline";
import type { ArticleResult } from "../../importers/types";

/** One file for an extraction worker (extractPool.server.ts): its bytes, where it will be stored, its date. */
export interface ExtractRequest {
  id: number;
  bytes: Uint8Array;
  path: string;
  options: ExtractOptions;
}

export type ExtractReply = { id: number; result: ArticleResult } | { id: number; error: string };

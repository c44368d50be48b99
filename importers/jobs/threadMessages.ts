import type { ArticleResult } from "../types";

/** A job's file for an extraction thread: where it is, its size limit and its publication year. */
export interface ThreadRequest {
  id: number;
  resolved: string;
  maxBytes: number;
  publishedYear: number | null;
}

export type ThreadReply =
  | { id: number; result: ArticleResult }
  /** `read`: the bytes were read before the file was refused (an empty or binary file). */
  | { id: number; refused: { reason: string; read: boolean } };

import type { ArticlePreview } from "~/models/importPreview.server";
import type { SavedFile, UploadSaveJob } from "~/models/uploadSave.server";
import type { ExtractOptions } from "../../importers/pipeline";
import type { Upload } from "./uploads.server";

/**
 * The messages of an extraction worker (extractPool.server.ts): an upload's form to take apart (the request's
 * body, as received), a file to read (its bytes, where it will be stored, its date), or a read file to store (the
 * article as the worker sent it back, and the analyst's choices).
 */
export type ExtractRequest =
  | { id: number; type: "parse"; body: Uint8Array; contentType: string; maxBytes: number; maxTotal: number }
  | { id: number; type: "extract"; bytes: Uint8Array; path: string; options: ExtractOptions }
  | { id: number; type: "save"; article: Uint8Array; job: UploadSaveJob };

/**
 * A file read: what the preview shows, and the whole article serialized (v8.serialize), which the server keeps
 * as bytes until it is saved: deserializing an article of megabytes on the event loop is what the worker spares it.
 */
export interface ExtractedFile {
  preview: ArticlePreview;
  article: Uint8Array;
}

/** A multipart form read (uploads.server.ts), or why it was refused (the status and message of the answer). */
export type ParsedForm =
  | { files: Upload[]; fields: Record<string, string> }
  | { refused: { status: number; message: string } };

export type ExtractReply =
  | { id: number; parsed: ParsedForm }
  | { id: number; extracted: ExtractedFile }
  /** `article` comes back (handed over) when it was not stored, so it can be saved again. */
  | { id: number; saved: SavedFile; article?: Uint8Array }
  | { id: number; error: string };

/** The buffer of bytes that fill one of their own, to hand over; small ones share Node's pool and are copied. */
export function ownBuffer(bytes: Uint8Array | null): ArrayBuffer[] {
  const buffer = bytes?.buffer;
  return bytes && buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength
    ? [buffer]
    : [];
}

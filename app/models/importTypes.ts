/** Shapes of the web import's preview; plain data, safe to import from client code. */
import type { Segment } from "~/utils/highlight";
import type { FactFigure } from "./types";

export interface PreviewFact extends FactFigure {
  index: number;
  sentenceBefore: string;
  figure: string;
  sentenceAfter: string;
}

export interface PreviewFile {
  index: number;
  name: string;
  /** Where it will be stored: `upload/NAME` or `pasted/HASH.txt`; the same path again replaces the article. */
  path: string;
  /** Still being read by the extractor (the preview is shown while the upload's other files are read). */
  pending: boolean;
  /** Why it cannot be imported (empty, binary, too large), in the import command's words. */
  error: string | null;
  title: string;
  publishedYear: number | null;
  publishedYearSource: string | null;
  /** The first PREVIEW_FACTS facts found (importPreview.server.ts); the others are saved as found. */
  facts: PreviewFact[];
  /** How many facts were found in all. */
  factCount: number;
  /** Figures validation turned away, with the reason. */
  rejected: Array<{ reason: string; quote: string }>;
  /**
   * The cleaned article as it will be stored, its listed facts' sentences marked (ids are the facts' indexes): at
   * most PREVIEW_TEXT characters of it; `length` is the whole text's. Null for a file not read.
   */
  text: { segments: Segment[]; length: number } | null;
}

/** One file of an upload being read: waiting for a worker, being read (for how long), read, or refused. */
export interface FileProgress {
  index: number;
  name: string;
  bytes: number;
  state: "waiting" | "reading" | "read" | "failed";
  /** Seconds since a worker began reading it (while reading), or how long it took (once read). */
  seconds: number | null;
  /** Facts found, once read. */
  facts: number | null;
}

export interface ImportPreview {
  id: string;
  published: string | null;
  files: PreviewFile[];
  /** While the extractor reads the upload: files and bytes read so far, of how many; null once all are read. */
  reading: {
    files: number;
    totalFiles: number;
    bytes: number;
    totalBytes: number;
    /** Each file in the order sent: where the extractor is with it. */
    perFile: FileProgress[];
  } | null;
  /** After saving: what became of each file. */
  saved: Array<{
    index: number;
    articleId: number | null;
    status: string;
    facts: number;
    dropped: number;
    /** Facts edited in the preview, stored as corrections. */
    corrected: number;
  }> | null;
}

import { valuesOf } from "../../db/reviews";
import type { ArticleResult } from "../../importers/types";
import type { PreviewFile } from "./importTypes";

/** What the preview shows of one extracted article, apart from where it came from (its index, name and path). */
export type ArticlePreview = Pick<
  PreviewFile,
  "title" | "publishedYear" | "publishedYearSource" | "rejected" | "facts" | "factCount"
>;

/**
 * The facts a preview lists per file, each with its Keep box. Past them the facts are saved as found (and reviewed
 * on /review): what the server sends, and the page it draws, stay the same size however dense the file, where a
 * file of 10,000 facts once held the event loop for a quarter of a second just to receive its preview.
 */
export const PREVIEW_FACTS = 500;

/**
 * The first PREVIEW_FACTS facts, each with its figure highlighted in its sentence. Built in the extraction worker beside the article
 * (extractWorker.ts), so the server's event loop receives the preview and never the whole article.
 */
export function previewOf(result: ArticleResult): ArticlePreview {
  return {
    title: result.title,
    publishedYear: result.publishedYear,
    publishedYearSource: result.publishedYearSource,
    rejected: result.rejected.map((r) => ({ reason: r.reason, quote: r.quote })),
    factCount: result.facts.length,
    facts: result.facts.slice(0, PREVIEW_FACTS).map((f, i) => {
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

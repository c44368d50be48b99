import { valuesOf } from "../../db/reviews";
import type { ArticleResult } from "../../importers/types";
import { highlightSegments } from "../utils/highlight";
import type { PreviewFile } from "./importTypes";

/** What the preview shows of one extracted article, apart from where it came from (its index, name and path). */
export type ArticlePreview = Pick<
  PreviewFile,
  "title" | "publishedYear" | "publishedYearSource" | "rejected" | "facts" | "factCount" | "text"
>;

/**
 * Characters of the cleaned article a preview shows, its listed facts' sentences highlighted: a page of a long
 * article, not the 20 MB one, so the preview stays the same size however large the file.
 */
export const PREVIEW_TEXT = 20_000;

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
    text: {
      // Cut at a space, so no word is halved; the listed facts' sentences are marked (a sentence cut off is
      // marked up to the cut).
      segments: highlightSegments(
        cutText(result.cleanedText),
        result.facts.slice(0, PREVIEW_FACTS).map((f, i) => ({
          id: i,
          start: f.start,
          end: f.end,
          figureStart: f.figureStart,
          figureEnd: f.figureEnd,
        })),
      ),
      length: result.cleanedText.length,
    },
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

function cutText(text: string): string {
  if (text.length <= PREVIEW_TEXT) return text;
  const space = text.lastIndexOf(" ", PREVIEW_TEXT);
  return text.slice(0, space > PREVIEW_TEXT / 2 ? space : PREVIEW_TEXT);
}

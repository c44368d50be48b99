/**
 * How an article's publication year was found, in words (importers/recognise/publication.ts names the sources).
 * The importer's labels are for the eval report; a reader wants to know how far to trust the year.
 */
const WORDS: Record<string, string> = {
  option: "date given at import",
  "date-line": "date from the article's Date line",
  "same-period": "date inferred from the text: it compares with the same period a year before",
  "completed-year": "date inferred from the text: it reports on a year that has ended",
  "latest-year": "date inferred from the text: the latest year it mentions",
};

export function publicationWords(year: number | null, source: string | null): string {
  if (year === null) return "Publication year unknown: the text gives no date";
  return `Published ${year} (${(source && WORDS[source]) ?? "date inferred from the text"})`;
}

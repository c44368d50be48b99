import type { ArticleResult, Fact } from "../types";

const figure = (f: Fact) =>
  `${f.kind} ${f.company}${f.counterparty ? ` -> ${f.counterparty}` : ""} ${f.year ?? "?"}/${f.period ?? "-"} ` +
  `${f.low === f.high ? f.low : `${f.low}..${f.high}`} ${f.unit} ${f.status}${f.approximate ? " ~" : ""}`;

/** One article's facts with the rule behind each and the candidates that lost the same figure, for a person. */
export function explainArticle(article: ArticleResult): string {
  const lines = [
    `${article.path}: published ${article.publishedYear ?? "?"} (${article.publishedYearSource ?? "unknown"})`,
  ];
  const lost = article.explain?.lost ?? [];
  for (const f of article.facts) {
    lines.push(`  ${figure(f)}`);
    lines.push(`    rule   ${f.rule ?? "?"}   figure "${article.cleanedText.slice(f.figureStart, f.figureEnd)}"`);
    lines.push(`    quote  ${f.quote.length > 160 ? `${f.quote.slice(0, 157)}...` : f.quote}`);
    for (const l of lost.filter((x) => x.figureStart >= f.figureStart && x.figureStart < f.figureEnd))
      lines.push(`    lost   ${l.rule}${l.fact ? `: ${figure(l.fact)}` : " (claims the figure for no fact)"}`);
  }
  // A figure every candidate lost (to a rule that gives no fact) is explained on its own.
  const shown = new Set(article.facts.map((f) => f.figureStart));
  for (const l of lost.filter(
    (x) => !article.facts.some((f) => x.figureStart >= f.figureStart && x.figureStart < f.figureEnd),
  )) {
    if (shown.has(l.figureStart)) continue;
    lines.push(
      `  no fact at "${article.cleanedText.slice(l.figureStart, l.figureStart + 30)}...": ${l.rule} lost to ${l.lostTo}`,
    );
  }
  for (const b of article.explain?.blocked ?? [])
    lines.push(
      `  no fact at "${article.cleanedText.slice(b.figureStart, b.figureStart + 24)}...": claimed by ${b.rule}`,
    );
  for (const r of article.rejected) lines.push(`  rejected ${r.kind} ${r.company} ${r.low} ${r.unit}: ${r.reason}`);
  return lines.join("\n");
}

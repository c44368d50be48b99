import { Form, Link } from "@remix-run/react";
import { SubmitButton } from "~/components/Pending";
import type { ConflictFigure } from "~/models/conflictTypes";
import type { ReviewItem } from "~/models/reviewTypes";
import { formatFigure } from "~/utils/format";

/**
 * The figures sources disagree on, beside a flagged fact in the review queue: each with the articles that give it
 * and, for analysts, a form that settles the conflict by confirming that figure (the others are superseded,
 * audited, restorable). A stake's conflict is by as-of year, settled on the stakes page: it is linked instead.
 */
export function ConflictFigures({
  item,
  figures,
  back,
  canReview,
}: {
  item: ReviewItem;
  figures: ConflictFigure[] | undefined;
  back: string;
  canReview: boolean;
}) {
  if (item.kind === "stake") {
    const holder = encodeURIComponent(item.company);
    const held = encodeURIComponent(item.counterparty ?? "");
    return (
      <p className="review-conflict">
        Sources give this stake as different figures:{" "}
        <Link to={`/stakes?holder=${holder}&held=${held}`}>compare and settle them on the stakes page</Link>.
      </p>
    );
  }
  if (!figures?.length) return null;
  return (
    <section className="review-conflict" aria-label="Figures the sources give">
      <p>Sources disagree. Confirm the right figure; the others are superseded (and can be restored).</p>
      <ul>
        {figures.map((f) => (
          <li key={`${f.low}-${f.high}`} data-figure={f.low === f.high ? f.low : `${f.low}-${f.high}`}>
            <strong>{formatFigure(f)}</strong>
            {f.low === item.low && f.high === item.high ? " (this fact)" : ""} —{" "}
            {f.sources.map((s, i) => (
              <span key={s.factId}>
                {i > 0 ? "; " : ""}
                <Link to={`/articles/${s.articleId}#fact-${s.factId}`}>{s.articleTitle}</Link>
                {s.publishedYear ? ` (${s.publishedYear})` : ""}
              </span>
            ))}
            {f.count > f.sources.length ? ` and ${f.count - f.sources.length} more` : ""}{" "}
            {canReview && (
              <Form method="post" className="inline-form settle-form">
                <input type="hidden" name="intent" value="settle" />
                <input type="hidden" name="factId" value={f.factId} />
                <input type="hidden" name="back" value={back} />
                <SubmitButton match={{ intent: "settle", factId: f.factId }} pending="Confirming…">
                  Confirm {formatFigure(f)}
                </SubmitButton>
              </Form>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

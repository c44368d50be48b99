import { Form, Link } from "@remix-run/react";
import { SubmitButton } from "~/components/Pending";
import type { ConflictFigure } from "~/models/conflictTypes";
import { DOUBT_WORDS, type ReviewItem } from "~/models/reviewTypes";
import { formatFigure, formatPeriod } from "~/utils/format";
import { ConflictFigures } from "./ConflictFigures";
import { FactFields } from "./FactFields";

interface Props {
  item: ReviewItem;
  /** The queue's URL, so that each decision comes back to the same filters. */
  back: string;
  canReview: boolean;
  /** The figures its sources disagree on, when the fact is flagged as a conflict. */
  conflict?: ConflictFigure[];
}

/**
 * One fact of the queue: what the extractor read, the sentence it came from (figure in bold, a little text on
 * each side), and, for analysts, three forms: confirm, reject, and correct (inside a disclosure, every field).
 */
export function ReviewCard({ item, back, canReview, conflict }: Props) {
  const editId = `edit-${item.id}`;
  return (
    <article className="review-item" tabIndex={-1} data-fact-id={item.id} aria-labelledby={`fact-title-${item.id}`}>
      <h2 id={`fact-title-${item.id}`} className="review-title">
        <span className="review-kind">{item.kind.replace("_", " ")}</span> {item.company}
        {item.counterparty ? ` → ${item.counterparty}` : ""}: {formatFigure(item)}{" "}
        <span className="review-period">
          {formatPeriod(item.year, item.period)} · {item.status}
          {item.market ? ` · ${item.market}` : ""}
        </span>
      </h2>
      {item.doubts.length ? (
        <ul className="review-doubts">
          {item.doubts.map((d) => (
            <li key={d}>{DOUBT_WORDS[d]}</li>
          ))}
        </ul>
      ) : null}
      <blockquote className="review-context">
        {item.before}
        <mark className="fact-sentence">
          {item.sentenceBefore}
          <strong className="fact-figure">{item.figure}</strong>
          {item.sentenceAfter}
        </mark>
        {item.after}
      </blockquote>
      {item.doubts.includes("conflict") && (
        <ConflictFigures item={item} figures={conflict} back={back} canReview={canReview} />
      )}
      <p className="review-source">
        From <Link to={`/articles/${item.articleId}#fact-${item.id}`}>{item.articleTitle}</Link> ·{" "}
        <Link to={`/review?article=${item.articleId}`}>this article's facts</Link>
      </p>
      {canReview ? (
        <div className="review-actions">
          <Form method="post" className="review-decide">
            <input type="hidden" name="factId" value={item.id} />
            <input type="hidden" name="back" value={back} />
            <SubmitButton name="intent" value="confirm" match={{ factId: item.id }} data-key="confirm">
              Confirm <kbd>a</kbd>
            </SubmitButton>
            <SubmitButton name="intent" value="reject" match={{ factId: item.id }} data-key="reject">
              Reject <kbd>r</kbd>
            </SubmitButton>
          </Form>
          <details className="review-edit" id={editId}>
            <summary data-key="edit">
              Correct… <kbd>e</kbd>
            </summary>
            <Form method="post" className="review-fields">
              <input type="hidden" name="factId" value={item.id} />
              <input type="hidden" name="back" value={back} />
              <input type="hidden" name="intent" value="correct" />
              <FactFields fact={item} suggest />
              <label className="review-check">
                <input type="checkbox" name="alias" /> if the company changes, file “{item.company}” under it from now
                on (an alias)
              </label>
              <SubmitButton match={{ factId: item.id, intent: "correct" }} pending="Saving…">
                Save correction
              </SubmitButton>
            </Form>
          </details>
        </div>
      ) : null}
    </article>
  );
}

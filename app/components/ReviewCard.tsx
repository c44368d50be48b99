import { Form, Link } from "@remix-run/react";
import { DOUBT_WORDS, PERIODS, type ReviewItem } from "~/models/reviewTypes";
import { STATUSES } from "~/models/types";
import { formatFigure, formatPeriod } from "~/utils/format";

interface Props {
  item: ReviewItem;
  /** The queue's URL, so that each decision comes back to the same filters. */
  back: string;
  canReview: boolean;
}

/**
 * One fact of the queue: what the extractor read, the sentence it came from (figure in bold, a little text on
 * each side), and, for analysts, three forms: confirm, reject, and correct (inside a disclosure, every field).
 */
export function ReviewCard({ item, back, canReview }: Props) {
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
      <p className="review-source">
        From <Link to={`/articles/${item.articleId}#fact-${item.id}`}>{item.articleTitle}</Link> ·{" "}
        <Link to={`/review?article=${item.articleId}`}>this article's facts</Link>
      </p>
      {canReview ? (
        <div className="review-actions">
          <Form method="post" className="review-decide">
            <input type="hidden" name="factId" value={item.id} />
            <input type="hidden" name="back" value={back} />
            <button type="submit" name="intent" value="confirm" data-key="confirm">
              Confirm <kbd>a</kbd>
            </button>
            <button type="submit" name="intent" value="reject" data-key="reject">
              Reject <kbd>r</kbd>
            </button>
          </Form>
          <details className="review-edit" id={editId}>
            <summary data-key="edit">
              Correct… <kbd>e</kbd>
            </summary>
            <Form method="post" className="review-fields">
              <input type="hidden" name="factId" value={item.id} />
              <input type="hidden" name="back" value={back} />
              <input type="hidden" name="intent" value="correct" />
              <label>
                Company <input name="company" defaultValue={item.company} required maxLength={200} />
              </label>
              <label>
                Counterparty <input name="counterparty" defaultValue={item.counterparty ?? ""} maxLength={200} />
              </label>
              <label>
                Market <input name="market" defaultValue={item.market ?? ""} maxLength={200} />
              </label>
              <label>
                Year <input name="year" defaultValue={item.year ?? ""} inputMode="numeric" size={6} />
              </label>
              <label>
                Period{" "}
                <select name="period" defaultValue={item.period ?? ""}>
                  <option value="">none</option>
                  {PERIODS.map((p) => (
                    <option key={p} value={p}>
                      {p}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                Low <input name="low" defaultValue={item.low} inputMode="decimal" required size={10} />
              </label>
              <label>
                High <input name="high" defaultValue={item.high} inputMode="decimal" required size={10} />
              </label>
              <label>
                Unit <input name="unit" defaultValue={item.unit} required maxLength={40} size={8} />
              </label>
              <label>
                Status{" "}
                <select name="status" defaultValue={item.status}>
                  {STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {s}
                    </option>
                  ))}
                </select>
              </label>
              <label className="review-check">
                <input type="checkbox" name="approximate" defaultChecked={item.approximate} /> approximate
              </label>
              <button type="submit">Save correction</button>
            </Form>
          </details>
        </div>
      ) : null}
    </article>
  );
}

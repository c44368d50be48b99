import { Form } from "@remix-run/react";
import { SubmitButton } from "~/components/Pending";
import type { ConflictFigure } from "~/models/conflictTypes";
import { formatFigure } from "~/utils/format";

/**
 * Beside a figure sources disagree on, in a company page's table: each figure given, with how many sources give it,
 * and a button that settles the conflict by confirming it (the page's action; the others are superseded, audited
 * as `figure.settle`, restorable on /review), as the review queue's ConflictFigures does. `action` is the company page
 * to post to from elsewhere (a chart's own page).
 */
export function SettleFigures({ figures, action }: { figures: ConflictFigure[]; action?: string }) {
  return (
    <ul className="settle-figures" aria-label="Settle: confirm the right figure">
      {figures.map((f) => (
        <li key={`${f.low}-${f.high}`} data-figure={f.low === f.high ? f.low : `${f.low}-${f.high}`}>
          <Form method="post" action={action} className="inline-form settle-form">
            <input type="hidden" name="intent" value="settle" />
            <input type="hidden" name="factId" value={f.factId} />
            <SubmitButton match={{ intent: "settle", factId: f.factId }} pending="Confirming…">
              Confirm {formatFigure(f)}
            </SubmitButton>
          </Form>{" "}
          ({f.count} {f.count === 1 ? "source" : "sources"})
        </li>
      ))}
    </ul>
  );
}

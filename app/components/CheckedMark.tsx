import type { CheckedState } from "~/models/types";

const LABEL: Record<CheckedState, string> = {
  confirmed: "Checked: confirmed by an analyst",
  corrected: "Checked: corrected by an analyst",
  added: "Checked: added by an analyst",
};

/** A small mark beside a fact a person has checked (confirmed, corrected or added), with its words for screen readers. */
export function CheckedMark({ state }: { state: CheckedState | null | undefined }) {
  if (!state) return null;
  return (
    <span className={`checked-mark checked-${state}`} role="img" aria-label={LABEL[state]} title={LABEL[state]}>
      ✓
    </span>
  );
}

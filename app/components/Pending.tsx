import { useFormAction, useNavigation } from "@remix-run/react";
import type { ButtonHTMLAttributes, ReactNode } from "react";

/**
 * Loading states. A page's loader can take a second on a large database (a company with thousands of figures, a
 * cold facts page), and without a sign people click again or think the link is dead: the header says "Loading…"
 * and the page is marked busy while a navigation is under way, and submit buttons are disabled while a form is
 * being sent, the one pressed saying what it is doing.
 */

/** Whether a navigation (a link followed, a form sent) is under way. */
export function useBusy(): boolean {
  return useNavigation().state !== "idle";
}

/**
 * The header's indicator: a live region that says "Loading…" while a navigation is under way, drawn as a bar
 * across the top of the page. It stays in the page when idle, empty, so screen readers announce the change.
 */
export function PendingStatus() {
  const busy = useBusy();
  return (
    <div className={busy ? "pending-status busy" : "pending-status"} role="status" aria-live="polite">
      {busy ? "Loading…" : ""}
    </div>
  );
}

const pathOf = (action: string) => new URL(action, "http://x").pathname;

type Props = Omit<ButtonHTMLAttributes<HTMLButtonElement>, "type"> & {
  children: ReactNode;
  /** What the button says while its form is being sent ("Saving…"); its own words otherwise. */
  pending?: ReactNode;
  /** The form's action, when it names one; else the route's own. */
  action?: string;
  /** Fields that tell this form from others sent to the same action (a hidden intent, a fact's id). */
  match?: Record<string, string | number>;
};

/**
 * A form's submit button, disabled while any form of the page is being sent (a second press would send it twice,
 * or cancel the first), and saying `pending` while its own is: same action, the same `name`/`value` when it has
 * them (two buttons of one form), and the fields of `match` (three forms sent to one action).
 */
export function SubmitButton({ children, pending, action, match, name, value, disabled, ...rest }: Props) {
  const navigation = useNavigation();
  const routeAction = useFormAction();
  const sending = navigation.formData !== undefined && navigation.formAction !== undefined;
  const mine =
    sending &&
    pathOf(navigation.formAction!) === pathOf(action ?? routeAction) &&
    (name === undefined || navigation.formData!.get(name) === String(value)) &&
    Object.entries(match ?? {}).every(([field, v]) => navigation.formData!.get(field) === String(v));
  return (
    <button
      type="submit"
      name={name}
      value={value}
      disabled={disabled || sending}
      aria-busy={mine || undefined}
      {...rest}
    >
      {mine && pending ? pending : children}
    </button>
  );
}

import { Form } from "@remix-run/react";
import { CompanyCombobox } from "~/components/CompanyCombobox";
import { SubmitButton } from "~/components/Pending";

interface Props {
  name: string;
  aliases: string[];
  /** The message of the last change refused, and which form it came from. */
  error?: { intent: string; message: string } | null;
}

/**
 * An analyst's changes to a company itself, on its page: rename it, merge it into the company it really is, or
 * remove it as no company (its facts are rejected). Ordinary POST forms, so they work without scripts.
 */
export function CompanyEdit({ name, aliases, error }: Props) {
  const others = aliases.filter((a) => a !== name.toLowerCase());
  const problem = (intent: string) =>
    error?.intent === intent ? (
      <p className="form-error" role="alert">
        {error.message}
      </p>
    ) : null;
  return (
    <details className="company-edit" open={Boolean(error)}>
      <summary>Rename, merge or remove {name}</summary>
      {error && !["rename", "merge", "remove"].includes(error.intent) ? problem(error.intent) : null}
      <p className="hint">
        {others.length ? `Also written as: ${others.join(", ")}. ` : ""}
        Every change is in the audit trail and holds when the articles are imported again.
      </p>
      <Form method="post" className="company-edit-form" aria-label={`Rename ${name}`}>
        <input type="hidden" name="intent" value="rename" />
        <label>
          New name <input name="name" defaultValue={name} required maxLength={120} />
        </label>
        <SubmitButton match={{ intent: "rename" }} pending="Renaming…">
          Rename
        </SubmitButton>
        {problem("rename")}
      </Form>
      <Form method="post" className="company-edit-form" aria-label={`Merge ${name} into another company`}>
        <input type="hidden" name="intent" value="merge" />
        <CompanyCombobox name="into" label={`${name} is the same company as`} placeholder="e.g. Renault" />
        <SubmitButton match={{ intent: "merge" }} pending="Merging…">
          Merge
        </SubmitButton>
        <span className="hint">Its facts, stakes and names move to that company; {name} is then gone.</span>
        {problem("merge")}
      </Form>
      <Form method="post" className="company-edit-form" aria-label={`Remove ${name}`}>
        <input type="hidden" name="intent" value="remove" />
        <label>
          <input type="checkbox" name="confirm" value="yes" required /> {name} is no company (a place, a person, a word)
        </label>
        <SubmitButton match={{ intent: "remove" }} pending="Removing…">
          Remove and reject its facts
        </SubmitButton>
        {problem("remove")}
      </Form>
    </details>
  );
}

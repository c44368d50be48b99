import { Form } from "@remix-run/react";
import { SubmitButton } from "~/components/Pending";

/** An admin's button that undoes a company merge or removal (also on a removed company's page). */
export function UndoButton({ auditId, action }: { auditId: number; action: string }) {
  const what = action === "company.merge" ? "merge" : "removal";
  return (
    <Form method="post" action="/audit" className="inline-form undo-form">
      <input type="hidden" name="intent" value="undo" />
      <input type="hidden" name="auditId" value={auditId} />
      <SubmitButton action="/audit" match={{ auditId }} pending="Undoing…">
        Undo this {what}
      </SubmitButton>
    </Form>
  );
}

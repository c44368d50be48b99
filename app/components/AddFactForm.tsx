import { Form } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { KindSelect } from "~/components/KindSelect";
import { SubmitButton } from "~/components/Pending";
import { FactFields } from "./FactFields";

const EMPTY = {
  company: "",
  counterparty: null,
  market: null,
  year: null,
  period: null,
  low: "",
  high: "",
  unit: "",
  status: "actual",
  approximate: false,
};

/**
 * Adds a fact the extractor missed. Without scripts the sentence is pasted; with them, selecting words in the
 * article's text (`.article-text`) fills the sentence, and "Selection is the figure" fills the figure.
 */
export function AddFactForm() {
  const quote = useRef<HTMLTextAreaElement>(null);
  const figure = useRef<HTMLInputElement>(null);
  const lastSelection = useRef("");
  useEffect(() => {
    const onSelect = () => {
      const selection = document.getSelection();
      const text = selection?.toString().trim() ?? "";
      const inArticle = selection?.anchorNode?.parentElement?.closest(".article-text");
      if (!text || !inArticle) return;
      lastSelection.current = text;
      if (quote.current && (!quote.current.value || text.length > 40)) quote.current.value = text;
    };
    document.addEventListener("mouseup", onSelect);
    document.addEventListener("keyup", onSelect);
    return () => {
      document.removeEventListener("mouseup", onSelect);
      document.removeEventListener("keyup", onSelect);
    };
  }, []);
  return (
    <details className="add-fact">
      <summary>Add a fact the extractor missed</summary>
      <p className="hint">
        Select the sentence in the text above (or paste it), then the figure's words, and fill in what it says.
      </p>
      <Form method="post" className="review-fields">
        <input type="hidden" name="intent" value="add" />
        <label className="add-quote">
          Sentence <textarea ref={quote} name="quote" rows={3} cols={80} required maxLength={3000} />
        </label>
        <label>
          Figure's words <input ref={figure} name="figure" maxLength={200} placeholder="e.g. €2.9 billion" />
        </label>
        <button
          type="button"
          onClick={() => {
            if (figure.current && lastSelection.current) figure.current.value = lastSelection.current;
          }}
        >
          Selection is the figure
        </button>
        <KindSelect defaultValue="revenue" />
        <FactFields fact={EMPTY} />
        <SubmitButton match={{ intent: "add" }} pending="Adding…">
          Add the fact
        </SubmitButton>
      </Form>
    </details>
  );
}

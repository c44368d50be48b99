import { Form, Link } from "@remix-run/react";
import type React from "react";
import { FactFields } from "~/components/FactFields";
import { HighlightedText } from "~/components/HighlightedText";
import { SubmitButton } from "~/components/Pending";
import { Reading } from "~/components/ReadingProgress";
import type { ImportPreview, PreviewFile } from "~/models/importTypes";
import { formatFigure, formatPeriod } from "~/utils/format";

/**
 * An upload's preview on /import: while it is read, each file's progress; then each file's proposed facts with
 * their sentences, Keep boxes and Edit forms, the article as it will be stored with the facts' sentences
 * highlighted, and after saving what became of each file.
 */
export function Preview({ preview, editable }: { preview: ImportPreview; editable: number }) {
  if (preview.reading) return <Reading reading={preview.reading} id={preview.id} />;
  const saved = new Map((preview.saved ?? []).map((s) => [s.index, s]));
  const pending = preview.files.filter((f) => !f.error && !saved.get(f.index)?.articleId);
  return (
    <section className="import-preview">
      <h2>{preview.saved ? "Saved" : "Preview: nothing is stored yet"}</h2>
      {pending.length ? (
        <p className="hint">
          Untick a fact to drop it; open its Edit to correct any field before saving (stored as a correction, applied
          again when the article is imported again). Facts past the first {editable} of a file are corrected on the
          review page after saving.
        </p>
      ) : null}
      <Form method="post">
        <input type="hidden" name="intent" value="save" />
        <input type="hidden" name="id" value={preview.id} />
        {preview.files.map((file) => {
          const outcome = saved.get(file.index);
          return (
            <article key={file.index} className="import-file" data-file={file.name}>
              <h3>
                {file.name} <span className="hint">→ {file.path}</span>
              </h3>
              {file.error ? (
                <p className="form-error">Not imported: {file.error}.</p>
              ) : (
                <>
                  <p>
                    <strong>{file.title}</strong>
                    {file.publishedYear ? ` · ${file.publishedYear} (${file.publishedYearSource ?? "inferred"})` : ""}
                  </p>
                  {outcome ? (
                    <p className={outcome.articleId ? "form-note" : "form-error"}>
                      {outcome.status}
                      {outcome.articleId ? (
                        <>
                          {" "}
                          · {outcome.facts} {outcome.facts === 1 ? "fact" : "facts"} kept
                          {outcome.dropped ? `, ${outcome.dropped} dropped` : ""}
                          {outcome.corrected ? `, ${outcome.corrected} corrected` : ""} ·{" "}
                          <Link to={`/articles/${outcome.articleId}`}>the article</Link> ·{" "}
                          <Link to={`/review?article=${outcome.articleId}`}>review its facts</Link>
                        </>
                      ) : null}
                    </p>
                  ) : null}
                  {file.factCount > file.facts.length ? (
                    <p className="hint">
                      The first {file.facts.length} of {file.factCount} facts are listed; the other{" "}
                      {file.factCount - file.facts.length} are saved as found (review them after saving).
                    </p>
                  ) : null}
                  {file.facts.length === 0 ? (
                    <p className="empty">No facts found in this article.</p>
                  ) : (
                    <table className="import-facts cards">
                      <thead>
                        <tr>
                          <th>Keep</th>
                          <th>Fact</th>
                          <th>Sentence</th>
                        </tr>
                      </thead>
                      <tbody>
                        {file.facts.map((f) => (
                          <tr key={f.index}>
                            <td data-label="Keep">
                              <input
                                type="checkbox"
                                name="keep"
                                value={`${file.index}:${f.index}`}
                                defaultChecked
                                disabled={outcome !== undefined}
                                aria-label={`Keep ${f.kind.replace("_", " ")} of ${f.company}: ${formatFigure(f)}`}
                              />
                            </td>
                            <td data-label="Fact">
                              {f.kind.replace("_", " ")} · {f.company}
                              {f.counterparty ? ` → ${f.counterparty}` : ""}: <strong>{formatFigure(f)}</strong>{" "}
                              {formatPeriod(f.year, f.period)} · {f.status}
                              {f.market ? ` · ${f.market}` : ""}
                              {outcome === undefined && f.index < editable ? (
                                <details className="import-edit">
                                  <summary>Edit</summary>
                                  <div className="review-fields">
                                    <FactFields fact={f} prefix={`edit.${file.index}.${f.index}.`} />
                                  </div>
                                </details>
                              ) : null}
                            </td>
                            <td data-label="Sentence" className="quote">
                              <mark className="fact-sentence">
                                {f.sentenceBefore}
                                <strong className="fact-figure">{f.figure}</strong>
                                {f.sentenceAfter}
                              </mark>{" "}
                              {file.text && f.index < factsInText(file.text) ? (
                                <a
                                  href={`#preview-${file.index}-fact-${f.index}`}
                                  onClick={openArticle}
                                  className="in-article"
                                >
                                  in the article
                                </a>
                              ) : null}
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  )}
                  {file.text ? (
                    <details className="import-article">
                      <summary>
                        The article as it will be stored, its facts' sentences highlighted
                        {file.text.length > textLength(file.text) ? (
                          <>
                            {" "}
                            (the first {textLength(file.text).toLocaleString("en")} of{" "}
                            {file.text.length.toLocaleString("en")} characters)
                          </>
                        ) : null}
                      </summary>
                      <HighlightedText segments={file.text.segments} anchor={`preview-${file.index}-fact-`} />
                    </details>
                  ) : null}
                  {file.rejected.length ? (
                    <details>
                      <summary>{file.rejected.length} figures turned away by validation</summary>
                      <ul>
                        {file.rejected.map((r) => (
                          <li key={`${r.reason}|${r.quote}`}>
                            {r.reason}: “{r.quote}”
                          </li>
                        ))}
                      </ul>
                    </details>
                  ) : null}
                </>
              )}
            </article>
          );
        })}
        {pending.length ? (
          <SubmitButton match={{ intent: "save" }} pending="Saving…">
            Save {pending.length} {pending.length === 1 ? "article" : "articles"} with the facts ticked
          </SubmitButton>
        ) : null}
      </Form>
    </section>
  );
}

/** Characters of the article the preview holds. */
const textLength = (text: NonNullable<PreviewFile["text"]>) => text.segments.reduce((n, s) => n + s.text.length, 0);

/** How many facts have their sentence (its start) in the text the preview holds: their anchors are in it. */
const factsInText = (text: NonNullable<PreviewFile["text"]>) =>
  Math.max(0, ...text.segments.flatMap((s) => s.anchors.map((a) => a + 1)));

/** A link to a fact's sentence opens the article's box first, so the browser can scroll to it. */
function openArticle(event: React.MouseEvent<HTMLAnchorElement>) {
  const box = event.currentTarget.closest(".import-file")?.querySelector<HTMLDetailsElement>("details.import-article");
  if (box) box.open = true;
}

import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Preview } from "~/components/ImportPreview";
import { RouteError } from "~/components/RouteError";
import { useUploadProgress } from "~/components/useUploadProgress";
import { saveUpload, stagedPreview, stageUpload, uploadLimitBytes } from "~/models/webImport.server";
import { requireRole } from "~/sessions.server";
import { EDITABLE_FACTS, previewEdits } from "~/utils/importForms.server";
import { parseQuery } from "~/utils/params.server";
import { receiveUploads } from "~/utils/receiveUploads.server";
import { assertSameOrigin } from "~/utils/sameOrigin.server";

export const meta: MetaFunction = () => [{ title: "Import articles — Financial figures" }];

const WHAT = "Importing articles";
/** A whole upload may hold this many files' worth of the per-file limit. */
const FILES_PER_UPLOAD = 5;

const IMPORT_QUERY = z.object({ preview: z.string().uuid("preview is the number of an upload").optional() });

const published = z
  .string()
  .regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, "a publication date is written 2009-03-05 (or 2009-03, or 2009)")
  .refine((s) => {
    const [y, m, d] = s.split("-").map(Number);
    return y >= 1900 && y <= 2100 && (!m || (m >= 1 && m <= 12)) && (!d || (d >= 1 && d <= 31));
  }, "a publication date is a real date between 1900 and 2100")
  .optional();

const SAVE_FORM = z.object({ intent: z.literal("save"), id: z.string().uuid("the upload's number is missing") });

export async function loader({ request }: LoaderFunctionArgs) {
  const q = parseQuery(request, IMPORT_QUERY);
  const user = await requireRole(request, "analyst", WHAT);
  return json({
    preview: q.preview ? stagedPreview(user.name, q.preview) : null,
    editable: EDITABLE_FACTS,
    maxMb: Math.round((uploadLimitBytes() / 1024 / 1024) * 10) / 10,
  });
}

const bad = (message: string) => json({ message }, { status: 400 });

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const user = await requireRole(request, "analyst", WHAT);
  if ((request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
    const max = uploadLimitBytes();
    const { files, fields } = await receiveUploads(request, max, max * FILES_PER_UPLOAD);
    const date = published.safeParse(fields.published || undefined);
    if (!date.success) throw bad(`The field "published": ${date.error.issues[0].message}.`);
    const text = fields.text?.trim() ? [{ name: "", bytes: Buffer.from(fields.text, "utf8"), error: null }] : [];
    const uploads = [...files, ...text];
    if (!uploads.length) throw bad("Choose one or more files, or paste an article's text.");
    const staged = stageUpload(user.name, uploads, date.data ?? null);
    // The page's script asks to see the reading's progress (the preview shows it and refreshes itself); a form
    // sent without scripts waits for the whole preview. Either way the extraction runs in worker threads.
    if (fields.progress !== "1") await staged.ready;
    return redirect(`/import?preview=${staged.id}`, { status: 303 });
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw bad("The form could not be read: send it from the page.");
  }
  const parsed = SAVE_FORM.safeParse({ intent: form.get("intent"), id: form.get("id") });
  if (!parsed.success) throw bad(`${parsed.error.issues[0].message}.`);
  const preview = stagedPreview(user.name, parsed.data.id);
  const kept = new Set(form.getAll("keep").map(String));
  const dropped = new Set(
    preview.files.flatMap((f) => f.facts.map((fact) => `${f.index}:${fact.index}`)).filter((key) => !kept.has(key)),
  );
  const edits = previewEdits(
    form,
    (key) => {
      const [file, fact] = key.split(":").map(Number);
      const f = preview.files[file];
      return f?.facts[fact] ? `${f.name}, fact ${fact + 1} (${f.facts[fact].kind.replace("_", " ")})` : `fact ${key}`;
    },
    (key) => kept.has(key),
  );
  await saveUpload(user.name, parsed.data.id, dropped, edits);
  return redirect(`/import?preview=${parsed.data.id}`, { status: 303 });
}

export default function Import() {
  const { preview, maxMb, editable } = useLoaderData<typeof loader>();
  const [upload, onSubmit] = useUploadProgress();
  return (
    <>
      <h1>Import articles</h1>
      {preview ? <Preview preview={preview} editable={editable} /> : null}
      <h2>{preview ? "Import more" : "Upload"}</h2>
      {/* A fresh form after each upload, so the files just sent are not sent again by mistake. */}
      <Form
        key={preview?.id ?? "new"}
        method="post"
        action="/import"
        encType="multipart/form-data"
        className="import-form"
        onSubmit={onSubmit}
      >
        <label>
          Files (plain text or saved web pages, at most {maxMb} MB each){" "}
          <input type="file" name="files" multiple accept=".txt,.text,.html,.htm,text/plain,text/html" />
        </label>
        <label>
          Or paste an article (its first line is the title)
          <textarea name="text" rows={8} cols={80} />
        </label>
        <label>
          Publication date (optional; dates “this year” and “the quarter”){" "}
          <input type="date" name="published" min="1900-01-01" max="2100-12-31" />
        </label>
        <button type="submit" name="intent" value="preview" disabled={upload !== null && "sent" in upload}>
          Preview the facts
        </button>
        {upload && "sent" in upload ? (
          <p role="status" className="upload-progress">
            <progress value={upload.sent} max={upload.total || undefined} />{" "}
            {upload.total ? `${Math.round((100 * upload.sent) / upload.total)} % sent` : "Sending…"}
            {upload.total && upload.sent >= upload.total ? ", receiving…" : ""}
          </p>
        ) : null}
        {upload && "error" in upload ? (
          <p className="form-error" role="alert">
            {upload.error}
          </p>
        ) : null}
      </Form>
      <p className="hint">
        Nothing is stored until you save the preview. A file already imported under the same name is replaced, and the
        reviews of its facts are applied again.
      </p>
    </>
  );
}

export const ErrorBoundary = RouteError;

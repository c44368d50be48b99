import { useNavigate } from "@remix-run/react";
import { type FormEvent, useState } from "react";

export type UploadState = { sent: number; total: number } | { error: string } | null;

/**
 * Sends a multipart form with XMLHttpRequest, which reports upload progress (fetch does not), then follows the
 * action's redirect within the app. Without scripts the form posts as usual; this only adds the progress bar.
 */
export function useUploadProgress(): [UploadState, (event: FormEvent<HTMLFormElement>) => void] {
  const [state, setState] = useState<UploadState>(null);
  const navigate = useNavigate();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const body = new FormData(form);
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    if (submitter?.name) body.set(submitter.name, submitter.value);
    // The action answers at once and the preview shows how far the articles have been read.
    body.set("progress", "1");
    const xhr = new XMLHttpRequest();
    xhr.open("POST", form.action);
    xhr.responseType = "document";
    xhr.upload.onprogress = (e) => setState({ sent: e.loaded, total: e.lengthComputable ? e.total : 0 });
    xhr.onload = () => {
      const landed = new URL(xhr.responseURL || form.action);
      if (xhr.status >= 200 && xhr.status < 300 && landed.pathname === "/import" && landed.search) {
        setState(null);
        navigate(`${landed.pathname}${landed.search}`);
        return;
      }
      // The action's error page says why (too large, a bad date): show its sentence here.
      const said = (xhr.response as Document | null)?.querySelector("section.error p")?.textContent;
      setState({ error: said?.replace(/^\d{3}[^:]*:\s*/, "") || `The upload failed (${xhr.status}).` });
    };
    xhr.onerror = () => setState({ error: "The upload was interrupted: check the connection and send it again." });
    setState({ sent: 0, total: 0 });
    xhr.send(body);
  };
  return [state, onSubmit];
}

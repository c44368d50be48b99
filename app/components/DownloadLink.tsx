import { type AnchorHTMLAttributes, type MouseEvent, type ReactNode, useState } from "react";

type State = { kind: "idle" } | { kind: "preparing" } | { kind: "failed"; message: string };

/** The file name the server gives in its Content-Disposition header. */
const fileNameOf = (res: Response) => /filename="([^"]+)"/.exec(res.headers.get("Content-Disposition") ?? "")?.[1];

/**
 * A link to a file the server draws on request (a PowerPoint deck takes a second or more). A plain link shows
 * nothing until the file arrives, and an answer that is no file (503 "too many exports at once, try again in 5 s")
 * would be saved under the file's name. With scripts, the link says "Preparing…" while the file is made, then
 * saves it; a refusal is said beside the link in the server's words. Without scripts, or opened in a new tab, it
 * is the plain link it was.
 */
export function DownloadLink({
  href,
  children,
  what,
  ...rest
}: Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "onClick"> & { href: string; children: ReactNode; what: string }) {
  const [state, setState] = useState<State>({ kind: "idle" });

  async function onClick(e: MouseEvent<HTMLAnchorElement>) {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    if (state.kind === "preparing") return;
    setState({ kind: "preparing" });
    try {
      const res = await fetch(href);
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { message?: string } | null;
        setState({ kind: "failed", message: body?.message ?? `${res.status} ${res.statusText}` });
        return;
      }
      const url = URL.createObjectURL(await res.blob());
      const save = document.createElement("a");
      save.href = url;
      save.download = fileNameOf(res) ?? "";
      document.body.append(save);
      save.click();
      save.remove();
      // The browser has read the object once the save starts; kept a little longer for slow machines.
      setTimeout(() => URL.revokeObjectURL(url), 30_000);
      setState({ kind: "idle" });
    } catch {
      setState({ kind: "failed", message: "The file could not be fetched: check the connection and try again." });
    }
  }

  return (
    <>
      <a {...rest} href={href} download onClick={onClick} aria-busy={state.kind === "preparing" || undefined}>
        {children}
      </a>
      <span role="status" className={state.kind === "failed" ? "download-status failed" : "download-status"}>
        {state.kind === "preparing" ? ` Preparing ${what}…` : state.kind === "failed" ? ` ${state.message}` : ""}
      </span>
    </>
  );
}

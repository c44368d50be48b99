import { Link, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import type { FileProgress, ImportPreview } from "~/models/importTypes";

/** How far the extractor has read the upload; the page asks again every half second until it is done. */
export function Reading({ reading, id }: { reading: NonNullable<ImportPreview["reading"]>; id: string }) {
  const revalidator = useRevalidator();
  useEffect(() => {
    const timer = setInterval(() => {
      if (revalidator.state === "idle") revalidator.revalidate();
    }, 500);
    return () => clearInterval(timer);
  }, [revalidator]);
  const percent = reading.totalBytes ? Math.round((100 * reading.bytes) / reading.totalBytes) : 0;
  return (
    <section className="reading">
      <p role="status" className="upload-progress reading-progress">
        <progress value={reading.bytes} max={reading.totalBytes || undefined} /> Reading the articles: {reading.files}{" "}
        of {reading.totalFiles} {reading.totalFiles === 1 ? "file" : "files"} read ({percent} % of the text).{" "}
        <Link to={`/import?preview=${id}`}>Refresh</Link>
      </p>
      <ol className="file-progress" aria-label="Each file">
        {reading.perFile.map((f) => (
          <li key={f.index} data-state={f.state}>
            {/* A file being read has no fraction to show (the extractor reads it whole): the bar runs without one. */}
            {f.state === "reading" ? (
              <progress aria-label={`${f.name}: being read`} />
            ) : (
              <progress
                aria-label={`${f.name}: ${FILE_STATE[f.state]}`}
                value={f.state === "waiting" ? 0 : 1}
                max={1}
              />
            )}{" "}
            <span className="file-name">{f.name}</span> <span className="subtle">({formatBytes(f.bytes)})</span>:{" "}
            {fileState(f)}
          </li>
        ))}
      </ol>
    </section>
  );
}

const FILE_STATE: Record<FileProgress["state"], string> = {
  waiting: "waiting for a reader",
  reading: "being read",
  read: "read",
  failed: "not readable (the preview says why)",
};

function fileState(f: FileProgress): string {
  if (f.state === "reading") return `being read for ${f.seconds ?? 0} s`;
  if (f.state === "read") {
    return `read in ${f.seconds ?? 0} s, ${f.facts ?? 0} ${f.facts === 1 ? "fact" : "facts"} found`;
  }
  return FILE_STATE[f.state];
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}

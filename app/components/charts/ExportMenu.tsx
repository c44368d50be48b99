import { DownloadLink } from "../DownloadLink";

const FORMATS = [
  ["png", "PNG"],
  ["svg", "SVG"],
  ["pptx", "PowerPoint"],
  ["csv", "CSV"],
  ["xlsx", "Excel"],
] as const;

/**
 * Links to the chart's exports: stable URLs with the page's own parameters, so a slide can be regenerated. Each says
 * when its file is being prepared, and why one was refused (DownloadLink).
 */
export function ExportMenu({ chart, query }: { chart: string; query: Record<string, string | undefined> }) {
  const params = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => Boolean(e[1])));
  const search = params.toString() ? `?${params}` : "";
  return (
    <p className="export-menu">
      Export:{" "}
      {FORMATS.map(([format, label], i) => (
        <span key={format}>
          {i > 0 ? " · " : ""}
          <DownloadLink href={`/export/${chart}.${format}${search}`} what={`the ${label} file`} data-format={format}>
            {label}
          </DownloadLink>
        </span>
      ))}
    </p>
  );
}

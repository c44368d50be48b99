const FORMATS = [
  ["png", "PNG"],
  ["svg", "SVG"],
  ["pptx", "PowerPoint"],
  ["csv", "CSV"],
  ["xlsx", "Excel"],
] as const;

/** Links to the chart's exports: stable URLs with the page's own parameters, so a slide can be regenerated. */
export function ExportMenu({ chart, query }: { chart: string; query: Record<string, string | undefined> }) {
  const params = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => Boolean(e[1])));
  const search = params.toString() ? `?${params}` : "";
  return (
    <p className="export-menu">
      Export:{" "}
      {FORMATS.map(([format, label], i) => (
        <span key={format}>
          {i > 0 ? " · " : ""}
          <a href={`/export/${chart}.${format}${search}`} download data-format={format}>
            {label}
          </a>
        </span>
      ))}
    </p>
  );
}

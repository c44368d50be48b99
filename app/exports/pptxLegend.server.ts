const xmlText = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");

/**
 * Hides from a chart's legend every series not named in `keep`: a comparison draws each company with helper series
 * (its forecasts, its points apart, the ends of its ranges, its dotted links, its checked marks), and a legend that
 * lists them all reads as more companies than there are. pptxgenjs writes no legend entries, so they are added to
 * the chart's XML: `<c:legendEntry>` with `<c:delete val="1"/>` for each series hidden, by its index, right after
 * `<c:legendPos>` as the schema orders them. PowerPoint and LibreOffice both honour it; the series stay in the
 * chart and in "Edit Data".
 */
export function legendOnly(chartXml: string, keep: string[]): string {
  if (!chartXml.includes("<c:legend>")) return chartXml;
  const kept = new Set(keep.map(xmlText));
  const hidden: number[] = [];
  for (const ser of chartXml.matchAll(/<c:ser>\s*<c:idx val="(\d+)"\/>([\s\S]*?)<\/c:ser>/g)) {
    const name = /<c:tx>[\s\S]*?<c:v>([^<]*)<\/c:v>/.exec(ser[2])?.[1];
    if (name === undefined || !kept.has(name)) hidden.push(Number(ser[1]));
  }
  if (!hidden.length) return chartXml;
  const entries = hidden.map((i) => `<c:legendEntry><c:idx val="${i}"/><c:delete val="1"/></c:legendEntry>`).join("");
  return chartXml.replace(/(<c:legend>\s*<c:legendPos val="[a-z]+"\/>)/, `$1${entries}`);
}

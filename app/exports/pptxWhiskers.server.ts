/**
 * A range on a native line chart drawn as a range: a whisker (an error bar of custom lengths) from each range's point
 * down to its low end and up to its high end, as the page draws it with recharts' ErrorBar. pptxgenjs writes no
 * error bars, so they are written into the chart's XML after it (decision 035). PowerPoint and LibreOffice both
 * draw `<c:errBars>` with literal lengths (`<c:numLit>`); a point that is no range has lengths of zero, drawn as
 * nothing (no end caps: the range's ends have markers and labels of their own).
 */
export interface Whisker {
  /** The name of the series whose points the whiskers start from, as pptxgenjs wrote it (before XML escaping). */
  series: string;
  /** Six hexadecimal digits. */
  colour: string;
  /** Per category: the length down to the low end, and up to the high end (0 where the point is no range). */
  minus: number[];
  plus: number[];
}

const xmlText = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");

const lengths = (values: number[]) =>
  `<c:numLit><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${values
    .map((v, i) => `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`)
    .join("")}</c:numLit>`;

export function errorBarsXml(w: Whisker): string {
  return [
    '<c:errBars><c:errDir val="y"/><c:errBarType val="both"/><c:errValType val="cust"/><c:noEndCap val="1"/>',
    `<c:plus>${lengths(w.plus)}</c:plus><c:minus>${lengths(w.minus)}</c:minus>`,
    `<c:spPr><a:ln w="22225"><a:solidFill><a:srgbClr val="${w.colour}"/></a:solidFill></a:ln></c:spPr>`,
    "</c:errBars>",
  ].join("");
}

/**
 * Adds each whisker to the series named by it: `<c:errBars>` right before the series' `<c:cat>`, where the schema
 * orders it (after its data labels, before its categories). A series not found is left as it was.
 */
export function whiskersOn(chartXml: string, whiskers: Whisker[]): string {
  if (!whiskers.length) return chartXml;
  const bySeries = new Map(whiskers.map((w) => [xmlText(w.series), w]));
  return chartXml.replace(/<c:ser>([\s\S]*?)<\/c:ser>/g, (ser, body: string) => {
    const name = /<c:tx>[\s\S]*?<c:v>([^<]*)<\/c:v>/.exec(body)?.[1];
    const w = name === undefined ? undefined : bySeries.get(name);
    if (!w || body.includes("<c:errBars>") || !body.includes("<c:cat>")) return ser;
    return `<c:ser>${body.replace("<c:cat>", `${errorBarsXml(w)}<c:cat>`)}</c:ser>`;
  });
}

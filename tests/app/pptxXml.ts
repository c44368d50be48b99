/** A native chart's series as its XML holds them: what "Edit Data" would show, read back for tests. */
export interface ChartSeriesXml {
  idx: number;
  name: string;
  /** Category label → value, for the categories that have one. */
  values: Record<string, number>;
  /** The number format of its data labels, when it writes any. */
  format: string | null;
  /** The kind of chart it is drawn as: "bar" or "line". */
  type: string;
  /** Where its data labels sit ("t" above the point, "r" right of it...), when it writes any. */
  position: string | null;
  /**
   * Its whiskers (custom error bars): per category label, the length down and up from its value, for the
   * categories whose length is not zero; null when it has none.
   */
  whiskers: { minus: Record<string, number>; plus: Record<string, number> } | null;
}

const fromXml = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

const points = (xml: string) =>
  new Map([...xml.matchAll(/<c:pt idx="(\d+)">\s*<c:v>([^<]*)<\/c:v>/g)].map((m) => [Number(m[1]), fromXml(m[2])]));

export function chartSeries(chartXml: string): ChartSeriesXml[] {
  const out: ChartSeriesXml[] = [];
  for (const plot of chartXml.matchAll(/<c:(bar|line)Chart>([\s\S]*?)<\/c:\1Chart>/g)) {
    for (const ser of plot[2].matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)) {
      const body = ser[1];
      const cats = points(/<c:cat>([\s\S]*?)<\/c:cat>/.exec(body)?.[1] ?? "");
      const vals = points(/<c:val>([\s\S]*?)<\/c:val>/.exec(body)?.[1] ?? "");
      const values: Record<string, number> = {};
      for (const [i, v] of vals) if (v !== "") values[cats.get(i) ?? String(i)] = Number(v);
      const labels = /<c:dLbls>([\s\S]*?)<\/c:dLbls>/.exec(body)?.[1] ?? "";
      const errBars = /<c:errBars>([\s\S]*?)<\/c:errBars>/.exec(body)?.[1];
      const lengths = (which: string) => {
        const out: Record<string, number> = {};
        const part = new RegExp(`<c:${which}>([\\s\\S]*?)</c:${which}>`).exec(errBars ?? "")?.[1] ?? "";
        for (const [i, v] of points(part)) if (Number(v) !== 0) out[cats.get(i) ?? String(i)] = Number(v);
        return out;
      };
      const shown = /<c:showVal val="1"\/>/.test(labels) || /<c:showSerName val="1"\/>/.test(labels);
      out.push({
        idx: Number(/<c:idx val="(\d+)"\/>/.exec(body)![1]),
        name: fromXml(/<c:tx>[\s\S]*?<c:v>([^<]*)<\/c:v>/.exec(body)?.[1] ?? ""),
        values,
        format: shown ? fromXml(/<c:numFmt formatCode="([^"]*)"/.exec(labels)?.[1] ?? "") : null,
        type: plot[1],
        position: shown ? (/<c:dLblPos val="(\w+)"\/>/.exec(labels)?.[1] ?? null) : null,
        whiskers: errBars === undefined ? null : { minus: lengths("minus"), plus: lengths("plus") },
      });
    }
  }
  return out;
}

/** The series indexes a chart's legend hides (<c:legendEntry> with <c:delete val="1"/>). */
export function hiddenFromLegend(chartXml: string): number[] {
  const legend = /<c:legend>([\s\S]*?)<\/c:legend>/.exec(chartXml)?.[1] ?? "";
  return [...legend.matchAll(/<c:legendEntry><c:idx val="(\d+)"\/><c:delete val="1"\/><\/c:legendEntry>/g)].map((m) =>
    Number(m[1]),
  );
}

import JSZip from "jszip";
import { legendOnly } from "./pptxLegend.server";
import { type Whisker, whiskersOn } from "./pptxWhiskers.server";

/**
 * What a native chart needs written into its XML after pptxgenjs, which has no option for either: the series its
 * legend lists (null: leave the legend as it is) and the whiskers of its ranges.
 */
export interface ChartEdits {
  legend: string[] | null;
  whiskers: Whisker[];
}

/**
 * Applies `edits[n]` to `ppt/charts/chart{n + 1}.xml` of a written file (pptxgenjs numbers a file's charts from 1
 * in the order they were added). A file that needs none is returned as it was written.
 */
export async function withChartEdits(file: Buffer, edits: ChartEdits[]): Promise<Buffer> {
  if (edits.every((e) => e.legend === null && !e.whiskers.length)) return file;
  const zip = await JSZip.loadAsync(file);
  for (const [n, edit] of edits.entries()) {
    const path = `ppt/charts/chart${n + 1}.xml`;
    const xml = await zip.file(path)?.async("string");
    if (xml === undefined) continue;
    const legend = edit.legend ? legendOnly(xml, edit.legend) : xml;
    zip.file(path, whiskersOn(legend, edit.whiskers));
  }
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

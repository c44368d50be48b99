import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { renderCsv } from "~/exports/csv.server";
import { renderPng } from "~/exports/png.server";
import { renderDeck, renderPptx } from "~/exports/pptx.server";
import { renderSvg } from "~/exports/svg.server";
import { findCompany } from "~/models/companies.server";
import { EXPORT_CHARTS, type ExportChart, type ExportChartName, exportChart, NotFound } from "~/models/exports.server";
import { parseQuery } from "~/utils/params.server";
import { EXPORT_QUERY } from "~/utils/queries.server";

const CONTENT_TYPES = {
  png: "image/png",
  svg: "image/svg+xml; charset=utf-8",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  csv: "text/csv; charset=utf-8",
} as const;
type Format = keyof typeof CONTENT_TYPES;

const FILE = /^(?<chart>[a-z-]+)\.(?<format>png|svg|pptx|csv)$/;
/** Only letters, digits and hyphens reach a header: no quotes, slashes or line breaks from any input. */
const safeName = (name: string) => name.replace(/[^a-z0-9-]/gi, "").slice(0, 120) || "chart";

function file(body: Buffer | string, format: Format, name: string): Response {
  return new Response(typeof body === "string" ? body : new Uint8Array(body), {
    headers: {
      "Content-Type": CONTENT_TYPES[format],
      "Content-Disposition": `attachment; filename="${safeName(name)}.${format}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

const notFound = (message: string) => json({ message }, { status: 404 });

/** The deck's charts: every chart the company has, in the order of its page. */
const DECK_CHARTS: ExportChartName[] = ["revenue", "revenue-change", "market-share", "sales-volume", "stakes"];

/** /export/:chart.:format — every chart of the dashboard as PNG, SVG, PowerPoint or CSV, at a stable URL. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const match = FILE.exec(params.file ?? "");
  const chart = match?.groups?.chart;
  const format = match?.groups?.format as Format | undefined;
  if (!chart || !format || (chart !== "deck" && !EXPORT_CHARTS.includes(chart as ExportChartName))) {
    return notFound(
      `No export called "${(params.file ?? "").replace(/[^\w.-]/g, "?").slice(0, 60)}". Exports are ${EXPORT_CHARTS.join(", ")} as .png, .svg, .pptx or .csv, and deck.pptx.`,
    );
  }
  let q: ReturnType<typeof parseQuery<typeof EXPORT_QUERY>>;
  try {
    q = parseQuery(request, EXPORT_QUERY);
  } catch (err) {
    if (err instanceof Response) return err;
    throw err;
  }
  try {
    if (chart === "deck") {
      if (format !== "pptx") return notFound("The deck is a PowerPoint file: /export/deck.pptx?company=…");
      const company = q.company ? findCompany(q.company) : null;
      if (!company)
        return notFound(
          q.company ? `No company called "${q.company}" has been imported.` : "Name a company, e.g. company=renault.",
        );
      const charts: ExportChart[] = [];
      for (const name of DECK_CHARTS) {
        try {
          charts.push(exportChart(name, { ...q, company: company.slug }));
        } catch (err) {
          if (!(err instanceof NotFound)) throw err;
        }
      }
      return file(await renderDeck(company.name, charts), "pptx", `${company.slug}-deck`);
    }
    const ec = exportChart(chart as ExportChartName, q);
    switch (format) {
      case "png":
        return file(renderPng(ec, q.scale), format, ec.filename);
      case "svg":
        return file(renderSvg(ec), format, ec.filename);
      case "pptx":
        return file(await renderPptx(ec), format, ec.filename);
      case "csv":
        return file(renderCsv(ec), format, ec.filename);
    }
  } catch (err) {
    if (err instanceof NotFound) return notFound(err.message);
    throw err;
  }
}

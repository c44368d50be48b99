import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { cachedRender, type Rendered } from "~/exports/cache.server";
import { renderCsv } from "~/exports/csv.server";
import { exportKey } from "~/exports/exportKey";
import { CONTENT_TYPES, type ExportFormat, parseExportFile, unknownExportMessage } from "~/exports/formats";
import { Overloaded } from "~/exports/limiter.server";
import { renderPool } from "~/exports/renderPool.server";
import { findCompany } from "~/models/companies.server";
import { type ExportChart, type ExportChartName, exportChart, NotFound } from "~/models/exports.server";
import { readerRefusal } from "~/sessions.server";
import { movedCompaniesRedirect } from "~/utils/movedCompanies.server";
import { parseQuery } from "~/utils/params.server";
import { EXPORT_QUERY } from "~/utils/queries.server";

type Format = ExportFormat;
/** Only letters, digits and hyphens reach a header: no quotes, slashes or line breaks from any input. */
const safeName = (name: string) => name.replace(/[^a-z0-9-]/gi, "").slice(0, 120) || "chart";

/**
 * The cached bytes as a stream of one chunk, not a copy: a Uint8Array body would be copied by Response (and was
 * copied once more here), two copies of a PNG or a deck for every hit, hundreds of MB a second of short-lived
 * buffers under load (README, Load). A default (not a byte) stream hands the chunk on as it is, never transferring
 * (detaching) the cached buffer, and Remix writes it to the socket.
 */
function bytesOnce(body: Uint8Array): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(body);
      controller.close();
    },
  });
}

function file(body: Uint8Array | string, format: Format, name: string): Response {
  return new Response(typeof body === "string" ? body : bytesOnce(body), {
    headers: {
      "Content-Type": CONTENT_TYPES[format],
      "Content-Disposition": `attachment; filename="${safeName(name)}.${format}"`,
      "Cache-Control": "no-store",
      ...(typeof body === "string" ? {} : { "Content-Length": String(body.byteLength) }),
    },
  });
}

const notFound = (message: string) => json({ message }, { status: 404 });

/** Too many exports under way or waiting: a 503 that says when to come back, rather than a wait for ever. */
const busy = (err: Overloaded) =>
  json(
    { message: err.message },
    { status: 503, headers: { "Retry-After": String(err.retryAfterSeconds), "Cache-Control": "no-store" } },
  );

/** The deck's charts: every chart the company has, in the order of its page. */
const DECK_CHARTS: ExportChartName[] = ["revenue", "revenue-change", "market-share", "sales-volume", "stakes"];

/**
 * How long an export request may take, from its arrival here, before it is answered 503 with Retry-After: seven
 * seconds, under a client's usual ten-second timeout with room for a busy event loop, so a deck that waited its
 * turn in the queue and then draws slowly on a loaded machine is refused on purpose instead of timing out
 * (issue 11). EXPORT_DEADLINE_MS changes it.
 */
const EXPORT_DEADLINE_MS = (() => {
  const v = Number(process.env.EXPORT_DEADLINE_MS);
  return Number.isFinite(v) && v > 0 ? v : 7000;
})();

type ExportQuery = ReturnType<typeof parseQuery<typeof EXPORT_QUERY>>;

/** Every format but CSV (a string join) is drawn in a render worker, off the event loop (renderPool.server.ts). */
async function renderBody(
  ec: ExportChart,
  format: Format,
  scale: number,
  origin: string,
): Promise<Uint8Array | string> {
  switch (format) {
    case "png":
      return renderPool.render({ kind: "png", chart: ec, scale });
    case "svg":
      return renderPool.render({ kind: "svg", chart: ec });
    case "pptx":
      return renderPool.render({ kind: "pptx", chart: ec });
    case "xlsx":
      return renderPool.render({ kind: "xlsx", chart: ec, origin });
    case "csv":
      return renderCsv(ec, origin);
  }
}

async function renderChart(chart: ExportChartName, format: Format, q: ExportQuery, origin: string): Promise<Rendered> {
  const ec = await exportChart(chart, q);
  return { body: await renderBody(ec, format, q.scale, origin), filename: ec.filename };
}

async function renderCompanyDeck(q: ExportQuery): Promise<Rendered> {
  const company = q.company ? await findCompany(q.company) : null;
  if (!company)
    throw new NotFound(
      q.company ? `No company called "${q.company}" has been imported.` : "Name a company, e.g. company=renault.",
    );
  const charts: ExportChart[] = [];
  for (const name of DECK_CHARTS) {
    // Each chart's data is 10–20 ms of queries on a large company: other requests go in between.
    await new Promise((resolve) => setImmediate(resolve));
    try {
      charts.push(await exportChart(name, { ...q, company: company.slug }));
    } catch (err) {
      if (!(err instanceof NotFound)) throw err;
    }
  }
  const body = await renderPool.render({
    kind: "deck",
    company: company.name,
    charts,
    generated: new Date().toISOString(),
  });
  return { body, filename: `${company.slug}-deck` };
}

/** /export/:chart.:format — every chart of the dashboard as PNG, SVG, PowerPoint or CSV, at a stable URL. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const started = Date.now();
  const closed = await readerRefusal(request);
  if (closed) return closed;
  const parsed = parseExportFile(params.file ?? "");
  if (!parsed) return notFound(unknownExportMessage(params.file ?? ""));
  const { chart, format } = parsed;
  let q: ExportQuery;
  try {
    q = parseQuery(request, EXPORT_QUERY);
  } catch (err) {
    if (err instanceof Response) return err;
    throw err;
  }
  const moved = await movedCompaniesRedirect(request);
  if (moved) return moved;
  // The same export gives the same bytes until the database changes: rendered once (however many ask at once),
  // then served from memory. The key holds only what this chart reads.
  try {
    const origin = new URL(request.url).origin;
    const rendered = await cachedRender(
      exportKey(chart, format, q, origin),
      () => (chart === "deck" ? renderCompanyDeck(q) : renderChart(chart, format, q, origin)),
      // A CSV is a string join on this thread (decision 011): not queued behind the render workers.
      { kind: chart === "deck" ? "deck" : format, deadline: started + EXPORT_DEADLINE_MS, limited: format !== "csv" },
    );
    return file(rendered.body, format, rendered.filename);
  } catch (err) {
    if (err instanceof NotFound) return notFound(err.message);
    if (err instanceof Overloaded) return busy(err);
    throw err;
  }
}

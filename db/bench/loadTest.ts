/** Loads one route's URLs with autocannon and judges the result against the latency target. */
import autocannon from "autocannon";
import type { RouteTarget } from "./targets";

export const TARGET_MEDIAN_MS = 30;
export const TARGET_P99_MS = 100;

export interface RouteResult {
  name: string;
  urls: number;
  requests: number;
  perSecond: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  statuses: Record<string, number>;
  /** Latency by status (2xx together, then each other status): the served and the refused apart. */
  byStatus: Record<string, { count: number; p50: number; p99: number; max: number; overSecond: number }>;
}

/**
 * Requests every URL once before measuring, so the first hits of each page (JIT, SQLite page cache) are not in the
 * numbers; returns the statuses seen, which tell a missing route (404) from a slow one.
 */
export async function warmUp(baseUrl: string, target: RouteTarget): Promise<Record<string, number>> {
  const statuses: Record<string, number> = {};
  for (const path of target.paths) {
    let status: string;
    try {
      const res = await fetch(baseUrl + path);
      await res.arrayBuffer();
      status = String(res.status);
    } catch {
      status = "error";
    }
    statuses[status] = (statuses[status] ?? 0) + 1;
  }
  return statuses;
}

export async function loadRoute(
  baseUrl: string,
  target: RouteTarget,
  options: { duration: number; connections: number },
): Promise<RouteResult> {
  // One counter shared by all connections hands out the URLs in turn. A list of requests would be walked by each
  // connection from its start, sending all of them to the first (biggest) company at once.
  let next = 0;
  const instance = autocannon({
    url: baseUrl,
    connections: options.connections,
    duration: options.duration,
    timeout: 10,
    requests: [
      { method: "GET", setupRequest: (req) => ({ ...req, path: target.paths[next++ % target.paths.length] }) },
    ],
  });
  // autocannon's latency mixes every status: a quick 503 and a slow 200 are told apart here.
  const times = new Map<string, number[]>();
  instance.on("response", (_client, statusCode, _bytes, ms) => {
    const key = statusCode >= 200 && statusCode < 300 ? "2xx" : String(statusCode);
    const list = times.get(key) ?? [];
    list.push(ms);
    times.set(key, list);
  });
  const result = await instance;
  const statuses = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, s]) => [code, s.count]));
  const byStatus = Object.fromEntries(
    [...times].map(([key, list]) => {
      const sorted = list.sort((a, b) => a - b);
      const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]);
      const overSecond = sorted.length - sorted.findIndex((ms) => ms > 1000);
      return [
        key,
        {
          count: sorted.length,
          p50: at(0.5),
          p99: at(0.99),
          max: Math.round(sorted[sorted.length - 1]),
          overSecond: sorted[sorted.length - 1] > 1000 ? overSecond : 0,
        },
      ];
    }),
  );
  return {
    name: target.name,
    urls: target.paths.length,
    requests: result.requests.total,
    perSecond: result.requests.total / result.duration,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    statuses,
    byStatus,
  };
}

/** Failing responses count against a route: a fast 404 is no evidence the page meets the target. */
export function verdict(r: RouteResult): string {
  const problems = [
    r.requests === 0 ? "no responses" : "",
    r.p50 >= TARGET_MEDIAN_MS ? "median too slow" : "",
    r.p99 >= TARGET_P99_MS ? "p99 too slow" : "",
    r.non2xx ? `${r.non2xx} non-2xx responses (${statusList(r.statuses)})` : "",
    r.errors ? `${r.errors} errors or timeouts` : "",
  ].filter(Boolean);
  const numbers = `median ${r.p50} ms, p99 ${r.p99} ms (target < ${TARGET_MEDIAN_MS} ms and < ${TARGET_P99_MS} ms)`;
  return problems.length ? `FAIL ${r.name}: ${numbers}: ${problems.join("; ")}` : `PASS ${r.name}: ${numbers}`;
}

export const statusList = (statuses: Record<string, number>): string =>
  Object.entries(statuses)
    .map(([code, n]) => `${code}×${n}`)
    .join(" ");

export function formatTable(results: RouteResult[]): string {
  const header = ["route", "urls", "requests", "req/s", "p50 ms", "p90 ms", "p99 ms", "max ms", "non-2xx", "errors"];
  const rows = results.map((r) => [
    r.name,
    String(r.urls),
    String(r.requests),
    r.perSecond.toFixed(1),
    String(r.p50),
    String(r.p90),
    String(r.p99),
    String(r.max),
    String(r.non2xx),
    String(r.errors),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/** Each route's latency by status, where it answered more than one (the served and the refused apart). */
export function formatByStatus(results: RouteResult[]): string {
  return results
    .filter((r) => Object.keys(r.byStatus).length > 1)
    .map(
      (r) =>
        `${r.name} by status: ${Object.entries(r.byStatus)
          .map(
            ([key, s]) =>
              `${key} ×${s.count} p50 ${s.p50} ms, p99 ${s.p99} ms, max ${s.max} ms, ${s.overSecond} over 1 s`,
          )
          .join("; ")}`,
    )
    .join("\n");
}

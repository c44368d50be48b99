import { getSql, untilDataChanges } from "~/db.server";
import { redirectedCompany } from "../../db/companies";
import { indexedBy } from "../../db/dialect";
import { groupName, jointHolders, representativeOf } from "./jointHolders.server";
import type { FactKind } from "./types";

export interface Company {
  id: number;
  name: string;
  slug: string;
}

/**
 * Where an old company address leads after a rename or merge (db/companies.ts): the company's slug now, or null.
 * Asked only when no company has the slug itself.
 */
export async function movedCompanySlug(slug: string): Promise<string | null> {
  return (await redirectedCompany(await getSql(), slug))?.slug ?? null;
}

export async function findCompany(slug: string): Promise<Company | null> {
  const sql = await getSql();
  return (await sql.get<Company>("SELECT id, name, slug FROM companies WHERE slug = ?", [slug])) ?? null;
}

export async function findCompanies(slugs: string[]): Promise<Company[]> {
  if (!slugs.length) return [];
  const sql = await getSql();
  return sql.all<Company>(
    `SELECT id, name, slug FROM companies WHERE slug IN (${slugs.map(() => "?").join(",")})`,
    slugs,
  );
}

export interface CompanySummary {
  id: number;
  name: string;
  slug: string;
  facts: number;
  byKind: Record<FactKind, number>;
  firstYear: number | null;
  lastYear: number | null;
}

/**
 * The companies with the most facts, with counts by kind and the years they span. With `jointAsOne` (the home
 * page's list) a joint holder stored in several orders ("A + B", "B + A") is one row under its canonical name and
 * its representative's slug, as the stakes pages list it (jointHolders.server.ts); the home chart's lookups keep
 * every stored company apart, as they read facts by company id.
 */
export function companySummaries(limit = 100, jointAsOne = false): Promise<CompanySummary[]> {
  // Counting a million facts takes a quarter of a second: done once per change to the database.
  return untilDataChanges(`companySummaries:${limit}:${jointAsOne}`, () => countSummaries(limit, jointAsOne));
}

async function countSummaries(limit: number, jointAsOne: boolean): Promise<CompanySummary[]> {
  const sql = await getSql();
  // Counted from the covering index in its own order, so SQLite streams it without reading any row.
  const rows = await sql.all<{
    id: number;
    kind: FactKind;
    n: number;
    firstYear: number | null;
    lastYear: number | null;
  }>(
    `SELECT company_id AS id, kind, count(*) AS n, min(year) AS "firstYear", max(year) AS "lastYear"
     FROM facts ${indexedBy(sql.dialect, "facts_company_chart_idx")} GROUP BY company_id, kind`,
  );
  const joint = jointAsOne ? await jointHolders() : null;
  const byCompany = new Map<number, Omit<CompanySummary, "name" | "slug">>();
  for (const r of rows) {
    const id = joint ? representativeOf(joint, r.id) : r.id;
    let c = byCompany.get(id);
    if (!c) {
      c = {
        id,
        facts: 0,
        firstYear: null,
        lastYear: null,
        byKind: { revenue: 0, revenue_change: 0, stake: 0, market_share: 0, sales_volume: 0 },
      };
      byCompany.set(id, c);
    }
    c.facts += r.n;
    c.byKind[r.kind] += r.n;
    if (r.firstYear !== null && (c.firstYear === null || r.firstYear < c.firstYear)) c.firstYear = r.firstYear;
    if (r.lastYear !== null && (c.lastYear === null || r.lastYear > c.lastYear)) c.lastYear = r.lastYear;
  }
  const top = [...byCompany.values()].sort((a, b) => b.facts - a.facts || a.id - b.id).slice(0, limit);
  const names = new Map(
    (
      await sql.all<Company>(
        `SELECT id, name, slug FROM companies WHERE id IN (${top.map(() => "?").join(",") || "NULL"})`,
        top.map((c) => c.id),
      )
    ).map((c) => [c.id, c]),
  );
  return top.map((c) => ({
    ...c,
    name: (joint && groupName(joint, c.id)) ?? names.get(c.id)?.name ?? "",
    slug: names.get(c.id)?.slug ?? "",
  }));
}

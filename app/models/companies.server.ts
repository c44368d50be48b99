import { getDb, untilDataChanges } from "~/db.server";
import { redirectedCompany } from "../../db/companies";
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
export function movedCompanySlug(slug: string): string | null {
  return redirectedCompany(getDb(), slug)?.slug ?? null;
}

export function findCompany(slug: string): Company | null {
  return (
    (getDb().sqlite.prepare("SELECT id, name, slug FROM companies WHERE slug = ?").get(slug) as Company | undefined) ??
    null
  );
}

export function findCompanies(slugs: string[]): Company[] {
  if (!slugs.length) return [];
  return getDb()
    .sqlite.prepare(`SELECT id, name, slug FROM companies WHERE slug IN (${slugs.map(() => "?").join(",")})`)
    .all(...slugs) as Company[];
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

/** The companies with the most facts, with counts by kind and the years they span. */
export function companySummaries(limit = 100): CompanySummary[] {
  // Counting a million facts takes a quarter of a second: done once per change to the database.
  return untilDataChanges(`companySummaries:${limit}`, () => countSummaries(limit));
}

function countSummaries(limit: number): CompanySummary[] {
  // Counted from the covering index in its own order, so SQLite streams it without reading any row.
  const rows = getDb()
    .sqlite.prepare(
      `SELECT company_id AS id, kind, count(*) AS n, min(year) AS firstYear, max(year) AS lastYear
       FROM facts INDEXED BY facts_company_chart_idx GROUP BY company_id, kind`,
    )
    .all() as Array<{ id: number; kind: FactKind; n: number; firstYear: number | null; lastYear: number | null }>;
  const byCompany = new Map<number, Omit<CompanySummary, "name" | "slug">>();
  for (const r of rows) {
    let c = byCompany.get(r.id);
    if (!c) {
      c = {
        id: r.id,
        facts: 0,
        firstYear: null,
        lastYear: null,
        byKind: { revenue: 0, revenue_change: 0, stake: 0, market_share: 0, sales_volume: 0 },
      };
      byCompany.set(r.id, c);
    }
    c.facts += r.n;
    c.byKind[r.kind] = r.n;
    if (r.firstYear !== null && (c.firstYear === null || r.firstYear < c.firstYear)) c.firstYear = r.firstYear;
    if (r.lastYear !== null && (c.lastYear === null || r.lastYear > c.lastYear)) c.lastYear = r.lastYear;
  }
  const top = [...byCompany.values()].sort((a, b) => b.facts - a.facts || a.id - b.id).slice(0, limit);
  const names = new Map(
    (
      getDb()
        .sqlite.prepare(`SELECT id, name, slug FROM companies WHERE id IN (${top.map(() => "?").join(",") || "NULL"})`)
        .all(...top.map((c) => c.id)) as Company[]
    ).map((c) => [c.id, c]),
  );
  return top.map((c) => ({ ...c, name: names.get(c.id)?.name ?? "", slug: names.get(c.id)?.slug ?? "" }));
}

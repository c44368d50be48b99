import { getDb } from "~/db.server";
import type { FactKind } from "./types";

export interface Company {
  id: number;
  name: string;
  slug: string;
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
  name: string;
  slug: string;
  facts: number;
  byKind: Record<FactKind, number>;
  firstYear: number | null;
  lastYear: number | null;
}

/** The companies with the most facts, with counts by kind and the years they span. */
export function companySummaries(limit = 100): CompanySummary[] {
  const rows = getDb()
    .sqlite.prepare(
      `SELECT c.name, c.slug, count(*) AS facts,
         sum(f.kind = 'revenue') AS revenue, sum(f.kind = 'revenue_change') AS revenue_change,
         sum(f.kind = 'stake') AS stake, sum(f.kind = 'market_share') AS market_share,
         sum(f.kind = 'sales_volume') AS sales_volume, min(f.year) AS firstYear, max(f.year) AS lastYear
       FROM facts f JOIN companies c ON c.id = f.company_id
       GROUP BY f.company_id ORDER BY facts DESC, c.name LIMIT ?`,
    )
    .all(limit) as Array<Omit<CompanySummary, "byKind"> & Record<FactKind, number>>;
  return rows.map((r) => ({
    name: r.name,
    slug: r.slug,
    facts: r.facts,
    firstYear: r.firstYear,
    lastYear: r.lastYear,
    byKind: {
      revenue: r.revenue,
      revenue_change: r.revenue_change,
      stake: r.stake,
      market_share: r.market_share,
      sales_volume: r.sales_volume,
    },
  }));
}

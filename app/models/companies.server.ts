import { getDb } from "~/db.server";
import { FACT_VIEW_SELECT, toFactView } from "./facts.server";
import type { FactKind, FactView } from "./types";

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

/** Every fact about a company: its own figures and the stakes others hold in it. */
export interface CompanyFacts {
  byKind: Record<FactKind, FactView[]>;
  /** Stakes others hold in this company. */
  heldBy: FactView[];
}

export function companyFacts(companyId: number): CompanyFacts {
  const db = getDb().sqlite;
  const own = (
    db.prepare(`${FACT_VIEW_SELECT} WHERE f.company_id = ? ORDER BY f.year, f.id`).all(companyId) as FactView[]
  ).map(toFactView);
  const heldBy = (
    db
      .prepare(`${FACT_VIEW_SELECT} WHERE f.counterparty_id = ? AND f.kind = 'stake' ORDER BY f.year, f.id`)
      .all(companyId) as FactView[]
  ).map(toFactView);
  const byKind: Record<FactKind, FactView[]> = {
    revenue: [],
    revenue_change: [],
    stake: [],
    market_share: [],
    sales_volume: [],
  };
  for (const f of own) byKind[f.kind].push(f);
  return { byKind, heldBy };
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

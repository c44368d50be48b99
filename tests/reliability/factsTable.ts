/**
 * A facts table grown to a given size for the facts page's reliability tests: copies of the seeded facts with
 * kinds, statuses, years and values spread over them, among two thousand companies.
 */

/**
 * Doubles the facts table (copies with other companies, kinds, statuses, years and values) until it holds
 * `count` rows. A fifth of the facts are of each kind, a sixteenth of each year, a sixteenth are targets and an
 * eighth forecasts. The status follows the copied row's id as the year does, so each year has one status (every
 * target is of 1995), unless `statusAcrossYears`.
 */
export async function growTo(count: number, { statusAcrossYears = false } = {}): Promise<void> {
  const { getDb } = await import("~/db.server");
  const sqlite = getDb().sqlite;
  const columns = (sqlite.prepare("PRAGMA table_info(facts)").all() as Array<{ name: string }>)
    .map((c) => c.name)
    .filter((c) => c !== "id");
  const spread: Record<string, string> = {
    kind: `CASE (id * 7) % 5 WHEN 0 THEN 'revenue' WHEN 1 THEN 'revenue_change' WHEN 2 THEN 'stake' WHEN 3 THEN 'market_share' ELSE 'sales_volume' END`,
    // Across years: of the id's sixteens, not of its remainder by sixteen as the year is (with the remainder the
    // targets of the year order, descending, come after fifteen years of other statuses).
    status: statusAcrossYears
      ? `CASE WHEN (id / 16 * 13) % 16 = 0 THEN 'target' WHEN (id / 16 * 13) % 16 < 3 THEN 'forecast' ELSE 'actual' END`
      : `CASE WHEN (id * 13) % 16 = 0 THEN 'target' WHEN (id * 13) % 16 < 3 THEN 'forecast' ELSE 'actual' END`,
    year: "1995 + (id * 11) % 16",
    low: "(id * 7919) % 10007 / 10.0",
    high: "(id * 7919) % 10007 / 10.0 + (id % 3)",
  };
  // Two thousand companies share the facts, as on the web bench, where the largest holds about 12,000: sorted by
  // company, one company's facts are put in id order at a time (decision 013).
  sqlite.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
    INSERT OR IGNORE INTO companies (name, slug) SELECT 'Depth Company ' || i, 'depth-company-' || i FROM n`);
  const firstCompany = (
    sqlite.prepare("SELECT min(id) AS id FROM companies WHERE slug LIKE 'depth-company-%'").get() as {
      id: number;
    }
  ).id;
  spread.company_id = `${firstCompany} + (id * 17) % 2000`;
  const double = sqlite.prepare(
    `INSERT INTO facts (${columns.join(", ")}) SELECT ${columns.map((c) => spread[c] ?? c).join(", ")} FROM facts
     ORDER BY id LIMIT ?`,
  );
  const size = () => (sqlite.prepare("SELECT count(*) AS n FROM facts").get() as { n: number }).n;
  for (let n = size(); n < count; n = size()) double.run(count - n);
}

/** The best of `runs` timings of `work`, in milliseconds: the least disturbed by other work on the machine. */
export async function best(work: () => Promise<unknown>, runs = 5): Promise<number> {
  let least = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await work();
    least = Math.min(least, performance.now() - t0);
  }
  return least;
}

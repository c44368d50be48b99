/** The URLs the web benchmark requests, drawn from the benchmark database so every slug in them exists. */
import Database from "better-sqlite3";

export interface RouteTarget {
  name: string;
  paths: string[];
}

const COMPANY_PAGES = 100;
const BIGGEST = 20;
const PAIRS = 50;
const HOLDERS = 50;
/** The routes' tests use these two, so the benchmark must cover them. */
const REQUIRED = ["renault", "nissan"];

/** The biggest companies, then a spread over the rest from large to small. */
function sampleSlugs(sqlite: Database.Database): string[] {
  const bySize = sqlite
    .prepare<[], { slug: string }>(
      `SELECT c.slug FROM facts f JOIN companies c ON c.id = f.company_id
       GROUP BY f.company_id ORDER BY count(*) DESC, c.slug`,
    )
    .all()
    .map((row) => row.slug);
  const missing = REQUIRED.filter((slug) => !bySize.includes(slug));
  if (missing.length) throw new Error(`the benchmark database has no facts for ${missing.join(", ")}`);
  const rest = bySize.slice(BIGGEST);
  const step = rest.length / (COMPANY_PAGES - BIGGEST);
  const spread = Array.from({ length: COMPANY_PAGES - BIGGEST }, (_, i) => rest[Math.floor(i * step)]);
  return [...new Set([...REQUIRED, ...bySize.slice(0, BIGGEST), ...spread])].slice(0, COMPANY_PAGES);
}

export function benchTargets(databasePath: string): RouteTarget[] {
  const sqlite = new Database(databasePath, { fileMustExist: true });
  try {
    const slugs = sampleSlugs(sqlite);
    const half = Math.min(PAIRS / 2, Math.floor(slugs.length / 2));
    const pairs = [
      // Neighbours in size (renault with nissan first), then the biggest against the smallest.
      ...Array.from({ length: half }, (_, i) => `${slugs[2 * i]},${slugs[2 * i + 1]}`),
      ...Array.from({ length: half }, (_, i) => `${slugs[i]},${slugs[slugs.length - 1 - i]}`),
    ];
    const holdsStake = sqlite.prepare<[string], { n: number }>(
      `SELECT count(*) AS n FROM facts WHERE kind = 'stake'
         AND company_id = (SELECT id FROM companies WHERE slug = ?)`,
    );
    const holders = slugs.filter((slug) => holdsStake.get(slug)!.n > 0).slice(0, HOLDERS);
    return [
      { name: "/companies/:slug", paths: slugs.map((s) => `/companies/${s}`) },
      {
        name: "/compare revenue absolute",
        paths: pairs.map((p) => `/compare?companies=${p}&metric=revenue&mode=absolute`),
      },
      {
        name: "/compare revenue_change indexed",
        paths: pairs.map((p) => `/compare?companies=${p}&metric=revenue_change&mode=indexed`),
      },
      { name: "/stakes", paths: ["/stakes"] },
      { name: "/stakes?holder=:slug", paths: holders.map((s) => `/stakes?holder=${s}`) },
      {
        // Every order the facts page offers, both ways, at its first, middle and last page (docs/decisions/013).
        name: "/facts?sort=:sort&dir=:dir&page=1|100|200",
        paths: ["year", "company", "kind", "value", "article"].flatMap((sort) =>
          ["asc", "desc"].flatMap((dir) => [1, 100, 200].map((page) => `/facts?sort=${sort}&dir=${dir}&page=${page}`)),
        ),
      },
    ];
  } finally {
    sqlite.close();
  }
}

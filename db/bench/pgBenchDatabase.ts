import Database from "better-sqlite3";
import pg from "pg";
import { copyToPostgres } from "../copyToPostgres";
import { openPostgres } from "../postgres";

/**
 * The web benchmark's million facts on PostgreSQL: the generated SQLite database (generateFacts.ts) copied, ids
 * included, into a database of its own on the server `adminUrl` names (db/copyToPostgres.ts), then analysed so
 * the planner has statistics, as autovacuum would give a database that grew by imports. Reused while it holds as
 * many facts as the SQLite file, so both backends answer the same URLs from the same rows.
 */
const NAME = "figures_bench_1m";

export async function ensurePgBenchDatabase(
  adminUrl: string,
  sqlitePath: string,
  log: (line: string) => void,
): Promise<{ url: string; copied: boolean; seconds: number }> {
  const url = new URL(adminUrl);
  url.pathname = `/${NAME}`;
  const sqlite = new Database(sqlitePath, { readonly: true, fileMustExist: true });
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const facts = (sqlite.prepare("SELECT count(*) AS n FROM facts").get() as { n: number }).n;
    const exists = (await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [NAME])).rowCount === 1;
    if (exists) {
      const held = await countFacts(url.toString());
      if (held === facts) return { url: url.toString(), copied: false, seconds: 0 };
      log(`${NAME} holds ${held ?? "no"} facts, not ${facts}: copying again`);
      await admin.query(`DROP DATABASE ${NAME} WITH (FORCE)`);
    }
    const started = performance.now();
    await admin.query(`CREATE DATABASE ${NAME} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`);
    const target = await openPostgres(url.toString());
    try {
      log(`Copying ${facts} facts into PostgreSQL (${NAME})`);
      await copyToPostgres(sqlite, target);
      await target.pool.query("VACUUM ANALYZE");
    } finally {
      await target.pool.end();
    }
    return { url: url.toString(), copied: true, seconds: (performance.now() - started) / 1000 };
  } finally {
    await admin.end();
    sqlite.close();
  }
}

async function countFacts(url: string): Promise<number | null> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ n: number }>("SELECT count(*)::int AS n FROM facts")).rows[0].n;
  } catch {
    return null;
  } finally {
    await client.end();
  }
}

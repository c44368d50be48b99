import type Database from "better-sqlite3";
import { getTableColumns, getTableName } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { PgHandle } from "./postgres";
import * as pgSchema from "./schema.pg";

/** Parents before children, so every foreign key finds its row. */
const TABLES: PgTable[] = [
  pgSchema.companies,
  pgSchema.companyAliases,
  pgSchema.articles,
  pgSchema.facts,
  pgSchema.factSegments,
  pgSchema.importRuns,
  pgSchema.users,
  pgSchema.factReviews,
  pgSchema.auditLog,
  pgSchema.companyRemovals,
  pgSchema.companyRedirects,
  pgSchema.loginFailures,
];

/** PostgreSQL takes at most 65,535 arguments a statement. */
const MAX_ARGS = 60_000;

/**
 * Copies every row of a SQLite database into an empty PostgreSQL one of the same schema (docs/decisions/019),
 * ids included, in one transaction; then moves each id sequence past the largest id, so rows added later do not
 * collide. SQLite's 0/1 flags become booleans. Returns the rows copied per table.
 */
export async function copyToPostgres(sqlite: Database.Database, target: PgHandle): Promise<Record<string, number>> {
  const client = await target.pool.connect();
  const copied: Record<string, number> = {};
  try {
    await client.query("BEGIN");
    const { rows } = await client.query<{ n: string }>("SELECT count(*) AS n FROM companies");
    if (Number(rows[0].n) > 0) throw new Error("copyToPostgres: the PostgreSQL database already holds companies");
    for (const table of TABLES) {
      const name = getTableName(table);
      const columns = Object.values(getTableColumns(table));
      const names = columns.map((c) => `"${c.name}"`).join(", ");
      const flags = columns.map((c) => c.dataType === "boolean");
      const perBatch = Math.floor(MAX_ARGS / columns.length);
      // Read a batch at a time: the web benchmark's million facts, held at once, took gigabytes of heap.
      const rows = sqlite.prepare(`SELECT ${names} FROM "${name}"`).raw().iterate() as IterableIterator<unknown[]>;
      let count = 0;
      let batch: unknown[][] = [];
      const insert = async () => {
        const args: unknown[] = [];
        const tuples = batch.map((row) => {
          const marks = row.map((value, j) => {
            args.push(flags[j] && value !== null ? Boolean(value) : value);
            return `$${args.length}`;
          });
          return `(${marks.join(", ")})`;
        });
        await client.query(`INSERT INTO "${name}" (${names}) VALUES ${tuples.join(", ")}`, args);
        count += batch.length;
        batch = [];
      };
      for (const row of rows) {
        batch.push(row);
        if (batch.length === perBatch) await insert();
      }
      if (batch.length) await insert();
      if (columns.some((c) => c.name === "id" && c.columnType === "PgSerial")) {
        await client.query(
          `SELECT setval(pg_get_serial_sequence('"${name}"', 'id'), coalesce(max(id), 0) + 1, false) FROM "${name}"`,
        );
      }
      copied[name] = count;
    }
    await client.query("COMMIT");
    return copied;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

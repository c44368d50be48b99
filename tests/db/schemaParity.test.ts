import { getTableName, is, SQL } from "drizzle-orm";
import { type PgTable, getTableConfig as pgConfig } from "drizzle-orm/pg-core";
import { type SQLiteTable, getTableConfig as sqliteConfig } from "drizzle-orm/sqlite-core";
import { describe, expect, test } from "vitest";
import * as sqliteSchema from "../../db/schema";
import * as pgSchema from "../../db/schema.pg";

/**
 * The two schemas (docs/decisions/019) must describe the same database: each table, column, key and index of one
 * is in the other. Types differ by design (boolean for 0/1, double precision for real) and are not compared.
 */
type Config = ReturnType<typeof sqliteConfig> | ReturnType<typeof pgConfig>;

function describeTable(config: Config) {
  const columns = config.columns
    .map((c) => ({
      name: c.name,
      notNull: c.notNull,
      // An integer primary key is SQLite's rowid, which always has a default; PostgreSQL's ids are serial (below).
      hasDefault: c.primary ? "primary key" : c.hasDefault,
      primary: c.primary,
      unique: c.isUnique,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const foreignKeys = config.foreignKeys
    .map((fk) => {
      const ref = fk.reference();
      return `${ref.columns.map((c) => c.name).join(",")} -> ${getTableName(ref.foreignTable)}(${ref.foreignColumns
        .map((c) => c.name)
        .join(",")}) on delete ${fk.onDelete ?? "no action"}`;
    })
    .sort();
  const indexes = config.indexes
    .map((i) => {
      const names = (i.config.columns as unknown[]).map((c) =>
        is(c, SQL) ? "(expression)" : (c as { name: string }).name,
      );
      return {
        name: i.config.name ?? "(unnamed)",
        columns: names,
        partial: Boolean(i.config.where),
        unique: Boolean(i.config.unique),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  return { columns, foreignKeys, indexes };
}

const tables = <T>(schema: Record<string, unknown>, isTable: (v: unknown) => v is T) =>
  Object.fromEntries(
    Object.entries(schema)
      .filter(([, v]) => isTable(v))
      .map(([k, v]) => [k, v as T]),
  );
const sqliteTables = tables<SQLiteTable>(sqliteSchema, (v): v is SQLiteTable => {
  try {
    return Boolean(v && typeof v === "object" && sqliteConfig(v as SQLiteTable).name);
  } catch {
    return false;
  }
});
const pgTables = tables<PgTable>(pgSchema, (v): v is PgTable => {
  try {
    return Boolean(v && typeof v === "object" && pgConfig(v as PgTable).name);
  } catch {
    return false;
  }
});

describe("the PostgreSQL schema is the SQLite schema", () => {
  test("the same tables under the same names", () => {
    expect(Object.keys(pgTables).sort()).toEqual(Object.keys(sqliteTables).sort());
    expect(Object.keys(sqliteTables)).toHaveLength(12);
    for (const key of Object.keys(sqliteTables))
      expect(getTableName(pgTables[key]), key).toBe(getTableName(sqliteTables[key]));
  });

  test.each(Object.keys(sqliteTables))("%s: same columns, foreign keys and indexes", (key) => {
    const lite = describeTable(sqliteConfig(sqliteTables[key]));
    const pg = describeTable(pgConfig(pgTables[key]));
    expect(pg.columns).toEqual(lite.columns);
    expect(pg.foreignKeys).toEqual(lite.foreignKeys);
    // PostgreSQL's covering indexes end with the id, which SQLite's carry as the rowid (decision 019).
    const withoutTrailingId = pg.indexes.map((i) =>
      i.columns.at(-1) === "id" && i.columns.length > 1 ? { ...i, columns: i.columns.slice(0, -1) } : i,
    );
    expect(withoutTrailingId).toEqual(lite.indexes);
  });

  test("every id PostgreSQL has is serial, numbered by the database as SQLite's rowid is", () => {
    const ids = Object.values(pgTables).flatMap((t) => pgConfig(t).columns.filter((c) => c.name === "id"));
    expect(ids).toHaveLength(7);
    expect(new Set(ids.map((c) => c.columnType))).toEqual(new Set(["PgSerial"]));
  });

  test("the facts table's covering chart index lists the chart's columns, then the id, on PostgreSQL", () => {
    const chart = describeTable(pgConfig(pgSchema.facts)).indexes.find((i) => i.name === "facts_company_chart_idx");
    expect(chart?.columns.slice(0, 3)).toEqual(["company_id", "kind", "year"]);
    expect(chart?.columns.at(-1)).toBe("id");
  });
});

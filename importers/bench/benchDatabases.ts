import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";

/**
 * A fresh, empty database for each timed run of `npm run bench:queue`: a SQLite file in a folder of its own, or a
 * PostgreSQL database created on the server `adminUrl` names (collation C, as the app requires) and dropped after.
 */
export interface BenchDatabase {
  /** The environment a command needs to use it. */
  env: Record<string, string>;
  articles(): Promise<number>;
  drop(): Promise<void>;
}

export type Backend = { kind: "sqlite" } | { kind: "postgres"; adminUrl: string };

export const backendName = (b: Backend) => (b.kind === "sqlite" ? "SQLite" : "PostgreSQL");

let made = 0;

async function onServer<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** `scratch`: the folder SQLite's files go in, removed by the caller at the end. */
export async function freshDatabase(backend: Backend, scratch: string): Promise<BenchDatabase> {
  if (backend.kind === "sqlite") {
    const dir = join(scratch, `db${++made}`);
    mkdirSync(dir, { recursive: true });
    const path = join(dir, "figures.db");
    return {
      env: { DATABASE_PATH: path, DATABASE_URL: "" },
      articles: async () => {
        const db = new Database(path, { readonly: true });
        try {
          return (db.prepare("SELECT count(*) AS n FROM articles").get() as { n: number }).n;
        } finally {
          db.close();
        }
      },
      // The folder goes with the bench's own at the end; a file of 2,550 articles is a few megabytes.
      drop: async () => {},
    };
  }
  const name = `figures_bench_${randomBytes(5).toString("hex")}`;
  await onServer(backend.adminUrl, (c) =>
    c.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`),
  );
  const url = new URL(backend.adminUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    articles: () =>
      onServer(url.toString(), async (c) => (await c.query("SELECT count(*)::int AS n FROM articles")).rows[0].n),
    drop: () => onServer(backend.adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(),
  };
}

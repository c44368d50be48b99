import { defineConfig } from "drizzle-kit";

// PostgreSQL's migrations, from its copy of the schema (docs/decisions/019); drizzle.config.ts makes SQLite's.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema.pg.ts",
  out: "./db/migrations-pg",
});

/**
 * The schema of db/schema.ts for PostgreSQL (docs/decisions/019). drizzle builds a table for one dialect only, so
 * the tables are written twice; tests/db/schemaParity.test.ts checks that both describe the same tables, columns,
 * keys and indexes, so a change made to one and not the other fails the tests. Types chosen to read back as
 * SQLite's do: 8-byte floats for figures, text timestamps in the same ISO form, booleans for SQLite's 0/1 flags.
 */
import { sql } from "drizzle-orm";
import { bigint, boolean, doublePrecision, index, integer, pgTable, serial, text } from "drizzle-orm/pg-core";
import { REVIEW_STATES, ROLES } from "./schema";

/** The form SQLite's strftime('%Y-%m-%dT%H:%M:%fZ','now') gives, so both backends store the same strings. */
const nowIso = sql`to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export const companies = pgTable("companies", {
  id: serial("id").primaryKey(),
  name: text("name").notNull().unique(),
  slug: text("slug").notNull().unique(),
});

export const companyAliases = pgTable(
  "company_aliases",
  {
    alias: text("alias").primaryKey(),
    companyId: integer("company_id")
      .notNull()
      .references(() => companies.id, { onDelete: "cascade" }),
  },
  // A company's own aliases (its page lists them, a merge or an undo moves them) without scanning every alias.
  (t) => [index("company_aliases_company_idx").on(t.companyId, t.alias)],
);

export const articles = pgTable(
  "articles",
  {
    id: serial("id").primaryKey(),
    sourcePath: text("source_path").notNull(),
    sha256: text("sha256").notNull().unique(),
    title: text("title").notNull(),
    publishedYear: integer("published_year"),
    publishedYearSource: text("published_year_source"),
    cleanedText: text("cleaned_text").notNull(),
    importedAt: text("imported_at").notNull().default(nowIso),
  },
  (t) => [index("articles_source_path_idx").on(t.sourcePath)],
);

export const facts = pgTable(
  "facts",
  {
    id: serial("id").primaryKey(),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    kind: text("kind", {
      enum: ["revenue", "revenue_change", "stake", "market_share", "sales_volume"],
    }).notNull(),
    companyId: integer("company_id")
      .notNull()
      .references(() => companies.id),
    counterpartyId: integer("counterparty_id").references(() => companies.id),
    market: text("market"),
    year: integer("year"),
    period: text("period"),
    low: doublePrecision("low").notNull(),
    high: doublePrecision("high").notNull(),
    unit: text("unit").notNull(),
    status: text("status", { enum: ["actual", "forecast", "target"] }).notNull(),
    approximate: boolean("approximate").notNull().default(false),
    comparedYear: integer("compared_year"),
    comparedPeriod: text("compared_period"),
    quote: text("quote").notNull(),
    start: integer("start").notNull(),
    end: integer("end").notNull(),
    figureStart: integer("figure_start"),
    figureEnd: integer("figure_end"),
    stated: text("stated").notNull().default("[]"),
  },
  (t) => [
    // The same indexes as SQLite's (db/schema.ts says why each exists). PostgreSQL has no rowid in its indexes,
    // so the covering ones end with the id, which the charts' queries read.
    index("facts_company_chart_idx").on(
      t.companyId,
      t.kind,
      t.year,
      t.period,
      t.unit,
      t.market,
      t.counterpartyId,
      t.status,
      t.low,
      t.high,
      t.approximate,
      t.comparedYear,
      t.comparedPeriod,
      t.id,
    ),
    // SQLite sorts nulls first in ascending order, PostgreSQL last; the pages ask for SQLite's order on both
    // (db/dialect.ts), and this index gives it without a sort. The facts page's orders end with the id, which
    // SQLite's indexes hold as the rowid and PostgreSQL's must name (tests/app/factsPlanPg.ts checks each plan).
    index("facts_year_idx").on(t.year.asc().nullsFirst(), t.id),
    index("facts_counterparty_chart_idx")
      .on(t.counterpartyId, t.kind, t.companyId, t.year, t.status, t.low, t.high, t.approximate, t.id)
      .where(sql`${t.counterpartyId} IS NOT NULL`),
    index("facts_kind_company_counterparty_idx")
      .on(t.kind, t.companyId, t.counterpartyId, t.year, t.status, t.low, t.high, t.approximate, t.id)
      .where(sql`${t.kind} = 'stake'`),
    index("facts_article_idx").on(t.articleId, t.id),
    index("facts_value_idx").on(sql`((${t.low} + ${t.high}) / 2)`, t.id),
    index("facts_kind_value_idx").on(t.kind, sql`((${t.low} + ${t.high}) / 2)`, t.id),
    index("facts_filter_idx").on(t.kind, t.status, t.year, t.low, t.high, t.articleId, t.companyId, t.id),
  ],
);

export const importRuns = pgTable("import_runs", {
  id: serial("id").primaryKey(),
  startedAt: text("started_at").notNull(),
  finishedAt: text("finished_at"),
  filesRead: integer("files_read").notNull().default(0),
  articlesImported: integer("articles_imported").notNull().default(0),
  articlesUnchanged: integer("articles_unchanged").notNull().default(0),
  factsWritten: integer("facts_written").notNull().default(0),
  errors: text("errors").notNull().default("[]"),
});

export const users = pgTable("users", {
  id: serial("id").primaryKey(),
  name: text("name").notNull().unique(),
  role: text("role", { enum: ROLES }).notNull(),
  passwordHash: text("password_hash").notNull(),
  sessionEpoch: integer("session_epoch").notNull().default(0),
  createdAt: text("created_at").notNull().default(nowIso),
});

export const factReviews = pgTable(
  "fact_reviews",
  {
    id: serial("id").primaryKey(),
    articlePath: text("article_path").notNull(),
    fingerprint: text("fingerprint").notNull(),
    factId: integer("fact_id").references(() => facts.id, { onDelete: "set null" }),
    state: text("state", { enum: REVIEW_STATES }).notNull(),
    original: text("original"),
    corrected: text("corrected"),
    orphaned: boolean("orphaned").notNull().default(false),
    userName: text("user_name").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [index("fact_reviews_path_idx").on(t.articlePath, t.fingerprint), index("fact_reviews_fact_idx").on(t.factId)],
);

export const auditLog = pgTable("audit_log", {
  id: serial("id").primaryKey(),
  at: text("at").notNull(),
  userName: text("user_name").notNull(),
  action: text("action").notNull(),
  subject: text("subject").notNull(),
  before: text("before"),
  after: text("after"),
});

export const companyRemovals = pgTable("company_removals", {
  companyId: integer("company_id")
    .primaryKey()
    .references(() => companies.id, { onDelete: "cascade" }),
  userName: text("user_name").notNull(),
  at: text("at").notNull(),
});

export const companyRedirects = pgTable("company_redirects", {
  slug: text("slug").primaryKey(),
  companyId: integer("company_id")
    .notNull()
    .references(() => companies.id, { onDelete: "cascade" }),
  at: text("at").notNull(),
});

export const factSegments = pgTable("fact_segments", {
  factId: integer("fact_id")
    .primaryKey()
    .references(() => facts.id, { onDelete: "cascade" }),
  segment: text("segment").notNull(),
});

/** Failed sign-ins, as db/schema.ts's; milliseconds since 1970 need eight bytes. */
export const loginFailures = pgTable(
  "login_failures",
  {
    key: text("key").primaryKey(),
    failures: integer("failures").notNull(),
    lastMs: bigint("last_ms", { mode: "number" }).notNull(),
  },
  (t) => [index("login_failures_last_idx").on(t.lastMs)],
);

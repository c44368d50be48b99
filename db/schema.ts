import { sql } from "drizzle-orm";
import { index, integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const companies = sqliteTable("companies", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull().unique(),
  slug: text("slug").notNull().unique(),
});

/** Every surface form a company was written as ("Renault SA", "Renault Group"); the key is lower-cased. */
export const companyAliases = sqliteTable(
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

export const articles = sqliteTable(
  "articles",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    sourcePath: text("source_path").notNull(),
    sha256: text("sha256").notNull().unique(),
    title: text("title").notNull(),
    publishedYear: integer("published_year"),
    publishedYearSource: text("published_year_source"),
    cleanedText: text("cleaned_text").notNull(),
    importedAt: text("imported_at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [index("articles_source_path_idx").on(t.sourcePath)],
);

export const facts = sqliteTable(
  "facts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
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
    low: real("low").notNull(),
    high: real("high").notNull(),
    unit: text("unit").notNull(),
    status: text("status", { enum: ["actual", "forecast", "target"] }).notNull(),
    approximate: integer("approximate", { mode: "boolean" }).notNull().default(false),
    comparedYear: integer("compared_year"),
    comparedPeriod: text("compared_period"),
    quote: text("quote").notNull(),
    start: integer("start").notNull(),
    end: integer("end").notNull(),
    /** Offsets of the figure itself within the cleaned text, for highlighting it inside its sentence. */
    figureStart: integer("figure_start"),
    figureEnd: integer("figure_end"),
    /** JSON list of the fields the text stated outright; the rest were inferred. */
    stated: text("stated").notNull().default("[]"),
  },
  (t) => [
    // Covering indexes: the charts read every figure of a company (thousands for the largest) from the index alone,
    // never touching the rows with their long quotes. The id (rowid) is in every index.
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
    ),
    // The facts table's default order, a page at a time.
    index("facts_year_idx").on(t.year),
    // Partial: only stakes have a counterparty, so other facts cost this index nothing on import.
    index("facts_counterparty_chart_idx")
      .on(t.counterpartyId, t.kind, t.companyId, t.year, t.status, t.low, t.high, t.approximate)
      .where(sql`${t.counterpartyId} IS NOT NULL`),
    // The stakes page lists holder/held pairs in this order, a page at a time, without sorting a million rows;
    // partial, like the one above, so only stakes pay for it on import.
    index("facts_kind_company_counterparty_idx")
      .on(t.kind, t.companyId, t.counterpartyId, t.year, t.status, t.low, t.high, t.approximate)
      .where(sql`${t.kind} = 'stake'`),
    index("facts_article_idx").on(t.articleId),
    // The facts page sorted by value (the midpoint of a range), a page at a time, without sorting a million rows.
    // The expression must stay exactly the ORDER BY of app/models/facts.server.ts, or SQLite will not use it.
    index("facts_value_idx").on(sql`(${t.low} + ${t.high}) / 2`),
    // Sorted by kind (then value), and one kind sorted by value (docs/decisions/013).
    index("facts_kind_value_idx").on(t.kind, sql`(${t.low} + ${t.high}) / 2`),
    // The facts page filtered so that few facts match (a kind in one year, forecasts of one kind): those facts are
    // found here and sorted, each order's key read from this index alone (docs/decisions/027).
    index("facts_filter_idx").on(t.kind, t.status, t.year, t.low, t.high, t.articleId, t.companyId),
  ],
);

export const importRuns = sqliteTable("import_runs", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  startedAt: text("started_at").notNull(),
  finishedAt: text("finished_at"),
  filesRead: integer("files_read").notNull().default(0),
  articlesImported: integer("articles_imported").notNull().default(0),
  articlesUnchanged: integer("articles_unchanged").notNull().default(0),
  factsWritten: integer("facts_written").notNull().default(0),
  /** JSON list of {path, reason}. */
  errors: text("errors").notNull().default("[]"),
});

export const ROLES = ["viewer", "analyst", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** People who sign in to the dashboard; managed with `npm run user`. */
export const users = sqliteTable("users", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull().unique(),
  role: text("role", { enum: ROLES }).notNull(),
  /** bcrypt, cost and salt inside (docs/decisions/009). */
  passwordHash: text("password_hash").notNull(),
  /** Raised when the password changes: a session signed in before that no longer counts. */
  sessionEpoch: integer("session_epoch").notNull().default(0),
  createdAt: text("created_at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
});

export const REVIEW_STATES = ["confirmed", "corrected", "rejected", "added", "superseded"] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

/**
 * What a person decided about one extracted fact, kept apart from the facts table so that re-importing the
 * article (which deletes and rewrites its facts) can find the new fact again by its fingerprint and re-apply it
 * (docs/decisions/010). A fact without a row here is in the state `machine`.
 */
export const factReviews = sqliteTable(
  "fact_reviews",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** The article's source path: what survives a re-import, unlike its id. */
    articlePath: text("article_path").notNull(),
    /** Kind, sentence and figure of the fact as the extractor wrote it, hashed (db/reviews.ts). */
    fingerprint: text("fingerprint").notNull(),
    /** The fact the review applies to now; null when rejected (the row is gone) or when no fact matches any more. */
    factId: integer("fact_id").references(() => facts.id, { onDelete: "set null" }),
    state: text("state", { enum: REVIEW_STATES }).notNull(),
    /** JSON of the fact as the extractor wrote it (null for a fact a person added). */
    original: text("original"),
    /** JSON of the values a person set (corrected and added facts). */
    corrected: text("corrected"),
    /** A rejection whose fact the last re-import did not find again: kept and listed, never dropped in silence. */
    orphaned: integer("orphaned", { mode: "boolean" }).notNull().default(false),
    userName: text("user_name").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [index("fact_reviews_path_idx").on(t.articlePath, t.fingerprint), index("fact_reviews_fact_idx").on(t.factId)],
);

/** Every change a person made, with what it was before and after (JSON); never updated or deleted. */
export const auditLog = sqliteTable("audit_log", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  at: text("at").notNull(),
  userName: text("user_name").notNull(),
  action: text("action").notNull(),
  subject: text("subject").notNull(),
  before: text("before"),
  after: text("after"),
});

/**
 * Names an analyst removed as no company at all (a city, a person, a word read as a company): the row and its
 * aliases stay, so an import that writes the name again finds it, and its facts are stored as rejected
 * (docs/decisions/014).
 */
export const companyRemovals = sqliteTable("company_removals", {
  companyId: integer("company_id")
    .primaryKey()
    .references(() => companies.id, { onDelete: "cascade" }),
  userName: text("user_name").notNull(),
  at: text("at").notNull(),
});

/**
 * The URL names (slugs) a company had before an analyst renamed it or merged it into another, so that its old
 * address redirects to its page instead of a 404 (docs/decisions/014). Follows the company through later renames
 * and merges; a company that has the slug itself wins.
 */
export const companyRedirects = sqliteTable("company_redirects", {
  slug: text("slug").primaryKey(),
  companyId: integer("company_id")
    .notNull()
    .references(() => companies.id, { onDelete: "cascade" }),
  at: text("at").notNull(),
});

/**
 * The part of its company a revenue or change belongs to ("cloud" for "its cloud division brought in $1.9bn"). Kept
 * beside the facts, not in them: the few facts that have one are left out of the company's own series by an id
 * lookup, while the covering indexes the charts read stay as they are (docs/decisions/017).
 */
export const factSegments = sqliteTable("fact_segments", {
  factId: integer("fact_id")
    .primaryKey()
    .references(() => facts.id, { onDelete: "cascade" }),
  segment: text("segment").notNull(),
});

/**
 * Failed sign-ins per account (`account:NAME`) and per address (`address:IP`), shared by every instance on one
 * database (decision 030); `last_ms` is the latest failure's time in milliseconds since 1970.
 */
export const loginFailures = sqliteTable(
  "login_failures",
  {
    key: text("key").primaryKey(),
    failures: integer("failures").notNull(),
    lastMs: integer("last_ms").notNull(),
  },
  (t) => [index("login_failures_last_idx").on(t.lastMs)],
);

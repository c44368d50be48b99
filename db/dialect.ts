import type { Dialect } from "./sql";

export type { Dialect };

/**
 * The few places where the dashboard's SQL differs between SQLite and PostgreSQL, as fragments chosen by dialect
 * (docs/decisions/019). Everything else is written once, in the SQL both accept.
 */

/** SQLite is told which index to read (its planner otherwise picks worse ones, decision 013); PostgreSQL is not. */
export const indexedBy = (d: Dialect, index: string) => (d === "sqlite" ? `INDEXED BY ${index}` : "");

/** A filter SQLite must not use an index for (`+f.kind`, decision 013); PostgreSQL has no such operator on text. */
export const unindexed = (d: Dialect, column: string) => (d === "sqlite" ? `+${column}` : column);

/** Equal, null included: SQLite's `IS ?`, PostgreSQL's `IS NOT DISTINCT FROM ?`. */
export const sameAs = (d: Dialect, column: string) =>
  d === "sqlite" ? `${column} IS ?` : `${column} IS NOT DISTINCT FROM ?`;

/**
 * A column of the newest row (highest `idColumn`) of a group. SQLite takes a bare column from the row holding the
 * group's max(); PostgreSQL refuses bare columns, so it picks it from the group's values in id order.
 */
export const newestOf = (d: Dialect, column: string, idColumn: string) =>
  d === "sqlite" ? column : `(array_agg(${column} ORDER BY ${idColumn} DESC))[1]`;

/**
 * SQLite puts nulls first in ascending order and last in descending order; PostgreSQL the other way round. Added
 * after an ORDER BY term on PostgreSQL, so pages list facts in the same order on both.
 */
export const nullsAsSqlite = (d: Dialect, dir: "ASC" | "DESC") =>
  d === "sqlite" ? "" : dir === "ASC" ? " NULLS FIRST" : " NULLS LAST";

/** A join in the order written: SQLite's CROSS JOIN keeps it (decision 013); PostgreSQL's takes no ON clause. */
export const joinInOrder = (d: Dialect) => (d === "sqlite" ? "CROSS JOIN" : "JOIN");

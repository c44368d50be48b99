import { getSql } from "~/db.server";

/**
 * Joint holders are stored as the text named them ("Corvan + Ostrel", "Ostrel + Corvan"), each its own company.
 * Pages treat them as one holder: the parts sorted give the canonical name, and every stored spelling of it maps
 * to one representative id (the one already spelt canonically, else the lowest).
 */
export interface JointHolders {
  /** Id of a joint holder -> the representative of its group. */
  representative: Map<number, number>;
  /** Representative id -> every id of the group. */
  members: Map<number, number[]>;
  /** Representative id -> the canonical name. */
  canonicalName: Map<number, string>;
}

const JOINT = " + ";

export const canonicalJointName = (name: string) =>
  name
    .split(JOINT)
    .map((p) => p.trim())
    .sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" }))
    .join(JOINT);

/**
 * Joint holders of the database. Read on each call: a scan of the companies table costs about a millisecond on
 * 10,000 companies, and a cache keyed on data_version would miss this connection's own writes.
 */
export async function jointHolders(): Promise<JointHolders> {
  const sql = await getSql();
  const rows = await sql.all<{ id: number; name: string }>(
    "SELECT id, name FROM companies WHERE name LIKE ? ORDER BY id",
    [`%${JOINT}%`],
  );
  const byKey = new Map<string, Array<{ id: number; name: string }>>();
  for (const r of rows) {
    const key = canonicalJointName(r.name).toLowerCase();
    byKey.set(key, [...(byKey.get(key) ?? []), r]);
  }
  const value: JointHolders = { representative: new Map(), members: new Map(), canonicalName: new Map() };
  for (const group of byKey.values()) {
    const canonical = canonicalJointName(group[0].name);
    const rep = (group.find((g) => g.name === canonical) ?? group[0]).id;
    value.members.set(
      rep,
      group.map((g) => g.id),
    );
    value.canonicalName.set(rep, canonical);
    for (const g of group) value.representative.set(g.id, rep);
  }
  return value;
}

/** The representative of a holder id (itself unless it is one spelling of a joint holder). */
export const representativeOf = (joint: JointHolders, id: number) => joint.representative.get(id) ?? id;

/**
 * The name to show a joint holder under when several spellings are stored: the canonical one. A name stored in
 * one order only keeps it as written ("Renault + Nissan + AvtoVAZ", an alliance's market share): undefined.
 */
export const groupName = (joint: JointHolders, rep: number) =>
  (joint.members.get(rep)?.length ?? 0) > 1 ? joint.canonicalName.get(rep) : undefined;

/** Every id stored for the same holder. */
export const membersOf = (joint: JointHolders, id: number) => joint.members.get(representativeOf(joint, id)) ?? [id];

/**
 * A company page's view of a joint holder: the canonical name to title it with, and, when `id` is another stored
 * spelling than the group's representative, the representative's slug, whose page it leads to (one page per
 * holder, as the stakes pages list one row).
 */
export async function jointHolderPage(id: number): Promise<{ name: string | null; redirectTo: string | null }> {
  const joint = await jointHolders();
  const rep = representativeOf(joint, id);
  if (rep === id) return { name: groupName(joint, id) ?? null, redirectTo: null };
  const row = await (await getSql()).get<{ slug: string }>("SELECT slug FROM companies WHERE id = ?", [rep]);
  return { name: groupName(joint, rep) ?? null, redirectTo: row?.slug ?? null };
}

import { getSql } from "~/db.server";

/**
 * What an undo of a company merge or removal brought back and what it could not, in words, from its own audit row
 * (db/companyUndo.ts): shown on the company page the undo lands on, so an admin is told which facts to look at.
 */
export async function undoMessage(undoAuditId: number): Promise<string | null> {
  const row = await (await getSql()).get<{ action: string; before: string | null; after: string | null }>(
    "SELECT action, before, after FROM audit_log WHERE id = ?",
    [undoAuditId],
  );
  if (!row?.after || (row.action !== "company.unmerge" && row.action !== "company.unremove")) return null;
  const after = JSON.parse(row.after) as Record<string, number | string | boolean | string[] | undefined>;
  const before = JSON.parse(row.before ?? "{}") as { name?: string };
  const n = (key: string) => Number(after[key] ?? 0);
  const facts = (count: number) => `${count} ${count === 1 ? "fact" : "facts"}`;
  const was = (count: number, one: string, many: string) => (count === 1 ? one : many);
  if (row.action === "company.unmerge") {
    const name = String(after.name);
    const into = before.name ?? "the company it was merged into";
    const unknown = n("factsLeftUnknown");
    const ambiguous = n("factsLeftAmbiguous");
    const corrected = n("factsLeftCorrected");
    const notFound = n("factsLeft") - unknown - ambiguous - corrected;
    const parts = [`Undone: ${name} is a company again.`];
    const moved = n("factsReimportedMoved");
    if (moved) {
      parts.push(
        `${facts(moved)} whose article was imported again since ${was(moved, "was", "were")} found by ${was(moved, "its", "their")} sentence and came back.`,
      );
    }
    if (unknown) {
      parts.push(
        `${facts(unknown)} stay with ${into}: their article was imported again after the merge, which was made before undos could find re-imported facts. Correct their company on the review page.`,
      );
    }
    if (ambiguous) {
      parts.push(
        `${facts(ambiguous)} stay with ${into}: ${into} has a figure of its own in the same sentence of a re-imported article, so which is whose cannot be told. Correct their company on the review page.`,
      );
    }
    if (corrected) parts.push(`${facts(corrected)} stay with the company a person corrected them to.`);
    if (notFound > 0) {
      parts.push(
        `${facts(notFound)} ${was(notFound, "is", "are")} no longer stored (rejected since, or no longer given by a re-imported article).`,
      );
    }
    return parts.join(" ");
  }
  const name = String(after.name ?? before.name ?? "The company");
  const parts = [`Undone: ${name} is a company again.`];
  const exact = n("factsRestored") - n("factsReimportedRestored");
  if (exact) parts.push(`${facts(exact)} came back as ${was(exact, "it was", "they were")}.`);
  const re = n("factsReimportedRestored");
  if (re) {
    parts.push(
      `${facts(re)} came back as ${was(re, "it was", "they were")}, in the article as it was imported again since.`,
    );
  }
  const later = n("factsImportedLaterRestored");
  if (later) parts.push(`${facts(later)} imported while the name was removed came back.`);
  const laterLeft = n("factsImportedLaterLeft");
  if (laterLeft) {
    parts.push(
      `${facts(laterLeft)} imported while the name was removed stay rejected: ${was(laterLeft, "its", "their")} sentence is no longer in ${was(laterLeft, "its", "their")} article.`,
    );
  }
  const notGiven = n("factsNotGivenAgain");
  if (notGiven) {
    parts.push(
      `${facts(notGiven)} could not come back: ${was(notGiven, "its", "their")} article, imported again since, no longer gives ${was(notGiven, "it", "them")}; a review ${was(notGiven, "it", "they")} had is kept and listed on the review page.`,
    );
  }
  const gone = n("factsArticleGone");
  if (gone) {
    parts.push(
      `${facts(gone)} could not come back: ${was(gone, "its", "their")} article is no longer stored; a review ${was(gone, "it", "they")} had is kept and listed on the review page.`,
    );
  }
  const changed = n("factsChangedSince");
  if (changed) {
    parts.push(
      `${facts(changed)} ${was(changed, "was", "were")} left as ${was(changed, "it is", "they are")}: a person restored or reviewed ${was(changed, "it", "them")} since.`,
    );
  }
  return parts.join(" ");
}

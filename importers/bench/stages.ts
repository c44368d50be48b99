/**
 * Times the stages of extraction separately by calling each stage's own function in the order extractArticle
 * (importers/pipeline.ts) does. The extractors themselves are not re-run here, so this does not depend on how
 * the pipeline feeds them: the bench times extractArticle on the same article and reports the difference as
 * "extractors+rest" (extractors, refine and the pipeline's own bookkeeping).
 */
import { createHash } from "node:crypto";
import { advance, type DiscourseState, findMentions } from "../analyse/mentions";
import { MAY_NAME_PERIOD } from "../pipeline";
import { CompanyRegistry } from "../recognise/companies";
import { findDivisions } from "../recognise/divisions";
import { inferPublishedYear } from "../recognise/publication";
import { findQuantities } from "../recognise/quantities";
import { findTimes } from "../recognise/time";
import { cleanArticle } from "../text/clean";
import { decodeBytes } from "../text/decode";
import { splitSentences } from "../text/sentences";

export const MEASURED_STAGES = [
  "sha256",
  "decode",
  "clean",
  "sentences",
  "companies",
  "publication",
  "quantities",
  "times",
  "mentions",
] as const;
export const STAGES = [...MEASURED_STAGES, "extractors+rest"] as const;
export type Stage = (typeof STAGES)[number];
/** Milliseconds per stage, and `total`: extractArticle's own time on the same articles. */
export type StageTimes = Record<Stage | "total", number>;

export const emptyStageTimes = (): StageTimes =>
  Object.fromEntries([...STAGES, "total"].map((s) => [s, 0])) as StageTimes;

/** Runs the stages before the extractors on one article, adding each one's milliseconds to `t`. */
export function timeStages(bytes: Uint8Array, t: StageTimes): void {
  let t0 = performance.now();
  const lap = (stage: Stage) => {
    const now = performance.now();
    t[stage] += now - t0;
    t0 = now;
  };
  createHash("sha256").update(bytes).digest("hex");
  lap("sha256");
  const decoded = decodeBytes(bytes);
  lap("decode");
  const cleaned = cleanArticle(decoded.text);
  lap("clean");
  const sentences = splitSentences(cleaned.text);
  const titleIsSentence = /[.!?]["”’)]?$/.test(cleaned.title);
  const body = sentences.filter((s) => titleIsSentence || s.start >= cleaned.bodyStart);
  lap("sentences");
  const registry = CompanyRegistry.build(sentences.map((s) => s.text));
  findDivisions(
    body.map((s) => s.text),
    registry,
  );
  lap("companies");
  inferPublishedYear(
    body.map((s) => s.text),
    undefined,
    cleaned.dateLine,
  );
  registry.main();
  lap("publication");
  let state: DiscourseState = { topic: null, recentGroups: [] };
  for (const sentence of body) {
    // The same work the pipeline does: times only where a figure or a period word is, names only without figures.
    const quantities = findQuantities(sentence.text);
    lap("quantities");
    if (quantities.length || MAY_NAME_PERIOD.test(sentence.text)) findTimes(sentence.text);
    lap("times");
    state = advance(state, findMentions(sentence.text, registry, state, quantities.length === 0));
    lap("mentions");
  }
}

/** Fills in "extractors+rest" as extractArticle's time less the measured stages. */
export function finishStageTimes(t: StageTimes): void {
  const measured = MEASURED_STAGES.reduce((sum, s) => sum + t[s], 0);
  t["extractors+rest"] = Math.max(0, t.total - measured);
}

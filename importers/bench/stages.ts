/**
 * Times the stages of extraction separately. This mirrors extractArticle in importers/pipeline.ts step by step
 * with a clock around each step; the bench compares its fact count with extractArticle's and warns when the
 * mirror has drifted from the pipeline.
 */
import { createHash } from "node:crypto";
import { advance, type DiscourseState, findMentions } from "../analyse/mentions";
import type { SentenceContext } from "../extract/context";
import { EXTRACTORS } from "../pipeline";
import { CompanyRegistry } from "../recognise/companies";
import { inferPublishedYear } from "../recognise/publication";
import { findQuantities } from "../recognise/quantities";
import { findTimes, type TimeExpr } from "../recognise/time";
import { refine } from "../refine/refiners";
import { cleanArticle } from "../text/clean";
import { decodeBytes } from "../text/decode";
import { splitSentences } from "../text/sentences";
import type { Fact, PeriodRef } from "../types";

export const STAGES = [
  "sha256",
  "decode",
  "clean",
  "sentences",
  "companies",
  "publication",
  "quantities",
  "times",
  "mentions",
  "extractors",
  "refine",
] as const;
export type Stage = (typeof STAGES)[number];
export type StageTimes = Record<Stage, number>;

export const emptyStageTimes = (): StageTimes => Object.fromEntries(STAGES.map((s) => [s, 0])) as StageTimes;

/** Copy of pipeline.ts's nextDiscourse (not exported there). */
function nextDiscourse(current: PeriodRef, times: TimeExpr[], publishedYear: number | null): PeriodRef {
  const point = times.filter((t) => t.role === "point");
  const withPeriod = point.find((t) => t.period !== null);
  const withYear = point.find((t) => t.year !== null || (t.relative !== null && publishedYear !== null));
  const pointYear = withYear ? (withYear.year ?? publishedYear! + withYear.relative!) : null;
  const base = times.find((t) => t.role === "base" && t.year !== null);
  const year = pointYear ?? (base ? base.year! + 1 : current.year);
  return { year, period: withPeriod?.period ?? (pointYear !== null ? null : current.period) };
}

/** Runs the extraction of one article, adding each stage's milliseconds to `t`; returns the number of facts. */
export function timedExtract(bytes: Uint8Array, t: StageTimes): number {
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
  lap("companies");
  const published = inferPublishedYear(
    body.map((s) => s.text),
    undefined,
    cleaned.dateLine,
  );
  const mainEntity = registry.main();
  const main = mainEntity && mainEntity.mentions >= 2 ? mainEntity.name : null;
  lap("publication");
  let state: DiscourseState = { topic: null, recentGroups: [] };
  let discourse: PeriodRef = { year: null, period: null };
  const facts: Fact[] = [];
  for (const sentence of body) {
    const quantities = findQuantities(sentence.text);
    lap("quantities");
    const times = findTimes(sentence.text);
    lap("times");
    const mentions = findMentions(sentence.text, registry, state);
    lap("mentions");
    if (quantities.length) {
      const ctx: SentenceContext = {
        text: sentence.text,
        offset: sentence.start,
        quantities,
        times,
        mentions,
        publishedYear: published.year,
        discourse,
        topic: state.topic,
        main,
      };
      for (const extract of EXTRACTORS) facts.push(...extract(ctx));
    }
    if (quantities.some((q) => !q.isYear)) discourse = nextDiscourse(discourse, times, published.year);
    else if (times.some((x) => x.role === "point" && x.period !== null && x.period !== "FY")) {
      discourse = nextDiscourse(
        { year: null, period: null },
        times.filter((x) => x.period !== null),
        published.year,
      );
    }
    state = advance(state, mentions);
    lap("extractors");
  }
  const refined = refine(facts);
  lap("refine");
  return refined.length;
}

import { PLACES } from "../lexicons/companies";
import type { Fact } from "../types";
import { clauseAround } from "./clauses";
import { buildFact, type Extractor } from "./context";
import { marketAfter, marketName, placeIn } from "./market";
import { statusAround } from "./status";
import { PUBLIC_BODY, subjectOf } from "./subject";
import { whenOf } from "./when";

/** "market value", "market capitalisation": not a market the share is of. */
const NOT_A_MARKET =
  /^\s*(?:value|valuation|capitali[sz]ation|cap|price|prices|rate|rates|leader|debut|listing|expectations?)\b/i;
const SHARE_AFTER =
  /^\s*(?:market\s+share|share\s+of\s+(?:the\s+)?[\w\s'’-]{0,40}?market|of\s+(?:the\s+)?[\w\s'’-]{0,40}?market\b|share\b)/i;
/** "8% of Russia's total oil production": a share of a country's output is a share of its market. */
const OUTPUT_SHARE_AFTER =
  /^\s*of\s+([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)['’]s\s+(?:total\s+)?(?:[a-z]+\s+)?(?:production|output)\b/;
const SHARE_BEFORE =
  /\b(?:market\s+share\s+(?:in\s+(?:the\s+)?[\w.]+(?:\s+[\w.]+){0,3}?\s+)?(?:(?:stood|slipped|rose|fell|grew|dropped|climbed|edged|increased|decreased|jumped|slumped|declined|was|is)\s+)?|share\s+of\s+(?:the\s+)?[\w\s'’-]{0,40}?market\s+)(?:from\s+[\d.]+\s*(?:%|per\s?cent)[^%;]{0,40}?\s+)?(?:of|to|at|was|is|from)\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|roughly\s+|more\s+than\s+|less\s+than\s+|over\s+|under\s+|just\s+(?:over|under)\s+)?$/i;

const CURRENT_SHARE_BEFORE =
  /\b(?:on|from|with|than)\s+(?:its|their)\s+(?:current|present|existing)\s+(?:share\s+of\s+)?$/i;

/** Market shares: "25% of the Russian market", "a 20% market share", "its market share rose to 12%". */
export const extractMarketShare: Extractor = (s) => {
  const facts: Fact[] = [];
  for (const q of s.quantities) {
    if (q.kind !== "percent") continue;
    const after = s.text.slice(q.end);
    const before = s.text.slice(Math.max(0, q.start - 80), q.start);
    const output = OUTPUT_SHARE_AFTER.exec(after);
    const outputOf = output ? (PLACES[output[1].toLowerCase()] ?? null) : null;
    const shareAfter = SHARE_AFTER.exec(after) ?? (outputOf ? output : null);
    const shareBefore = SHARE_BEFORE.exec(before);
    // "8% of Russia's oil production, an improvement on its current 2.5%": the share it holds now.
    const previous = facts.at(-1);
    if (!shareAfter && !shareBefore && previous && CURRENT_SHARE_BEFORE.test(before)) {
      const when = { year: null, period: null, stated: false, target: false };
      const company = s.mentions.find((m) => m.company === previous.company) ?? null;
      if (company) {
        const fact = buildFact(s, q, {
          kind: "market_share",
          company,
          market: previous.market,
          when,
          low: q.low,
          high: q.high,
          unit: "percent",
          status: "actual",
          stated: [],
        });
        facts.push(fact);
      }
      continue;
    }
    if (!shareAfter && !shareBefore) continue;
    if (shareAfter && NOT_A_MARKET.test(after.slice(shareAfter[0].length))) continue;
    // "a 43% share" without "market" is a stake when followed by "in <company>".
    if (
      shareAfter &&
      /^\s*share\b/i.test(shareAfter[0]) &&
      !/market/i.test(shareAfter[0]) &&
      !/\bmarket\b/i.test(after.slice(0, 60))
    )
      continue;
    if (/\bstake|shareholding|holding\b/i.test(after.slice(0, 15))) continue;
    const clause = clauseAround(s.text, q.start);
    const named = shareBefore
      ? (/market\s+share\s+in\s+(?:the\s+)?([\w.]+(?:\s+[\w.]+){0,3}?)\s+(?:\w+\s+)?(?:of|to|at|was|is|from)\s/i.exec(
          shareBefore[0],
        ) ?? /share\s+of\s+(?:the\s+)?([\w\s'’-]{0,40}?)\s*market/i.exec(shareBefore[0]))
      : null;
    let market = outputOf
      ? `${outputOf} ${output![0].replace(/^.*['’]s\s+(?:total\s+)?/, "")}`
      : named
        ? (marketName(named[1]) ?? "total")
        : marketAfter(shareAfter ? after.replace(/^\s*market\s+share\b/i, "") : after);
    // "In China, Nissan's market share rose": the place can stand anywhere in the clause.
    if (!market || market === "total") market = placeIn(s.text.slice(clause.start, clause.end)) ?? market;
    const company = subjectOf(s, shareBefore ? q.start - shareBefore[0].length : q.start, clause);
    if (!company || PUBLIC_BODY.test(company.company)) continue;
    // A share held now takes only a time said beside it; an aimed-for share takes its target year.
    const aimed = statusAround(s.text, clause, q, null, null) !== "actual";
    const when = aimed ? whenOf(s, q, clause, null) : whenOf(s, q, clause, null, 60);
    facts.push(
      buildFact(s, q, {
        kind: "market_share",
        company,
        market: market === "total" ? null : market,
        when,
        low: q.low,
        high: q.high,
        unit: "percent",
        status: statusAround(s.text, clause, q, when.year, s.publishedYear),
        stated: market ? ["market"] : [],
      }),
    );
  }
  return facts;
};

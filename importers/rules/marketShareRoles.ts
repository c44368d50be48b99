/** Whose share, of which market, when: the roles the market-share rules fill. */
import { clauseAround } from "../extract/clauses";
import { marketAfter, marketName, placeIn } from "../extract/market";
import { statusAround } from "../extract/status";
import { namedAsProduct, PUBLIC_BODY, subjectOf } from "../extract/subject";
import { shareWhen } from "../extract/when";
import { PLACES } from "../lexicons/companies";
import { CHANGE_WORDS, NOT_MARKET_WORDS, OUTPUT_NOUNS } from "../lexicons/metrics";
import { NUMBER_WORDS } from "../lexicons/numbers";
import type { Quantity } from "../recognise/quantities";
import type { Match } from "./pattern";
import { PIECES, tokenIs } from "./pieces";
import type { FactRoles, RuleSentence } from "./rule";
import { quantityOf, type Token } from "./tokens";

export const figureOf = (m: Match): Quantity | null => quantityOf(m.captures.figure?.[0]);

const textOf = (s: RuleSentence, tokens: Token[] | undefined) =>
  tokens?.length ? s.text.slice(tokens[0].start, tokens.at(-1)!.end) : "";

/**
 * Whose share, of which market, when: the market as the words name it (else a place in the clause), the company
 * by the shared subject finder from where the share's words begin, the time said beside the figure (an aimed-for
 * share takes its target year).
 */
const UNNAMED_SUBJECT =
  /^\s*(?!(?:The|A|An|This|That|Its|Their|Our|His|Her|It|They|We|He|She)\b)[A-Z][a-z]+(?:\s+[a-z]+){0,2}(?:['’]s?\s+(?:combined\s+)?(?:market\s+)?share|\s+(?:took|take|takes|had|have|held|hold|accounted|account|captured|won|made\s+up))\b/;

export function shareRoles(s: RuleSentence, q: Quantity, anchor: number, market: string | null): FactRoles | null {
  const clause = clauseAround(s.text, q.start);
  let named = market;
  // "In China, Nissan's market share rose": the place can stand anywhere in the clause.
  if (!named || named === "total") named = placeIn(s.text.slice(clause.start, clause.end)) ?? named;
  // "Imports took 53.2 pct of the market", "Department stores' share ... shrank": a subject that is no company.
  const lead = s.text.slice(clause.start, anchor);
  if (
    UNNAMED_SUBJECT.test(lead) &&
    !s.tokens.some((t) => t.type === "mention" && t.start >= clause.start && t.end <= anchor)
  )
    return null;
  const company = subjectOf(s.roles, anchor, clause);
  if (!company || PUBLIC_BODY.test(company.company)) return null;
  const aimed = statusAround(s.text, clause, q, null, null) !== "actual";
  const when = shareWhen(s.roles, q, clause, aimed);
  const stated = [
    ...(named ? ["market"] : []),
    ...(company.how === "name" || company.how === "group" ? ["company"] : []),
  ];
  return {
    figure: q,
    company: company.company,
    market: named === "total" ? null : named,
    when,
    unit: "percent",
    status: statusAround(s.text, clause, q, when.year, s.ctx.publishedYear),
    stated,
    aliases: company.surfaces.length ? { [company.company]: company.surfaces } : {},
  };
}

/** The market named after a figure: "of Russia's total oil production", "of the Russian market", "in Europe". */
function marketAfterFigure(s: RuleSentence, q: Quantity): string | null {
  const i = s.tokens.findIndex((t) => t.type === "quantity" && t.quantity === q);
  const place = s.tokens[i + 2];
  if (s.tokens[i + 1]?.lower === "of" && place && tokenIs(PIECES.PLACE_POSS, place)) {
    const noun = s.tokens.slice(i + 3, i + 6).findIndex((t) => OUTPUT.has(t.lower));
    if (noun >= 0) {
      const words = textOf(s, s.tokens.slice(i + 3, i + 4 + noun)).replace(/^total\s+/i, "");
      return `${PLACES[place.lower.replace(/['’]s$/, "")]} ${words}`;
    }
  }
  return marketAfter(s.text.slice(q.end).replace(/^\s*market\s+share\b/i, ""));
}

/** "a 20% market share in Europe", "25% of the Russian market": the market is named after the figure. */
export function shareAfter(m: Match, s: RuleSentence): FactRoles[] {
  const q = figureOf(m);
  if (!q) return [];
  const roles = shareRoles(s, q, q.start, marketAfterFigure(s, q));
  return roles ? [roles] : [];
}

const MOVES = new Set([...Object.keys(CHANGE_WORDS), "stood", "stands", "was", "is", "remained", "edged", "slipped"]);

/** "its market share in Japan rose to 12%", "its share of the UK mobile market is 30%": named before the figure. */
export function shareBefore(m: Match, s: RuleSentence): FactRoles[] {
  const q = figureOf(m);
  if (!q) return [];
  // "market share rose to 12%" names no market; "in Japan slipped to" names Japan, not the move.
  const named = m.captures.in || !m.captures.market?.length ? m.captures.market : undefined;
  const moved = named?.at(-1) && MOVES.has(named.at(-1)!.lower) ? named.slice(0, -1) : named;
  // "its share of the car market in February was 4.2%": the month dates the share; it names no market.
  const timed = moved?.findIndex((t) => t.type === "time") ?? -1;
  const kept = timed > 0 ? moved!.slice(0, timed) : moved;
  const words = textOf(s, kept);
  const roles = shareRoles(s, q, s.tokens[m.from].start, words ? (marketName(words) ?? "total") : "total");
  return roles ? [roles] : [];
}

/**
 * "rose to 14 pct in 1986 from 11 pct in 1985", "22% of the market, up from 17% a year earlier": the share it
 * is compared with is a share of its own, of the same company and market, for the year before unless dated.
 */
export function baseShare(
  m: Match,
  s: RuleSentence,
  before: boolean,
  /** How the share compared with is read, when a rule of its own reads it ("for an 18.8% share"). */
  currentOf?: (m: Match, s: RuleSentence) => FactRoles[],
): FactRoles[] {
  const first = m.captures.first?.[0];
  const q = figureOf(m);
  if (!q || first?.type !== "quantity") return [];
  const firstMatch = { ...m, captures: { ...m.captures, figure: [first] } };
  const current = currentOf
    ? currentOf(firstMatch, s)[0]
    : before
      ? shareBefore(firstMatch, s)[0]
      : shareRoles(s, first.quantity, first.quantity.start, marketAfterFigure(s, first.quantity));
  if (!current) return [];
  const at = s.tokens.indexOf(m.captures.figure[0]);
  const after = s.tokens.slice(at + 1, at + 7);
  const dated = after.find((t) => t.type === "time" && t.time.year !== null);
  // "from 12.9 pct in 1986", "for the whole of 1986": a whole year named, whatever period the share it is compared
  // with was of.
  const wholeYear =
    dated?.type === "time" &&
    /^(?:19|20)\d\d$/.test(dated.text) &&
    /^\s*(?:in|for|during)\s+(?:(?:the\s+)?(?:whole|full)\s+(?:of\s+)?|all\s+of\s+)?$/i.test(
      s.text.slice(q.end, dated.start),
    );
  // "a year earlier", "in the same weeks a year earlier", "in the same period last year".
  const yearEarlier =
    /^\s*(?:(?:in|during|for)\s+the\s+same\s+(?:[\w-]+\s+){0,2}?)?(?:(?:a|one)\s+year\s+(?:earlier|ago|before)|last\s+year)|^\s*the\s+(?:previous|prior)\s+year|^\s*the\s+year\s+before|^\s*(?:in|during|for)\s+the\s+year[- ](?:ago|earlier)\b/i.test(
      s.text.slice(q.end, q.end + 50),
    );
  // "down from 70% two years earlier": as many years back as it says.
  const yearsBack = YEARS_EARLIER.exec(s.text.slice(q.end, q.end + 40));
  const back = yearsBack ? (NUMBER_WORDS[yearsBack[1].toLowerCase()] ?? Number(yearsBack[1])) : 1;
  // "up from 11.5% in the previous three months", after a quarter's share: the quarter before.
  const quarterBefore =
    PREVIOUS_QUARTER.test(s.text.slice(q.end, q.end + 40)) && /^Q[1-4]$/.test(current.when.period ?? "");
  if (quarterBefore && current.when.year !== null) {
    const n = Number(current.when.period![1]);
    const when = { year: n === 1 ? current.when.year - 1 : current.when.year, period: n === 1 ? "Q4" : `Q${n - 1}` };
    return [{ ...current, figure: q, when: { ...when, stated: false } as FactRoles["when"], status: "actual" }];
  }
  // "6.2 pct of the market in 1986, down from 6.6 pct": a base that names no time is the year before.
  // "rose to 27% in the quarter, from 24% in the second quarter", undated: the base's own period, of no known year.
  const ownTime = after.find((t) => t.type === "time" && t.time.period !== null && t.time.relative === null);
  if (
    !dated &&
    ownTime?.type === "time" &&
    /^\s*(?:in|during|for)\s+(?:the\s+)?$/i.test(s.text.slice(q.end, ownTime.start))
  )
    return [
      { ...current, figure: q, when: { year: null, period: ownTime.time.period, stated: true }, status: "actual" },
    ];
  // "fell to 11.6% last year from 12.4%": a full year's share compared with a bare figure, the year before's.
  const yearBefore = (yearEarlier || yearsBack || current.when.period === "FY") && current.when.year !== null;
  // "to 14% by 2013, from 11.8% last year": a target's base is last year of the article, not the year before the
  // target's.
  const lastYear = /^\s*last\s+year\b/i.test(s.text.slice(q.end, q.end + 12)) && current.status !== "actual";
  const published = s.roles.publishedYear;
  const year =
    dated?.type === "time"
      ? dated.time.year
      : lastYear
        ? published === null
          ? null
          : published - 1
        : yearBefore
          ? current.when.year! - back
          : null;
  // "slipped to 24.8% from 25.6%": a base that names no time, after a share of no stated time, is still a share.
  const undated = !dated && !yearEarlier && current.when.year === null && current.when.period === null;
  if (year === null && !yearEarlier && !undated) return [];
  // "rose to 14.5% in the first quarter from 12.9% in the fourth quarter of 2025": the base's own period.
  const ownPeriod = dated?.type === "time" ? dated.time.period : null;
  const period = undated ? null : wholeYear || lastYear ? "FY" : (ownPeriod ?? current.when.period);
  return [
    {
      ...current,
      figure: q,
      when: { year, period, stated: dated !== undefined },
      status: "actual",
    },
  ];
}

const YEARS_EARLIER = /^\s*(two|three|four|five|\d)\s+years\s+(?:earlier|ago|before)\b/i;
const PREVIOUS_QUARTER = /^\s*(?:in|during|for)?\s*the\s+(?:previous|prior|preceding)\s+(?:three\s+months|quarter)\b/i;

/**
 * "..., an improvement on its current 2.5%", "to 30% by 2028, from about 24% now": the share held now, of the
 * company and market of the share before it (named after its figure, or before it when the match caught a market).
 */
export function currentShare(m: Match, s: RuleSentence): FactRoles[] {
  const q = figureOf(m);
  const first = m.captures.first?.[0];
  if (!q || first?.type !== "quantity") return [];
  const earlier = m.captures.market
    ? shareBefore({ ...m, captures: { ...m.captures, figure: [first] } }, s)[0]
    : shareRoles(s, first.quantity, first.quantity.start, marketAfterFigure(s, first.quantity));
  if (!earlier) return [];
  return [{ ...earlier, figure: q, when: { year: null, period: null, stated: false }, status: "actual", stated: [] }];
}

/**
 * "Rival Halden edged up to 4.2 per cent", "It hopes to lift its share to 20 per cent": a share said after another,
 * of the same market, by the company the sentence names.
 */
export function continuedShare(m: Match, s: RuleSentence): FactRoles[] {
  const q = figureOf(m);
  const last = s.ctx.shareMarket;
  const holder = m.captures.holder?.[0];
  if (!q || !last || holder?.type !== "mention") return [];
  const clause = clauseAround(s.text, q.start);
  const aimed = statusAround(s.text, clause, q, null, null) !== "actual";
  const when = shareWhen(s.roles, q, clause, aimed);
  const company = holder.mention;
  return [
    {
      figure: q,
      company: company.company,
      market: last.market,
      when:
        when.year === null && !aimed && !presentTense(s.text.slice(clause.start, q.start))
          ? { year: last.year, period: last.period, stated: false }
          : when,
      unit: "percent",
      status: statusAround(s.text, clause, q, when.year, s.ctx.publishedYear),
      stated: company.how === "name" ? ["company"] : [],
      aliases: company.surfaces.length ? { [company.company]: company.surfaces } : {},
    },
  ];
}

/** "behind Ostrel, which has about 27% of the market": a share held now, not at the time of the share before. */
const presentTense = (text: string) =>
  /\b(?:has|have|holds|controls|commands|owns|enjoys)\s+(?:\w+\s+){0,2}$/i.test(text);

const NOT_A_MARKET = new Set(NOT_MARKET_WORDS);

/** "10% of market value", "a 43% share in Renault": no market a share is of (the second is a stake). */
export function notAMarket(s: RuleSentence, to: number): boolean {
  const next = s.tokens.slice(to, to + 3).map((t) => t.lower);
  return NOT_A_MARKET.has(next[0] ?? "") || next.some((w) => STAKE_WORDS.has(w));
}

const STAKE_WORDS = new Set(["stake", "shareholding", "holding"]);
const OUTPUT = new Set(OUTPUT_NOUNS);

/**
 * "... 9% of the cloud database market and aims to reach 15% by 2027": a share aimed for after one held, of the
 * same company and market.
 */
export function aimedAfterShare(m: Match, s: RuleSentence): FactRoles[] {
  const q = figureOf(m);
  const first = m.captures.first?.[0];
  if (!q || first?.type !== "quantity") return [];
  const held = shareRoles(s, first.quantity, first.quantity.start, marketAfterFigure(s, first.quantity));
  if (!held) return [];
  const when = shareWhen(s.roles, q, clauseAround(s.text, q.start), true);
  return [{ ...held, figure: q, when, status: "target" }];
}

/**
 * "It is targeting a 20% share by 2028", after a sentence giving its share: the share aimed for, of the market and
 * company of the last share unless the sentence names its own company.
 */
export function aimedNextShare(m: Match, s: RuleSentence): FactRoles[] {
  const q = figureOf(m);
  const last = s.ctx.shareMarket;
  if (!q || !last) return [];
  const at = s.tokens.indexOf(m.captures.figure[0]);
  const own = s.tokens.slice(0, at).find((t) => t.type === "mention");
  const company = own?.type === "mention" ? own.mention.company : last.company;
  const when = shareWhen(s.roles, q, clauseAround(s.text, q.start), true);
  return [
    {
      figure: q,
      company,
      market: last.market,
      when,
      unit: "percent",
      status: "target",
      stated: own?.type === "mention" && own.mention.how === "name" ? ["company"] : [],
    },
  ];
}

/**
 * "9 per cent of the Chinese car market, compared with 11 per cent for rival Corvan": a rival's share said in the
 * sentence of another, of the same market and time, by the company named beside it.
 */
export function rivalInSentence(m: Match, s: RuleSentence): FactRoles[] {
  const q = figureOf(m);
  const first = m.captures.first?.[0];
  const holder = m.captures.holder?.[0];
  if (!q || first?.type !== "quantity" || holder?.type !== "mention" || holder.mention.how !== "name") return [];
  if (PUBLIC_BODY.test(holder.mention.company)) return [];
  const held = shareRoles(s, first.quantity, first.quantity.start, marketAfterFigure(s, first.quantity));
  if (held?.company === holder.mention.company) return [];
  // "X was second with 21.1%, while Y came third with a 16.4% share", after a sentence that dated a share: the
  // sentence's first share gives no time, so the rival's share is the last sentence's market and time.
  if (s.ctx.shareMarket && held && held.when.year === null && held.when.period === null) return continuedShare(m, s);
  const when = held?.when ?? shareWhen(s.roles, q, clauseAround(s.text, q.start), false);
  return [
    {
      figure: q,
      company: holder.mention.company,
      market: held?.market ?? null,
      when,
      unit: "percent",
      status: held?.status ?? "actual",
      stated: ["company"],
      aliases: { [holder.mention.company]: holder.mention.surfaces },
    },
  ];
}

/** "Research firm Halden said Corvan took 19.6% of global smartphone shipments": the name nearest the figure. */
export function shareOfShipments(m: Match, s: RuleSentence): FactRoles[] {
  const roles = shareAfter(m, s)[0];
  const at = s.tokens.indexOf(m.captures.figure?.[0]);
  const nearest = s.tokens.slice(0, at).findLast((t) => t.type === "mention" && t.mention.how === "name");
  if (!roles || nearest?.type !== "mention") return roles ? [roles] : [];
  const company = nearest.mention.company;
  return [{ ...roles, company, stated: ["company"], aliases: { [company]: nearest.mention.surfaces } }];
}

const SHARE_NOUNS = new Set(["share", "shares", ...("phrases" in PIECES.SHARE_OF ? PIECES.SHARE_OF.phrases : [])]);
const NOT_OF_A_MARKET = new Set([...STAKE_WORDS, "stakes", "interest", "sales", "revenue", "revenues"]);

/** "22% of the market", "a 20.5% share", "share ... at 31%": a percentage the words beside it make a share. */
function readsAsShare(s: RuleSentence, at: number): boolean {
  const after = s.tokens.slice(at + 1, at + 8);
  const stop = after.findIndex((t) => t.type === "quantity");
  const words = (stop >= 0 ? after.slice(0, stop) : after).map((t) => t.lower);
  if (words.some((w) => NOT_OF_A_MARKET.has(w))) return false;
  if (words.some((w) => SHARE_NOUNS.has(w))) return true;
  return s.tokens.slice(Math.max(0, at - 6), at).some((t) => t.lower === "share");
}

const SOLD = new Set(["sold", "shipped", "delivered", "shipping", "selling", "delivering"]);
const MOVED_COUNTS = new Set(["shipments", "deliveries"]);

/**
 * "Kestrel held 31% of the handset market, ahead of Sungwon with 13.5% and Ardent with 12.6%": a share listed after
 * the sentence's first share, of that share's market and time, by the company named beside it.
 */
export function listedShare(m: Match, s: RuleSentence): FactRoles[] {
  const holder = m.captures.holder?.[0];
  const figure = m.captures.figure?.[0];
  const before = Math.min(s.tokens.indexOf(holder), s.tokens.indexOf(figure));
  if (s.tokens.some((t) => STAKE_WORDS.has(t.lower))) return [];
  const first = s.tokens
    .slice(0, before)
    .findIndex((t, i) => t.type === "quantity" && t.quantity.kind === "percent" && readsAsShare(s, i));
  // "Corvan was second with 14.8 per cent, ahead of Ostrel on 12.6 per cent", after a sentence giving a share:
  // the market of the last share.
  if (first < 0) {
    if (s.ctx.shareMarket) return continuedShare(m, s);
    // "Varrow shipped 11.6 million units for a 19.7% share", "X kept the top spot with a 21% share, shipping 69.5
    // million phones": a share of the market the units were counted in.
    const q = figureOf(m);
    const counted = s.tokens.some(
      (t, i) =>
        t.type === "quantity" &&
        t.quantity.kind === "count" &&
        (SOLD.has(s.tokens[i - 1]?.lower ?? "") ||
          // "its shipments fell 6% to 52.1 million, for a 17.7% share": the count the shipments came to.
          (s.tokens[i - 1]?.lower === "to" && s.tokens.slice(0, i).some((w) => MOVED_COUNTS.has(w.lower)))),
    );
    const roles = q && counted ? shareRoles(s, q, q.start, null) : null;
    return roles ? [roles] : [];
  }
  return rivalInSentence({ ...m, captures: { ...m.captures, first: [s.tokens[first]] } }, s);
}

/** "Corvan handled 61% of US restaurant delivery spending": a share of the market the words before the noun name. */
export function shareOfSpending(m: Match, s: RuleSentence): FactRoles[] {
  const q = figureOf(m);
  const holder = m.captures.holder?.[0];
  if (!q || holder?.type !== "mention") return [];
  const words = textOf(s, m.captures.market);
  const roles = shareRoles(s, q, holder.end, words ? marketName(words) : null);
  if (!roles) return [];
  return [
    namedAsProduct(s.text, holder.start) ? roles : { ...roles, company: holder.mention.company, stated: ["company"] },
  ];
}

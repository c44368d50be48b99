import { COMPANY_NOUNS, MAKER_NOUN, PLACES } from "../lexicons/companies";
import {
  BUSINESS_PLURALS,
  CHANGE_NOUNS,
  CHANGE_WORDS,
  ESTIMATE_WORDS,
  MACRO_SALES_WORDS,
  METRIC_WORDS,
  MOVED_BY_VERBS,
  NOT_MARKET_WORDS,
  NOT_TAKINGS_NOUNS,
  OUTPUT_NOUNS,
  PAYOUT_WORDS,
  REVENUE_LINES,
  SAME_STORE_WORDS,
  SEGMENT_NOUNS,
  SEGMENT_TAKINGS,
} from "../lexicons/metrics";
import { REVENUE_ROW_LABELS } from "../lexicons/newswire";
import { BOUNDS, HEDGES } from "../lexicons/numbers";
import { BASE_WORDS } from "../lexicons/periods";
import { PLACE_NAMES } from "../lexicons/places";
import {
  ASSET_NOUNS,
  FIGURE_LEADS,
  GROUP_NOUNS,
  HAVE_VERBS,
  HOLDER_PRONOUNS,
  HOLDING_POSSESSIVES,
  LEAD_VERBS,
  PREPOSITIONS,
  REFERRED_HOLDERS,
  STAKE_CHANGE_VERBS,
  STAKE_KINDS,
  STAKE_NOUNS,
  STAKE_VERBS,
  STATE_HOLDERS,
} from "../lexicons/stakes";
import {
  NOT_PRODUCT_MODIFIERS,
  NOT_SOLD_NOUNS,
  PRODUCT_WORDS,
  SALES_VOLUME_WORDS,
  VOLUME_UNITS,
} from "../lexicons/units";
import type { Piece } from "./pattern";
import type { Token } from "./tokens";

const NOT_SOLD = new Set(NOT_SOLD_NOUNS);
const AIM_VERBS = [
  "aims",
  "aimed",
  "aiming",
  "hopes",
  "hoped",
  "hoping",
  "targets",
  "targeted",
  "targeting",
  "plans",
  "planned",
  "wants",
  "wanted",
];
const NOUNS = new Set(COMPANY_NOUNS);
const MAKER = new RegExp(`^${MAKER_NOUN}$`);
const NOT_MODIFIERS = new Set(NOT_PRODUCT_MODIFIERS);
const SEGMENTS = new Set(SEGMENT_NOUNS);

// "it holds 6.1 pct", said of a group the article has not tied to a company: the group's leader may hold it.
const PRONOUN_WORDS = new Set(HOLDER_PRONOUNS);
const GROUP_WORDS = new Set(GROUP_NOUNS.filter((n) => !n.includes(" ")));
const OBJECT_OF = new Set(PREPOSITIONS);
/** "of Corvan, which owns 51 pct": the name opens a relative clause and is its subject. */
const opensRelative = (tokens: readonly Token[], at: number) =>
  (tokens[at + 1]?.text === "," && /^(?:which|who|that)$/.test(tokens[at + 2]?.lower ?? "")) ||
  // "under pressure from Ostrel Capital, an activist investor that owns 3%": a described name, then its clause.
  (tokens[at + 1]?.text === "," &&
    /^(?:a|an)$/.test(tokens[at + 2]?.lower ?? "") &&
    tokens
      .slice(at + 3, at + 7)
      .some((t, i, near) => /^(?:which|who|that)$/.test(t.lower) && !near.slice(0, i).some((w) => w.text === ","))) ||
  // "Ostrel Bureau - a body in the city of Corvan - owns": a name closing a dashed aside stands for its subject.
  (/^[-–—]$/.test(tokens[at + 1]?.text ?? "") && tokens.slice(0, at).some((t) => /^[-–—]$/.test(t.text)));

/** Whether one token passes a piece's token test on its own, for code outside a pattern ("is this a holder?"). */
export function tokenIs(piece: Piece, t: Token): boolean {
  return "test" in piece && piece.test(t, undefined, [t], 0);
}

const isQuantity = (t: Token, test: (q: Extract<Token, { type: "quantity" }>["quantity"]) => boolean) =>
  t.type === "quantity" && test(t.quantity);

/**
 * The named pieces rules are written with. Word lists come from the lexicons (each list exists once, there);
 * token tests ask for what the recognisers found.
 */
/** Markets counted in units shipped or delivered ("19.6% of global smartphone shipments"). */
const COUNTED_MARKETS = ["shipments", "deliveries"];

export const PIECES: Record<string, Piece> = {
  AMOUNT: {
    test: (t) => isQuantity(t, (q) => (q.kind === "money" || q.kind === "count") && !q.fraction),
    needs: ["quantity:money", "quantity:count"],
  },
  MONEY: { test: (t) => isQuantity(t, (q) => q.kind === "money"), needs: ["quantity:money"] },
  COUNT: { test: (t) => isQuantity(t, (q) => q.kind === "count" && !q.fraction), needs: ["quantity:count"] },
  CHANGE_WORD: { phrases: Object.keys(CHANGE_WORDS) },
  /** What moves a figure by an amount: a change word, or a verb that moves what follows it ("cut sales by"). */
  MOVED_BY: { phrases: [...Object.keys(CHANGE_WORDS), ...Object.keys(MOVED_BY_VERBS)] },
  /** How a level is said to move or stand ("rose 4% to", "reached", "totalled", "was"). */
  LEVEL_MOVE: { phrases: [...Object.keys(CHANGE_WORDS), "reach", "reached", "totalled", "totaled", "were", "was"] },
  PERCENT: { test: (t) => isQuantity(t, (q) => q.kind === "percent"), needs: ["quantity:percent"] },
  COMPANY: { test: (t) => t.type === "mention" && t.mention.how === "name", needs: ["mention"] },
  /** Who can hold shares: a company named, or a person. */
  HOLDER: {
    test: (t) => (t.type === "mention" && t.mention.how === "name") || t.type === "person",
    needs: ["mention", "person"],
  },
  PERSON: { test: (t) => t.type === "person", needs: ["person"] },
  /**
   * A holder, a description of one, or "it"/"its" for one named before; a name that is the object of a preposition is not one ("a stake
   * in Corvan and owns 5% of Ostrel": Corvan holds nothing), though "notice of its intent to buy" is the owner's.
   */
  HOLDER_REF: {
    test: (t, before, tokens, at) =>
      (t.type === "mention" && t.mention.how === "pronoun") ||
      // "the New York hedge fund ... disclosed a 9.8% stake": a described holder; a group is its leader's (GROUP_HEAD).
      // ("owns 85% of the company and will keep 25%": a description after "of" is what is held, not who holds.)
      (t.type === "mention" &&
        t.mention.how === "description" &&
        !GROUP_WORDS.has(t.lower.split(/\s+/).at(-1)!) &&
        !(before && OBJECT_OF.has(before.lower))) ||
      (t.type === "word" && PRONOUN_WORDS.has(t.lower)) ||
      (((t.type === "mention" && t.mention.how === "name") || t.type === "person") &&
        (!(before && OBJECT_OF.has(before.lower)) || opensRelative(tokens, at))),
    needs: ["mention", "person", ...HOLDER_PRONOUNS],
  },
  /** What is held: a company named, or one referred to ("the firm", "it"). */
  /** Whose shareholder: "Its", "Corvan's", "The insurer's". */
  POSSESSOR: {
    test: (t) =>
      (t.type === "mention" && (t.mention.possessive || t.mention.how === "pronoun" || /['’]s?$/.test(t.text))) ||
      (t.type === "word" && (t.lower === "its" || t.lower === "their")),
    needs: ["mention", "its", "their"],
  },
  HELD_REF: {
    test: (t) => t.type === "mention" && (t.mention.how === "name" || t.mention.how === "description"),
    needs: ["mention"],
  },
  /**
   * What a company is called when it is described: a description the mention finder resolved ("the company"), or
   * the noun that closes one it did not ("the camping-gear retailer").
   */
  COMPANY_NOUN: {
    // "engineering group Corvan": a noun before a name describes the name, which is what is held.
    test: (t, _b, tokens, at) =>
      (t.type === "mention" && t.mention.how === "description") ||
      (t.type === "word" && (NOUNS.has(t.lower) || MAKER.test(t.lower)) && tokens[at + 1]?.type !== "mention"),
    needs: ["mention", ...COMPANY_NOUNS.filter((n) => !n.includes(" "))],
  },
  NOT_GIVEN: { phrases: ["not given", "n.a.", "na", "nil", "not available"] },
  DEAL_NOUN: { phrases: ["bid", "offer", "tender offer", "takeover bid", "tender"] },
  ASSET_NOUN: { phrases: ASSET_NOUNS },
  STAKE_VERB: { phrases: STAKE_VERBS },
  OWN_OR_HAVE: { phrases: [...STAKE_VERBS, ...HAVE_VERBS] },
  // Hedges ("more than") sit between the verb and the figure too; the figure keeps them as "approximate".
  FIGURE_LEAD: { phrases: [...new Set([...FIGURE_LEADS, ...BOUNDS, ...HEDGES])] },
  STAKE_NOUN: { phrases: STAKE_NOUNS },
  // "a 20 pct share in Corvan": before "in" and a company, a share is a stake (of a market it is a market share).
  STAKE_NOUN_IN: { phrases: [...STAKE_NOUNS, "share"] },
  STAKE_KIND: { phrases: STAKE_KINDS },
  STAKE_CHANGE: { phrases: STAKE_CHANGE_VERBS },
  HOLDING_POSS: { phrases: HOLDING_POSSESSIVES },
  GROUP_NOUN: { phrases: GROUP_NOUNS },
  /** "group", or a described group ("the group", "the consortium") the mention finder took for a company. */
  GROUP_HEAD: {
    test: (t) =>
      GROUP_WORDS.has(t.type === "word" ? t.lower : "") ||
      (t.type === "mention" && t.mention.how === "description" && GROUP_WORDS.has(t.lower.split(/\s+/).at(-1)!)),
    needs: ["mention", ...GROUP_NOUNS.filter((n) => !n.includes(" "))],
  },
  STATE_HOLDER: { phrases: STATE_HOLDERS },
  REFERRED_HOLDER: { phrases: Object.keys(REFERRED_HOLDERS) },
  LEAD_VERB: { phrases: LEAD_VERBS },
  REVENUE_ROW: { phrases: REVENUE_ROW_LABELS },
  VS: { phrases: ["vs", "vs.", "versus"] },
  BASE_WORD: { phrases: BASE_WORDS },
  SAME_STORE: { phrases: SAME_STORE_WORDS },
  MACRO_SALES: { phrases: MACRO_SALES_WORDS },
  BUSINESS_PLURAL: { phrases: BUSINESS_PLURALS },
  PAYOUT: { phrases: PAYOUT_WORDS },
  NOT_TAKINGS: { phrases: NOT_TAKINGS_NOUNS },
  ESTIMATE: { phrases: ESTIMATE_WORDS },
  CHANGE_NOUN: { phrases: CHANGE_NOUNS },
  /** Words whose figures are revenue ("sales", "turnover", "top line"), from the one list of metric words. */
  REVENUE_NOUN: { phrases: Object.keys(METRIC_WORDS).filter((w) => METRIC_WORDS[w] === "revenue") },
  MARKET_WORD: { phrases: ["market", "markets"] },
  /** What a share is of: a market, or a market counted in units ("19.6% of global smartphone shipments"). */
  SHARE_OF: { phrases: ["market", "markets", ...COUNTED_MARKETS] },
  /** A market counted by what buyers spent or bought ("its share of new-vehicle sales was 14.6%"). */
  SHARE_OF_COUNTED: { phrases: [...COUNTED_MARKETS, "sales", "spending", "registrations"] },
  SALES_CUE: { phrases: SALES_VOLUME_WORDS },
  PRODUCT_WORD: { phrases: PRODUCT_WORDS },
  VOLUME_UNIT: { phrases: Object.keys(VOLUME_UNITS) },
  /** A thing sold the unit lexicon does not know ("thermostats"): a plain plural noun ("business" is none), not shares or stores. */
  OTHER_PRODUCT: {
    test: (t) =>
      t.type === "word" && /^[a-z][a-z-]+[^s]s$/.test(t.text) && !NOT_SOLD.has(t.lower) && !(t.lower in VOLUME_UNITS),
  },
  PRODUCT_MODIFIER: {
    // ("Wagtail plush dolls", "800-gigabit transceivers": a brand or a size may describe the thing sold.)
    test: (t) =>
      t.type === "word" &&
      /^(?:[a-z][a-z-]{2,}|[A-Z][a-z]{2,}|\d+-[a-z]+)$/.test(t.text) &&
      !NOT_MODIFIERS.has(t.lower),
  },
  NOT_MARKET: { phrases: NOT_MARKET_WORDS },
  SHARE_LINK: { phrases: ["of", "to", "at", "was", "is", "from", "stood at", "stands at", "reached", "hit"] },
  /** How a rival's share is said after another's ("held 21 per cent", "edged up to 4.2"). */
  RIVAL_LINK: { phrases: ["at", "to", "with", "held", "holds", "had", "has", "took", "takes"] },
  AIM_VERB: { phrases: AIM_VERBS },
  /** What introduces a share aimed for: a verb of aiming, or "a goal of", "a target of". */
  AIM_LEAD: { phrases: [...AIM_VERBS, "goal", "target", "ambition"] },
  CURRENT: { phrases: ["current", "present", "existing"] },
  OUTPUT_NOUN: { phrases: OUTPUT_NOUNS },
  /** A country or region ("Europe" in "Western Europe"). */
  // ("Western Europe" may come as a name the recognisers read as one.)
  /** A market's place: a country or region the market lexicon names ("Western Europe"), or any place named ("Norway"). */
  PLACE: {
    test: (t) =>
      (t.type === "word" || t.type === "mention") &&
      ((t.lower.split(" ").at(-1) ?? "") in PLACES || PLACE_NAMES.has(t.text)),
  },
  /** "Russia's": a place owning what follows. */
  PLACE_POSS: { test: (t) => t.type === "word" && /['’]s$/.test(t.lower) && t.lower.replace(/['’]s$/, "") in PLACES },
  SALES_NOUN: { phrases: ["sales", "revenue", "revenues", "turnover"] },
  /** "division", or a described part of the company that ends in one ("its cookware business"). */
  SEGMENT_NOUN: {
    test: (t) =>
      t.type === "word"
        ? SEGMENTS.has(t.lower)
        : t.type === "mention" &&
          t.mention.how === "description" &&
          /^(?:its|their|the)\s+\S+/.test(t.lower) &&
          t.lower.split(/\s+/).length >= 3 &&
          SEGMENTS.has(t.lower.split(/\s+/).at(-1)!),
    needs: [...SEGMENT_NOUNS, "mention"],
  },
  SEGMENT_TAKINGS: { phrases: SEGMENT_TAKINGS },
  REVENUE_LINE: { phrases: REVENUE_LINES },
};

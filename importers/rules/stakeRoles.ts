import type { Mention } from "../analyse/mentions";
import { relativeClauseEnd } from "../extract/clauses";
import { statusOf } from "../extract/status";
import { BODY_NOUNS } from "../lexicons/companies";
import { DIVISION_NOUNS, PARENT_NOUNS } from "../lexicons/divisions";
import { NOT_MARKET_WORDS } from "../lexicons/metrics";
import { HEDGES } from "../lexicons/numbers";
import { NATIONALITIES } from "../lexicons/places";
import {
  GROUP_NOUNS,
  HAVE_VERBS,
  HOLDER_PRONOUNS,
  PREPOSITIONS,
  SHAREHOLDER_NOUNS,
  STAKE_CHANGE_VERBS,
  STAKE_NOUNS,
  STAKE_VERBS,
} from "../lexicons/stakes";
import { canonicalName, nameKey } from "../recognise/companies";
import type { Quantity } from "../recognise/quantities";
import type { Status } from "../types";
import { APPOSITION, type Match } from "./pattern";
import type { FactRoles, RuleSentence } from "./rule";
import type { Token } from "./tokens";

/** "the Quenby family": the family's name as written, not the company the registry files that name under. */
export const familyName = (t: Token, fallback: string) =>
  t.type === "person"
    ? t.person.split(" ").at(-1)!
    : t.type === "mention" && t.mention.how === "name"
      ? t.text.replace(/['’]s?$/, "")
      : fallback;

/** A company, a person, or a public body by its whole name (a bureau is not the city it is named after). */
export function nameOf(t: Token | undefined): string | null {
  if (t?.type === "person") return t.person;
  if (t?.type !== "mention") return null;
  const surface = t.mention.surfaces[0];
  return surface && BODY_NOUNS.has(surface.split(" ").at(-1)!) ? canonicalName(surface) : t.mention.company;
}

// "agreed to acquire 85 pct", "an offer to buy 51 pct": a stake not yet held.
const NOT_YET_HELD =
  /\b(?:to|will|would)\s+(?:\w+\s+)?(?:buy|acquire|purchase|take|sell|raise|increase|pay|invest|inject)\b/i;

export function stakeStatus(s: RuleSentence, m: Match): Status {
  // "said it may increase its holding to 12%": the verbs just before a match that opens on the verb govern it.
  const lead = STAKE_CHANGE_WORDS.has(s.tokens[m.from].lower) ? (s.tokens[m.from - 3]?.start ?? 0) : null;
  const text = s.text.slice(lead ?? s.tokens[m.from].start, s.tokens[m.to - 1].end);
  const status = statusOf(text, null, null);
  if (status !== "actual") return status;
  // "has agreed to sell 26% of Corvan, cutting its holding to 51%": a participle after a comma has its main verb's.
  const opener = s.tokens[m.from];
  if (/ing$/.test(opener.lower) && STAKE_CHANGE_WORDS.has(opener.lower) && s.tokens[m.from - 1]?.text === ",") {
    const main = s.text.slice(0, opener.start);
    const mainStatus = statusOf(main, null, null);
    if (mainStatus !== "actual") return mainStatus;
    if (NOT_YET_HELD.test(main)) return "forecast";
  }
  if (NOT_YET_HELD.test(text)) return "forecast";
  // "which would leave Keane with 23%": a modal just before the match governs it.
  return /\b(?:would|will|could)\s+$/i.test(
    s.text.slice(Math.max(0, s.tokens[m.from].start - 12), s.tokens[m.from].start),
  )
    ? "forecast"
    : "actual";
}

/** A stake has a year only when its words date it: within the match or just after it ("to 40% in 2009"). */
export function statedYear(s: RuleSentence, m: Match): number | null {
  // "Ostrel, the group founded in 1952, holds 20%": an apposition's years are its own.
  const aside = new Set(m.captures[APPOSITION] ?? []);
  // "who took the company public in 2014, still owns 13%": a holding in the present tense is dated only by what
  // follows its verb, not by the past the sentence told before it.
  const present = s.tokens.slice(m.from, m.to).findIndex((t) => PRESENT_HOLDING_VERBS.has(t.lower));
  const from = present >= 0 ? m.from + present : m.from;
  for (let i = from; i < Math.min(m.to + 3, s.tokens.length); i++) {
    const t = s.tokens[i];
    if (
      t.type === "time" &&
      t.time.year !== null &&
      !aside.has(t) &&
      !sinceBefore(s, t) &&
      !otherFigureBefore(s, m, i) &&
      !RECENT_MONTH.test(t.text) &&
      !inClosedRelative(s, m, t)
    )
      return t.time.year;
  }
  return null;
}

const PRESENT_HOLDING_VERBS = new Set(["owns", "holds", "controls", "has"]);

/** "Ostrel, which bought Corvan in 2019, will retain 10%": a year inside a relative clause closed before the figure. */
function inClosedRelative(s: RuleSentence, m: Match, t: Token): boolean {
  const figure = m.captures.figure?.[0];
  // (The clause is looked for in the 200 characters before the year: a long sentence stays linear.)
  const end = relativeClauseEnd(s.text, Math.max(0, t.start - 200), t.start, t.end);
  return end !== -1 && figure !== undefined && end < figure.start;
}

/** "disclosed a 4.7% stake last month": news of the stake, not a year the text gives it (the gold leaves it undated). */
const RECENT_MONTH = /\b(?:last|this|next)\s+month\b/i;

/** "said it sold 5.6 million tonnes in 2004 and agreed to take a 26% stake": the year is the other figure's. */
function otherFigureBefore(s: RuleSentence, m: Match, i: number): boolean {
  const figure = m.captures.figure?.[0];
  return s.tokens.slice(Math.max(m.from, i - 4), i).some((x) => x.type === "quantity" && x !== figure);
}

/** "has owned 4.3% since 2023", "selling shares since he stepped down in 2003": when it began, not when it is held. */
function sinceBefore(s: RuleSentence, t: Token): boolean {
  const i = s.tokens.indexOf(t);
  return s.tokens.slice(Math.max(0, i - 7), i).some((b) => b.lower === "since");
}

const HOLDING_VERBS = new Set([...STAKE_VERBS, ...HAVE_VERBS]);
// One-word hedges open a figure ("and Ostrel about 14 pct"); "some" may stand before a name ("and some Ostrel").
const HEDGE_WORDS = new Set(HEDGES.filter((h) => !h.includes(" ") && h !== "some"));
const opensHolding = (t: Token | undefined) =>
  t !== undefined &&
  (t.type === "quantity" || HOLDING_VERBS.has(t.lower) || HEDGE_WORDS.has(t.lower) || SPEECH_VERBS.has(t.lower));

/** "a 3% stake in Corvan and Ostrel": every company named together after "in" is held. */
function heldCompanies(m: Match, s: RuleSentence): string[] {
  const first = heldToken(m, s);
  const name = nameOf(first);
  if (!first || !name) return [];
  const names = [name];
  for (let i = s.tokens.indexOf(first) + 1; i + 1 < s.tokens.length; i += 2) {
    const next = s.tokens[i + 1];
    if (!/^(?:and|,)$/.test(s.tokens[i].lower) || next.type !== "mention" || next.mention.how !== "name") break;
    // "holds 25 pct of Corvan and Ostrel holds 14 pct", "... and Ostrel 14 pct": the name opens the next holding;
    // "a stake in Corvan, Ostrel said": it speaks.
    if (opensHolding(s.tokens[i + 2])) break;
    names.push(nameOf(next)!);
  }
  return names;
}

/**
 * "took 21% of the Ruritanian beer market", "holds 62% of the market for Corvan chips": what the figure is of is a
 * market, so the figure is a share of it, whatever name follows.
 */
export function ofAMarket(m: Match, s: RuleSentence): boolean {
  const figure = m.captures.figure?.[0];
  const held = m.captures.held?.[0];
  const between = figure && held ? s.tokens.slice(s.tokens.indexOf(figure) + 1, s.tokens.indexOf(held)) : [];
  // "through open market purchases": a way of buying, not a market the figure is a share of.
  // "sold its holding through the market", "bought on the open market": where shares change hands.
  const venue = (t: Token) => {
    const i = s.tokens.indexOf(t);
    const before = s.tokens.slice(Math.max(0, i - 3), i).map((b) => b.lower);
    return before.some((w) => VENUE_WORDS.has(w));
  };
  const isMarket = (t: Token, next: Token | undefined) =>
    (t.lower === "market" || t.lower === "markets") && !TRADING_WORDS.has(next?.lower ?? "") && !venue(t);
  // "of the Ruritanian mobile phone market": the market noun may come several words after the figure's "of".
  const after = s.tokens.slice(m.to, m.to + (s.tokens[m.to]?.lower === "of" ? 7 : 3));
  const stop = after.findIndex((t) => /^[,;.:]$/.test(t.text));
  const clause = stop < 0 ? after : after.slice(0, stop);
  return [...between, ...clause].some((t) => isMarket(t, s.tokens[s.tokens.indexOf(t) + 1]));
}
const TRADING_WORDS = new Set(NOT_MARKET_WORDS);
const VENUE_WORDS = new Set(["through", "via", "on", "onto", "into"]);

/** "it" is the group's leader when the article named one, else whom the pronoun was resolved to. */
function holderOf(t: Token | undefined, s: RuleSentence): string | null {
  // "The family, which now holds 75%", after "the Keane family": that family.
  if (t && s.ctx.lastFamily && t.lower.split(/\s+/).at(-1) === "family" && /^the$/i.test(prevWord(t, s)))
    return s.ctx.lastFamily;
  const leader = s.ctx.groupLeader;
  // "X sold its stake to a group led by Y": "its", before Y is named, is X's.
  const leads = leader && t && t.start >= leader.from;
  const pronoun = t?.type === "mention" && t.mention.how === "pronoun";
  // "a group led by Tom Keane ... The group holds 21%": the band led, whatever company "the group" was taken for.
  const ledGroup = leads && t?.type === "mention" && t.mention.how === "description" && GROUP_WORDS.has(lastWord(t));
  if (t && (pronoun || ledGroup || (t.type === "word" && (GROUP_WORDS.has(t.lower) || PRONOUNS.has(t.lower))))) {
    // A group led in an earlier sentence speaks through "it" unless this sentence names its own speaker ("In a
    // separate filing, Ostrel Inc said it had cut its stake").
    if (leads && leader.age === 0) return leader.name;
    const speaker = subjectBefore(t, s);
    if (speaker) return speaker;
    if (leads) return leader.name;
    // "it plans to lift its holding", after a stake: the holder, though the pronoun was resolved to the topic.
    const resolved = t.type === "mention" ? t.mention.company : null;
    // "plans to sell 30% of Corvan, cutting its holding": a company the sentence holds shares of is not "it".
    const held = s.tokens.some(
      (x, i) =>
        x.type === "mention" && x.mention.company === resolved && i > 0 && /^(?:of|in)$/.test(s.tokens[i - 1].lower),
    );
    if (resolved && resolved !== s.ctx.lastHeld?.company && !held) return resolved;
    const last = s.ctx.lastHolder?.company;
    // "Mr Keane holds 81% ... The company said it had bought 49% of Ostrel": "it" is never the person who held last.
    if (last && /^(?:it|its)$/.test(t.lower) && isPerson(last, s)) return held ? null : resolved;
    return last ?? (held ? null : resolved);
  }
  return nameOf(t);
}

const isPerson = (name: string, s: RuleSentence) => [...s.roles.people.values()].includes(name);
const lastWord = (t: Token) => t.lower.split(/\s+/).at(-1) ?? "";
const prevWord = (t: Token, s: RuleSentence) =>
  t.lower.includes(" ") ? t.lower.split(/\s+/)[0] : (s.tokens[s.tokens.indexOf(t) - 1]?.lower ?? "");

/**
 * "Tom Keane and associates said they raised their stake": a pronoun no one resolved stands for the name that opens
 * its clause, the nearest one before it that is not the object of a preposition.
 */
function subjectBefore(t: Token, s: RuleSentence): string | null {
  const at = s.tokens.indexOf(t);
  // Only a name that speaks before the pronoun: "through their Corvan vehicle they own" names no speaker.
  // The speaker is the sentence's first name, unless that name is itself the object of a preposition ("one of
  // the investors in Corvan told ... he holds": not Corvan).
  // "Founder Jane Keane ... has sold 2%, reducing her holding": "her" is the person the sentence named last.
  if (/^(?:he|she|his|her|him)$/.test(t.lower)) {
    const person = s.tokens.slice(0, at).findLast((x) => x.type === "person");
    if (person) return nameOf(person);
  }
  const speech = s.tokens.slice(0, at).findLastIndex((x) => SPEECH_VERBS.has(x.lower));
  // "Separately, Corvan Holdings, the vehicle of the Keane family, sold 3%, cutting its holding": with no speaker,
  // the name that opens the sentence.
  // "Corvan said Ostrel Trust, a longtime holder, cut its stake": the reported clause has its own subject.
  // ("Corvan said Ostrel, a holder, had told it that it holds 6%": past "told it", the clause "said" reports.)
  for (let v = speech; v >= 0; v--) {
    if (!SPEECH_VERBS.has(s.tokens[v].lower)) continue;
    const k = s.tokens[v + 1]?.lower === "that" ? v + 2 : v + 1;
    const reported = s.tokens[k];
    if (
      k < at &&
      (reported?.type === "person" ||
        (reported?.type === "mention" && reported.mention.how === "name" && !reported.mention.possessive))
    )
      return nameOf(reported);
  }
  const end = speech >= 0 ? speech : Math.min(at, 3);
  let i = s.tokens.slice(0, end).findIndex((x) => x.type === "person" || x.type === "mention");
  // "New Jersey investor Walter Keane said": a place and a calling before the person who speaks.
  if (i >= 0 && /^[a-z]+$/.test(s.tokens[i + 1]?.text ?? "") && s.tokens[i + 2]?.type === "person") i += 2;
  // A name after a preposition is an object, after "their" a vehicle ("through their Corvan vehicle they own").
  if (i < 0 || NOT_A_SPEAKER_AFTER.has(s.tokens[i - 1]?.lower ?? "")) return null;
  const x = s.tokens[i];
  // "NEW YORK, March 3 -": a dateline in capitals is no speaker.
  if (x.text === x.text.toUpperCase()) return null;
  const name = x.type === "person" || (x.type === "mention" && x.mention.how === "name") ? nameOf(x) : null;
  // "Corvan Partners and Ostrel Securities told regulators they raised their stake": both hold it.
  const partner = s.tokens[i + 1]?.lower === "and" ? s.tokens[i + 2] : undefined;
  const other = partner && (partner.type === "person" || partner.type === "mention") ? nameOf(partner) : null;
  return name && other && other !== name && /^(?:they|their)$/.test(t.lower) ? `${name} + ${other}` : name;
}

const NOT_A_SPEAKER_AFTER = new Set([...PREPOSITIONS, "and", "their", "its", "his", "her"]);
const SPEECH_VERBS = new Set(["said", "says", "told", "tells", "disclosed", "reported", "announced", "stated"]);

const GROUP_WORDS = new Set(GROUP_NOUNS);
export const STAKE_CHANGE_WORDS = new Set(STAKE_CHANGE_VERBS);
const STAKE_NOUN_WORDS = new Set(STAKE_NOUNS);
const PRONOUNS = new Set(HOLDER_PRONOUNS);

/**
 * "already owns 76% of Russian brewer Corvan and wants to raise its holding to 90%": the company held earlier in
 * the same sentence, a few words of description apart, before the one the article held last.
 */
function heldEarlier(s: RuleSentence, figure: Token, other: (c: string | null) => string | null): string | null {
  const end = s.tokens.indexOf(figure);
  for (let i = 0; i < end - 2; i++) {
    const t = s.tokens[i];
    const pct = t.type === "quantity" && t.quantity.unit === "percent";
    const link = s.tokens[i + 1]?.lower;
    const stakeIn = STAKE_NOUN_WORDS.has(s.tokens[i + 1]?.lower ?? "") && s.tokens[i + 2]?.lower === "in";
    // "Corvan is 80% owned by Ostrel, with the state holding the rest": the company owned opens the clause.
    const owned = s.tokens[i - 2];
    if (
      pct &&
      /^(?:owned|held|controlled)$/.test(link ?? "") &&
      /^(?:is|was|are|were)$/.test(s.tokens[i - 1]?.lower ?? "")
    )
      if (owned?.type === "mention" && owned.mention.how === "name") return other(nameOf(owned));
    if (!(pct && (link === "of" || stakeIn))) continue;
    for (let k = i + (stakeIn ? 3 : 2); k < Math.min(end, i + 7); k++) {
      const c = s.tokens[k];
      if (c.type === "mention" && c.mention.how === "name") return other(nameOf(c));
      if (c.type !== "word" || c.text === ",") break;
    }
  }
  return null;
}

const CALLINGS = new Set(
  "chairman chairwoman president founder co-founder director executive chief ceo boss head investor".split(" "),
);

/** "jointly hold", "together they own", "their combined stake": the holders named before hold as one. */
const isNamed = (t: Token) => t.type === "person" || (t.type === "mention" && t.mention.how === "name");
const JOINT_CUE = /\b(?:jointly|together|combined|between\s+them)\b/i;
const OBJECT_WORDS = new Set(PREPOSITIONS);

/**
 * "Ostrel Inc and its chairman, Tom Keane, said they jointly hold 5.6 pct": the names of the sentence's subject,
 * those before the holder that are no object of a preposition ("together with Halden" is a partner, not an object).
 */
function subjectNames(s: RuleSentence, upTo: number): string[] {
  // "Corvan said Ostrel and Halden told it they jointly hold": the reported clause has subjects of its own.
  const said = s.tokens.slice(0, upTo).findIndex((t, i) => SPEECH_VERBS.has(t.lower) && i > 0);
  const from = said >= 0 && s.tokens.slice(said + 1, upTo).filter(isNamed).length >= 2 ? said + 1 : 0;
  const names: string[] = [];
  for (const [i, t] of s.tokens.slice(0, upTo).entries()) {
    if (i < from) continue;
    if (!isNamed(t) || (t.type === "mention" && t.mention.possessive)) continue;
    const before = s.tokens[i - 1]?.lower ?? "";
    const partner = before === "with" && s.tokens[i - 2]?.lower === "together";
    if (OBJECT_WORDS.has(before) && !partner) continue;
    // "told the SEC", "1.4 mln Corvan common shares", "Two New York partnerships": no holder of the stake.
    if (before === "told" || (before === "the" && s.tokens[i - 2]?.lower === "told")) continue;
    if (/^(?:shares|common|stock|ordinary)$/.test(s.tokens[i + 1]?.lower ?? "")) continue;
    if (/^(?:two|three|four|five|several|both)\b/i.test(t.text)) continue;
    // "Corvan chairman Tom Keane": the company names the calling, not a holder.
    if (t.type === "mention" && CALLINGS.has(s.tokens[i + 1]?.lower ?? "")) continue;
    const name = nameOf(t);
    if (name && !names.includes(name)) names.push(name);
  }
  return names;
}

/**
 * "Ostrel and Halden Securities, acting together, hold 6.1 pct", "Tom Keane and his wife, Ann Keane, said they
 * jointly hold 14.2 pct": a holder named with a partner, and said to hold jointly, holds with that partner.
 */
function jointPartners(first: Token | undefined, holder: string, s: RuleSentence, figure: Token): string {
  if (!first || !JOINT_CUE.test(s.text.slice(first.end, figure.start))) return holder;
  const i = s.tokens.indexOf(first);
  const before = s.tokens[i - 1]?.lower === "and" ? nameOf(s.tokens[i - 2]) : calledPartner(s, i);
  if (before && before !== holder) return `${before} + ${holder}`;
  // "and his wife, Ann Keane", "and his brother Tom Keane": the relative named after the calling.
  if (s.tokens[i + 1]?.lower !== "and" || !/^(?:his|her|its|their)$/.test(s.tokens[i + 2]?.lower ?? "")) return holder;
  let k = i + 3;
  while (k < i + 6 && s.tokens[k]?.type === "word" && s.tokens[k].text !== ",") k++;
  if (s.tokens[k]?.text === ",") k++;
  const partner = s.tokens[k]?.type === "person" ? nameOf(s.tokens[k]) : null;
  return partner && partner !== holder ? `${holder} + ${partner}` : holder;
}

/** "JP Keane and Tom Ryan, who own 29%": two holders named together hold together. */
function jointHolder(m: Match, s: RuleSentence): string | null {
  const first = m.captures.holder?.[0];
  if (!first) return null;
  const i = s.tokens.indexOf(first);
  const figure = m.captures.figure?.[0];
  const pronoun = first.type !== "person" && (first.type !== "mention" || first.mention.how !== "name");
  // "Ostrel Partners and its general partner, Tom Keane, said they hold 7.3 pct": "they" stands for both.
  const plural = /^(?:they|their)$/.test(first.lower);
  if (
    pronoun &&
    figure &&
    (plural || JOINT_CUE.test(s.text.slice(s.tokens[Math.max(0, i - 12)].start, figure.start)))
  ) {
    const names = subjectNames(s, i);
    if (names.length >= 2) return names.join(" + ");
  }
  const holder = holderOf(first, s);
  if (!holder) return null;
  const partner = i >= 2 && s.tokens[i - 1].lower === "and" ? nameOf(s.tokens[i - 2]) : calledPartner(s, i);
  if (partner && partner !== holder) return `${partner} + ${holder}`;
  // "A consortium of Swedish telecoms firm Ostrel and US investment fund Halden has agreed to buy 51%".
  const consortium = consortiumPartner(s, i);
  return consortium && consortium !== holder ? `${consortium} + ${holder}` : holder;
}

/** Where the "and" stands that a name at `at` follows across up to three words of calling ("and US fund"), else -1. */
function andBefore(s: RuleSentence, at: number): number {
  let k = at - 1;
  while (k > 0 && at - k <= 4 && s.tokens[k].type === "word" && s.tokens[k].lower !== "and" && s.tokens[k].text !== ",")
    k--;
  return s.tokens[k]?.lower === "and" ? k : -1;
}

/** "Ostrel and US fund Halden", "Ostrel and Germany's Halden": the name joined to a holder given a calling. */
function calledPartner(s: RuleSentence, at: number): string | null {
  const k = andBefore(s, at);
  if (k === -1 || k === at - 1) return null;
  const named = s.tokens[k - 1];
  return named?.type === "person" || (named?.type === "mention" && named.mention.how === "name") ? nameOf(named) : null;
}

/** The first member of "a consortium of A and B", described or not, when the holder is B. */
function consortiumPartner(s: RuleSentence, at: number): string | null {
  const k = andBefore(s, at);
  if (k === -1) return null;
  const before = s.tokens.slice(Math.max(0, k - 8), k);
  const member = before.findLast((t) => t.type === "mention" && t.mention.how === "name") as Token | undefined;
  const opened = before
    .slice(0, before.indexOf(member as Token))
    .some((t) => /^(?:consortium|venture|partnership|alliance)$/.test(t.lower));
  return member && opened ? nameOf(member) : null;
}

/** "X - a body in the city of Y - owns 55%": a name that closes an aside is not the one who owns. */
function closesAside(m: Match, s: RuleSentence): boolean {
  const first = m.captures.holder?.[0];
  const at = first ? s.tokens.indexOf(first) : -1;
  const next = s.tokens[at + 1];
  if (next === undefined) return false;
  if (/^[-–—)]$/.test(next.text)) return true;
  // "Kestrel Capital, the fund run by Tom Keane, has built a stake": the comma after Keane closes the aside, as
  // does one a few words on ("The Keane family, which founded Corvan in 1921, has sold 6.5%").
  const figure = s.tokens.indexOf(m.captures.figure?.[0]);
  // Only when an aside was opened before the name ("Corvan, the Dutch brewer, has built" is no aside's close).
  if (!s.tokens.slice(0, at).some((t) => t.text === ",")) return false;
  // "The firm's Japanese partner, Nakaseido Motors, owns 15%": the name says who the subject is; it closes no aside.
  // ("its largest shareholder, Gulf investment firm Ostrel Holdings, owns": words that describe the name may
  // stand between the comma and it.)
  for (let i = at - 1; i >= Math.max(1, at - 5); i--) {
    if (s.tokens[i].text === ",") {
      if (APPOSED_ROLES.has(s.tokens[i - 1]?.lower ?? "")) return false;
      break;
    }
    if (s.tokens[i].type !== "word") break;
  }
  // "The largest member of the pact, builder Ostrel Costruzioni, owns 8.4%": a subject no name says is named in the
  // aside after it.
  const comma = s.tokens.slice(0, at).findLastIndex((t) => t.text === ",");
  const describers = s.tokens.slice(comma + 1, at);
  if (
    DETERMINERS.has(s.tokens[0].lower) &&
    s.tokens.slice(0, comma).every((t) => t.type === "word") &&
    describers.length <= 3 &&
    describers.every((t) => t.type === "word" && !RELATIVE_OPENERS.has(t.lower)) &&
    next.text === ","
  )
    return false;
  // ("Ostrel Corp, Corvan's partner in a chip-making venture, owns": a name written with "'s" owns nothing itself.)
  const reach = first?.type === "mention" && first.mention.possessive ? 10 : 6;
  for (let i = at + 1; i < Math.min(figure, at + reach); i++)
    if (s.tokens[i].text === "," && ASIDE_CLOSERS.has(s.tokens[i + 1]?.lower ?? "")) return true;
  return false;
}

/** Roles a name set off after them names: "its biggest shareholder, Ostrel Capital, owns". */
const APPOSED_ROLES = new Set(
  "partner partners shareholder shareholders investor investors holder holders owner owners backer backers ally parent".split(
    " ",
  ),
);

const ASIDE_CLOSERS = new Set([
  ...["has", "have", "had", "is", "was", "said", "says", "will", "would", "owns", "holds"],
  ...["plans", "intends", "wants", "agreed", "expects", "sold", "bought"],
  // "Ostrel, which owns 45% of Corvan, also plans to raise its stake": an adverb before the verb.
  ...["also", "now", "already", "recently", "then", "later"],
]);

/** The subject an aside stands after: "Kestrel Capital, the fund run by Tom Keane, has ...": Kestrel Capital. */
function subjectBeforeAside(m: Match, s: RuleSentence): Token | undefined {
  const first = m.captures.holder?.[0];
  const at = first ? s.tokens.indexOf(first) : -1;
  // "Ostrel Bureau - a body in the city of Corvan - owns": the aside opens as it closes, with a comma or a dash.
  const closer = s.tokens[at + 1]?.text ?? ",";
  const opener = /^[-–—]$/.test(closer) ? /^[-–—]$/ : closer === ")" ? /^\($/ : /^,$/;
  for (let i = at - 1; i > 0; i--) {
    if (!opener.test(s.tokens[i].text)) continue;
    const before = s.tokens[i - 1];
    // "Two private equity firms, Ostrel Capital and Corvan Partners, have bought": the aside names the subject.
    if (before.type === "word" && LISTED_SUBJECTS.has(before.lower)) return first;
    return before.type === "mention" || before.type === "person" ? before : undefined;
  }
  return undefined;
}

const DETERMINERS = new Set(["the", "its", "their", "a", "an"]);
const RELATIVE_OPENERS = new Set(["which", "who", "that", "whose"]);

/** Plural nouns a list of names may be set off after, as the subject they name. */
const LISTED_SUBJECTS = new Set(
  "firms companies groups investors funds banks partners families brothers insurers utilities carmakers".split(" "),
);

const CLAUSE_AUXILIARIES = new Set(
  "had has have will would may might could also now then recently already later plans wants intends agreed to is was".split(
    " ",
  ),
);

/**
 * "Corvan said Ostrel AB, which bought 9.5 pct of its shares last year, had raised its holding to 12.3 pct": the
 * possessive before the stake is the subject's, the name the relative clause stands after.
 */
function relativeSubject(m: Match, s: RuleSentence): Token | undefined {
  if (!/^(?:its|his|her|their)$/.test(m.captures.holder?.[0]?.lower ?? "")) return undefined;
  let i = m.from - 1;
  while (i > 0 && CLAUSE_AUXILIARIES.has(s.tokens[i].lower)) i--;
  if (s.tokens[i]?.text !== ",") return undefined;
  for (let k = i - 1; k > 1; k--) {
    if (s.tokens[k].text !== ",") continue;
    if (!/^(?:which|who)$/.test(s.tokens[k + 1]?.lower ?? "")) return undefined;
    const before = s.tokens[k - 1];
    return (before.type === "mention" && before.mention.how === "name" && !before.mention.possessive) ||
      before.type === "person"
      ? before
      : undefined;
  }
  return undefined;
}

/**
 * The company held: the one the pattern names, unless the figure has its own ("... and owns 5% of Ostrel", where
 * the pattern's company is the earlier stake's).
 */
function heldToken(m: Match, s: RuleSentence): Token | undefined {
  const figure = m.captures.figure?.[0];
  const at = figure ? s.tokens.indexOf(figure) : -1;
  if (at >= 0 && at > s.tokens.indexOf(m.captures.held?.[0])) {
    const own = ofAfterFigure(s, figure, (how) => how === "name");
    if (own) return partNamedAfter(own, s) ?? own;
  }
  const held = m.captures.held?.[0];
  return (held && partNamedAfter(held, s)) ?? held;
}

const DIVISION_WORDS = new Set(DIVISION_NOUNS);
/** "67% of Corvan's US affiliate Ostrel Labs": the part named after its owner is held, not the owner. */
function partNamedAfter(t: Token, s: RuleSentence): Token | undefined {
  if (t.type !== "mention" || !t.mention.possessive || t.mention.how !== "name") return undefined;
  const at = s.tokens.indexOf(t);
  for (let k = at + 1; k <= at + 3 && k + 1 < s.tokens.length; k++)
    if (DIVISION_WORDS.has(s.tokens[k].lower)) {
      const next = s.tokens[k + 1];
      return next.type === "mention" && next.mention.how === "name" ? next : undefined;
    }
  return undefined;
}

/** "... 51% of Corvan", "38% in the Athens-based company": the company a few words after "of" or "in" the figure. */
export function ofAfterFigure(
  s: RuleSentence,
  figure: Token | undefined,
  accept: (how: Mention["how"]) => boolean,
): Token | undefined {
  const at = figure ? s.tokens.indexOf(figure) : -1;
  if (at < 0 || !/^(?:of|in)$/.test(s.tokens[at + 1]?.lower ?? "")) return undefined;
  // "9.8 pct of those outstanding, from Ostrel": the clause ends at its comma, and so does what the figure is of.
  const window = s.tokens.slice(at + 2, at + 7);
  const stop = window.findIndex((t) => /^[,;:.]$/.test(t.text));
  return (stop < 0 ? window : window.slice(0, stop)).find((t) => t.type === "mention" && accept(t.mention.how));
}

export function stake(m: Match, s: RuleSentence, asideSettled = false): FactRoles[] {
  if (ofAMarket(m, s)) return [];
  // The subject found before an aside may itself stand before the aside's opening dash: it is not checked again.
  if (!asideSettled && closesAside(m, s)) {
    const subject = subjectBeforeAside(m, s);
    if (!subject) return [];
    return stake({ ...m, captures: { ...m.captures, holder: [subject] } }, s, true);
  }
  const joint = jointHolder(m, s);
  const figure = m.captures.figure?.[0];
  if (!joint || figure?.type !== "quantity") return [];
  // "the Corvan family owns 38%": the family holds it, not the company it named.
  const lead = m.captures.holder?.[0];
  const at = lead ? s.tokens.indexOf(lead) : -1;
  const next = at >= 0 ? s.tokens[at + 1]?.lower : undefined;
  const family = lead && next === "family" && !joint.includes(" + ");
  // "the Corvan family trust owns 12%": the family's trust or foundation, a holder of its own.
  const body = family ? s.tokens[at + 2]?.lower : undefined;
  const familyBody = body === "trust" || body === "foundation" ? ` ${body}` : "";
  const holder = family ? `${familyName(lead, joint)} family${familyBody}` : joint;
  const year = statedYear(s, m);
  const status = stakeStatus(s, m);
  // The forms the names were written in go to the alias table, as the extractors' facts do.
  const aliases: Record<string, string[]> = {};
  for (const t of s.tokens.slice(m.from, m.to + 6))
    if (t.type === "mention" && t.mention.how === "name") aliases[t.mention.company] = t.mention.surfaces;
  const named = lead?.type === "mention" && lead.mention.how === "name";
  // "Ostrel Capital and Halden Partners each hold 11%": each holds the figure on its own.
  const holders = next === "each" && holder.includes(" + ") ? holder.split(" + ") : [holder];
  return heldCompanies(m, s)
    .map((held) =>
      held === holder
        ? (namedApart(heldToken(m, s), holder) ?? describedApart(m, s, holder) ?? held)
        : // "the Keane family controls 58% of Keane Agri": the firm goes by the name written, not the family's.
          family && held === familyName(lead, joint)
          ? (namedApart(heldToken(m, s), held) ?? held)
          : held,
    )
    .filter((held) => held !== holder)
    .flatMap((held) =>
      holders
        .filter((one) => one !== held)
        .map((one) => ({
          aliases,
          stated: named ? ["company", "counterparty"] : ["counterparty"],
          figure: figure.quantity,
          company: one,
          counterparty: held,
          when: { year, period: null, stated: year !== null },
          unit: "percent",
          status,
        })),
    );
}

/**
 * "Corvan Media will be 50 pct owned by Corvan Corp": the article folds both names into "Corvan", yet a company
 * cannot hold itself, so the one held goes by the name it is written with here.
 */
function namedApart(t: Token | undefined, holder: string): string | null {
  const surface = t?.type === "mention" && t.mention.how === "name" ? t.mention.surfaces[0] : undefined;
  const name = surface ? canonicalName(surface) : null;
  return name && nameKey(name) !== nameKey(holder) ? name : null;
}

/**
 * "Ostrel Partners, a fund which holds 5.4 pct of the company": "the company", which the mention finder took for the
 * name just before it, is not the holder itself but the company the article is about.
 */
function describedApart(m: Match, s: RuleSentence, holder: string): string | null {
  const t = heldToken(m, s);
  if (t?.type !== "mention" || t.mention.how !== "description") return null;
  // "Corvan's biggest shareholder, Ostrel, a fund that owns 9.5% of the company": the company the sentence named.
  const owner = s.tokens
    .slice(0, m.from)
    .find(
      (b) => b.type === "mention" && b.mention.how === "name" && b.mention.possessive && b.mention.company !== holder,
    );
  if (owner?.type === "mention") return owner.mention.company;
  return [s.roles.recurringTopic, s.roles.topic?.company].find((c): c is string => Boolean(c) && c !== holder) ?? null;
}

/** A stake the sentence does not date, with the roles the text states. */
export function undatedStake(
  figure: Quantity,
  company: string,
  counterparty: string,
  status: Status,
  stated: FactRoles["stated"],
): FactRoles {
  const when = { year: null, period: null, stated: false };
  return { aliases: {}, stated, figure, company, counterparty, when, unit: "percent", status };
}

/** The company held is written as an owner ("Corvan's largest shareholder"), or also as "its" when `pronoun`. */
export function heldAsOwner(m: Match, pronoun = false): boolean {
  const held = m.captures.held?.[0];
  return held?.type === "mention" && (held.mention.possessive || (pronoun && held.mention.how === "pronoun"));
}

/**
 * "a plan between Corvan and Ostrel, a Texas firm, which holds 9.5 pct of the company": the holder alone, never
 * joined with the name before it; "the company" is not the holder itself but the other firm of the sentence, or
 * the article's.
 */
export function asideStake(m: Match, s: RuleSentence): FactRoles[] {
  const holderToken = m.captures.holder?.[0];
  const holder = nameOf(holderToken);
  const figure = m.captures.figure?.[0];
  if (!holder || figure?.type !== "quantity") return [];
  let held = nameOf(m.captures.held?.[0]);
  if (held === holder || (m.captures.held?.[0]?.type === "mention" && m.captures.held[0].mention.how !== "name")) {
    const before = s.tokens.slice(0, s.tokens.indexOf(holderToken!)).reverse();
    const other = before.find((t) => t.type === "mention" && t.mention.how === "name" && nameOf(t) !== holder);
    held = nameOf(other) ?? [s.roles.recurringTopic, s.roles.topic?.company].find((c) => c && c !== holder) ?? null;
  }
  if (!held) return [];
  return [undatedStake(figure.quantity, holder, held, stakeStatus(s, m), ["company", "counterparty"])];
}

/** The companies a stake left unsaid may be in: the one last held, the one the article keeps returning to, the topic. */
export function articleCompanies(s: RuleSentence): string[] {
  return [s.roles.lastHeld?.company, s.roles.recurringTopic, s.roles.topic?.company].filter((c): c is string =>
    Boolean(c),
  );
}

/** "the 5.3 pct stake held by Tom Keane": of the company the article is about (see stake.held-by-of-topic). */
export function topicStake(m: Match, s: RuleSentence, asideSettled = false): FactRoles[] {
  // "Its founder, Tom Keane, who owns 70% of the company, will keep a 40% stake": the subject before the aside.
  if (!asideSettled && closesAside(m, s)) {
    const subject = subjectBeforeAside(m, s);
    if (subject) return topicStake({ ...m, captures: { ...m.captures, holder: [subject] } }, s, true);
  }
  // "Mr Keane and his family hold a 28% stake": "his" is the person named, by the full name the article gave.
  const first = m.captures.holder?.[0];
  const said = holderOf(first, s);
  const holder =
    said && (first?.type === "person" || first?.type === "word") ? (s.roles.people.get(said) ?? said) : said;
  // "Corvan has been the subject of bid talk since Ostrel built up a 5% stake": the sentence's own subject, named
  // before the holder, else the company spoken of.
  const opener = s.tokens[0];
  const holderFirst = first !== undefined && s.tokens.indexOf(first) < s.tokens.indexOf(m.captures.figure[0]);
  const subject =
    holderFirst &&
    opener !== first &&
    opener?.type === "mention" &&
    opener.mention.how === "name" &&
    !opener.mention.possessive
      ? opener
      : undefined;
  const named = subject?.type === "mention" && subject.mention.company !== holder ? subject.mention.company : null;
  const topic = named ?? articleCompanies(s).find((c) => c !== holder && c !== s.ctx.groupLeader?.name);
  if (!topic || !holder) return [];
  const figure = m.captures.figure[0];
  if (figure.type !== "quantity") return [];
  const roles = undatedStake(figure.quantity, holder, topic, stakeStatus(s, m), ["company"]);
  // "In 2000 the two firms formed an alliance. Ostrel took a 20% stake": the deal the article just dated.
  const year = statedYear(s, m) ?? s.ctx.dealYear?.year ?? null;
  return [year === null ? roles : { ...roles, when: { year, period: null, stated: true } }];
}

/**
 * "The Corvan family, which controls 52%", "Ostrel's largest shareholder, the Keane family trust, owns 22%": a
 * company written with "'s" before it is the one held; else the family's namesake, else the article's company.
 */
export function familyStake(m: Match, s: RuleSentence): FactRoles[] {
  const lead = m.captures.holder?.[0];
  const name = nameOf(lead);
  const figure = m.captures.figure?.[0];
  if (!lead || !name || figure?.type !== "quantity") return [];
  const at = s.tokens.indexOf(lead);
  const trust = s.tokens[at + 2]?.lower === "trust";
  const owner = s.tokens
    .slice(0, at)
    .reverse()
    .find((t) => t.type === "mention" && t.mention.how === "name" && t.mention.possessive);
  const known = articleCompanies(s);
  // "The Tollerton family, which owns 34% of the shares": the company named for the family, if the article has one.
  const namesake = [...known, s.roles.main].find((c) => c && (c === name || c.startsWith(`${name} `)));
  // "holds 32 pct of Corvan's share capital": the company the figure is of, when the sentence names it.
  const ofToken = ofAfterFigure(s, figure, (how) => how === "name");
  const of = nameOf(ofToken);
  // "The Corvan family, which controls Ostrel through a holding company, owns 47.5%": the company it controls.
  const controlled = s.tokens
    .slice(at + 2, s.tokens.indexOf(figure))
    .find(
      (t, i, ahead) =>
        t.type === "mention" && t.mention.how === "name" && /^(?:controls|owns|runs)$/.test(ahead[i - 1]?.lower ?? ""),
    );
  const held =
    // ("The Keane family controls 62% of Keane Agri": the firm named for the family, by the name written here.)
    (of !== name ? of : of ? namedApart(ofToken, name) : null) ??
    nameOf(controlled) ??
    nameOf(owner) ??
    namesake ??
    nameOf(foundedBy(s, at + 2, s.tokens.indexOf(figure))) ??
    known.find((c) => c !== name && c !== s.ctx.groupLeader?.name);
  if (!held) return [];
  return [
    undatedStake(figure.quantity, `${familyName(lead, name)} family${trust ? " trust" : ""}`, held, stakeStatus(s, m), [
      "company",
    ]),
  ];
}

/**
 * "sold 4.5% of the company, cutting the family's holding to 26.1%": the figure sold is no holding; the level the
 * sale left is (not-stake.sold-then-total's reading, which a family's rule must not outbid).
 */
export function soldBeforeLevel(m: Match, s: RuleSentence): boolean {
  const figure = s.tokens.indexOf(m.captures.figure?.[0] as Token);
  if (!/^(?:sold|bought|acquired|sells|buys)$/.test(s.tokens[figure - 1]?.lower ?? "")) return false;
  return s.tokens
    .slice(figure + 1)
    .some(
      (t, i, after) =>
        STAKE_CHANGE_WORDS.has(t.lower) && after.slice(i + 1, i + 5).some((w) => STAKE_NOUN_WORDS.has(w.lower)),
    );
}

/** "The Ostrel family, heirs of the founder of paint maker Corvan, sold ...": the company the family founded. */
function foundedBy(s: RuleSentence, from: number, to: number): Token | undefined {
  return s.tokens.slice(from, to).find((t, i, ahead) => {
    if (t.type !== "mention" || t.mention.how !== "name") return false;
    let k = i - 1;
    while (
      k >= 0 &&
      k > i - 4 &&
      ahead[k].type === "word" &&
      /^[a-z-]+$/.test(ahead[k].text) &&
      ahead[k].lower !== "of"
    )
      k--;
    if (ahead[k]?.lower === "founded") return k === i - 1;
    return ahead[k]?.lower === "of" && /^(?:founder|founders|co-founder)$/.test(ahead[k - 1]?.lower ?? "");
  });
}

/** "The French government owns 30%": the state as the text names it, with its nationality when it gives one. */
export function stateStake(m: Match, s: RuleSentence): FactRoles[] {
  const words = m.captures.holder ?? [];
  const first = words[0];
  if (!first) return [];
  const before = s.tokens[s.tokens.indexOf(first) - 1];
  const nationality = before && /^[A-Z][a-z]+$/.test(before.text) && before.lower in NATIONALITIES ? before.text : null;
  const body = words.map((t) => (t.lower === "treasury" ? "Treasury" : t.text)).join(" ");
  // "the U.S. Commerce Department": a department or ministry goes by the capitalised words that name it.
  const named = /^(?:department|ministry)$/.test(first.lower) ? capitalisedBefore(s, first) : "";
  const holder = named
    ? `${named} ${first.text}`
    : nationality
      ? `${nationality} ${body.toLowerCase()}`
      : body === "Treasury"
        ? body
        : null;
  const figure = m.captures.figure?.[0];
  const held = nameOf(m.captures.held?.[0]);
  if (!holder || !held || figure?.type !== "quantity") return [];
  // "plans to sell most of its 32% stake": the stake it has is held now, whatever becomes of it.
  const possessed = /^(?:its|their)$/.test(s.tokens[s.tokens.indexOf(figure) - 1]?.lower ?? "");
  return [undatedStake(figure.quantity, holder, held, possessed ? "actual" : stakeStatus(s, m), ["counterparty"])];
}

/**
 * "Corvan Outdoor founder Tom Keane has agreed to sell an 18% stake in the camping-gear retailer": the company held
 * is described, not named: the one last held, else the one the description was resolved to, else the company the
 * sentence names besides the holder, else the article's.
 */
export function describedStake(m: Match, s: RuleSentence): FactRoles[] {
  // "Corvan Telecom, which has 2 million customers, holds 31% of the Ruritanian mobile market": a share.
  if (ofAMarket(m, s)) return [];
  // "The ministry, which owns 38% of Corvan, plans to sell 15% of the company": the subject before the aside.
  // "The state has sold 9% of Corvan for 410m euros, cutting its holding to 11%": a participle after a comma
  // goes on with the sentence's subject, not the name just before it.
  // ("halving Ostrel's stake to 10%" names its holder: no subject is looked for.)
  const lead = m.captures.holder?.[0];
  const namedLead = lead?.type === "mention" && lead.mention.how === "name" && lead.mention.possessive;
  const first = closesAside(m, s)
    ? subjectBeforeAside(m, s)
    : ((namedLead ? undefined : (participleSubject(m, s) ?? relativeSubject(m, s))) ?? lead);
  const said = holderOf(first, s);
  // "Mr Keane owns 28%": a person by the full name the article gave them; "the Keane family, which owns": the family.
  // (a pronoun read as a person too: "Mr Keane and his family hold").
  const asPerson = first?.type === "person" || first?.type === "word";
  const person = said && asPerson ? (s.roles.people.get(said) ?? said) : said;
  // "Mr Keane and his family hold": his family is his; "the Keane family, which owns": the family's.
  const family =
    first &&
    (first.type === "person" || (first.type === "mention" && first.mention.how === "name")) &&
    s.tokens[s.tokens.indexOf(first) + 1]?.lower === "family";
  // A family goes by its surname: "the Geoffrey Keane family" is the Keane family.
  const single = person && family && first ? `${familyName(first, person)} family` : person;
  const figure = m.captures.figure?.[0];
  if (!single || figure?.type !== "quantity") return [];
  // "Tom Keane and his wife, Ann Keane, said they jointly hold 14.2 pct of the company": "they" are both.
  const they = lead && /^(?:they|their)$/.test(lead.lower) ? subjectNames(s, s.tokens.indexOf(lead)) : [];
  const holder = family
    ? single
    : they.length >= 2
      ? they.map((n) => s.roles.people.get(n) ?? n).join(" + ")
      : jointPartners(first, single, s, figure);
  // "through their Corvan vehicle they own 29% of the club": a company the holder owns is not the one held.
  const vehicles = new Set(
    s.tokens
      .filter(
        (t, i) =>
          t.type === "mention" &&
          /^(?:their|its|his|her)$/.test(s.tokens[i - 1]?.lower ?? "") &&
          // "their Corvan stake" is a stake in Corvan, not a vehicle of theirs.
          !STAKE_NOUN_WORDS.has(s.tokens[i + 1]?.lower ?? ""),
      )
      .map(nameOf),
  );
  const holders = new Set(holder.split(" + "));
  const other = (c: string | null | undefined) => (c && !holders.has(c) && !vehicles.has(c) ? c : null);
  const mentions = s.tokens.filter((t) => t.type === "mention");
  // A company named as an object ("a stake in Corvan", "the carrier's") before one named as a subject.
  const afterPreposition = (t: Token) => /^(?:in|of)$/.test(s.tokens[s.tokens.indexOf(t) - 1]?.lower ?? "");
  const object =
    mentions.find((t) => other(t.mention.company) && afterPreposition(t)) ??
    mentions.find((t) => other(t.mention.company) && t.mention.how === "description");
  const named = mentions.find((t) => t.mention.how === "name" && other(nameOf(t)));
  const described = m.captures.held?.[0];
  const resolved = described?.type === "mention" ? other(described.mention.company) : null;
  // The company last held comes first: "they own 28.9% of the club" goes on speaking of it.
  // "Corvan's founding Keane family, which owns 22% of the business": the company written with "'s" is held.
  const owner = mentions.find(
    (t) => t.mention.how === "name" && t.mention.possessive && s.tokens.indexOf(t) < s.tokens.indexOf(first!),
  );
  const namedHeld = described?.type === "mention" && described.mention.how === "name" ? other(nameOf(described)) : null;
  // "Corvan's Dutch parent, Ostrel, which owns 67% of the company": the company whose parent holds is held.
  const parents = owner?.type === "mention" && parentAfter(owner, s) ? other(owner.mention.company) : null;
  const held =
    namedHeld ??
    parents ??
    heldEarlier(s, figure, other) ??
    other(s.roles.lastHeld?.company) ??
    (family && owner ? other(owner.mention.company) : null) ??
    resolved ??
    (object?.type === "mention" ? object.mention.company : null) ??
    nameOf(named) ??
    articleCompanies(s).find((c) => other(c) && c !== s.ctx.groupLeader?.name);
  if (!held) return [];
  const stated: FactRoles["stated"] = first?.type === "person" || first?.type === "mention" ? ["company"] : [];
  const roles = undatedStake(figure.quantity, holder, held, stakeStatus(s, m), stated);
  // "to raise its holding to 51 per cent by 2007": the words date it; "a share issue in 2003 cut Ostrel's stake to
  // 10%": the event that moved it, just before the verb of change.
  const year = statedYear(s, m) ?? changeYear(s, m);
  return [year === null ? roles : { ...roles, when: { year, period: null, stated: true } }];
}

// "Corvan's largest shareholder with 17.4%, followed by Tom Keane, who owns 9.1%": Keane's shares are Corvan's too.
const PARENT_WORDS = new Set([...PARENT_NOUNS, ...SHAREHOLDER_NOUNS].filter((n) => !n.includes(" ")));
/** "Corvan's parent", "Corvan's Dutch owner", "Corvan's largest shareholder": a word or two after the name. */
const parentAfter = (t: Token, s: RuleSentence) =>
  s.tokens.slice(s.tokens.indexOf(t) + 1, s.tokens.indexOf(t) + 3).some((x) => PARENT_WORDS.has(x.lower));

/** The year of the event just before a match that opens on a verb of change ("recapitalised in 2003, halving"). */
function changeYear(s: RuleSentence, m: Match): number | null {
  // Only a change made ("cut", "halving"), not one to come ("to raise", "may lift").
  if (!STAKE_CHANGE_WORDS.has(s.tokens[m.from]?.lower ?? "") || !/(?:ed|ing|cut)$/.test(s.tokens[m.from].lower))
    return null;
  if (/^(?:to|will|would|could|may|might|can)$/.test(s.tokens[m.from - 1]?.lower ?? "")) return null;
  const before = s.tokens.slice(Math.max(0, m.from - 10), m.from);
  const times = before.filter(
    (t) =>
      t.type === "time" &&
      t.time.year !== null &&
      t.time.role === "point" &&
      /^(?:19|20)\d\d$/.test(t.text) &&
      !sinceBefore(s, t),
  );
  const last = times.at(-1);
  return last?.type === "time" ? last.time.year : null;
}

function participleSubject(m: Match, s: RuleSentence): Token | undefined {
  const verb = s.tokens.findIndex(
    (t, i) => i >= m.from && i < m.to && STAKE_CHANGE_WORDS.has(t.lower) && /ing$/.test(t.lower),
  );
  if (verb < 1 || s.tokens[verb - 1].text !== ",") return undefined;
  // "cutting his stake": a person's; "cutting its holding": a company's or a state's, never one written with "'s".
  const personal = /^(?:his|her)$/.test(s.tokens[verb + 1]?.lower ?? "");
  return s.tokens
    .slice(0, verb)
    .find(
      (t, i) =>
        (personal ? t.type === "person" : t.type === "mention" && t.mention.how === "name" && !t.mention.possessive) &&
        !SUBJECT_NOT_AFTER.has(s.tokens[i - 1]?.lower ?? ""),
    );
}

// A name after "maker" or "group" is the one described ("paper maker Corvan"), not a subject either.
const SUBJECT_NOT_AFTER = new Set([...NOT_A_SPEAKER_AFTER, "maker", "group"]);

/** "Ostrel wants Corvan to sell down its 43% stake": "its" is the name nearest before the verb, not the speaker. */
export function ownStake(m: Match, s: RuleSentence): FactRoles[] {
  const nearest = s.tokens
    .slice(0, m.from)
    .findLast((t) => t.type === "person" || (t.type === "mention" && t.mention.how === "name"));
  if (!nearest) return describedStake(m, s);
  return describedStake({ ...m, captures: { ...m.captures, holder: [nearest] } }, s);
}

const SHAREHOLDER_WORDS = new Set(SHAREHOLDER_NOUNS);
/** "X, in which the Y fund holds 7.5%", "its largest shareholder, the Y fund, holds 8.2%": a holder, not a rival. */
export function spokenOfAsHolder(m: Match, s: RuleSentence): boolean {
  if (s.tokens.slice(Math.max(0, m.from - 8), m.from).some((t) => SHAREHOLDER_WORDS.has(t.lower))) return true;
  const at = s.tokens[m.from].start;
  return /\bin\s+which\s+(?:[\w'’-]+\s+){0,5}$/i.test(s.text.slice(Math.max(0, at - 80), at));
}

/** The capitalised words right before a token ("U.S. Commerce" before "Department"), without a leading "The". */
function capitalisedBefore(s: RuleSentence, t: Token): string {
  const words: string[] = [];
  for (let k = s.tokens.indexOf(t) - 1; k >= 0; k--) {
    const w = s.tokens[k];
    // ("Poland's Treasury Ministry": the country owning it is no part of its name.)
    if (w.type !== "word" || !/^[A-Z]/.test(w.text) || w.text === "The" || /['’]s$/.test(w.text)) break;
    words.unshift(w.text);
  }
  return words.join(" ");
}

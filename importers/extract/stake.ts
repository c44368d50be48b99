import type { Mention } from "../analyse/mentions";
import { FIRST_NAMES } from "../lexicons/people";
import { allMatches } from "../lexicons/regex";
import type { Quantity } from "../recognise/quantities";
import type { Fact, Status } from "../types";
import { clauseAround } from "./clauses";
import { buildFact, type Extractor, type SentenceContext } from "./context";
import { subjectOf } from "./subject";

const STAKE_AFTER =
  /^\s*(?:-|–)?\s*(?:voting\s+|equity\s+|controlling\s+|minority\s+|majority\s+|direct\s+|indirect\s+|combined\s+|remaining\s+)?(?:stake|holding|shareholding|interest|share\s+stake|ownership|of\s+(?:the\s+)?(?:its\s+)?(?:shares|equity|stock))\b/i;
/** "a 15% stake in each other", "each hold 15% in the other". */
const RECIPROCAL_AFTER = /^\s+in\s+(?:each\s+other|one\s+another|the\s+other)\b/i;
const SHAREHOLDER_APPOSITION =
  /\b[A-Z][\w&.-]*(?:\s[A-Z][\w&.-]*)*['’]s?\s+(?:(?:largest|biggest|top|main|major|second-largest|single\s+largest|controlling|leading)\s+)*(?:shareholder|investor|owner|stakeholder)s?\s*,/;
/** "a 30% shareholder in Ostrel", "the 20% owner of Fiat". */
const HOLDER_NOUN_AFTER = /^\s*(?:shareholder|stakeholder|owner|investor)\s+(?:in|of)\b/i;
/** "cut Corvan's stake in half to 12%", "raised its stake in Nissan to 44%", "its stake in X from 70% to 49%". */
const STAKE_BEFORE =
  /\bstake\b(?<mid>[^.;%]{0,60}?)(?:\b(?:from|to)\s+[\d.]+\s*(?:%|per\s?cent)\s+)?\b(?<prep>to|from|at|of|was|is|stands\s+at|stood\s+at|remains|remained)\s+(?:about\s+|around\s+|nearly\s+|almost\s+|roughly\s+|some\s+|just\s+(?:over|under)\s+)?$/i;
/** "voted to cut Corvan's stake", "will raise its stake": the verb right before the stake is still to happen. */
const CHANGE_PLANNED =
  /\b(?:to|will|would|could|may|might|shall|set\s+to|expected\s+to|plans?\s+to|aims?\s+to|wants?\s+to)\s+(?:\w+\s+){1,2}(?:(?:its|their|his|her)\s+|[A-Z][\w&.-]*['’]s?\s+)?$/i;
const OWNS_BEFORE =
  /\b(?:swap(?:ped|s)?|exchang(?:e|ed|es)|trad(?:e|ed|es))\b[^.;]{0,60}\bfor\s+(?:about\s+|around\s+|some\s+)?$|\bstake\s+in\s+[^,;%]{1,40}?\s+and\s+(?:about\s+|around\s+|nearly\s+|almost\s+|some\s+|roughly\s+)?$|\b(?:owns?|owned|owning|holds?|held|holding|controls?|controlled|controlling|acquired?|acquiring|buys?|bought|buying|purchased?|took|takes?|taking|sells?|sold|selling|offload(?:ed|s)?|divest(?:ed|s)?|has|had)\s+(?:(?:a|an|its|their|the|another|a\s+further|an\s+additional|just|nearly|about|around|some|roughly|more\s+than|almost|over)\s+)*$/i;
// Case matters here: a lowercase word may stand between "of" and the company ("of search-engine Google"), a name may not.
const OF_COMPANY_AFTER = /^\s+(?:of|in)\s+(?:the\s+)?(?:shares\s+in\s+|[a-z-]+\s+)?/;
const HELD_BY = /^[^.;]{0,40}?\b(?:held|owned|controlled)\s+by\s+$/i;
const STAKE_IN = /^[^.;]{0,60}?\b(?:in|of)\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}$/;
const DEAL_VERB =
  "(?:buy|buying|acquire|acquiring|take|taking|purchase|raise|raising|increase|lift|build|sell|selling|cut|reduce|swap|get|receive|hold|own)";
const TARGET_ACQUIRE = new RegExp(
  String.raw`\b(?:plans?|planning|aims?|aiming|wants?|hopes?|seeks?|seeking|intends?|negotiating|in\s+talks)\b[^.;]*?\b${DEAL_VERB}\b[^.;]*$`,
  "i",
);
const FORECAST_ACQUIRE = new RegExp(
  String.raw`\b(?:will|would|could|may|set\s+to|expected\s+to|is\s+to|are\s+to|agreed\s+to|offer(?:ed|ing)?\s+to|bid\s+to|proposed?\s+to|deal\s+to|agreement\s+to|plan\s+to)\b[^.;]*?\b${DEAL_VERB}\b[^.;]*$`,
  "i",
);
/** "its 43% stake", "Renault's 44% stake": a stake someone holds now, whatever they plan to do with it. */
const HELD_NOW_BEFORE =
  /\b(?:its|their|his|her|[A-Z][\w&.-]*['’]s?)\s+(?:(?:roughly|about|around|nearly|almost|some|remaining|existing|current)\s+)?$/;

/** Stakes: "X owns 43% of Y", "X's 43% stake in Y", "a 20% stake held by X", "its roughly 43 per cent stake". */
export const extractStake: Extractor = (s) => {
  const facts: Fact[] = [];
  for (const q of s.quantities) {
    if (q.kind !== "percent") continue;
    const after = s.text.slice(q.end);
    const before = s.text.slice(0, q.start);
    const clause = clauseAround(s.text, q.start);
    const stakeBefore = STAKE_BEFORE.exec(before.slice(-120));
    if (stakeBefore && !STAKE_AFTER.test(after)) {
      const fact = stakeNamedBefore(s, q, clause, stakeBefore);
      if (fact) facts.push(fact);
      continue;
    }
    const stakeWord = STAKE_AFTER.exec(after) ?? HOLDER_NOUN_AFTER.exec(after);
    // "Corvan swapped a 4% stake in itself for 15% of Ostrel": its own shares go to the other party.
    if (stakeWord && /^\s+in\s+(?:itself|themselves)\b/i.test(after.slice(stakeWord[0].length))) {
      const giver = subjectOf(s, q.start, clause, new Set(), false);
      const taker = giver && s.mentions.find((m) => m.start > q.end && m.how === "name" && m.company !== giver.company);
      if (giver && taker) facts.push(stakeFact(s, q, clause, taker, giver, "actual"));
      continue;
    }
    // "TNK-BP, which is half owned by BP": the owner is named after the figure.
    const ownedBy = /^\s+(?:owned|held|controlled)\s+by\s+/i.exec(after);
    if (ownedBy) {
      const owner = s.mentions.find((m) => m.start === q.end + ownedBy[0].length);
      const owned = owner && subjectOf(s, q.start, clause, new Set([owner.company]), false);
      if (owner && owned) facts.push(stakeFact(s, q, clause, owner, owned, "actual"));
      continue;
    }
    if (stakeWord && RECIPROCAL_AFTER.test(after.slice(stakeWord[0].length))) {
      facts.push(...reciprocalStakes(s, q, clause));
      continue;
    }
    const owns = !stakeWord && OWNS_BEFORE.test(before);
    const ofCompany = owns ? OF_COMPANY_AFTER.exec(after) : null;
    // "Atticus, holding 2% of Deutsche Boerse, ... And TCI, which holds about 5%, ...": the same company.
    if (owns && !ofCompany && /^\s*[,.;)]/.test(after) && s.lastHeld) {
      const holder = subjectOf(s, q.start, clause, new Set([s.lastHeld.company]), false) ?? peopleHolding(s, clause, q);
      if (holder && holder.company !== s.lastHeld.company)
        facts.push(stakeFact(s, q, clause, holder, s.lastHeld, "actual"));
      continue;
    }
    // "Mr Ostrand owns 28.1%.": a person's holding in the company the article is about.
    if (owns && !ofCompany && /^\s*[,.;)]/.test(after)) {
      const person = peopleHolding(s, clause, q);
      const held = person && unnamedHeld(s, person, q);
      if (person && held) facts.push(stakeFact(s, q, clause, person, held, "actual"));
      continue;
    }
    if (!stakeWord && !ofCompany) continue;
    const tailStart = q.end + (stakeWord?.[0].length ?? ofCompany?.[0].length ?? 0);
    let counterparty: Mention | null = null;
    let holder: Mention | null = null;
    if (ofCompany) {
      const held = s.mentions.filter(
        (m) =>
          // "of the Japanese carmaker": a description may start at the article the pattern skipped.
          (m.start >= q.end && m.start <= tailStart) ||
          (m.start >= tailStart && m.start - tailStart < 40 && /^[\w\s'’-]*$/.test(s.text.slice(tailStart, m.start))),
      );
      // "52% of Corvan's US unit Vexa Labs": past a possessive, the company named next is the one held.
      counterparty = held[0]?.possessive && held[1] ? held[1] : (held[0] ?? null);
      if (!counterparty) continue;
      // "Through their Corvan Investments vehicle they own 29% of the club": the vehicle is no club.
      if (counterparty.how === "description" && holdingVehicle(s, counterparty.company)) {
        const held = holder ?? peopleHolding(s, clause, q);
        counterparty = held ? unnamedHeld(s, held, q) : null;
        if (!counterparty) continue;
      }
      // "since Ostrel announced plans to buy 19.9% of the firm": the firm is not the buyer named just before.
      const actor = actorBefore(s, clause, q);
      if (actor && counterparty.how !== "name" && actor.company === counterparty.company) {
        const other = s.mentions.find((m) => m.how === "name" && m.company !== actor.company && m.end <= q.start);
        if (!other) continue;
        counterparty = other;
        holder = actor;
      }
    } else {
      counterparty =
        s.mentions.find(
          (m) => m.how !== "group" && m.start >= tailStart && STAKE_IN.test(s.text.slice(tailStart, m.start)),
        ) ?? null;
      const heldBy = s.mentions.find((m) => m.start >= tailStart && HELD_BY.test(s.text.slice(tailStart, m.start)));
      if (heldBy) holder = heldBy;
    }
    // "Renault, its top shareholder, to sell down its 43% stake": "its" refers back to the nearest company.
    // "Norvale's largest shareholder, the state of Lower Saxony, owns a 20% stake": the apposition holds it.
    const apposition = SHAREHOLDER_APPOSITION.exec(s.text.slice(clause.start, q.start));
    if (apposition && !counterparty && !holder) {
      const held = s.mentions.find(
        (m) =>
          m.possessive &&
          m.start >= clause.start + apposition.index &&
          m.start < clause.start + apposition.index + apposition[0].length,
      );
      const owner = s.mentions.find(
        (m) =>
          m.start >= clause.start + apposition.index + apposition[0].length &&
          m.end <= q.start &&
          m.company !== held?.company,
      );
      if (held && owner) {
        counterparty = held;
        holder = owner;
      }
    }
    // "Jane Porter and Tom Keane, who own a 29% stake": people hold stakes too.
    if (!holder) holder = peopleHolding(s, clause, q);
    // A holder must be named in the sentence (or referred to as "it"): "Irishmen X and Y, who own a 29% stake" are
    // people, not the company the article is about.
    holder ??= subjectOf(s, q.start, clause, new Set(counterparty ? [counterparty.company] : []), false);
    if (!holder) continue;
    if (!counterparty) {
      counterparty =
        s.mentions
          .filter((m) => m.company !== holder!.company && m.how !== "group")
          .sort((a, b) => Math.abs(a.start - q.start) - Math.abs(b.start - q.start))[0] ?? unnamedHeld(s, holder, q);
    }
    if (!counterparty || counterparty.company === holder.company) continue;
    const lead = s.text.slice(clause.start, q.start);
    const status = HELD_NOW_BEFORE.test(lead) ? "actual" : acquisitionStatus(lead);
    facts.push(stakeFact(s, q, clause, holder, counterparty, status));
    // "a 3.1% stake in Renault and Nissan": the same stake in each company named.
    const also = s.mentions.find(
      (m) =>
        m.start > counterparty!.end &&
        /^\s+and\s+$/.test(s.text.slice(counterparty!.end, m.start)) &&
        m.company !== holder!.company,
    );
    if (also && stakeWord) facts.push(stakeFact(s, q, clause, holder, also, status));
  }
  return facts;
};

const DEAL_VERB_BEFORE = new RegExp(String.raw`\b${DEAL_VERB}\s+(?:[a-z]+\s+)?$`);

/**
 * "Mr Glazer owns 28.1%.": a stake whose company goes unsaid is in the company of the last stake, or else in the
 * company the article is about, before the company merely spoken of last.
 */
/** The company named right before a deal verb and its figure, with only lowercase words between. */
function actorBefore(s: SentenceContext, clause: { start: number; end: number }, q: Quantity): Mention | null {
  const named = s.mentions.filter((m) => m.how === "name" && m.start >= clause.start && m.end <= q.start).at(-1);
  const between = s.text.slice(named?.end ?? 0, q.start);
  if (!named || !/^\s+(?:[a-z]+\s+){1,5}$/.test(between) || /\b(?:they|it|he|she|we)\b/.test(between)) return null;
  return DEAL_VERB_BEFORE.test(between) ? named : null;
}

/** A company named in the sentence as someone's investment vehicle or fund. */
function holdingVehicle(s: SentenceContext, company: string): boolean {
  return s.mentions.some(
    (m) =>
      m.how === "name" &&
      m.company === company &&
      /^\s+(?:investment\s+|holding\s+)?(?:vehicle|fund)\b/.test(s.text.slice(m.end, m.end + 30)),
  );
}

function unnamedHeld(s: SentenceContext, holder: Mention, q: Quantity): Mention | null {
  if (s.lastHeld && s.lastHeld.company !== holder.company) return s.lastHeld;
  if (s.main && s.main !== holder.company)
    return { start: q.start, end: q.start, company: s.main, surfaces: [], how: "pronoun", possessive: false };
  return s.topic && s.topic.company !== holder.company ? s.topic : null;
}

/** A stake is dated only by a year said close to it ("a 20% stake in 2000"), not by anything else in the clause. */
function stakeYear(s: SentenceContext, clause: { start: number; end: number }, q: Quantity): number | null {
  const near = s.times.filter(
    (t) =>
      t.year !== null &&
      t.role !== "base" &&
      t.start >= clause.start &&
      t.end <= clause.end &&
      (t.start >= q.end ? t.start - q.end : q.start - t.end) <= 30,
  );
  return near[0]?.year ?? s.dealYear;
}

/** The stake word comes first: "its stake in X to 44%", "Corvan's stake in half to 12%". */
function stakeNamedBefore(
  s: SentenceContext,
  q: Quantity,
  clause: { start: number; end: number },
  m: RegExpExecArray,
): Fact | null {
  const stakeAt = q.start - m[0].length;
  const midStart = stakeAt + "stake".length;
  const named = s.mentions.find((x) => x.how !== "group" && x.start >= midStart && x.end <= q.start) ?? null;
  const holder =
    subjectOf(s, stakeAt, clause, new Set(named ? [named.company] : []), false) ?? peopleHolding(s, clause, q);
  if (!holder) return null;
  // "cut Corvan's stake in half to 12%": the held company is the one the article is speaking of.
  const counterparty: Mention | null =
    named ??
    (s.lastHeld && s.lastHeld.company !== holder.company ? s.lastHeld : null) ??
    (s.main && s.main !== holder.company
      ? { start: q.start, end: q.start, company: s.main, surfaces: [], how: "pronoun", possessive: false }
      : null);
  if (!counterparty || holder.company === counterparty.company) return null;
  const lead = s.text.slice(clause.start, stakeAt);
  const isNewLevel = m.groups?.prep.toLowerCase() === "to";
  // "its stake should be cut from 70% to 49%": the modal after the stake governs the new level.
  const plannedAfter = /\b(?:should|will|would|could|may|is\s+to|are\s+to|set\s+to|expected\s+to|plans?\s+to)\b/i.test(
    m.groups?.mid ?? "",
  );
  const status: Status = isNewLevel && (CHANGE_PLANNED.test(lead) || plannedAfter) ? "forecast" : "actual";
  return stakeFact(s, q, clause, holder, counterparty, status);
}

/** "Daimler and Renault will take a 3.1% stake in each other": one stake each way. */
function reciprocalStakes(s: SentenceContext, q: Quantity, clause: { start: number; end: number }): Fact[] {
  const before = s.mentions.filter((m) => m.start >= clause.start && m.end <= q.start && m.how === "name");
  const pair = before.slice(-2);
  if (pair.length !== 2 || pair[0].company === pair[1].company) return [];
  if (!/^\s*(?:and|&)\s*$/.test(s.text.slice(pair[0].end, pair[1].start))) return [];
  const lead = s.text.slice(clause.start, q.start);
  const status = acquisitionStatus(lead);
  return [
    [pair[0], pair[1]],
    [pair[1], pair[0]],
  ].map(([holder, held]) => stakeFact(s, q, clause, holder, held, status));
}

/** A stake someone plans to take is a target, one they are set to take a forecast; otherwise it is held. */
function acquisitionStatus(lead: string): Status {
  return TARGET_ACQUIRE.test(lead) ? "target" : FORECAST_ACQUIRE.test(lead) ? "forecast" : "actual";
}

function stakeFact(
  s: SentenceContext,
  q: Quantity,
  clause: { start: number; end: number },
  holder: Mention,
  counterparty: Mention,
  status: Status,
): Fact {
  const year = stakeYear(s, clause, q);
  return buildFact(s, q, {
    kind: "stake",
    company: holder,
    counterparty,
    when: { year, period: null, stated: year !== null },
    low: q.low,
    high: q.high,
    unit: "percent",
    status,
    stated: ["counterparty"],
  });
}

const PERSON_NAME = String.raw`(?:[A-Z][A-Za-z'’.-]*\s+){1,2}[A-Z][a-z][A-Za-z'’-]*`;
const PEOPLE_WHO_OWN = new RegExp(
  String.raw`(?<first>${PERSON_NAME})(?:\s+and\s+(?<second>${PERSON_NAME}))?,?\s+(?<who>(?:who|which)\s+)?(?:own|owns|hold|holds|control|controls|bought|acquired|sold)\s+(?:(?:a|an|their|his|her|about|around|nearly|some)\s+)*$`,
);
/** A first name or initials ("JP", "J.P.") opening a name marks a person even without "who own". */
const PERSON_OPENER = /^(?:[A-Z]\.?){1,3}$/;

function looksLikePersonName(name: string, people: ReadonlyMap<string, string>): boolean {
  const words = name.split(/\s+/);
  return (
    FIRST_NAMES.has(words[0]) ||
    PERSON_OPENER.test(words[0]) ||
    // Full names are kept by family name: a full name among them has its family name among the keys.
    people.has(words.at(-1)!)
  );
}

const PEOPLE_PAIR = new RegExp(String.raw`\b(${PERSON_NAME})\s+and\s+(${PERSON_NAME})\b`, "g");

/** "the tycoons Jane Porter and Tom Keane": two people a later "They own 29%" may mean. */
export function peoplePairIn(text: string, people: ReadonlyMap<string, string>): Mention | null {
  let found: Mention | null = null;
  // The pair is joined by "and": most sentences without it need no scan.
  if (!text.includes("and")) return null;
  for (const m of allMatches(PEOPLE_PAIR, text)) {
    if (looksLikePersonName(m[1], people) && looksLikePersonName(m[2], people))
      found = { start: 0, end: 0, company: `${m[1]} + ${m[2]}`, surfaces: [], how: "name", possessive: false };
  }
  return found;
}

function peopleHolding(s: SentenceContext, clause: { start: number; end: number }, q: Quantity): Mention | null {
  const lead = s.text.slice(clause.start, q.start);
  // "They own 29% of United": the holders of the stake just spoken of.
  if (
    /(?:^\W*They|\bthey)\s+(?:own|hold|control)\s+(?:(?:a|an|about|around|some|nearly)\s+)*$/.test(lead) &&
    s.lastHolder
  ) {
    return { ...s.lastHolder, start: clause.start, end: clause.start };
  }
  // "Mr Glazer and his family hold a stake of 28.1%": the person, by the full name the article gave.
  const titled =
    /\b(?:Mr|Mrs|Ms|Dr|Sir)\s+([A-Z][a-z]+)(?:\s+and\s+(?:his|her)\s+family)?\s+(?:own|owns|hold|holds|control|controls)\b/.exec(
      lead,
    );
  if (titled) {
    const start = clause.start + titled.index;
    return {
      start,
      end: start + titled[0].length,
      company: s.people.get(titled[1]) ?? titled[1],
      surfaces: [],
      how: "name",
      possessive: false,
    };
  }
  const m = PEOPLE_WHO_OWN.exec(lead);
  if (!m?.groups) return null;
  const names = [m.groups.first, m.groups.second].filter(Boolean).map((n) =>
    n
      .trim()
      .split(/\s+/)
      .filter((w) => !/^(?:Irishmen|Americans?|Britons?|Tycoons?|Investors?|Billionaires?|Brothers)$/.test(w))
      .join(" "),
  );
  if (names.some((n) => !/\s/.test(n))) return null;
  // Without "who", "Corvan Motors and Ostrel Bank own 29%" are companies: only people's names pass.
  if (!m.groups.who && !names.every((n) => looksLikePersonName(n, s.people))) return null;
  const start = clause.start + m.index;
  return { start, end: start + m[0].length, company: names.join(" + "), surfaces: [], how: "name", possessive: false };
}

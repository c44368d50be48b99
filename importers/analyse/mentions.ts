import { COMPANY_NOUNS, GROUP_COUNTS, MAKER_NOUN, PRODUCT_BEFORE } from "../lexicons/companies";
import { SCALES } from "../lexicons/numbers";
import { COUNTRY_KEYS, NATIONALITIES } from "../lexicons/places";
import { allMatches, endAnchored, escapeRegExp } from "../lexicons/regex";
import { PRODUCT_KINDS, PRODUCT_WORDS, VOLUME_UNITS } from "../lexicons/units";
import { type CompanyRegistry, type findNameSpans, isPlaceOrNationality, nameKey } from "../recognise/companies";

export interface Mention {
  start: number;
  end: number;
  /** Canonical company name, or joint names joined with " + ". */
  company: string;
  /** Surface forms, for aliases. */
  surfaces: string[];
  how: "name" | "pronoun" | "description" | "group";
  possessive: boolean;
  /**
   * Named as the source of figures ("research firm Halden estimates"), or told them ("she told Ostrel News"): never
   * what "it" or "the firm" is.
   */
  source?: true;
  /** A state ("the French government"): it holds shares, but is never what "the company" or "it" is. */
  state?: true;
}

const FAMILY_AFTER = /^\s+family\b/;

/** What earlier sentences tell the current one: who "it" is, which firms "the three firms" are. */
export interface DiscourseState {
  topic: Mention | null;
  /** Companies named in recent sentences, most recent sentence last, each in order of mention. */
  recentGroups: string[][];
  /** Companies the article named as a source of figures ("research firm Halden"), which stay sources after. */
  sources?: ReadonlySet<string>;
}

const NOUNS = `${COMPANY_NOUNS.sort((a, b) => b.length - a.length)
  .map(escapeRegExp)
  .join("|")}|${MAKER_NOUN}`;
const NATS = Object.keys(NATIONALITIES)
  .sort((a, b) => b.length - a.length)
  .map(escapeRegExp)
  .join("|");
const CTYS = Object.keys(COUNTRY_KEYS)
  .sort((a, b) => b.length - a.length)
  .map(escapeRegExp)
  .join("|");
// "India's second-largest steelmaker" describes a company as "the Indian steelmaker" does.
const DESCRIPTION = new RegExp(
  String.raw`\b(?:the|its|their|(?<!\bthe\s+)(?<cty>${CTYS})['’]s)\s+(?:(?<nat>${NATS})\s+)?(?:(?<adj>[a-z-]+)\s+)?(?<noun>${NOUNS})(?<poss>['’]s?)?\b(?!\s+(?:of\b|which\b|that\b|is\s+owned))`,
  "gi",
);
const BASED_SUBJECT = new RegExp(
  String.raw`^(?:The|the)\s+[A-Z][\w.]*(?:,?\s[A-Z][\w.]*){0,2}-(?:based|listed|headquartered)\s+(?:[a-z-]+\s+)?(?:${NOUNS})\b(?=\s+[a-z]|,|\s+[—–-])`,
);
const NAME_AFTER = /^\s+[A-Z]/;
const STAKE_IN_BEFORE = endAnchored(
  /\b(?:stake|stakes|holding|holdings|interest|shares)\s+(?:of\s+(?:about\s+|roughly\s+|around\s+|just\s+(?:under|over)\s+|nearly\s+|almost\s+)?[\d.]+\s*(?:%|pct|per\s*cent|percent)\s+)?(?:in|of)\s+$/i,
);
const GROUP =
  /\b(?:(?:the|all|both|these|those)\s+)?(?<count>two|three|four|five|both)\s+(?:[a-z-]+\s+)?(?:companies|firms|carmakers|automakers|groups|partners|banks|airlines|rivals|makers|operators|businesses)\b|\bthe\s+(?:companies|firms|partners|carmakers|automakers|alliance|partnership|consortium|joint\s+venture)\b|\bthe\s+(?:combined|merged|enlarged|new)\s+(?:firm|company|group|business|entity|retailer|bank)\b/gi;
const STATE_HOLDER = new RegExp(
  String.raw`\bthe\s+(?<nat>${NATS})\s+(?<body>state\s+government|federal\s+government|state|government)(?!\s+of\b)(?:['’]s)?`,
  "gi",
);
const STATE_PAIR = new RegExp(
  String.raw`\bthe\s+(?<a>${NATS})\s+and\s+(?<b>${NATS})\s+(?<body>governments|states)\b`,
  "gi",
);
const PRONOUN = /\b(?<p>its|it|it['’]s)\b/gi;

/** "US government", "U.S. government": an abbreviation keeps its capitals; "FRENCH" is "French", "new zealand" "New Zealand". */
function nationWritten(nation: string): string {
  if (/^(?:[A-Z]\.?){2,3}$/.test(nation)) return nation;
  return nation
    .split(/\s+/)
    .map((w) => `${w[0].toUpperCase()}${w.slice(1).toLowerCase()}`)
    .join(" ");
}
/**
 * A government below a nation's, which the registry may take for a company named after its place: "the Walloon
 * regional government", "the state of Ruritania", "the city government of Corvan". A public body keeps its whole
 * name.
 */
const PLACE_WORDS = String.raw`[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}`;
const REGIONAL_BODY = new RegExp(
  String.raw`\b[Tt]he\s+(?:(?<place>${PLACE_WORDS})\s+(?<body>(?:regional|provincial|state|city|municipal|county)\s+government|government)\b(?!\s+of\b)|state\s+of\s+(?<state>${PLACE_WORDS})|(?<kind>regional|provincial|state|city|municipal|county)\s+government\s+of\s+(?<of>${PLACE_WORDS}))`,
  "g",
);

function nameMention(reg: CompanyRegistry, s: ReturnType<typeof findNameSpans>[number]): Mention | null {
  const e = reg.lookup(s.name);
  if (!e) return null;
  return {
    start: s.start,
    end: s.end,
    company: e.name,
    surfaces: [s.bareSurface],
    how: "name",
    possessive: s.possessive,
  };
}

/**
 * Whether a span overlaps a mention already found. A top-level function rather than a closure per sentence:
 * tsx, which runs the importers, names every closure it creates, and that costs more than the test.
 */
function overlapsAny(found: Mention[], start: number, end: number): boolean {
  return found.some((m) => m.start < end && start < m.end);
}

/** Words that introduce where figures come from ("retail analysts X", "researcher X", "according to X"). */
const SOURCE_BEFORE = endAnchored(
  /\b(?:researchers?|research\s+(?:firm|group|company)|analysts?|consultanc(?:y|ies)|pollsters?|data\s+(?:provider|firm)|according\s+to|(?:polled|surveyed|compiled|tracked|quoted)\s+by|(?:figures|data|estimates|statistics|numbers)\s+(?:[\w-]+\s+){0,3}(?:from|by)|(?:told|telling|tells)(?:\s+the)?(?:\s+news\s+(?:channel|agency|network|service))?)\s+$/i,
);

/** Every match of REGIONAL_BODY and STATE_HOLDER holds one of these words, whatever its case. */
const MAY_NAME_PUBLIC_BODY = /state|government/i;
const NO_MATCHES: RegExpExecArray[] = [];

/** "(Energy) supplier Corvan", "(Defence) electronics group Corvan": a calling, then the name it describes. */
const DESCRIBES_NAME_AFTER = new RegExp(String.raw`^\s+(?:[a-z-]+\s+){0,2}(?:${NOUNS})\s+[A-Z]`);

/** What follows the city of a wire dateline: ", April 2 -", ", Jan 12 -". */
const DATELINE_AFTER = /^,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s+[-–]/;

/** Every reference to a company in one sentence, resolved to canonical names, in order. */
export function findMentions(
  sentence: string,
  reg: CompanyRegistry,
  state: DiscourseState,
  namesOnly = false,
): Mention[] {
  const names: Mention[] = [];
  for (const span of reg.spansOf(sentence)) {
    const m = nameMention(reg, span);
    // "NEW YORK, April 2 - Corvan Corp said": a wire's dateline names a city, never a company.
    if (!m || DATELINE_AFTER.test(sentence.slice(m.end, m.end + 24))) continue;
    // "Energy supplier Corvan said": a capitalised first word that describes the name after it is no name itself.
    if (
      /^\W*$/.test(sentence.slice(0, m.start)) &&
      !/\s/.test(span.name) &&
      DESCRIBES_NAME_AFTER.test(sentence.slice(m.end, m.end + 60))
    )
      continue;
    const source = SOURCE_BEFORE.test(sentence.slice(0, m.start)) || state.sources?.has(m.company);
    names.push(source ? { ...m, source: true } : m);
  }
  const out: Mention[] = [...names];
  // Both patterns of public bodies below need "state" or "government": one scan for those spares two.
  const publicBodies = MAY_NAME_PUBLIC_BODY.test(sentence);
  for (const m of publicBodies ? allMatches(REGIONAL_BODY, sentence) : NO_MATCHES) {
    const g = m.groups!;
    // A nation's own government is the state holder's below; only a place that is no nation is read here.
    if (g.place && isPlaceOrNationality(g.place) && !/\s/.test(g.body)) continue;
    const company = g.place
      ? `${g.place} ${g.body.replace(/\s+/g, " ")}`
      : g.state
        ? `State of ${g.state}`
        : `${g.of} ${g.kind} government`;
    const start = m.index;
    const end = m.index + m[0].length;
    // The registry's reading of the place as a company gives way to the body it is part of.
    for (let i = out.length - 1; i >= 0; i--) if (out[i].start >= start && out[i].end <= end) out.splice(i, 1);
    if (overlapsAny(out, start, end)) continue;
    out.push({
      start,
      end,
      company,
      surfaces: [m[0].replace(/^the\s+/i, "")],
      how: "name",
      possessive: false,
      state: true,
    });
  }
  // "The French and German governments each hold 11%": two states, held jointly unless the sentence says "each".
  for (const m of publicBodies ? allMatches(STATE_PAIR, sentence) : NO_MATCHES) {
    if (overlapsAny(out, m.index, m.index + m[0].length)) continue;
    const body = m.groups!.body.toLowerCase().replace(/s$/, "");
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      company: [m.groups!.a, m.groups!.b].map((nation) => `${nationWritten(nation)} ${body}`).join(" + "),
      surfaces: [m[0].replace(/^the\s+/i, "")],
      how: "name",
      possessive: false,
      state: true,
    });
  }
  // "The French state owns 15% of Renault": a state holds shares like a company does.
  for (const m of publicBodies ? allMatches(STATE_HOLDER, sentence) : NO_MATCHES) {
    if (overlapsAny(out, m.index, m.index + m[0].length)) continue;
    const nation = m.groups!.nat;
    const company = `${nationWritten(nation)} ${m.groups!.body.toLowerCase().replace(/\s+/g, " ")}`;
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      company,
      surfaces: [m[0].replace(/^the\s+/i, "")],
      how: "name",
      possessive: /['’]s$/.test(m[0]),
      state: true,
    });
  }
  for (const m of allMatches(GROUP, sentence)) {
    if (overlapsAny(out, m.index, m.index + m[0].length)) continue;
    const n = m.groups?.count ? GROUP_COUNTS[m.groups.count.toLowerCase()] : 0;
    // "the combined firm", "the merged group": the two companies the article is about.
    const group = /combined|merged|enlarged|new/i.test(m[0]) ? mainPair(reg) : pickGroup(state, n);
    if (group)
      out.push({
        start: m.index,
        end: m.index + m[0].length,
        company: group.join(" + "),
        surfaces: [],
        how: "group",
        possessive: false,
      });
  }
  // Sentences without figures only move the discourse on, for which names and groups suffice.
  if (namesOnly) return out.sort((a, b) => a.start - b.start);
  // "The Austin-based firm said", "The Peoria, Illinois-based company — which ... — said": a subject described by
  // where it is based, at the head of its sentence, is the
  // company the article is about (DESCRIPTION, read without case, takes no noun followed by a word).
  const based = BASED_SUBJECT.exec(sentence);
  const basedCompany = based ? (state.topic?.company ?? mainCompany(reg)) : null;
  if (based && basedCompany && !overlapsAny(out, 0, based[0].length))
    out.push({
      start: based.index,
      end: based.index + based[0].length,
      company: basedCompany,
      surfaces: [],
      how: "description",
      possessive: false,
    });
  for (const m of allMatches(DESCRIPTION, sentence)) {
    if (overlapsAny(out, m.index, m.index + m[0].length)) continue;
    // "the carmaker Velora said": the name that follows says who it is (read with case, which the pattern is not).
    if (NAME_AFTER.test(sentence.slice(m.index + m[0].length))) continue;
    const nat = m.groups?.nat
      ? NATIONALITIES[m.groups.nat.toLowerCase()]
      : m.groups?.cty
        ? COUNTRY_KEYS[m.groups.cty.toLowerCase()]
        : null;
    const noun = m.groups?.noun?.toLowerCase() ?? null;
    // "the Keane group": a capitalised word before the noun names the group (a place only says where it is).
    const adj = m.groups?.adj;
    if (adj && /^[A-Z][a-z]/.test(adj) && !isPlaceOrNationality(adj)) {
      // "The Ferris group said": a group named after a person the article names is that person's, read as theirs.
      if (reg.fullNames.has(adj)) continue;
      const e = reg.lookup(adj);
      // "The Ashford firm": a town the registry took for a name (named once, or seen as a place) says where the
      // firm is, not who it is; the description is then read as any other.
      const town = e && noun !== "group" && ((e.asPlace ?? 0) > 0 || (e.named ?? 0) < 2);
      const company = town ? null : (e?.name ?? (noun === "group" ? adj : null));
      if (company)
        out.push({
          start: m.index,
          end: m.index + m[0].length,
          company,
          surfaces: [adj],
          how: "name",
          possessive: Boolean(m.groups?.poss),
        });
      if (!town) continue;
    }
    // "Figures from researcher X showed the group's share": a source of figures is never "the group".
    const before = names.filter((n) => n.end <= m.index && !n.source).at(-1);
    let company: string | null = null;
    // "Van der Kolk NV, the Dutch electrical wholesaler, said": a description set off after a name is that name.
    const apposed =
      before &&
      noun !== "rival" &&
      noun !== "partner" &&
      /^\s*,\s*$/.test(sentence.slice(before.end, m.index)) &&
      !m.groups?.poss;
    if (apposed) {
      company = before.company;
    } else if (nat) {
      // "the Japanese carmaker": the company introduced as Japanese, else the article's main company not named before
      // it here ("Velora wants the Japanese carmaker to invest, while Hoshiba wants ..." means Hoshiba).
      const named = new Set(names.filter((n) => n.end <= m.index).map((n) => nameKey(n.company)));
      // ("Corvan said the purchase would help. The Swiss group had sales of": with no firm introduced as Swiss, the
      // one the article was just speaking of.)
      // (Not "the Belgian tile maker <Ostrel NV>", which names its firm next, nor one after a label or a name.)
      const spoken =
        state.topic &&
        named.size === 0 &&
        !/^\s*[<A-Z]/.test(sentence.slice(m.index + m[0].length)) &&
        !/:\s*$/.test(sentence.slice(0, m.index))
          ? reg.lookup(state.topic.company)
          : null;
      const e = reg.byDescription(nat, noun, new Set()) ?? spoken ?? reg.byDescription(null, null, named);
      // "sold its stake in Corvan to Ostrel, taking the American group's holding to 23.5%": with every firm named
      // already, the one named last.
      company = e?.name ?? before?.company ?? null;
    } else if (noun === "rival" || noun === "partner") {
      company = null;
    } else {
      // "The firm's revenue": the one just named, else the last one spoken of if the article names it more than
      // once (a city or a chairman named once is no firm), else the one the article is about.
      const topic = state.topic ? reg.lookup(state.topic.company.split(" + ")[0]) : null;
      const recurring =
        state.topic && (state.topic.how === "group" || (topic?.mentions ?? 0) >= 1.5 || (topic?.named ?? 0) >= 2)
          ? state.topic.company
          : null;
      // "The group owns 5% of Velora": a description is not a company the same sentence names after it.
      // "Velora sold its 3% stake in the group": what a holder holds is not the holder.
      const held = STAKE_IN_BEFORE.test(sentence.slice(Math.max(0, m.index - 30), m.index));
      // ("The company is 21% owned by the Corvan family": a family of the company's name is not the company.)
      const later = new Set(
        names
          .filter((n) => held || n.start >= m.index + m[0].length)
          .filter((n) => n.start < m.index || !FAMILY_AFTER.test(sentence.slice(n.end, n.end + 10)))
          .map((n) => n.company),
      );
      const unnamed = (c: string | null | undefined) => (c && !later.has(c) ? c : null);
      // "Separately, Corvan said Ostrel had sold its 14.5 pct stake in the company": the company that reports it.
      const reporter = held ? reportingName(sentence, names, m.index) : undefined;
      company =
        reporter?.company ??
        unnamed(before?.company) ??
        unnamed(recurring) ??
        unnamed(mainCompany(reg)) ??
        unnamed(state.topic?.company) ??
        mainCompanyBut(reg, later);
    }
    if (company) {
      out.push({
        start: m.index,
        end: m.index + m[0].length,
        company,
        surfaces: [],
        how: "description",
        possessive: Boolean(m.groups?.poss),
      });
    }
  }
  for (const m of allMatches(PRONOUN, sentence)) {
    if (overlapsAny(out, m.index, m.index + m[0].length)) continue;
    // "Research firm Halden estimates it controls 80%": "it" is the company spoken of, not the source.
    const before = out
      .filter(
        (n) =>
          n.end <= m.index &&
          n.how !== "group" &&
          !n.source &&
          // "The firm, whose brands include Ostrel and Halden, reckons it has 9%": a brand is no antecedent.
          !(n.how === "name" && PRODUCT_BEFORE.test(sentence.slice(Math.max(0, n.start - 60), n.start))) &&
          !(n.how === "name" && countedAsProduct(sentence, n)),
      )
      .sort((a, b) => a.end - b.end)
      .at(-1);
    const company = speakerOf(sentence, names, m.index)?.company ?? before?.company ?? state.topic?.company;
    if (!company) continue;
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      company,
      surfaces: [],
      how: "pronoun",
      possessive: m.groups?.p.toLowerCase() === "its",
    });
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * "Fenwick Cider, the producer behind the Old Orchard brand, said its share": after an aside, "its" of the verb of
 * saying is the name that opens the sentence, not the last name of the aside.
 */
function speakerOf(sentence: string, names: Mention[], at: number): Mention | undefined {
  const opener = names[0];
  if (!opener || opener.source || !/^\W*$/.test(sentence.slice(0, opener.start))) return undefined;
  const between = sentence.slice(opener.end, at);
  if (SAID_BEFORE.test(sentence.slice(Math.max(0, at - 16), at)))
    return /^,[^,]+,\s+(?:has\s+|had\s+)?(?:said|says|told\s+\w+)\s+(?:that\s+)?$/.test(between) ? opener : undefined;
  // "Corvan, the maker of Zelto and Mirra, said Tuesday that revenue for its quarter": past the aside and the verb
  // of saying, "its" is the opener's unless another name speaks in between.
  const aside = ASIDE_THEN_VERB.exec(between);
  if (!aside) return undefined;
  const from = opener.end + aside[0].length;
  return names.some((n) => n.start >= from && n.start < at) ? undefined : opener;
}

/** The sentence's first name when it opens a report ("Separately, Corvan said ..."), before `at`. */
function reportingName(sentence: string, names: Mention[], at: number): Mention | undefined {
  const first = names.find((n) => !n.source);
  if (
    !first ||
    first.end > at ||
    !/^\W*(?:(?:separately|meanwhile|also|earlier|in\s+a\s+statement),?\s+)?$/i.test(sentence.slice(0, first.start))
  )
    return undefined;
  // "Separately, Corvan, a Waltham, Mass., maker of pumps, said": past its apposition.
  return /^(?:,\s+(?:a|an|the)\s[^;]{0,160}?,)?\s+(?:also\s+)?(?:said|says|told\s+\w+|disclosed|reported)\b/.test(
    sentence.slice(first.end),
  )
    ? first
    : undefined;
}

/**
 * What follows a sentence's opening name when a description is set off after it (by commas or dashes) and the name
 * then speaks: ", the maker of software used by half the Halden 500, said". The names inside belong to the
 * description.
 */
export const ASIDE_THEN_VERB =
  /^(?:,|\s*[—–]|\s+-)\s+(?:[a-z]|[A-Z][\w.-]*['’]s\s)[^;]{0,220}?(?:,|\s*[—–]|\s+-)\s+(?:has\s+|had\s+|also\s+|now\s+)?(?:said|says|reported|reports|announced|posted|told\s+\w+|sold|sells|shipped|ships|delivered|made|makes|had|has|took|won|saw|grew|raised|lifted|cut|posted|booked|generated|expects|expected|forecast|wants|plans|aims|hopes|intends|stuck|kept|set|[a-z]{2,}ed)\b/;

const SAID_BEFORE = endAnchored(/\b(?:said|says|told\s+\w+)\s+(?:that\s+)?$/);

function mainPair(reg: CompanyRegistry): string[] | null {
  // Ranked once per article: sorting every entity at each "the combined firm" was quadratic.
  const top = reg.byMentions().slice(0, 2);
  return top.length === 2 && top[1].mentions >= 1.5 ? top.map((e) => e.name) : null;
}

function mainCompany(reg: CompanyRegistry): string | null {
  const main = reg.main();
  return main && main.mentions >= 2 ? main.name : null;
}

/** The company most spoken of, other than those given, if the article names it more than once. */
function mainCompanyBut(reg: CompanyRegistry, not: ReadonlySet<string>): string | null {
  const e = reg.byMentions().find((c) => !not.has(c.name));
  return e && e.mentions >= 2 ? e.name : null;
}

function pickGroup(state: DiscourseState, n: number): string[] | null {
  for (let i = state.recentGroups.length - 1; i >= Math.max(0, state.recentGroups.length - 3); i--) {
    const g = state.recentGroups[i];
    if (n === 0 ? g.length >= 2 : g.length >= n) return g.slice(0, n || g.length);
  }
  return null;
}

/** Moves the discourse on past a sentence. */
export function advance(state: DiscourseState, mentions: Mention[]): DiscourseState {
  const named = mentions.filter((m) => m.how === "name" || m.how === "description");
  const distinct = [...new Set(named.map((m) => m.company))];
  const topic = mentions.find((m) => m.how !== "group" && !m.source && !m.state) ?? state.topic;
  return {
    topic,
    recentGroups: distinct.length ? [...state.recentGroups.slice(-4), distinct] : state.recentGroups,
    // "according to research firm Halden ... , Halden said": the source is still a source when named again.
    sources: mentions.some((m) => m.source && m.how === "name")
      ? new Set([...(state.sources ?? []), ...mentions.filter((m) => m.source).map((m) => m.company)])
      : state.sources,
  };
}

/** "sold 6.8 million Zap 2 consoles", "18.4 million of its Zap handheld consoles": a name counted is a product. */
const COUNT_BEFORE = new RegExp(
  String.raw`(?:\d|\b(?:${Object.keys(SCALES)
    .filter((w) => w.length > 2)
    .join("|")}))\s+(?:of\s+(?:its|their|the)\s+)?$`,
  "i",
);
const UNIT_WORDS = Object.keys(VOLUME_UNITS).filter((w) => !w.includes(" "));
const UNIT_AFTER = new RegExp(String.raw`^(?:\s+[A-Z0-9][\w-]*){0,2}(?:\s+[a-z-]+)?\s+(?:${UNIT_WORDS.join("|")})\b`);
/** "its best-selling Zap compact SUV": a name a firm owns, before the kind of thing it is, is a product. */
const OWNED_BEFORE = /\b(?:its|their)\s+(?:[a-z][\w-]*\s+){0,2}$/;
const PRODUCT_AFTER = new RegExp(
  String.raw`^(?:\s+[A-Z0-9][\w-]*){0,2}(?:\s+[a-z-]+){0,2}\s+(?:${[...PRODUCT_WORDS, ...PRODUCT_KINDS].join("|")})s?\b`,
  "i",
);
export const countedAsProduct = (text: string, m: Mention) =>
  (COUNT_BEFORE.test(text.slice(Math.max(0, m.start - 30), m.start)) &&
    UNIT_AFTER.test(text.slice(m.end, m.end + 60))) ||
  (OWNED_BEFORE.test(text.slice(Math.max(0, m.start - 40), m.start)) &&
    PRODUCT_AFTER.test(text.slice(m.end, m.end + 50)));

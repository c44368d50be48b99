import {
  COMPANY_NOUNS,
  FOREIGN_BUSINESS_WORDS,
  INSTITUTIONS,
  LEADING_LEGAL_FORMS,
  LEGAL_SUFFIXES,
  NEWS_AGENCIES,
  NOT_COMPANY_WORDS,
  ORGANISATION_HEADS,
  SEPARATE_BODIES,
  STOCK_INDICES,
  TITLE_WORDS,
} from "../lexicons/companies";
import { CURRENCY_PREFIXES } from "../lexicons/currencies";
import { BUSINESS_PLURALS } from "../lexicons/metrics";
import { FIRST_NAMES } from "../lexicons/people";
import { MONTH_NAMES } from "../lexicons/periods";
import {
  COUNTRY_KEYS,
  NATIONALITIES,
  PLACE_NAMES,
  PROVINCE_NAMES,
  US_STATE_ABBREVIATIONS,
  US_STATE_NAMES,
} from "../lexicons/places";
import { allMatches, alternation, endAnchored, escapeRegExp } from "../lexicons/regex";
import { VOLUME_UNITS } from "../lexicons/units";

export interface NameSpan {
  /** Offsets within the sentence. */
  start: number;
  end: number;
  surface: string;
  /** Surface form without legal suffixes or a possessive. */
  name: string;
  possessive: boolean;
  /** The surface without a possessive, as company aliases list it. */
  bareSurface: string;
  /** nameKey(name), under which the registry files it. */
  key: string;
}

// A middle initial ("Harold J. Keane") is a word of the name when another capital follows.
// "A/S", "I/S": a Nordic legal form, a word of its own though a slash joins it.
// "Halden Teachers' Retirement Fund": a plural possessive inside a name, before its next capitalised word.
const CAPITALISED_WORD = String.raw`[A-Z]\/[A-Z]\b|[A-Z][\w&'’.-]*s['’](?=\s[A-Z])|[A-Z][\w&'’.-]*[\w&]|[A-Z]\.(?=\s[A-Z])|[A-Z]`;
// Letters of any script count ("Orbán", "Société"), so an accent does not cut a name short; the pattern is slower,
// so it runs only on sentences that hold an accented, Greek or Cyrillic letter.
const CAPITALISED_WORD_ANY_SCRIPT = String.raw`\p{Lu}\/\p{Lu}\b|\p{Lu}[\p{L}\p{N}_&'’.-]*s['’](?=\s\p{Lu})|\p{Lu}[\p{L}\p{N}_&'’.-]*[\p{L}\p{N}_&]|\p{Lu}\.(?=\s\p{Lu})|\p{Lu}`;
// A camel-case word ("eBay") is tried only from its first letter: from inside a run of lower-case letters it could
// match only where it already matched from the run's start, and trying every letter of every word costs.
const CAMEL_CASE_WORD = String.raw`(?<![a-z])[a-z]+[A-Z][\w&-]*`;
// "of" joins only where it is part of an institution's name ("Bank of America"), not "Smith of Corvan".
const CONNECTOR = String.raw`(?:\s(?:&|de|du|des|la|le|van|von|der|y|(?<=(?:Bank|Institute|Corporation|Commonwealth|Society|Association|Exchange)\s?)of))`;
const nameSpanPattern = (word: string, flags = "g") =>
  new RegExp(String.raw`${word}(?:(?:\s|${CONNECTOR}\s)${word})*`, flags);
const NAME_SPAN = nameSpanPattern(`(?:${CAPITALISED_WORD}|${CAMEL_CASE_WORD})`);
const NAME_SPAN_ANY_SCRIPT = nameSpanPattern(`(?:${CAPITALISED_WORD_ANY_SCRIPT}|${CAMEL_CASE_WORD})`, "gu");
const ACCENTED_LETTER = /[\u00C0-\u024F\u0370-\u04FF]/;
/**
 * NAME_SPAN for a sentence without a lower-case letter followed by a capital, where its camel-case alternative
 * can never match: it finds the same spans without trying that alternative at every lower-case word.
 */
const NAME_SPAN_WITHOUT_CAMEL_CASE = nameSpanPattern(`(?:${CAPITALISED_WORD})`);
const MAY_HOLD_CAMEL_CASE = /[a-z][A-Z]/;
/** Words that name nothing in particular when they stand alone. */
const GENERIC_NAMES = new Set([
  "Bank",
  "Group",
  "Market",
  "Exchange",
  "Union",
  "Commission",
  "Board",
  "Fund",
  "Trust",
  "Council",
  "Authority",
  "Agency",
  "Office",
  "Institute",
  "Association",
]);
const MONTH_SET = new Set<string>(MONTH_NAMES);
const MONTH_ALTERNATION = MONTH_NAMES.join("|");
const MONTH_RUN = new RegExp(`^(?:${MONTH_ALTERNATION})(?:-(?:to-)?(?:${MONTH_ALTERNATION}))+$`);
const OWNED_BUSINESS_AFTER =
  /^\s+(?:[a-z-]+\s+)?(?:sales|revenues?|turnover|profits?|shares|stake|market|stores|shareholders)\b/;

// Verbs a month never governs ("May was quiet", "May to July" are months; "May said" is not).
const MONTH_AS_COMPANY_AFTER =
  /^\s+(?:(?:also|still)\s+)?(?:said|says|reported|reports|posted|owns|holds|plans|expects|announced|agreed)\b/;

/** A name that speaks or acts at once ("Corvan said", "Corvan has"), as no family name before a possessive does. */
const SPEAKS_AFTER =
  /^(?:,\s+(?:which|who)\b)?\s+(?:(?:also|has|had)\s+)?(?:said|says|reported|posted|expects|expected|announced|sold|bought|shipped|delivered|took|held|kept|saw|has|had|is|was|will|would|ranked|ranks|came|comes|remained|remains|owns|holds|plans|aims|makes|made|rose|fell|grew|gained|lost|won)\b/;

// "stores across the Midlands", "in Yorkshire and Cumbria": a name after these is where things are.
const PLACE_BEFORE = endAnchored(
  /(?:\b(?:stores|shops|hotels|pubs|branches|outlets|plants|factories|offices|restaurants|sites|mines|farms|homes|based|operations|customers)\s+in|\b(?:across|throughout|around|near|outside))\s+(?:the\s+)?(?:(?:north|south|east|west)(?:ern)?\s+(?:of\s+)?)?(?:[A-Z][\w-]*\s+and\s+)?$/,
);
/** "its Toledo plant", "the Dayton factory": a town named for where a site is. */
const FACILITY_AFTER =
  /^\s+(?:plant|plants|factory|factories|facility|mill|refinery|smelter|works|site|warehouse|headquarters)\b/;
const MAKER_AFTER = /^\s+(?:maker|manufacturer|producer|supplier|retailer|company|firm|group|bank|insurer)\b/;

/** Leading words that describe rather than name ("State-owned Corvan", "Stuttgart-based Daimler"). */
// "State-owned", "U.S.-built": a word that describes what follows.
const DESCRIPTIVE_WORD = /^(?:[A-Z][A-Za-z]*|[A-Z](?:\.[A-Z])+\.?)-[a-z]+$/;
/** Legal suffixes by the words they are written as, without a closing full stop ("Co." is "Co"). */
const WORD_SUFFIXES = new Set(LEGAL_SUFFIXES.filter((x) => !x.includes(" ")).map((x) => x.replace(/\.$/, "")));
const PAIR_SUFFIXES = new Set(LEGAL_SUFFIXES.filter((x) => x.includes(" ")));

const NAME_ENDING_IN_S =
  /\b((?:Dr\.?\s+)?[A-Z][a-z][\w&-]*(?:\s[A-Z][\w&-]*)*)['’]s(?=\s+(?:has|have|had|is|was|said|says|fell|rose|reported|posted|expects|saw|made|added|plans|will|would)\b|\s*[,.;:)])/g;

const PERSON_TITLES = endAnchored(
  /\b(?:Mr|Mrs|Ms|Dr|Sir|Lord|Lady|chief executive|chief financial officer|chief operating officer|chief|boss|chairman|chairwoman|president|founder|analyst|economist|minister|secretary|spokesman|spokeswoman|spokesperson|CEO|CFO|director|head|governor|commissioner|executive|manager|trader|investor|financier|entrepreneur|tycoon|billionaire|businessman|businesswoman|magnate|co-founder|founded\s+by|run\s+by|headed\s+by|singer|songwriter|musician|actor|actress|chef|novelist|footballer|scientist|professor|lawyer|attorney|judge|senator|mayor|journalist|told|said)\s+$/i,
);

/** "Its chairman, Desmond Keane, holds...": a calling set off by a comma before the name. */
const TITLE_IN_APPOSITION = endAnchored(
  /\b(?:chairman|chairwoman|chief executive|president|founder|co-founder|managing director|director|CEO)\s*,\s+$/i,
);

/** What a company does right after its name opens a sentence ("Renault now owns", "Tesco said"). */
const COMPANY_ACTS_AFTER =
  /^(?:,\s+(?:which|who|whose|the|a|an|one|its|in\s+which)\b|(?:,\s+[^,]{1,60},)?\s+(?:(?:now|also|already|still|recently|currently|has|had|have|is|was)\s+)*(?:said|says|estimates|estimated|reckons|owns|owned|holds|held|posted|reported|reports|sold|sells|delivered|delivers|shipped|ships|generated|booked|bought|buys|acquired|made|makes|expects|expected|plans|planned|wants|announced|agreed|employs|controls|shares|saw|raised|cut|forecast|warned|confirmed|revealed|added|launched|remained|remains|came|comes|ranked|ranks|topped|tops|overtook|leads|led|kept|took|takes|gained|lost|increased|climbed|slipped|dominates|dominated|accounted|stood|stands|will|would|could|has|had|is|was|to)\b)/;

/** Drops possessives and legal suffixes: "Nissan Motor Co Ltd's" -> "Nissan Motor". */
export function canonicalName(surface: string): string {
  const words = surface
    .replace(/['’]s?$/, "")
    .trim()
    .split(/\s+/);
  while (words.length > 1) {
    const last = words[words.length - 1].replace(/[.,]+$/, "");
    const pair = words.length > 2 ? `${words[words.length - 2]} ${last}` : "";
    if (PAIR_SUFFIXES.has(pair)) words.splice(-2);
    else if (WORD_SUFFIXES.has(last)) words.pop();
    else break;
    // "Pryce & Co": the "&" that joined the suffix goes with it.
    if (words.length > 1 && /^(?:&|and)$/.test(words[words.length - 1])) words.pop();
  }
  // "NV DSM", "PT Astra": a legal form written before the name goes as one written after it does.
  if (words.length > 1 && LEADING_LEGAL_FORMS.has(words[0])) words.shift();
  return words.join(" ").replace(/[,\s]+$/, "") || surface;
}

/** A surface without its possessive: "Renault's" -> "Renault". */
const bare = (surface: string) => surface.replace(/['’]s?$/, "");

/** The last of the words a single space parts (`name.split(" ").at(-1)`), without splitting. */
const lastWordOf = (name: string) => name.slice(name.lastIndexOf(" ") + 1);

/** Whether a span's words, parted by single spaces, hold a title after the first and are three or more. */
function titleAfterFirstWord(span: string): boolean {
  let space = span.indexOf(" ");
  if (space < 0 || span.indexOf(" ", space + 1) < 0) return false;
  while (space >= 0) {
    const next = span.indexOf(" ", space + 1);
    if (TITLE_WORDS.has(span.slice(space + 1, next < 0 ? undefined : next))) return true;
    space = next;
  }
  return false;
}

/** A key under which spellings of one name meet ("TimeWarner" and "Time Warner"). */
export function nameKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, "");
}

export function isPlaceOrNationality(name: string): boolean {
  const lower = name.toLowerCase();
  // "Americans" and "Germans" are people of a country, not a company.
  const singular = lower.endsWith("s") ? lower.slice(0, -1) : lower;
  return (
    PLACE_NAMES.has(name) ||
    lower in NATIONALITIES ||
    singular in NATIONALITIES ||
    lower in COUNTRY_KEYS ||
    /-based$/i.test(name)
  );
}

/** Leading words that describe rather than name: stop words, places, nationalities, possessive places. */
/** Capitalised words that start many names ("North Atlantic Airways", "General Motors") but are no name alone. */
const NAME_OPENERS = new Set([
  "North",
  "South",
  "East",
  "West",
  "Western",
  "Eastern",
  "Northern",
  "Southern",
  "Central",
  "New",
  "Global",
  "International",
  "National",
  "World",
  "General",
  "United",
  "Union",
  "Royal",
  "First",
  "American",
  "Standard",
]);

function strippable(w: string, rest: number): boolean {
  const bare = w.replace(/['’]s$/, "");
  if (rest > 1 && NAME_OPENERS.has(bare)) return false;
  if (NOT_COMPANY_WORDS.has(bare) || DESCRIPTIVE_WORD.test(bare) || /^[a-z]/.test(w)) return true;
  // "Irishmen JP Keane": people of a country before a name.
  if (/men$/.test(bare) && bare.slice(0, -3).toLowerCase() in NATIONALITIES) return true;
  // "Japan's Suzuki" loses the place; "France Telecom" and "China Mobile" keep it as part of the name.
  if (PLACE_NAMES.has(bare) || bare.toLowerCase() in COUNTRY_KEYS) return rest === 1 || /['’]s$/.test(w);
  // "British Airways" is a name; "French automaker" never reaches here because the span stops at lowercase.
  if (bare.toLowerCase() in NATIONALITIES) return rest === 1;
  return /['’]s$/.test(w) && rest > 1;
}

/** What a capitalised span names once its leading descriptive words are gone; it depends on the span alone. */
interface SpanShape {
  /** Where the name starts within the span. */
  offset: number;
  surface: string;
  name: string;
  possessive: boolean;
  bareSurface: string;
  key: string;
}

/**
 * Shapes of spans already seen. The same spans ("The", "But", a company's name) recur in every article, and
 * shaping one takes several set lookups and string splits. Cleared when full, so memory stays bounded.
 */
const SHAPES = new Map<string, SpanShape | null>();
const MAX_SHAPES = 20_000;
/** Longer spans (a run of capitalised words in a scraped page) rarely recur and would only fill the memory. */
const MAX_SHAPED_LENGTH = 100;

function shapeOf(span: string): SpanShape | null {
  // "The", "But", "He": a third of all spans, answered by a small set that stays in the cache, where a lookup in
  // the large map of shapes costs several misses of the processor's cache. (The set's words hold no space, and a
  // span of one such word is stripped to nothing.)
  if (NOT_COMPANY_WORDS.has(span)) return null;
  if (span.length > MAX_SHAPED_LENGTH) return computeShape(span);
  let shape = SHAPES.get(span);
  if (shape === undefined) {
    if (SHAPES.size >= MAX_SHAPES) SHAPES.clear();
    shape = computeShape(span);
    SHAPES.set(span, shape);
  }
  return shape;
}

/**
 * "Corvan's Dutch parent": the owner's name before a nationality, which alone names no company, is the span's name
 * (the possessive word is stripped as a place's would be in "Japan's Suzuki").
 */
function ownerBeforeNationality(span: string): SpanShape | null {
  const space = span.indexOf(" ");
  if (space < 0 || span.indexOf(" ", space + 1) >= 0) return null;
  const owner = span.slice(0, space);
  if (!/['’]s$/.test(owner) || !isPlaceOrNationality(span.slice(space + 1))) return null;
  return shapeOf(owner);
}

/** Words in a span are one white-space character apart (see NAME_SPAN), so offsets follow from word lengths. */
function computeShape(span: string): SpanShape | null {
  let offset = 0;
  // Strip leading words that are never part of a name ("The", "French", "Germany's").
  const words = span.split(/\s+/);
  // "South Korea's Corvan", "North America's": a two-word place opening the span goes, like a one-word one.
  if (words.length > 2) {
    const pair = `${words[0]} ${words[1].replace(/['’]s$/, "")}`;
    if (PLACE_NAMES.has(pair) || pair.toLowerCase() in COUNTRY_KEYS || pair.toLowerCase() in NATIONALITIES) {
      const w = `${words.shift()!} ${words.shift()!}`;
      offset = span.indexOf(words[0], offset + w.length);
    }
  }
  // "Hong Kong-based Po Shan": a place of two words before "-based" describes the name after it.
  const described = words.findIndex((w, i) => i < words.length - 1 && /-(?:based|owned|listed|registered)$/.test(w));
  if (described > 0) {
    const w = words.splice(0, described + 1).join(" ");
    offset = span.indexOf(words[0], offset + w.length);
  }
  // "May Department Stores Co": a month opening a name that ends in a legal suffix is the name's first word.
  const suffixed = words.length >= 3 && WORD_SUFFIXES.has(words.at(-1)!.replace(/[.,]$/, ""));
  while (words.length && !(suffixed && MONTH_SET.has(words[0])) && strippable(words[0], words.length)) {
    const w = words.shift()!;
    offset = span.indexOf(words[0] ?? "", offset + w.length);
  }
  if (!words.length || offset < 0) return null;
  const surface = span.slice(offset).replace(/[.,]$/, "");
  const possessive = /['’]s?$/.test(surface);
  const name = canonicalName(surface);
  const lastWord = name.split(/\s+/).at(-1)!;
  if (
    NOT_COMPANY_WORDS.has(name) ||
    GENERIC_NAMES.has(name) ||
    isPlaceOrNationality(name) ||
    (NOT_COMPANY_WORDS.has(lastWord) && name.split(/\s+/).length === 1)
  )
    return null;
  if (/^[\d.]+$/.test(name) || name.length < 2) return null;
  // "But I'm not going to pretend", "It's early days": a contraction in a quote, no name.
  if (CONTRACTION.test(surface)) return null;
  // "Total U.S. EV sales fell", "Overall UK demand": a sum over a place, no firm (unlike "Total Produce").
  if (/^(?:Total|Overall)\s/.test(name)) {
    const rest = name.replace(/^\S+\s+/, "");
    if (isPlaceOrNationality(rest) || isPlaceOrNationality(`${rest}.`)) return null;
  }
  // "Handsets, its largest business, generated $31bn": a thing sold, opening the sentence, is no name.
  if (!name.includes(" ") && name.toLowerCase() in VOLUME_UNITS) return null;
  // "October-to-December", "April-June": months joined into a period, not a name.
  if (MONTH_RUN.test(name)) return null;
  // A year or figure glued to a capital ("Q4", "FY2005") is not a name.
  if (/^(?:Q[1-4]|H[12]|FY\d*)$/.test(name)) return null;
  return { offset, surface, name, possessive, bareSurface: bare(surface), key: nameKey(name) };
}

// "the Keane group", "the Corvan partner": a person's or company's name before these, not a place.
const NOT_PLACE_NOUNS = new Set(["group", "partner", "rival", "club", "newcomer", "business", "network", "giant"]);
const DESCRIBED_BY_PLACE = new RegExp(
  // "the Cumbrian wind turbine maker", "the Hampshire boatbuilder": up to three words, or a prefix, before the noun.
  String.raw`^\s+(?:[a-z-]+\s+){0,3}[a-z]*(?:${alternation(COMPANY_NOUNS.filter((n) => !NOT_PLACE_NOUNS.has(n)))})\b`,
);
const OF_PLACE_AFTER_SUFFIX = endAnchored(/\b(?:Inc|Corp|Co|Ltd|Plc|PLC|BV|NV|AG|SA|GmbH|SpA|AB)\.?\s+of\s+$/);
const BUSINESS_PLURAL_SET = new Set(BUSINESS_PLURALS);
const WIRE_DATELINE = /^[A-Z][A-Z .'-]+,\s+[A-Z][a-z]{2,4}\.?\s+\d{1,2}\s+-\s+$/;
const ABSTRACT_NOUN = /^[A-Z][a-z]{3,}(?:tion|sion|ment|ness|ity|ure)$/;
const COUNT_OPENER = /^(?:Two|Three|Four|Five|Six|Several|Both|Many|Some|Most)\s/;
const CITY_STATE = new RegExp(
  String.raw`^,\s+(?:${alternation(US_STATE_ABBREVIATIONS)}|(?:${alternation([...US_STATE_NAMES, ...PROVINCE_NAMES])})\s*(?:[,.;:]|$))(?![\w])`,
);
const INSTITUTION = new RegExp(String.raw`(?:${alternation([...INSTITUTIONS, ...STOCK_INDICES])})(?![\w&])`, "y");

/**
 * "Corvan Chairman Tom Keane" is a company, a title and a person: the span is cut at the title, and each side
 * is a name of its own. A match is returned as is when it holds no title.
 */
function piecesBetweenTitles(matches: RegExpExecArray[]): Array<{ 0: string; index: number }> {
  const out: Array<{ 0: string; index: number }> = [];
  for (const m of matches) {
    // Most spans hold no title: they are told so without being split into words.
    if (!titleAfterFirstWord(m[0])) {
      out.push(m);
      continue;
    }
    const words = m[0].split(" ");
    let at = m.index;
    let piece: string[] = [];
    let pieceStart = at;
    for (const w of words) {
      if (TITLE_WORDS.has(w)) {
        if (piece.length) out.push({ 0: piece.join(" "), index: pieceStart });
        piece = [];
        pieceStart = at + w.length + 1;
      } else piece.push(w);
      at += w.length + 1;
    }
    if (piece.length) out.push({ 0: piece.join(" "), index: pieceStart });
  }
  return out;
}

// "Acme Brewing and Malting (ABM)": a name with "and" in it, defined by its acronym.
const DEFINED_NAME = /\b([A-Z][\w&'’-]*(?:\s+(?:and|&|of|for|de|the)?\s*[A-Z][\w&'’-]*){1,6})\s+\(([A-Z]{2,6})\)/g;

/**
 * A name whose capitalised words' initials spell the acronym in brackets after it is one name, "and" and all:
 * it replaces the spans it covers.
 */
function withDefinedNames(sentence: string, spans: Array<{ 0: string; index: number }>) {
  if (!sentence.includes("(")) return spans;
  const defined: Array<{ 0: string; index: number }> = [];
  for (const m of allMatches(DEFINED_NAME, sentence)) {
    const words = m[1].split(/\s+/).filter((w) => /^[A-Z]/.test(w));
    // The acronym may stand for the last words only ("the Acme Brewing and Malting Co" is still named from Acme).
    for (let i = 0; i < words.length; i++) {
      if (
        words
          .slice(i)
          .map((w) => w[0])
          .join("") !== m[2]
      )
        continue;
      const start = m.index + m[1].indexOf(words[i]);
      if (/\s(?:and|&)\s/.test(sentence.slice(start, m.index + m[1].length)))
        defined.push({ 0: sentence.slice(start, m.index + m[1].length), index: start });
      break;
    }
  }
  if (!defined.length) return spans;
  const inside = (x: { 0: string; index: number }) =>
    defined.some((d) => x.index >= d.index && x.index + x[0].length <= d.index + d[0].length);
  return [...spans.filter((x) => !inside(x)), ...defined].sort((a, b) => a.index - b.index);
}

/**
 * "Halcyon Tire and Rubber Co": two capitalised spans joined by "and" are one name when the second is one word and
 * a legal suffix.
 */
function withSuffixedPairs(
  sentence: string,
  spans: Array<{ 0: string; index: number }>,
  joined: ReadonlySet<string> = NO_NAMES,
) {
  if (spans.length < 2 || !mayJoin(sentence)) return spans;
  const out: Array<{ 0: string; index: number }> = [];
  for (let i = 0; i < spans.length; i++) {
    const a = spans[i];
    const b = spans[i + 1];
    const gap = b ? sentence.slice(a.index + a[0].length, b.index) : "";
    // Both joins below need "and" or "&" alone between the two spans.
    if (!b || !/^\s+(?:and|&)\s+$/.test(gap)) {
      out.push(a);
      continue;
    }
    const last = b?.[0].split(/\s+/).at(-1)?.replace(/[.,]$/, "") ?? "";
    const firstWords = a[0].split(/\s+/);
    // Only a one-word second part ("and Rubber Co"): "Corvan and Ostrel Securities Corp" are two firms.
    const oneWord = b?.[0].split(/\s+/).length === 2;
    const pair = b ? sentence.slice(a.index, b.index + b[0].length) : "";
    // "Cable and Wireless said", in an article that also writes "Cable and Wireless Plc": the name it has there.
    const known = b && /^\s+(?:and|&)\s+$/.test(gap) && [...joined].some((n) => pair === n || pair.endsWith(` ${n}`));
    if (
      known ||
      (b &&
        oneWord &&
        /^\s+(?:and|&)\s+$/.test(gap) &&
        WORD_SUFFIXES.has(last) &&
        !WORD_SUFFIXES.has(firstWords.at(-1)!))
    ) {
      out.push({ 0: sentence.slice(a.index, b.index + b[0].length), index: a.index });
      i++;
    } else out.push(a);
  }
  return out;
}

const NO_NAMES: ReadonlySet<string> = new Set();

/** Whether "and" or "&" stands alone in a text; most sentences without either are told so by a plain search. */
const mayJoin = (text: string) => (text.includes("and") || text.includes("&")) && /\s(?:and|&)\s/.test(text);

/** Capitalised spans that could name a company; people and places are filtered later, per article. */
export function findNameSpans(sentence: string, joined: ReadonlySet<string> = NO_NAMES): NameSpan[] {
  const out: NameSpan[] = [];
  // A headline in capitals ("ACME TO BUY 85 PCT OF BETA") cannot tell names from words.
  if (!/[a-z]/.test(sentence)) return out;
  const pattern = ACCENTED_LETTER.test(sentence)
    ? NAME_SPAN_ANY_SCRIPT
    : MAY_HOLD_CAMEL_CASE.test(sentence)
      ? NAME_SPAN
      : NAME_SPAN_WITHOUT_CAMEL_CASE;
  for (const m of withSuffixedPairs(
    sentence,
    withDefinedNames(sentence, piecesBetweenTitles(allMatches(pattern, sentence))),
    joined,
  )) {
    const span = m[0];
    const end = m.index + span.length;
    // "May's annual sales": a month's name owning sales or shares is a company's.
    // "May said it plans": a month's name that speaks or acts is a company's (the article's "May Stores").
    // (A month's name, with or without "'s", is the whole span; most spans are none, and are told so by one lookup.)
    const owning = span.endsWith("'s") || span.endsWith("’s");
    const monthName = owning ? span.slice(0, -2) : span;
    if (
      MONTH_SET.has(monthName) &&
      (owning ? OWNED_BUSINESS_AFTER.test(sentence.slice(end)) : MONTH_AS_COMPANY_AFTER.test(sentence.slice(end)))
    ) {
      out.push({
        start: m.index,
        end,
        surface: span,
        name: monthName,
        possessive: owning,
        bareSurface: bare(span),
        key: nameKey(monthName),
      });
      continue;
    }
    const shape = shapeOf(span) ?? ownerBeforeNationality(span);
    if (!shape) continue;
    const { surface, name, possessive, bareSurface, key } = shape;
    const start = m.index + shape.offset;
    // "(RENA.PA)", "(NYSE: F)", "(7201.T)", "<ACME>": stock tickers in brackets name no company of their own.
    if (
      /[(<]\s*$/.test(sentence.slice(Math.max(0, start - 2), start)) &&
      /^[A-Z0-9.:\s]+$/.test(surface) &&
      /^[\s:A-Z0-9.]*[)>]/.test(sentence.slice(start + surface.length, start + surface.length + 12))
    )
      continue;
    // "Two New York partnerships": a count before a place, not a name.
    if (COUNT_OPENER.test(surface)) continue;
    // "NZ$2.4bn", "HK$2bn": a currency's prefix, not a name.
    if (sentence[start + surface.length] === "$") continue;
    // "trades under the Kitewell name": a brand the company trades under, not a company.
    if (
      /\bunder\s+(?:the|its)\s+$/i.test(sentence.slice(Math.max(0, start - 12), start)) &&
      /^\s+(?:name|brand|banner|label|marque)\b/.test(
        sentence.slice(start + surface.length, start + surface.length + 10),
      )
    )
      continue;
    // "Van Aalst Beheer BV of Rotterdam": the place a company is from.
    if (OF_PLACE_AFTER_SUFFIX.test(sentence.slice(Math.max(0, start - 12), start))) continue;
    // "The Cleveland conglomerate", "the San Jose company": a place describing a company of the article, not a
    // company of its own.
    if (
      // (At most two words: no second space.)
      surface.indexOf(" ", surface.indexOf(" ") + 1) < 0 &&
      /\bthe\s+$/i.test(sentence.slice(Math.max(0, start - 5), start)) &&
      DESCRIBED_BY_PLACE.test(sentence.slice(start + surface.length, start + surface.length + 30))
    )
      continue;
    // "The Wichita, Kansas-based supplier", "a Saddlebrook, N.J. carpet maker": a city named with its state.
    const afterName = sentence.slice(start + surface.length, start + surface.length + 30);
    if (afterName[0] === "," && (/^,\s+[A-Z][\w.]*-based\b/.test(afterName) || CITY_STATE.test(afterName))) continue;
    // "the Securities and Exchange Commission", "the Bank of Japan", "the S&P 500": never companies.
    INSTITUTION.lastIndex = start;
    if (INSTITUTION.test(sentence)) continue;
    // "CHF 9.5bn", "EUR 2bn": a currency code before a figure, not a company.
    // (The figure first: `in` on a string just cut from the text looks it up in the engine's table of strings.)
    if (/^\s*\d/.test(sentence.slice(start + surface.length)) && name in CURRENCY_PREFIXES) continue;
    out.push({ start, end: start + surface.length, surface, name, possessive, bareSurface, key });
  }
  return out;
}

export interface Entity {
  name: string;
  key: string;
  surfaces: Set<string>;
  mentions: number;
  /** Countries and nouns it was introduced with ("French automaker Renault"). */
  countries: Set<string>;
  nouns: Set<string>;
  /** Index of the first sentence that names it: of two names as often mentioned, the earlier leads. */
  firstSentence: number;
  /** How often it was named, and how often as a place ("hotels across the Midlands", "a Milwaukee maker"). */
  named?: number;
  asPlace?: number;
}

const NOUN_RE = COMPANY_NOUNS.sort((a, b) => b.length - a.length)
  .map(escapeRegExp)
  .join("|");
const DESCRIPTOR_BEFORE = new RegExp(
  String.raw`(?:(?<nat>[A-Z][a-z]+(?:[- ][A-Z][a-z]+)?)(?:['’]s)?\s+)?(?:[a-z-]+\s+){0,2}(?<noun>${NOUN_RE})\s+$`,
);
const DESCRIPTOR_TAIL = endAnchored(new RegExp(String.raw`(?:${NOUN_RE})\s+$`));
/**
 * DESCRIPTOR_TAIL can only match a text that, white space trimmed, ends like some company noun: a set lookup of
 * its last letters spares trying the nouns at every place of the text before most names.
 */
const NOUN_ENDING_LENGTH = Math.min(3, ...COMPANY_NOUNS.map((n) => n.length));
const NOUN_ENDINGS = new Set(COMPANY_NOUNS.map((n) => n.slice(-NOUN_ENDING_LENGTH)));
const mayEndInNoun = (before: string) => NOUN_ENDINGS.has(before.trimEnd().slice(-NOUN_ENDING_LENGTH));
const COUNTRY_POSSESSIVE_BEFORE =
  /(?<country>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)['’]s\s+(?:[a-z-]+\s+){0,2}(?:[a-z-]+,\s+)?$/;

/** One letter added, dropped, changed or two neighbours swapped, in names that differ after their first letter. */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1 || a[0] !== b[0]) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  // (Slices rather than a helper closure: tsx, which runs the importers, names every closure it creates.)
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** The initials a name is shortened to: "British Airways" -> "BA", "Bank of Halden" -> "BH". */
function initialsOf(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((w) => !/^(?:of|and|&|the|de|du)$/i.test(w))
    .map((w) => w[0])
    .join("")
    .toUpperCase();
}

/** "CorvanBank" after "Corvan": the long name goes on past the short one with a capitalised word. */
function continuesWithWord(long: string, short: string): boolean {
  // "GlenmerePlus", "CorvanPro": a product named after its maker, not the maker's full name.
  const rest = long.slice(short.length);
  return long.startsWith(short) && /^[A-Z][a-z]/.test(rest) && !PRODUCT_SUFFIXES.test(rest);
}

const PRODUCT_SUFFIXES = /^(?:Plus|Pro|Max|Mini|One|Go|Air|Lite|Prime|Pay|Play|TV|Cloud)$/;

const CONTRACTION = /^(?:I|You|We|They|He|She|It|That|There|Here|What|Who|Let)['’](?:m|re|ve|ll|d|s)\b|n['’]t\b/;

const AGED_NAME = /\b([A-Z][a-z]+(?:\s[A-Z][a-z]+)?),\s(?:[2-9]\d),\s/g;
/** What AGED_NAME needs after the name, found faster on its own (it opens with a mark, not a capital). */
const MAY_GIVE_AGE = /,\s[2-9]\d,\s/;
/** A given name and a family name with middle initials and/or a generational suffix between or after them. */
const DECORATED_NAME =
  /^([A-Z][a-z]+)(?:\s[A-Z]\.?)+\s([A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?:,?\s(?:Jr|Sr|II|III)\.?)?$|^([A-Z][a-z]+\s[A-Z][a-z]+(?:-[A-Z][a-z]+)?),?\s(?:Jr|Sr|II|III)\.?$/;
const TITLED_NAME = /\b(?:Mr|Mrs|Ms|Dr|Sir|Professor|Prof)\.?\s+([A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)/g;
/** Above this many companies, the variants of a name are found by binary search rather than by trying every pair. */
const MANY_NAMES = 200;

/** Strings sorted by UTF-16 code units, so that those starting with a given prefix lie together. */
class SortedStrings {
  private readonly rows: Array<{ text: string; index: number }>;

  constructor(texts: string[]) {
    this.rows = texts
      .map((text, index) => ({ text, index }))
      .sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
  }

  /** Indexes (into the constructor's array) of the strings that start with `prefix`. */
  startingWith(prefix: string): number[] {
    let lo = 0;
    let hi = this.rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.rows[mid].text < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: number[] = [];
    for (let i = lo; i < this.rows.length && this.rows[i].text.startsWith(prefix); i++) out.push(this.rows[i].index);
    return out;
  }
}

const reversed = (s: string) => s.split("").reverse().join("");

/**
 * The entities of `list`, in its order, that may be variants of a name: every fold in mergeVariants needs one
 * name at the start or the end of the other. A scraped page on one line can name tens of thousands of
 * "companies", and trying every pair of them would take minutes.
 */
function variantCandidates(list: Entity[]): (short: Entity) => Entity[] {
  if (list.length <= MANY_NAMES) return () => list;
  const byStart = new SortedStrings(list.map((e) => e.name));
  const byEnd = new SortedStrings(list.map((e) => reversed(e.name)));
  return (short) => {
    const found = new Set([...byStart.startingWith(short.name), ...byEnd.startingWith(reversed(short.name))]);
    return [...found].sort((a, b) => a - b).map((i) => list[i]);
  };
}

/** Every title TITLED_NAME reads contains one of these ("Mrs" contains "Mr"). */
const mayNameTitle = (s: string) =>
  s.includes("Mr") || s.includes("Ms") || s.includes("Dr") || s.includes("Sir") || s.includes("Prof");
// "Acme Brewing (ABM)", "Acme Robotics Inc. (NASDAQ: ACRX)": a short form or a ticker defined after the name.
const NAME_THEN_ACRONYM =
  /([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)+)\s+\((?:(?:NASDAQ|Nasdaq|NYSE|AMEX|LSE|TSX|ASX|OTC)\s*:\s*)?([A-Z][A-Za-z&]{1,6})\)/g;

/** "F&D" abbreviates "Fenwick & Dale" as "BA" does "British Airways". */
const ACRONYM = /^[A-Z](?:&?[A-Z]){1,4}$/;

/** Which of two companies the article is more about: more mentions, or as many and named first. */
export function leads(a: Entity, b: Entity): boolean {
  return a.mentions > b.mentions || (a.mentions === b.mentions && a.firstSentence < b.firstSentence);
}

/** "He told Reuters in an interview": the news agency the article was told, not a company it is about. */
const NEWS_AGENCY_NAMES = new Set(NEWS_AGENCIES);
const TOLD_BEFORE = endAnchored(
  /\b(?:told|according\s+to|(?:said|speaking|talking|spoke)\s+to|quoted\s+by|reported\s+by|interview\s+with)\s+$/i,
);
function toldTheWire(span: NameSpan, sentence: string): boolean {
  return NEWS_AGENCY_NAMES.has(span.name) && TOLD_BEFORE.test(sentence.slice(Math.max(0, span.start - 20), span.start));
}

const WHITE_SPACE = /\s/;

/**
 * `/([A-Z][a-z]+)\s+$/.exec(text)?.[1]`, read back from the end: the pattern was tried at every place of the text
 * before each name. Its three parts share no character, so the one match is the capital before the lower-case run
 * before the closing white space.
 */
function capitalisedWordAtEnd(text: string): string | undefined {
  let i = text.length;
  while (i > 0 && WHITE_SPACE.test(text[i - 1])) i--;
  const end = i;
  while (i > 0 && text.charCodeAt(i - 1) >= 97 && text.charCodeAt(i - 1) <= 122) i--;
  if (end === text.length || i === end || i === 0) return undefined;
  const capital = text.charCodeAt(i - 1);
  return capital >= 65 && capital <= 90 ? text.slice(i - 1, end) : undefined;
}

/** The words an article writes in lower case, somewhere past a sentence's first word. */
function wordsWrittenLower(sentences: string[]): Set<string> {
  const out = new Set<string>();
  for (const s of sentences) for (const m of s.matchAll(/(?<=\s)[a-z][a-z-]+\b/g)) out.add(m[0]);
  return out;
}

/** What an article says about who is who: its companies, with their descriptions, and its people. */
export class CompanyRegistry {
  readonly entities = new Map<string, Entity>();
  readonly people = new Set<string>();
  private readonly spanCache = new Map<string, NameSpan[]>();

  /** Name spans of a sentence, found once per article. */
  spansOf(sentence: string): NameSpan[] {
    let spans = this.spanCache.get(sentence);
    if (!spans) {
      spans = findNameSpans(sentence, this.joinedNames);
      this.spanCache.set(sentence, spans);
    }
    return spans;
  }

  /** Names joined by "and" that the article writes with a legal suffix somewhere ("Cable and Wireless Plc"). */
  private joinedNames = new Set<string>();

  static build(sentences: string[]): CompanyRegistry {
    const reg = new CompanyRegistry();
    reg.noteJoinedNames(sentences);
    // Both scans look for marks most sentences lack: a closing "'s", a title such as "Mr" or "Dr".
    for (const s of sentences) if (s.includes("'s") || s.includes("’s")) reg.noteNamesEndingInS(s);
    if (reg.namesEndingInS.size) reg.dropPossessivesOfNamesWrittenBare(sentences.join("\n"));
    for (const s of sentences) if (mayNameTitle(s)) reg.notePeople(s);
    // "Kellenbeck, 44, owns about 31%": a name given an age is a person's.
    for (const s of sentences)
      if (MAY_GIVE_AGE.test(s)) for (const m of allMatches(AGED_NAME, s)) reg.people.add(m[1].split(" ").at(-1)!);
    const initial: Array<[NameSpan, string, number]> = [];
    for (const [index, s] of sentences.entries()) {
      for (const span of reg.spansOf(s)) {
        // "Hulvarde Holdings Inc": a legal suffix or an organisation's last word says company, whatever precedes it.
        const organisation = span.bareSurface !== span.name || ORGANISATION_HEADS.has(lastWordOf(span.name));
        if (!organisation && reg.isPerson(span.name, s, span.start)) continue;
        // "NOTE - Figures in Australian dlrs": the wire's note opens a sentence of its own.
        // ("STOCKHOLM, June 9 - Engineering group <Corvan AB> said": the wire's dateline opens the sentence too.)
        const sentenceInitial =
          span.start === 0 ||
          /^(?:["“'(]|NOTE\s*[-:])$/.test(s.slice(0, span.start).trim()) ||
          WIRE_DATELINE.test(s.slice(0, span.start));
        // A capitalised first word is only a name if the article also writes it capitalised mid-sentence.
        if (sentenceInitial && !/\s/.test(span.name) && !/['’]s?$/.test(span.surface)) initial.push([span, s, index]);
        else if (!toldTheWire(span, s)) reg.add(span, s, sentenceInitial, index);
      }
    }
    // "Production came to 156,000 vehicles" where the article also writes "production": a word, not a name.
    const lowerWords = initial.length ? wordsWrittenLower(sentences) : null;
    for (const [span, s, index] of initial) {
      // "Manufacturers shipped 289 million phones": a kind of business, not a name, however it acts.
      if (BUSINESS_PLURAL_SET.has(span.name.toLowerCase())) continue;
      // "Completion is expected next month", "Pressure is building": an abstract noun opening a sentence, which the
      // article never writes capitalised inside one, is a word.
      if (ABSTRACT_NOUN.test(span.name) && !reg.lookup(span.name)) continue;
      if (lowerWords?.has(span.name.toLowerCase()) && !reg.lookup(span.name)) continue;
      const acts = COMPANY_ACTS_AFTER.test(s.slice(span.end));
      // A name that acts ("Corvan said") is one, and counts as any other mention does.
      if (reg.lookup(span.name) || span.surface !== span.name || acts) reg.add(span, s, !acts, index);
    }
    reg.dropPlaces();
    reg.mergeAcronyms(sentences);
    reg.mergeVariants();
    reg.mergeTypos();
    reg.mergeInitials();
    reg.built = true;
    return reg;
  }

  /** Finds the joined names first, then spans of the sentences that write one again are found anew with it. */
  private noteJoinedNames(sentences: string[]): void {
    const joined = new Set<string>();
    for (const s of sentences)
      if (mayJoin(s)) for (const span of this.spansOf(s)) if (/\s(?:and|&)\s/.test(span.name)) joined.add(span.name);
    if (joined.size === 0) return;
    this.joinedNames = joined;
    for (const s of [...this.spanCache.keys()]) if ([...joined].some((n) => s.includes(n))) this.spanCache.delete(s);
  }

  private notePeople(sentence: string): void {
    for (const m of allMatches(TITLED_NAME, sentence)) {
      const bare = m[1].replace(/['’]s$/, "");
      if (!this.namesEndingInS.has(bare)) this.people.add(bare);
    }
  }

  /** Bare forms of names written with a closing "'s" that is no possessive ("Dr Reddy's", "Halford's"). */
  private readonly namesEndingInS = new Map<string, string>();

  /**
   * "Corvan's rose 5 per cent" in an article that also writes "Corvan said" (the bare name acting on its own): the
   * "'s" is a possessive with its noun
   * left out ("Corvan's shares"), not part of the name.
   */
  private dropPossessivesOfNamesWrittenBare(text: string): void {
    for (const bare of [...this.namesEndingInS.keys()])
      for (const m of allMatches(new RegExp(String.raw`\b${escapeRegExp(bare)}\b(?!['’])`, "g"), text))
        if (SPEAKS_AFTER.test(text.slice(m.index + bare.length, m.index + bare.length + 60))) {
          this.namesEndingInS.delete(bare);
          break;
        }
  }

  /** "Norbury's said", "at Dr Halden's, sales fell": the "'s" is followed by a verb or a stop, so it is the name. */
  private noteNamesEndingInS(sentence: string): void {
    for (const m of allMatches(NAME_ENDING_IN_S, sentence)) {
      const full = `${m[1]}'s`;
      this.namesEndingInS.set(m[1].replace(/^Dr\.?\s+/, ""), full);
    }
  }

  /** Full names of the people the article names, by family name ("Glazer" -> "Malcolm Glazer"). */
  readonly fullNames = new Map<string, string>();

  /** The people a sentence names, as it writes them ("Trump and Interstate own 40%": Trump). */
  peopleIn(sentence: string): Array<{ start: number; end: number; name: string }> {
    const out: Array<{ start: number; end: number; name: string }> = [];
    for (const span of this.spansOf(sentence)) {
      if (this.lookup(span.name) || !this.knownPerson(span.name)) continue;
      out.push({ start: span.start, end: span.end, name: this.fullNames.get(span.name) ?? span.name });
    }
    return out;
  }

  /** Whether the article names this person and no company by that name. */
  isKnownPerson(name: string): boolean {
    // Only people the article marks as people ("Mr Keane", a full name taken for one); a first name alone is too
    // weak a sign to take a company's figures away ("Wang Laboratories").
    if (this.lookup(name)) return false;
    const words = name.split(/\s+/);
    return this.people.has(name) || (words.length > 1 && this.fullNames.get(words.at(-1)!) === name);
  }

  /** Whether the registry took a name for a person while it was built; asks, and changes nothing. */
  private knownPerson(name: string): boolean {
    const words = name.split(/\s+/);
    return (
      this.people.has(name) ||
      this.people.has(words.at(-1)!) ||
      (words.length >= 2 && words.length <= 3 && FIRST_NAMES.has(words[0]))
    );
  }

  isPerson(name: string, sentence: string, start: number): boolean {
    const words = name.split(/\s+/);
    const person = this.looksLikePerson(name, words, sentence, start);
    if (person && words.length >= 2 && words.length <= 3) this.fullNames.set(words.at(-1)!, name);
    return person;
  }

  private looksLikePerson(name: string, words: string[], sentence: string, start: number): boolean {
    const last = words.at(-1)!;
    if (this.people.has(name) || this.people.has(last)) return true;
    // "Chairman Walter G. Brennan Jr": judged by its given and family names, and "Brennan" later is that person.
    const decorated = DECORATED_NAME.exec(name);
    if (decorated) {
      const core = decorated[3] ?? `${decorated[1]} ${decorated[2]}`;
      if (!this.looksLikePerson(core, core.split(" "), sentence, start)) return false;
      this.people.add(name);
      return true;
    }
    // "Chung Mong-koo", "Lee Kun-hee": a family name and a hyphenated given name.
    if (
      (words.length >= 2 && words.length <= 3 && FIRST_NAMES.has(words[0])) ||
      /^[A-Z][a-z]+ [A-Z][a-z]+-[a-z]+$/.test(name)
    ) {
      this.people.add(last);
      return true;
    }
    // "investor Tom Keane": a calling before two capitalised words makes them a person, here and elsewhere; so does
    // "who" after them ("founded by Tom Keane, who still owns 38%").
    const titled =
      /^[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s[A-Z][a-z]+(?:-[A-Z][a-z]+)?$/.test(name) &&
      (PERSON_TITLES.test(sentence.slice(Math.max(0, start - 40), start)) ||
        TITLE_IN_APPOSITION.test(sentence.slice(Math.max(0, start - 40), start)) ||
        /^,?\s+who\b/.test(sentence.slice(start + name.length, start + name.length + 8)));
    // Her family name alone later ("Keane, who founded it, owns 18%") is still the person.
    if (titled) for (const n of [name, last]) this.people.add(n);
    return titled;
  }

  private add(span: NameSpan, sentence: string, sentenceInitial: boolean, index: number): void {
    // "PCs", "SUVs": a plural of an acronym is a kind of product; "the CHIPS Act" is a law.
    if (/^[A-Z]{2,5}s$/.test(span.name) || /\sAct$/.test(span.name)) return;
    const full = this.namesEndingInS.get(span.name);
    // "Halford's" is also written "Halfords": both meet under the full name's key.
    const key = full ? nameKey(full) : span.key;
    if (full) this.aliasOf.set(span.key, key);
    let e = this.entities.get(key);
    if (!e) {
      e = {
        name: full ?? span.name,
        key,
        surfaces: new Set(),
        mentions: 0,
        countries: new Set(),
        nouns: new Set(),
        firstSentence: index,
      };
      this.entities.set(key, e);
      this.indexName(e);
    }
    e.firstSentence = Math.min(e.firstSentence, index);
    e.surfaces.add(span.bareSurface);
    // A capitalised word opening a sentence may be no name, so it counts half; a name with a legal suffix or an
    // organisation's last word ("Corvan Electric Co Ltd expects") is one wherever it stands.
    const organisation = span.bareSurface !== span.name || ORGANISATION_HEADS.has(lastWordOf(span.name));
    e.mentions += sentenceInitial && !organisation ? 0.5 : 1;
    const before = sentence.slice(Math.max(0, span.start - 60), span.start);
    e.named = (e.named ?? 0) + 1;
    if (
      PLACE_BEFORE.test(before) ||
      // (What follows first: a pattern anchored at its start fails at once on most names.)
      (MAKER_AFTER.test(sentence.slice(span.end)) && /\ban?\s+$/.test(before)) ||
      FACILITY_AFTER.test(sentence.slice(span.end))
    )
      e.asPlace = (e.asPlace ?? 0) + 1;
    // Most names follow no description: test the word before them before running the full pattern.
    const d = mayEndInNoun(before) && DESCRIPTOR_TAIL.test(before) ? DESCRIPTOR_BEFORE.exec(before) : null;
    if (d?.groups) {
      e.nouns.add(d.groups.noun.toLowerCase());
      const nat = d.groups.nat?.toLowerCase();
      if (nat && NATIONALITIES[nat]) e.countries.add(NATIONALITIES[nat]);
      if (nat && COUNTRY_KEYS[nat]) e.countries.add(COUNTRY_KEYS[nat]);
    }
    const possessive = before.includes("'s") || before.includes("’s");
    const c = possessive ? COUNTRY_POSSESSIVE_BEFORE.exec(before)?.groups?.country?.toLowerCase() : undefined;
    if (c && COUNTRY_KEYS[c]) e.countries.add(COUNTRY_KEYS[c]);
    const natDirect = capitalisedWordAtEnd(before)?.toLowerCase();
    if (natDirect && NATIONALITIES[natDirect]) e.countries.add(NATIONALITIES[natDirect]);
  }

  /**
   * "48 hotels across the Midlands", "310 pubs in Yorkshire and Cumbria", "a Milwaukee maker of engines": a name the
   * article only ever uses as a place is none of its companies.
   */
  private dropPlaces(): void {
    for (const e of [...this.entities.values()])
      if (e.named && e.asPlace === e.named && !/\s/.test(e.name)) this.entities.delete(e.key);
  }

  /** "Nissan Motor" and "Nissan" in one article are one company, named by the shorter form. */
  private mergeVariants(): void {
    const list = [...this.entities.values()].sort((a, b) => a.name.length - b.name.length);
    const candidates = variantCandidates(list);
    for (const short of list) {
      if (!this.entities.has(short.key)) continue;
      for (const long of candidates(short)) {
        // Every fold below needs the short name at one end of the long one; most pairs are strangers, told so
        // before the map of entities is asked.
        if (long === short || (!long.name.startsWith(short.name) && !long.name.endsWith(short.name))) continue;
        if (!this.entities.has(long.key)) continue;
        const nationalityPrefixed =
          long.name.endsWith(` ${short.name}`) && long.name.split(" ")[0].toLowerCase() in NATIONALITIES;
        // "Nissan Motor" folds into "Nissan"; "Harbin State Asset Holding Bureau" is no form of the city "Harbin".
        const tailWords = long.name.slice(short.name.length).trim().split(/\s+/).length;
        // "Corvanbank" written "Corvan" for short: the one-word compound is the name.
        if (
          !/\s/.test(short.name) &&
          !/\s/.test(long.name) &&
          /[a-z]/.test(short.name) &&
          continuesWithWord(long.name, short.name)
        ) {
          this.fold(short, long);
          break;
        }
        // "Verrerie Maubrac" and then "Maubrac": a foreign word for the trade opens the name written in full.
        const lead = long.name.endsWith(` ${short.name}`) ? long.name.slice(0, -short.name.length - 1) : null;
        if (lead?.split(" ").every((w) => FOREIGN_BUSINESS_WORDS.has(w.toLowerCase()))) {
          this.fold(long, short);
          continue;
        }
        // "Manchester United" and "United": a name that starts with a place keeps it, as "France Telecom" does.
        if (long.name.endsWith(` ${short.name}`) && PLACE_NAMES.has(long.name.slice(0, -short.name.length - 1))) {
          this.fold(short, long);
          break;
        }
        // "Brennecke-Werke" and then "Brennecke": a hyphened word after the name the article also writes alone.
        // (Only a word for a firm: "Stolzfeld-Rauch" is two families' name, not Stolzfeld's firm.)
        const hyphened = /^-(?:Werke|Werk|Gruppe|Konzern|Groep|Gesellschaft)$/.test(long.name.slice(short.name.length));
        // ("Sagamore Trust Co", a trust company written with its legal suffix, is still Sagamore.)
        const separate =
          SEPARATE_BODIES.has(long.name.split(" ").at(-1)!) &&
          ![...long.surfaces].some((x) => x !== long.name && canonicalName(x) === long.name);
        if (
          (long.name.startsWith(`${short.name} `) && tailWords <= 2 && !separate) ||
          nationalityPrefixed ||
          hyphened
        ) {
          // The shortest form the article uses names the company ("Nissan" over "Nissan Motor Co").
          this.fold(long, short);
        }
      }
    }
  }

  private readonly aliasOf = new Map<string, string>();

  /** "DaimlerChrylser" once in an article about "DaimlerChrysler": a long name misspelt by one letter is the same. */
  private mergeTypos(): void {
    const list = [...this.entities.values()].filter((e) => e.name.length >= 8);
    // Every pair is compared: a scraped page naming thousands of "companies" is not worth it.
    if (list.length > MANY_NAMES) return;
    for (const a of list) {
      for (const b of list) {
        // The pure test of the names first: most pairs are no typo of each other, and the map need not be asked.
        if (a === b || !oneEditApart(a.name, b.name)) continue;
        if (this.entities.has(a.key) && this.entities.has(b.key) && leads(b, a)) this.fold(a, b);
      }
    }
  }

  /** One company under two names: the dropped name becomes an alias of the kept one. */
  private fold(drop: Entity, keep: Entity): void {
    for (const s of drop.surfaces) keep.surfaces.add(s);
    for (const c of drop.countries) keep.countries.add(c);
    for (const n of drop.nouns) keep.nouns.add(n);
    keep.mentions += drop.mentions;
    keep.firstSentence = Math.min(keep.firstSentence, drop.firstSentence);
    this.entities.delete(drop.key);
    this.aliasOf.set(drop.key, keep.key);
  }

  /** "BA" in an article about "British Airways": an acronym of exactly one longer name is that company. */
  private mergeInitials(): void {
    // The names of several words, by their initials, computed once: an acronym never has a space, so the loop below
    // drops none of them, and trying every name for every acronym was quadratic.
    const acronyms = [...this.entities.values()].filter((e) => ACRONYM.test(e.name));
    // Most articles write no acronym: the initials of their names are never needed.
    if (!acronyms.length) return;
    const byInitials = new Map<string, Entity[]>();
    for (const e of this.entities.values()) {
      if (!/\s/.test(e.name)) continue;
      const initials = initialsOf(e.name);
      const list = byInitials.get(initials);
      if (list) list.push(e);
      else byInitials.set(initials, [e]);
    }
    for (const short of acronyms) {
      const letters = short.name.replace(/&/g, "");
      const longs = (byInitials.get(letters) ?? []).filter((e) => e !== short);
      if (longs.length !== 1) continue;
      const long = longs[0];
      for (const x of short.surfaces) long.surfaces.add(x);
      long.mentions += short.mentions;
      long.firstSentence = Math.min(long.firstSentence, short.firstSentence);
      this.entities.delete(short.key);
      this.aliasOf.set(short.key, long.key);
    }
  }

  /** "British Airways (BA)": the bracketed short form is the same company. */
  private mergeAcronyms(sentences: string[]): void {
    for (const s of sentences) {
      if (!s.includes("(")) continue;
      for (const m of allMatches(NAME_THEN_ACRONYM, s)) {
        const long = this.lookup(canonicalName(m[1]));
        const short = this.entities.get(nameKey(m[2]));
        if (!long || !short || long === short) continue;
        for (const x of short.surfaces) long.surfaces.add(x);
        long.mentions += short.mentions;
        long.firstSentence = Math.min(long.firstSentence, short.firstSentence);
        this.entities.delete(short.key);
        this.aliasOf.set(short.key, long.key);
      }
    }
  }

  /** The article's entity for a name span, or null when the span is not a company of this article. */
  lookup(name: string): Entity | null {
    if (!this.built) return this.find(name);
    let hit = this.lookups.get(name);
    if (hit === undefined) {
      hit = this.find(name);
      this.lookups.set(name, hit);
    }
    return hit;
  }

  /** Lookups once the registry is complete: every sentence asks again for the same names. */
  private readonly lookups = new Map<string, Entity | null>();
  private built = false;

  /**
   * Entities by name, with the order they were made in (the order of `entities`), and the names of several words
   * by their first word: `find` looks names up in these rather than trying every entity, which was quadratic in an
   * article naming many companies. Entries of entities since dropped stay; `isLive` tells them apart.
   */
  private readonly byName = new Map<string, { entity: Entity; order: number }>();
  private readonly byFirstWord = new Map<string, Entity[]>();
  private longestName = 0;
  private made = 0;

  private indexName(e: Entity): void {
    this.byName.set(e.name, { entity: e, order: this.made++ });
    this.longestName = Math.max(this.longestName, e.name.length);
    const space = e.name.indexOf(" ");
    if (space < 0) return;
    const first = e.name.slice(0, space);
    const list = this.byFirstWord.get(first);
    if (list) list.push(e);
    else this.byFirstWord.set(first, [e]);
  }

  /** How many of the article's companies of several words start with this word ("Carmel" for two Carmel firms). */
  sharingFirstWord(word: string): number {
    return (this.byFirstWord.get(word) ?? []).filter((e) => this.isLive(e)).length;
  }

  private isLive(e: Entity): boolean {
    return this.entities.get(e.key) === e;
  }

  private find(name: string): Entity | null {
    const key = nameKey(name);
    const direct = this.entities.get(key) ?? this.entities.get(this.aliasOf.get(key) ?? "");
    if (direct) return direct;
    // The first entity, in the order of `entities`, whose name and a space start this one.
    let first: { entity: Entity; order: number } | undefined;
    for (let space = name.indexOf(" "); space > 0 && space <= this.longestName; space = name.indexOf(" ", space + 1)) {
      const hit = this.byName.get(name.slice(0, space));
      if (hit && this.isLive(hit.entity) && (!first || hit.order < first.order)) first = hit;
    }
    if (first) return first.entity;
    // "Tamsin" after "Tamsin Auto": a first word that starts exactly one longer name is that company.
    if (!name.includes(" ")) {
      let starting: Entity | null = null;
      for (const e of this.byFirstWord.get(name) ?? []) {
        if (!this.isLive(e)) continue;
        if (starting) return null;
        starting = e;
      }
      return starting;
    }
    return null;
  }

  /** Resolves "the Japanese automaker" / "its French partner" to the company introduced that way. */
  byDescription(country: string | null, noun: string | null, exclude: Set<string>): Entity | null {
    if (this.built) return this.byDescriptionBuilt(country, noun, exclude);
    let best: Entity | null = null;
    for (const e of this.entities.values()) {
      if (exclude.has(e.key)) continue;
      if (country && !e.countries.has(country)) continue;
      if (!country && noun && !e.nouns.has(noun)) continue;
      if (!best || e.mentions > best.mentions) best = e;
    }
    return best;
  }

  /**
   * byDescription once the registry is complete, when entities no longer change: the entities a description may
   * mean are ranked once (most mentions first, then in the order of `entities`), and the first not excluded is the
   * one the loop above would pick. Every sentence with a description asks, and scanning every entity was quadratic.
   */
  private byDescriptionBuilt(country: string | null, noun: string | null, exclude: Set<string>): Entity | null {
    const filter = country ? `country ${country}` : noun ? `noun ${noun}` : "any";
    let ranked = this.ranked.get(filter);
    if (!ranked) {
      ranked = [...this.entities.values()]
        .filter((e) => (country ? e.countries.has(country) : !noun || e.nouns.has(noun)))
        .sort((a, b) => b.mentions - a.mentions);
      this.ranked.set(filter, ranked);
    }
    for (const e of ranked) if (!exclude.has(e.key)) return e;
    return null;
  }

  private readonly ranked = new Map<string, Entity[]>();

  /** Every entity, most mentioned first, as named first among equals; ranked once when the registry is complete. */
  byMentions(): readonly Entity[] {
    if (!this.built) return [...this.entities.values()].sort((a, b) => b.mentions - a.mentions);
    let ranked = this.ranked.get("any");
    if (!ranked) {
      ranked = [...this.entities.values()].sort((a, b) => b.mentions - a.mentions);
      this.ranked.set("any", ranked);
    }
    return ranked;
  }

  /** The company the article is mostly about; found once, when the registry is complete. */
  main(): Entity | null {
    if (this.built && this.mainEntity !== undefined) return this.mainEntity;
    let best: Entity | null = null;
    for (const e of this.entities.values()) if (!best || leads(e, best)) best = e;
    if (this.built) this.mainEntity = best;
    return best;
  }

  private mainEntity: Entity | null | undefined;
}

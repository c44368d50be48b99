import { MONTH_NAMES } from "../lexicons/periods";
/**
 * Synthetic business-news articles for the import benchmark. Every sentence below is invented for the benchmark
 * (no corpus text is copied); companies, years, figures and phrasings are drawn from a seeded generator so that
 * the same size gives the same corpus, and every article is different.
 */

/** Small, fast, seeded PRNG (mulberry32). */
export function makeRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PREFIXES = [
  "Norvale",
  "Brightwater",
  "Kestrel",
  "Aldermoor",
  "Tavistock",
  "Quillon",
  "Harrowgate",
  "Meridane",
  "Solvik",
  "Carrow",
  "Dunmere",
  "Velora",
  "Ostrava",
  "Penhallow",
  "Lindqvist",
  "Marisol",
  "Thorncliffe",
  "Ashdown",
  "Rivenza",
  "Caldera",
  "Haverford",
  "Zellweger",
  "Okafor",
  "Tamsin",
  "Bexley",
  "Corvin",
  "Halcyon",
  "Westmark",
  "Yoshida",
  "Müllerhof",
];
const SECTORS = [
  { word: "Foods", noun: "food group", market: "packaged food", units: "tonnes of cereal" },
  { word: "Telecom", noun: "telecoms operator", market: "mobile phone", units: "handsets" },
  { word: "Motors", noun: "carmaker", market: "European car", units: "cars" },
  { word: "Airways", noun: "airline", market: "transatlantic travel", units: "seats" },
  { word: "Bank", noun: "bank", market: "mortgage", units: "new accounts" },
  { word: "Pharma", noun: "drugmaker", market: "generic drug", units: "packs" },
  { word: "Steel", noun: "steelmaker", market: "flat steel", units: "tonnes of steel" },
  { word: "Energy", noun: "utility", market: "household gas", units: "new customers" },
  { word: "Retail", noun: "retailer", market: "grocery", units: "loyalty cards" },
  { word: "Media", noun: "media group", market: "pay-TV", units: "subscriptions" },
  { word: "Electronics", noun: "electronics maker", market: "flat-screen television", units: "televisions" },
  { word: "Brewing", noun: "brewer", market: "lager", units: "barrels" },
];
const SUFFIXES = ["", "", " plc", " Group", " Holdings", " Inc", " AG", " SA"];
const COUNTRIES = ["British", "German", "French", "Japanese", "Dutch", "Swedish", "Italian", "US", "Spanish", "Korean"];
const CURRENCIES = [
  { pre: "$", post: "" },
  { pre: "£", post: "" },
  { pre: "€", post: "" },
  { pre: "", post: " euros" },
  { pre: "", post: " yen" },
  { pre: "", post: " dollars" },
];
const PERIODS = [
  "the first quarter of",
  "the second quarter of",
  "the third quarter of",
  "the fourth quarter of",
  "the first half of",
  "the second half of",
  "the whole of",
  "the twelve months to December",
  "the financial year",
];
const UP = ["rose", "climbed", "jumped", "increased", "grew", "edged up"];
const DOWN = ["fell", "dropped", "slipped", "declined", "slumped", "eased"];
const SAID = ["said", "told reporters", "added", "noted", "insisted", "warned"];
const PEOPLE = [
  "Helena Strand",
  "Marcus Obi",
  "Priya Lal",
  "Tomasz Wren",
  "Ingrid Falk",
  "Ruben Ortega",
  "Agnes Mbeki",
  "Oliver Crane",
];
const ROLES = ["chief executive", "finance director", "chairman", "an analyst at Fenwick Securities"];

const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
const MONTHS = MONTH_NAMES;

export interface GenCompany {
  name: string;
  noun: string;
  market: string;
  units: string;
  country: string;
}

type Rand = () => number;
/** Share of sentences carrying a figure; the rest are filler. */
const FACT_SHARE = 0.25;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const dec = (r: Rand, lo: number, hi: number, places: number) => (lo + r() * (hi - lo)).toFixed(places);

function company(r: Rand): GenCompany {
  const sector = pick(r, SECTORS);
  return {
    name: `${pick(r, PREFIXES)} ${sector.word}${pick(r, SUFFIXES)}`,
    noun: sector.noun,
    market: sector.market,
    units: sector.units,
    country: pick(r, COUNTRIES),
  };
}

function money(r: Rand): string {
  const c = pick(r, CURRENCIES);
  const big = r() < 0.5;
  const amount = big ? dec(r, 1, 48, r() < 0.5 ? 1 : 2) : String(int(r, 12, 980));
  const scale = big ? pick(r, ["bn", " billion"]) : pick(r, ["m", " million"]);
  return `${c.pre}${amount}${scale}${c.post}`;
}

/** The sentence kinds carrying figures; each returns one invented sentence. */
const FACT_SENTENCES: Array<(r: Rand, c: GenCompany, other: GenCompany, year: number) => string> = [
  // revenues
  (r, c, _o, y) => `${c.name} reported revenues of ${money(r)} for ${y}, according to its annual report.`,
  (r, c, _o, y) => `Turnover at ${c.name} reached ${money(r)} in ${pick(r, PERIODS)} ${y}.`,
  (r, c, _o, y) => `The ${c.noun} booked sales of ${money(r)} in ${y}, in line with its own guidance.`,
  (r, c, _o, y) => `${c.name} expects revenue of about ${money(r)} in ${y + 1}, it said on ${pick(r, DAYS)}.`,
  // revenue changes
  (r, c, _o, y) =>
    `Sales at ${c.name} ${pick(r, UP)} ${dec(r, 0.5, 35, 1)}% to ${money(r)} in ${pick(r, PERIODS)} ${y}.`,
  (r, c, _o, y) =>
    `Revenue at the ${c.noun} ${pick(r, DOWN)} by ${int(r, 1, 29)}% in ${y}, hurt by weaker demand at home.`,
  (r, c, _o, y) =>
    `${c.name} said its turnover ${pick(r, UP)} ${int(r, 2, 40)}% year-on-year in ${pick(r, PERIODS)} ${y}.`,
  (r, c, _o, y) =>
    `In ${y} ${c.name} saw revenues ${pick(r, ["fall", "drop", "slip", "decline"])} ${dec(r, 1, 18, 1)}% from ${money(r)} a year earlier.`,
  // stakes
  (r, c, o, y) => `${c.name} bought a ${int(r, 3, 49)}% stake in ${o.name} in ${y} for ${money(r)}.`,
  (r, c, o, _y) => `${c.name} now owns ${dec(r, 5, 60, 1)}% of ${o.name} after the deal closed.`,
  (r, c, o, y) =>
    `In ${y}, ${c.name} agreed to sell its ${int(r, 10, 45)}% holding in ${o.name} to a group of investors.`,
  // market shares
  (r, c, _o, y) => `${c.name} holds ${int(r, 4, 38)}% of the ${c.market} market, up from ${int(r, 2, 30)}% in ${y}.`,
  (r, c, _o, y) => `The ${c.noun} wants a ${int(r, 10, 40)}% share of the ${c.market} market by ${y + int(r, 2, 6)}.`,
  (r, c, _o, y) => `Its share of the ${c.market} market slipped to ${dec(r, 3, 30, 1)}% in ${y}, figures showed.`,
  // unit sales
  (r, c, _o, y) => `${c.name} sold ${int(r, 20, 990)},000 ${c.units} in ${pick(r, PERIODS)} ${y}.`,
  (r, c, _o, y) => `Shipments at the ${c.noun} ${pick(r, UP)} to ${dec(r, 1, 12, 1)} million ${c.units} in ${y}.`,
  (r, c, _o, y) =>
    `The ${c.noun} expects to sell ${int(r, 1, 9)} million ${c.units} in ${y + 1}, against ${dec(r, 1, 9, 2)} million this year.`,
];

/** Sentences without figures, to give the articles the bulk and texture of news prose. */
const FILLER: Array<(r: Rand, c: GenCompany, other: GenCompany) => string> = [
  (r, c) => `Shares in ${c.name} ${pick(r, UP.concat(DOWN))} in early trading on ${pick(r, DAYS)}.`,
  (r) =>
    `"We have had a difficult year, but the business is in better shape than it has been for some time," ${pick(r, PEOPLE)}, ${pick(r, ROLES)}, ${pick(r, SAID)}.`,
  (_r, c) => `Analysts said the outlook for the ${c.market} market remained uncertain.`,
  (_r, c, o) => `The board of ${o.name} has yet to comment on the approach from ${c.name}.`,
  (_r, c) => `${c.country} ${c.noun} ${c.name} has been cutting costs and closing smaller sites.`,
  (r) => `The company ${pick(r, SAID)} that trading since the start of the year had been steady.`,
  (r) =>
    `Investors have been waiting for signs that consumer spending is recovering.`.replace(
      "Investors",
      pick(r, ["Investors", "Traders", "Shareholders"]),
    ),
  (_r, c) => `Unions representing staff at ${c.name} said they would study the plans closely.`,
  (r) => `${pick(r, PEOPLE)} said the group would keep investing in new products despite the pressure on margins.`,
  (r) =>
    `Competition from cheaper rivals has squeezed prices across the industry, ${pick(r, ["critics", "observers", "brokers"])} say.`,
  (_r, c, o) => `A spokesman for ${o.name} declined to say whether talks with ${c.name} were continuing.`,
  (r) =>
    `The results were published ${pick(r, ["before the market opened", "after the close", "a day later than expected"])}.`,
  (r) =>
    `Regulators are expected to rule on the matter ${pick(r, ["later this year", "next spring", "within weeks"])}.`,
  (_r, c) => `The ${c.noun} has also been hit by rising raw material and energy costs.`,
  (r) =>
    `Economists cautioned that a stronger currency could weigh on exports ${pick(r, ["over the coming months", "next year", "in the short term"])}.`,
  (_r, c) => `Management at ${c.name} said it would set out a fuller strategy at its investor day.`,
];

const TITLES: Array<(r: Rand, c: GenCompany, y: number) => string> = [
  (_r, c) => `${c.name} lifts sales despite tough market`,
  (_r, c) => `${c.name} shares hit by profit warning`,
  (_r, c, y) => `${c.name} sets out plans for ${y + 1}`,
  (_r, c) => `${c.country} ${c.noun} ${c.name} eyes bigger market share`,
  (_r, c) => `Investors cheer ${c.name} results`,
];

/**
 * One article of roughly `targetBytes` (UTF-8), built from the templates. `serial` seeds it and appears in its
 * dateline reference, so no two articles of a run are identical.
 */
export function generateArticle(serial: number, targetBytes: number, seed = 2024): string {
  const r = makeRandom(seed * 1_000_003 + serial);
  const main = company(r);
  const others = [company(r), company(r), company(r)];
  const year = int(r, 1998, 2024);
  const parts: string[] = [];
  if (r() < 0.3) parts.push(`Date: ${int(r, 1, 28)} ${pick(r, MONTHS)} ${year + 1}`, "");
  parts.push(pick(r, TITLES)(r, main, year), "");
  let size = parts.join("\n").length;
  while (size < targetBytes) {
    const sentences: string[] = [];
    const n = int(r, 2, 4);
    for (let i = 0; i < n; i++) {
      const c = r() < 0.7 ? main : pick(r, others);
      const other = pick(r, others.filter((o) => o !== c).concat(main === c ? [] : [main]));
      const y = r() < 0.7 ? year : year - int(r, 1, 3);
      sentences.push(r() < FACT_SHARE ? pick(r, FACT_SENTENCES)(r, c, other, y) : pick(r, FILLER)(r, c, other));
    }
    const para = sentences.join(" ");
    parts.push(para, "");
    size += para.length + 2;
  }
  parts.push(`(Newsdesk reference ${serial.toString(36).toUpperCase()}-${int(r, 100, 999)})`, "");
  return parts.join("\n");
}

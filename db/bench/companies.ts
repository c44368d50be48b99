/**
 * The companies of the web benchmark's database: a few well-known groups with thousands of facts each (the pages
 * most likely to be slow), about eighty mid-sized ones and a long tail of invented names with about a hundred.
 */
import { slugify } from "../slug";
import { between, int, pick, type Rand, round } from "./random";

export type Currency = "EUR" | "USD" | "GBP";

export interface Sector {
  word: string;
  markets: readonly string[];
  volumeUnit: "vehicles" | "units";
  /** What the sales-volume sentences say was sold. */
  volumeNoun: string;
  /** Revenue per unit sold, to derive plausible volumes from revenue. */
  unitPrice: number;
}

export interface BenchCompany {
  /** Row id: companies are inserted in this order into an empty table. */
  id: number;
  name: string;
  slug: string;
  aliases: string[];
  sector: Sector;
  currency: Currency;
  revenue1995: number;
  growth: number;
  factCount: number;
  holdings: Array<{ counterpartyId: number; percent: number }>;
  shares: Array<{ market: string; percent: number }>;
}

const SECTORS = {
  auto: {
    word: "Motors",
    markets: ["European car", "US car", "Chinese car", "light commercial vehicle"],
    volumeUnit: "vehicles",
    volumeNoun: "vehicles",
    unitPrice: 18_000,
  },
  telecom: {
    word: "Telecom",
    markets: ["mobile phone", "fixed-line", "broadband"],
    volumeUnit: "units",
    volumeNoun: "handsets",
    unitPrice: 150,
  },
  electronics: {
    word: "Electronics",
    markets: ["flat-screen television", "mobile handset", "semiconductor"],
    volumeUnit: "units",
    volumeNoun: "televisions",
    unitPrice: 600,
  },
  food: {
    word: "Foods",
    markets: ["packaged food", "frozen food", "bottled water"],
    volumeUnit: "units",
    volumeNoun: "units",
    unitPrice: 40,
  },
  energy: {
    word: "Energy",
    markets: ["household gas", "retail fuel", "electricity"],
    volumeUnit: "units",
    volumeNoun: "units",
    unitPrice: 900,
  },
  retail: {
    word: "Retail",
    markets: ["grocery", "online retail"],
    volumeUnit: "units",
    volumeNoun: "units",
    unitPrice: 30,
  },
  bank: {
    word: "Bank",
    markets: ["mortgage", "credit card"],
    volumeUnit: "units",
    volumeNoun: "units",
    unitPrice: 2_000,
  },
  steel: {
    word: "Steel",
    markets: ["flat steel", "stainless steel"],
    volumeUnit: "units",
    volumeNoun: "units",
    unitPrice: 500,
  },
  aero: {
    word: "Aerospace",
    markets: ["commercial aircraft", "business jet"],
    volumeUnit: "units",
    volumeNoun: "aircraft",
    unitPrice: 60_000_000,
  },
  pharma: {
    word: "Pharma",
    markets: ["generic drug", "vaccine"],
    volumeUnit: "units",
    volumeNoun: "units",
    unitPrice: 20,
  },
} satisfies Record<string, Sector>;
type SectorKey = keyof typeof SECTORS;

/** Biggest first; the order sets their fact counts. Renault and Nissan lead because the routes' tests use them. */
const FAMOUS: Array<[name: string, sector: SectorKey, currency: Currency, revenue1995Bn: number, aliases: string[]]> = [
  ["Renault", "auto", "EUR", 28, ["Renault SA", "Renault Group"]],
  ["Nissan", "auto", "USD", 55, ["Nissan Motor", "Nissan Motor Co"]],
  ["Peugeot-Citroen", "auto", "EUR", 27, ["PSA Peugeot Citroen", "PSA"]],
  ["Volkswagen", "auto", "EUR", 45, ["VW", "Volkswagen AG"]],
  ["Toyota", "auto", "USD", 90, ["Toyota Motor"]],
  ["General Motors", "auto", "USD", 160, ["GM"]],
  ["Ford Motor", "auto", "USD", 130, ["Ford"]],
  ["Fiat", "auto", "EUR", 35, ["Fiat Group"]],
  ["BMW", "auto", "EUR", 25, ["BMW Group"]],
  ["DaimlerChrysler", "auto", "EUR", 70, ["Daimler"]],
  ["Vodafone", "telecom", "GBP", 5, ["Vodafone Group"]],
  ["Deutsche Telekom", "telecom", "EUR", 35, ["DT"]],
  ["Nokia", "electronics", "EUR", 8, ["Nokia Oyj"]],
  ["Siemens", "electronics", "EUR", 50, ["Siemens AG"]],
  ["Unilever", "food", "EUR", 40, []],
  ["Nestle", "food", "USD", 45, ["Nestle SA"]],
  ["BP", "energy", "USD", 60, ["BP plc"]],
  ["Royal Dutch Shell", "energy", "USD", 100, ["Shell"]],
  ["HSBC", "bank", "USD", 30, ["HSBC Holdings"]],
  ["Tesco", "retail", "GBP", 10, []],
  ["Carrefour", "retail", "EUR", 25, []],
  ["Airbus", "aero", "EUR", 10, []],
  ["Honda", "auto", "USD", 40, ["Honda Motor"]],
  ["Hyundai", "auto", "USD", 15, ["Hyundai Motor"]],
];
const MID_SIZED = 80;

const SYLLABLES = ["nor", "va", "kes", "trel", "al", "der", "tav", "quil", "har", "mer", "sol", "vik", "car", "dun"];
const MORE_SYLLABLES = ["ro", "ma", "len", "ton", "ska", "bel", "dor", "fen", "gra", "lis", "mon", "pel", "ren", "zu"];
const SUFFIXES = ["", "", "", " Group", " Holdings", " plc", " AG", " SA", " Inc"];

function inventedName(r: Rand): [string, SectorKey] {
  let stem = pick(r, SYLLABLES) + pick(r, MORE_SYLLABLES);
  if (r() < 0.4) stem += pick(r, SYLLABLES);
  const sector = pick(r, Object.keys(SECTORS) as SectorKey[]);
  return [`${stem[0].toUpperCase()}${stem.slice(1)} ${SECTORS[sector].word}${pick(r, SUFFIXES)}`, sector];
}

/** Fact counts summing exactly to `facts`: famous, then mid-sized, then the tail sharing the rest about evenly. */
function factCounts(r: Rand, companies: number, facts: number): number[] {
  const counts = FAMOUS.map((_, i) => Math.round(12_000 / (i + 1) ** 0.6));
  for (let i = 0; i < MID_SIZED; i++) counts.push(int(r, 300, 800));
  const tailWeights = Array.from({ length: companies - counts.length }, () => between(r, 0.4, 1.6));
  const tailFacts = facts - counts.reduce((a, b) => a + b, 0);
  const weightSum = tailWeights.reduce((a, b) => a + b, 0);
  const tail = tailWeights.map((w) => Math.max(1, Math.floor((w / weightSum) * tailFacts)));
  // Flooring leaves a few facts over; hand them out one each so the total is exact.
  let missing = tailFacts - tail.reduce((a, b) => a + b, 0);
  for (let i = 0; missing > 0; i++, missing--) tail[i % tail.length]++;
  return [...counts, ...tail];
}

/** Pins a real cross-holding (Renault's in Nissan and back) in place of a drawn one. */
function holdStake(holder: BenchCompany, counterpartyId: number, percent: number): void {
  const others = holder.holdings.filter((h) => h.counterpartyId !== counterpartyId);
  holder.holdings = [{ counterpartyId, percent }, ...others];
}

export function buildCompanies(r: Rand, companies: number, facts: number): BenchCompany[] {
  const counts = factCounts(r, companies, facts);
  const slugs = new Set<string>();
  const drafts: Array<{ name: string; sector: SectorKey; currency?: Currency; revenue?: number; aliases: string[] }> =
    FAMOUS.map(([name, sector, currency, bn, aliases]) => ({ name, sector, currency, revenue: bn * 1e9, aliases }));
  for (const d of drafts) slugs.add(slugify(d.name));
  while (drafts.length < companies) {
    const [name, sector] = inventedName(r);
    if (slugs.has(slugify(name))) continue;
    slugs.add(slugify(name));
    drafts.push({ name, sector, aliases: r() < 0.3 ? [`${name} Group`] : [] });
  }

  // Aliases are a primary key: a variant some other company already answers to is dropped.
  const taken = new Set(drafts.map((d) => d.name.toLowerCase()));
  const result = drafts.map((d, i): BenchCompany => {
    const big = i < FAMOUS.length + MID_SIZED;
    const aliases = [d.name.toLowerCase()];
    for (const alias of d.aliases.map((a) => a.toLowerCase())) {
      if (taken.has(alias)) continue;
      taken.add(alias);
      aliases.push(alias);
    }
    const sector = SECTORS[d.sector];
    return {
      id: i + 1,
      name: d.name,
      slug: slugify(d.name),
      aliases,
      sector,
      currency: d.currency ?? pick(r, ["EUR", "EUR", "USD", "USD", "GBP"] as const),
      revenue1995: d.revenue ?? (big ? between(r, 2e9, 20e9) : 10 ** between(r, 7.5, 9.5)),
      growth: between(r, 0.97, 1.12),
      factCount: counts[i],
      holdings: [],
      shares: sector.markets
        .slice(0, int(r, 1, sector.markets.length))
        .map((market) => ({ market, percent: round(big ? between(r, 4, 35) : between(r, 0.3, 8), 1) })),
    };
  });

  for (const c of result) {
    const holdings = int(r, 1, 4);
    while (c.holdings.length < holdings) {
      // The famous mostly hold stakes in each other, as carmakers' cross-holdings do.
      const pool = c.id <= FAMOUS.length && r() < 0.6 ? FAMOUS.length : result.length;
      const counterpartyId = int(r, 1, pool);
      if (counterpartyId === c.id || c.holdings.some((h) => h.counterpartyId === counterpartyId)) continue;
      c.holdings.push({ counterpartyId, percent: round(between(r, 1, 100), 1) });
    }
  }
  holdStake(result[0], 2, 44.4);
  holdStake(result[1], 1, 15);
  return result;
}

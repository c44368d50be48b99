/**
 * One invented fact and the sentence quoting it. Figures follow each company's revenue curve, so the several
 * articles reporting one year agree and the compare charts draw lines rather than noise.
 */
import type { FactKind, Period, Status } from "../../importers/types";
import type { BenchCompany, Currency } from "./companies";
import { between, int, pick, type Rand, round, weighted } from "./random";

export interface FactDraft {
  kind: FactKind;
  companyId: number;
  counterpartyId: number | null;
  market: string | null;
  year: number | null;
  period: Period | null;
  low: number;
  high: number;
  unit: string;
  status: Status;
  approximate: boolean;
  comparedYear: number | null;
  comparedPeriod: Period | null;
  stated: string;
  sentence: string;
  /** The figure as written in the sentence, which always comes before any year there. */
  figure: string;
}

export const FIRST_YEAR = 1995;
export const LAST_YEAR = 2010;

const KIND_WEIGHTS = { revenue: 35, revenue_change: 25, stake: 10, market_share: 15, sales_volume: 15 } as const;
const PERIOD_WEIGHTS = { FY: 62, Q1: 4, Q2: 4, Q3: 4, Q4: 4, H1: 8, H2: 4, "9M": 10 } as const;
const STATUS_WEIGHTS = { actual: 82, forecast: 12, target: 6 } as const;
/** Share of a year's revenue each period covers. */
const PERIOD_SHARE: Record<Period, number> = {
  FY: 1,
  Q1: 0.24,
  Q2: 0.25,
  Q3: 0.25,
  Q4: 0.26,
  H1: 0.49,
  H2: 0.51,
  "9M": 0.74,
};
const PERIOD_WORDS: Record<Period, string> = {
  FY: "",
  Q1: "the first quarter of ",
  Q2: "the second quarter of ",
  Q3: "the third quarter of ",
  Q4: "the fourth quarter of ",
  H1: "the first half of ",
  H2: "the second half of ",
  "9M": "the first nine months of ",
};
const SYMBOL: Record<Currency, string> = { EUR: "€", USD: "$", GBP: "£" };
const STATED_ALL = JSON.stringify(["low", "high", "unit", "company", "year", "period"]);
const STATED_NO_PERIOD = JSON.stringify(["low", "high", "unit", "company", "year"]);
const STATED_STAKE = JSON.stringify(["low", "high", "unit", "company", "counterparty", "year", "period"]);

/** A year's revenue: the company's trend times a wobble fixed per company and year. */
function revenueIn(c: BenchCompany, year: number): number {
  return c.revenue1995 * c.growth ** (year - FIRST_YEAR) * (1 + 0.06 * Math.sin(c.id * 12.9898 + year * 78.233));
}

function threeFigures(v: number): number {
  const magnitude = 10 ** (Math.floor(Math.log10(Math.abs(v))) - 2);
  return Math.round(v / magnitude) * magnitude;
}

function money(v: number, currency: Currency): string {
  const amount = v >= 1e9 ? `${round(v / 1e9, 2)} billion` : `${round(v / 1e6, 1)} million`;
  return `${SYMBOL[currency]}${amount}`;
}

const thousands = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });

function count(v: number): string {
  return v >= 1e6 ? `${round(v / 1e6, 2)} million` : thousands.format(v);
}

const when = (year: number, period: Period) => `in ${PERIOD_WORDS[period]}${year}`;

export function draftFact(r: Rand, c: BenchCompany, companies: readonly BenchCompany[]): FactDraft {
  const kind = weighted(r, KIND_WEIGHTS);
  const year = int(r, FIRST_YEAR, LAST_YEAR);
  const status = weighted(r, STATUS_WEIGHTS);
  const approximate = r() < 0.12;
  const about = approximate ? "about " : "";
  const base = {
    kind,
    companyId: c.id,
    counterpartyId: null,
    market: null,
    year,
    period: null,
    status,
    approximate,
    comparedYear: null,
    comparedPeriod: null,
    stated: STATED_ALL,
  };
  const outlook = status === "actual" ? 1 : between(r, 1, 1.08);

  if (kind === "revenue") {
    const period = weighted(r, PERIOD_WEIGHTS);
    const value = threeFigures(revenueIn(c, year) * PERIOD_SHARE[period] * outlook);
    // A few articles give a range ("between €4.1 billion and €4.3 billion"), mostly forecasts.
    const ranged = status !== "actual" && r() < 0.3;
    const low = ranged ? threeFigures(value * 0.97) : value;
    const high = ranged ? threeFigures(value * 1.03) : value;
    const amount = ranged ? `between ${money(low, c.currency)} and ${money(high, c.currency)}` : money(low, c.currency);
    const verb = status === "actual" ? pick(r, ["reported revenue of", "said sales reached", "had turnover of"]) : "";
    const sentence =
      status === "actual"
        ? `${c.name} ${verb} ${about}${amount} ${when(year, period)}.`
        : `${c.name} ${status === "forecast" ? "expects revenue of" : "is targeting sales of"} ${about}${amount} ${when(year, period)}.`;
    return { ...base, period, low, high, unit: c.currency, sentence, figure: amount };
  }

  if (kind === "revenue_change") {
    const period = weighted(r, PERIOD_WEIGHTS);
    const prior = year === FIRST_YEAR ? c.revenue1995 / c.growth : revenueIn(c, year - 1);
    const change = round((revenueIn(c, year) / prior - 1) * 100 * outlook, 1);
    const figure = `${status === "actual" ? Math.abs(change) : change}%`;
    const direction = change >= 0 ? pick(r, ["rose", "grew", "climbed"]) : pick(r, ["fell", "slipped", "declined"]);
    const sentence =
      status === "actual"
        ? `${c.name} said revenue ${direction} ${about}${figure} ${when(year, period)} compared with ${year - 1}.`
        : `${c.name} ${status === "forecast" ? "expects" : "aims for"} revenue growth of ${about}${figure} ${when(year, period)}.`;
    return {
      ...base,
      period,
      low: change,
      high: change,
      unit: "percent",
      comparedYear: year - 1,
      comparedPeriod: period,
      sentence,
      figure,
    };
  }

  if (kind === "stake") {
    const holding = pick(r, c.holdings);
    const held = companies[holding.counterpartyId - 1].name;
    const percent =
      status === "target" ? Math.min(100, round(holding.percent + between(r, 1, 20), 1)) : holding.percent;
    const sentence =
      status === "target"
        ? `${c.name} plans to raise its stake in ${held} to ${percent}% by ${year}.`
        : `${c.name} held ${about}${percent}% of ${held} at the end of ${year}.`;
    return {
      ...base,
      counterpartyId: holding.counterpartyId,
      low: percent,
      high: percent,
      unit: "percent",
      stated: STATED_STAKE,
      sentence,
      figure: `${percent}%`,
    };
  }

  if (kind === "market_share") {
    const share = pick(r, c.shares);
    const percent = round(Math.min(100, share.percent * between(r, 0.85, 1.15) * outlook), 1);
    const verb = status === "actual" ? "had" : status === "forecast" ? "expects to reach" : "aims for";
    const sentence = `${c.name} ${verb} ${about}${percent}% of the ${share.market} market in ${year}.`;
    return {
      ...base,
      market: share.market,
      period: "FY",
      low: percent,
      high: percent,
      unit: "percent",
      stated: STATED_NO_PERIOD,
      sentence,
      figure: `${percent}%`,
    };
  }

  const period = r() < 0.8 ? "FY" : weighted(r, PERIOD_WEIGHTS);
  const sold = Math.max(
    1,
    Math.round(threeFigures((revenueIn(c, year) * PERIOD_SHARE[period] * outlook) / c.sector.unitPrice)),
  );
  const verb = status === "actual" ? "sold" : "expects to sell";
  const figure = count(sold);
  const sentence = `${c.name} ${verb} ${about}${figure} ${c.sector.volumeNoun} ${when(year, period)}.`;
  return { ...base, period, low: sold, high: sold, unit: c.sector.volumeUnit, sentence, figure };
}

import { createHash } from "node:crypto";
import { advance, findMentions, type Mention } from "./analyse/mentions";
import { peoplePairIn } from "./analyse/peoplePair";
import { advancePeriods } from "./analyse/periods";
import type { SentenceContext } from "./extract/context";
import { alternation, escapeRegExp } from "./lexicons/regex";
import { PRODUCT_UNITS, VOLUME_UNITS } from "./lexicons/units";
import { CompanyRegistry, canonicalName } from "./recognise/companies";
import { findDivisions, ultimateParent } from "./recognise/divisions";
import { inferPublishedYear } from "./recognise/publication";
import { findQuantities, type Quantity } from "./recognise/quantities";
import {
  fiscalYearEndDay,
  fiscalYearEndIn,
  inFiscalQuarters,
  inTableYear,
  resolveTimes,
} from "./recognise/resolveTimes";
import type { TimeExpr } from "./recognise/time";
import { findTimes } from "./recognise/time";
import { afterReportedYear } from "./refine/currentYear";
import { withFamilyHolder } from "./refine/familyHolders";
import { withDatedPeriodYear } from "./refine/periodYear";
import { refine } from "./refine/refiners";
import { withReportedPeriod } from "./refine/reportedPeriod";
import { familiesNamed, withShortestNames } from "./refine/shortestNames";
import { settleBySpecificity } from "./refine/specificity";
import {
  type ArticleContext,
  newArticleContext,
  type ReferenceDate,
  referenceDateOf,
  reportedPeriod,
} from "./rules/context";
import { type Candidate, runRules } from "./rules/engine";
import { advanceFamily, advanceGroupLeader } from "./rules/groups";
import { sentenceFeatures } from "./rules/pattern";
import { advanceTable, articleCurrency, newTableState, tableYearOf } from "./rules/tableState";
import { tokenize } from "./rules/tokens";
import { cleanArticle } from "./text/clean";
import { decodeBytes } from "./text/decode";
import { htmlToText, looksLikeHtml } from "./text/html";
import { splitSentences } from "./text/sentences";
import type { ArticleResult, Fact } from "./types";

/** A sentence about a market, whose quarters are the calendar's, unless it speaks of a fiscal or financial year. */
const MARKET_SENTENCE = /\b(?:market|industry|according\s+to)\b|\bshare\b(?!\s*[,.;]|\s+(?:price|earnings))/i;
const FISCAL_WORDS = /\b(?:fiscal|financial|revenues?|turnover|earnings)\b/i;

export const MAY_NAME_PERIOD = /quarter|half|months|year|annual|fiscal|financial|\b[QH][1-4]\b/i;

export interface ExtractOptions {
  /** Publication year given by the user; wins over a Date: line and over inference. */
  publishedYear?: number | null;
  /** The whole publication date, when known: dates "the quarter" and tables more closely than the year. */
  publishedDate?: ReferenceDate | null;
  /** Keep the candidates that lost their figure, for `extract --explain`. */
  explain?: boolean;
}

/** What the role finders (subject, time, status) read: the sentence and the article context, flattened. */
function sentenceRoles(
  ctx: ArticleContext,
  sentence: { text: string; start: number },
  quantities: Quantity[],
  times: TimeExpr[],
  mentions: Mention[],
  article: { main: string | null; registry: CompanyRegistry },
): SentenceContext {
  const topic = ctx.mentions.topic;
  return {
    text: sentence.text,
    offset: sentence.start,
    quantities,
    times,
    mentions,
    publishedYear: ctx.publishedYear,
    publishedMonth: ctx.reference?.year === ctx.publishedYear ? (ctx.reference?.month ?? null) : null,
    discourse: ctx.discourse,
    lastQuarter: ctx.lastQuarter,
    lastHalf: ctx.lastHalf,
    forecastYear: ctx.forecastYear,
    dealYear: ctx.dealYear?.year ?? null,
    topic,
    recurringTopic:
      topic && (article.registry.lookup(topic.company.split(" + ")[0])?.mentions ?? 0) >= 1.5 ? topic.company : null,
    main: article.main,
    volumeUnit: ctx.volumeUnit,
    people: article.registry.fullNames,
    lastHolder: ctx.lastHolder,
    lastHeld: ctx.lastHeld,
  };
}

const VOLUME_UNIT_WORD = new RegExp(String.raw`\b(${alternation(PRODUCT_UNITS)})\b`, "i");

function volumeUnitIn(text: string): string | null {
  const m = VOLUME_UNIT_WORD.exec(text);
  return m ? VOLUME_UNITS[m[1].toLowerCase()] : null;
}

/**
 * "kroner" is Danish or Norwegian money: a Danish company's kroner are DKK, and so are those of an article that
 * speaks of Denmark and never of Norway.
 */
function withLocalKroner(f: Fact, registry: CompanyRegistry, text: string): Fact {
  const figure = text.slice(f.figureStart, f.figureEnd);
  if (f.unit !== "NOK" || !/\bkron(?:er|e)\b/i.test(figure) || /\bnorwegian\b/i.test(figure)) return f;
  const danish =
    registry.lookup(f.company.split(" + ")[0])?.countries.has("Denmark") ||
    (/\b(?:Danish|Denmark|Copenhagen)\b/.test(text) && !/\bNorw(?:ay|egian)\b|\bOslo\b/.test(text));
  return danish ? { ...f, unit: "DKK" } : f;
}

/** "koruna" is Czech or Slovak money: in an article that speaks of Slovakia and never of the Czech lands, Slovak. */
function withLocalKoruna(f: Fact, text: string): Fact {
  if (f.unit !== "CZK" || !/\bkorun/i.test(text.slice(f.figureStart, f.figureEnd + 12))) return f;
  const slovak = /\b(?:Slovak|Slovakia|Bratislava)\b/.test(text) && !/\b(?:Czech|Prague|Brno)\b/.test(text);
  return slovak ? { ...f, unit: "SKK" } : f;
}

const CROWN_NATIONALITIES: Record<string, string> = {
  swedish: "SEK",
  danish: "DKK",
  norwegian: "NOK",
  czech: "CZK",
  slovak: "SKK",
  icelandic: "ISK",
};

/** "Danish shipping and food group Corvan": the nationality the article gives a company where it names it. */
function nationalityBefore(company: string, text: string): string | null {
  const name = company.split(" + ")[0];
  if (!name) return null;
  const nations = Object.keys(CROWN_NATIONALITIES).join("|");
  const m = new RegExp(
    String.raw`\b(${nations})[ \t]+(?:(?!(?:${nations})\b)[\w-]+[ \t]+){0,5}?<?${escapeRegExp(name)}\b`,
    "i",
  ).exec(text);
  return m ? m[1].toLowerCase() : null;
}

/** "crowns" alone are Swedish unless the article is Czech, Danish or Norwegian ("58bn crowns" of a Prague telecom). */
function withLocalCrowns(f: Fact, text: string): Fact {
  // A figure that says its money ("kronor", "Swedish crowns") keeps it; "crowns", or a bare base after them, do not.
  if (f.unit !== "SEK" || /\b(?:kronor|krona|sek|swedish)\b/i.test(text.slice(f.figureStart, f.figureEnd))) return f;
  // "Danish shipping group Corvan said ... 8.74 billion crowns": the company's own nationality first.
  const own = CROWN_NATIONALITIES[nationalityBefore(f.company, text) ?? ""];
  if (own) return { ...f, unit: own };
  if (/\bSwed(?:en|ish)\b/.test(text)) return f;
  const country = /\bCzech\b/.test(text)
    ? "CZK"
    : /\bSlovak/.test(text)
      ? "SKK"
      : /\b(?:Danish|Denmark)\b/.test(text)
        ? "DKK"
        : /\bNorw(?:ay|egian)\b/.test(text)
          ? "NOK"
          : null;
  return country ? { ...f, unit: country } : f;
}

const FRANC_DATELINE = /^\s*(PARIS|BRUSSELS|ANTWERP|LYON)\s*,\s*[A-Z][a-z]{2,4}\.?\s+\d{1,2}\s+-/im;

/**
 * "francs" alone are Swiss unless the article is French or Belgian: "8.42 billion francs" of a French glassmaker
 * in 1985 are French francs (euros from 2002, when the franc went).
 */
function withLocalFrancs(f: Fact, text: string, year: number | null, currencyOf: () => string): Fact {
  if (
    f.unit !== "CHF" ||
    // "12.70 billion francs vs 24.34 billion": a bare figure after one in francs is in francs too.
    !/\bfrancs\b/i.test(text.slice(Math.max(0, f.figureStart - 40), f.figureEnd)) ||
    /\bSwiss\b|\bSwitzerland\b/.test(text)
  )
    return f;
  // "<ACME.PA>": a company listed in Paris counts in French francs though the text never says French.
  const listed = () => {
    const code = currencyOf();
    return code === "FRF" || code === "BEF" ? code : null;
  };
  // "PARIS, Sept 17 -": the wire's dateline says where the company reports before any other country named.
  const dateline = FRANC_DATELINE.exec(text)?.[1];
  const country = dateline
    ? dateline.toUpperCase() === "PARIS"
      ? "FRF"
      : "BEF"
    : /\b(?:French|France)\b/.test(text)
      ? "FRF"
      : /\b(?:Belgian|Belgium)\b/.test(text)
        ? "BEF"
        : listed();
  if (!country) return f;
  return { ...f, unit: year !== null && year >= 2002 ? "EUR" : country };
}

const BARE_DOLLARS = /\b(?:dlrs?|dollars?)\b/i;
const NAMED_DOLLARS = /\b(?:U\.?S\.?|American|US\$)/;
/** "fell to 9.5 mln dlrs from 9.9 mln": the base, bare of any currency word, is in the sum's dollar. */
const BASE_OF_BARE_DOLLARS =
  /\b(?:dlrs?|dollars?)\b[^.$]{0,40}\b(?:from|against|versus|vs\.?|compared\s+with)\s+(?:about\s+|around\s+)?$/i;

/**
 * "1.5 billion dlrs" in an article of an Australian company listed in Sydney is Australian dollars: a bare dollar
 * takes the dollar of the article's company (from its ticker's exchange or a dollar the article names).
 */
function withArticleDollar(f: Fact, dollarOf: () => string, text: string): Fact {
  if (f.unit !== "USD") return f;
  const figure = text.slice(f.figureStart, f.figureEnd + 12);
  const before = text.slice(Math.max(0, f.figureStart - 60), f.figureStart);
  const ownWord = BARE_DOLLARS.test(figure);
  if (!ownWord && (figure.includes("$") || !BASE_OF_BARE_DOLLARS.test(before))) return f;
  // The dollar word's own surroundings, or for a base the sum's words before it, may name the US dollar.
  const around = ownWord ? text.slice(Math.max(0, f.figureStart - 4), f.figureEnd + 12) : before;
  if (NAMED_DOLLARS.test(around)) return f;
  const dollar = dollarOf();
  return dollar !== "USD" && /D$/.test(dollar) ? { ...f, unit: dollar } : f;
}

/**
 * "Norbeck, which is 51% owned by Akkerbond, said it would ...": a holding told in an aside about the sentence's
 * subject leaves that subject the company "it" and "the group" mean in the sentences after.
 */
function heldInAside(text: string, offset: number, stake: Fact, mentions: Mention[]): boolean {
  const first = mentions[0];
  if (!first || first.start > 40 || first.company !== stake.counterparty) return false;
  if (!/^,\s+(?:which|in\s+which|whose)\b/.test(text.slice(first.end))) return false;
  const figure = stake.figureStart - offset;
  const close = text.indexOf(",", first.end + 1);
  return figure > first.end && close > figure;
}

/** A sentence with a market share sets the market a rival's share said next is of; it lasts one more sentence. */
function nextShareMarket(current: ArticleContext["shareMarket"], sentenceCandidates: Candidate[]) {
  // The sentence's first share is the one it reports; a later one is usually what it is compared with.
  const share = sentenceCandidates
    .filter((c) => c.fact?.kind === "market_share")
    .sort((a, b) => a.figureStart - b.figureStart)[0]?.fact;
  if (share) return { company: share.company, market: share.market, year: share.year, period: share.period, age: 0 };
  // "... to 39% from 64%, selling shares to Ostrel. Ostrel now holds 25%": after a sentence of stakes, a bare
  // figure is a holding, not a rival's share.
  if (sentenceCandidates.some((c) => c.fact?.kind === "stake")) return null;
  return current && current.age < 1 ? { ...current, age: current.age + 1 } : null;
}

/** A government as the mentions name it ("French government", "the Dutch state", "State of Ruritania"). */
const PUBLIC_BODY = /\b(?:government|state|treasury|ministry)$|^State of\s/;

/** A person or a government holds stakes but has no revenue, sales or market share of its own. */
function notAPerson(f: Fact, registry: CompanyRegistry): boolean {
  return (
    f.kind === "stake" || !f.company.split(" + ").some((name) => registry.isKnownPerson(name) || PUBLIC_BODY.test(name))
  );
}

/** A division's or brand's revenue, sales and share are its parent company's; stakes stay as the text names them. */
function underParent(f: Fact, registry: CompanyRegistry, parentOf: ReturnType<typeof findDivisions>): Fact {
  if (f.kind === "stake" || f.company.includes(" + ") || !parentOf.size) return f;
  const entity = registry.lookup(f.company);
  if (!entity) return f;
  const parent = ultimateParent(entity, parentOf);
  if (parent === entity) return f;
  // "Corvan Valve Co, a unit of Ostrel": a subsidiary written with its own legal name reports as itself.
  if ([...entity.surfaces].some((x) => canonicalName(x) !== x)) return f;
  const aliases = { ...f.aliases, [parent.name]: [...parent.surfaces] };
  return { ...f, company: parent.name, stated: f.stated.filter((x) => x !== "company"), aliases };
}

/** Reads one article's bytes and returns its cleaned text and facts. Pure: no I/O, no database. */
export function extractArticle(bytes: Uint8Array, path: string, options: ExtractOptions = {}): ArticleResult {
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const decoded = decodeBytes(bytes);
  // A saved web page is read for its text; the markup and any script in it never reach the facts.
  const cleaned = cleanArticle(looksLikeHtml(decoded.text) ? htmlToText(decoded.text) : decoded.text);
  const sentences = splitSentences(cleaned.text);
  // A headline is not a sentence of the body: it names companies but its figures repeat the body's.
  const titleIsSentence = /[.!?]["”’)]?$/.test(cleaned.title);
  const body = sentences.filter((s) => titleIsSentence || s.start >= cleaned.bodyStart);
  const registry = CompanyRegistry.build(sentences.map((s) => s.text));
  const published = inferPublishedYear(
    body.map((s) => s.text),
    options.publishedYear,
    cleaned.dateLine,
  );

  const parentOf = findDivisions(
    body.map((s) => s.text),
    registry,
  );
  const mainEntity = registry.main();
  const main = mainEntity && mainEntity.mentions >= 2 ? mainEntity.name : null;
  const reference =
    options.publishedDate?.year === published.year
      ? options.publishedDate
      : referenceDateOf(cleaned.dateLine, published.year);
  const ctx = newArticleContext(reference, published.year);
  ctx.table = newTableState(cleaned.title, cleaned.text.slice(cleaned.bodyStart), registry, published.year);
  // "ACME CORP <ACM> YEAR NET ... The company said it shipped": a table's company, named only in its headline, is
  // what "the company" of its notes is.
  const tableCompany = ctx.table.company;
  if (tableCompany && !main)
    ctx.mentions = {
      ...ctx.mentions,
      topic: { start: 0, end: 0, company: tableCompany, surfaces: [], how: "name", possessive: false },
    };
  // "CORVAN LTD YEAR TO MARCH 31 ... its food division lifted turnover to 302 mln": the prose under a table speaks
  // of the period the table reports until it names another.
  const reported = ctx.table.company && ctx.table.headline ? reportedPeriod(ctx.table.headline, null, reference) : null;
  if (reported?.year != null) ctx.discourse = { year: reported.year, period: reported.period };
  const candidates: Candidate[] = [];
  // "whose fiscal year ends in October": the article's quarters are counted from there.
  const fiscalEnd = fiscalYearEndIn(cleaned.text);
  const fiscalEndDay = fiscalEnd === 12 ? null : fiscalYearEndDay(cleaned.text);
  // "ACME CORP SIX MONTHS TO SEPT 30" over "it sold 1.4 mln in the half": the half the headline reports.
  if (!titleIsSentence && cleaned.title) {
    const half = resolveTimes(findTimes(cleaned.title), ctx.reference, cleaned.title, fiscalEnd).find(
      (t) => t.role === "point" && (t.period === "H1" || t.period === "H2"),
    );
    if (half) ctx.lastHalf = { year: half.year, period: half.period };
  }
  let previousEnd = 0;
  let tableYear: number | null = null;
  for (const sentence of body) {
    const sentenceFrom = candidates.length;
    // A deal dated in one paragraph says nothing of the stakes of the next.
    if (cleaned.text.slice(previousEnd, sentence.start).includes("\n")) ctx.dealYear = null;
    previousEnd = sentence.start + sentence.text.length;
    const quantities = findQuantities(sentence.text);
    // Sentences without figures matter only for the period they name.
    const found = quantities.length || MAY_NAME_PERIOD.test(sentence.text) ? findTimes(sentence.text) : [];
    const fiscal = inFiscalQuarters(
      resolveTimes(found, ctx.reference, sentence.text, fiscalEnd, fiscalEndDay),
      fiscalEnd,
    );
    // "shipping 16.8 million PCs in the first quarter", in an article whose company's year ends in April: a
    // quarter of a market is the calendar's, unless the sentence speaks of a fiscal year; so is "last year" in a
    // research firm's count of a market ("held 17% of the market last year, from 19% in 2024").
    const calendar =
      fiscalEnd !== 12 && MARKET_SENTENCE.test(sentence.text) && !FISCAL_WORDS.test(sentence.text)
        ? resolveTimes(found, ctx.reference, sentence.text)
        : null;
    const mixed =
      calendar && calendar.length === fiscal.length
        ? fiscal.map((t, i) =>
            /^Q[1-4]$/.test(found[i]?.period ?? "") || (found[i]?.relative ?? 0) < 0 ? calendar[i] : t,
          )
        : fiscal;
    const times = inTableYear(mixed, tableYear, sentence.text);
    const mentions = findMentions(sentence.text, registry, ctx.mentions, quantities.length === 0);
    ctx.volumeUnit = volumeUnitIn(sentence.text) ?? ctx.volumeUnit;
    ctx.table = advanceTable(ctx.table, sentence.text);
    if (quantities.length) {
      const tokens = tokenize(sentence.text, quantities, times, mentions, registry.peopleIn(sentence.text));
      const features = sentenceFeatures(tokens);
      advanceGroupLeader(ctx, tokens, features);
      advanceFamily(ctx, tokens, features);
      const roles = sentenceRoles(ctx, sentence, quantities, times, mentions, { main, registry });
      const ruled = runRules({ text: sentence.text, offset: sentence.start, tokens, features, ctx, roles });
      candidates.push(...ruled);
      tableYear = tableYearOf(ruled, tableYear);
      // The stake the sentence gives once its figures are settled, as at the end: a reading that loses its figure
      // (to "a 25% interest in its oil field", say) names no holder for the sentences after.
      const stake = ruled.some((c) => c.fact?.kind === "stake")
        ? settleBySpecificity(ruled)
            .facts.filter((f) => f.kind === "stake")
            .at(-1)
        : undefined;
      if (stake) ctx.dealYear = null;
      if (stake && !heldInAside(sentence.text, sentence.start, stake, mentions)) {
        ctx.lastHolder = { start: 0, end: 0, company: stake.company, surfaces: [], how: "name", possessive: false };
        ctx.lastHeld = { start: 0, end: 0, company: stake.counterparty!, surfaces: [], how: "name", possessive: false };
      }
    }
    advancePeriods(ctx, sentence.text, quantities, times);
    // Only this sentence's candidates: the article's whole list would make the cost quadratic.
    ctx.shareMarket = nextShareMarket(ctx.shareMarket, candidates.slice(sentenceFrom));
    // "They own 29%" after "the tycoons Jane Porter and Tom Keane": the pair just named.
    if (!quantities.length) ctx.lastHolder = peoplePairIn(sentence.text, registry.fullNames) ?? ctx.lastHolder;
    ctx.mentions = advance(ctx.mentions, mentions);
  }
  const settled = settleBySpecificity(candidates);
  // A headline in capitals names companies the registry could not read (it cannot tell names from words there).
  const capitalTitle = cleaned.title && cleaned.title === cleaned.title.toUpperCase() ? cleaned.title : null;
  // The article's currency (from its ticker or a dollar it names) is looked for only when a fact needs it.
  let currency: string | null = null;
  const currencyOf = () => {
    currency ??= articleCurrency(cleaned.title, cleaned.text.slice(cleaned.bodyStart), published.year, false);
    return currency;
  };
  const names = { capitalTitle, families: familiesNamed(cleaned.text) };
  const refined = refine(
    settled.facts
      .filter((f) => notAPerson(f, registry))
      .map((f) =>
        underParent(
          withArticleDollar(
            withLocalFrancs(
              withLocalCrowns(withLocalKoruna(withLocalKroner(f, registry, cleaned.text), cleaned.text), cleaned.text),
              cleaned.text,
              published.year,
              currencyOf,
            ),
            currencyOf,
            cleaned.text,
          ),
          registry,
          parentOf,
        ),
      )
      .map((f) => withFamilyHolder(withShortestNames(f, registry, names))),
  );
  return {
    path,
    title: cleaned.title,
    publishedYear: published.year,
    publishedYearSource: published.source,
    cleanedText: cleaned.text,
    sha256,
    encoding: decoded.encoding,
    facts: afterReportedYear(
      withDatedPeriodYear(withReportedPeriod(refined.facts), reference?.month == null),
      reference?.month != null,
    ),
    rejected: refined.rejected,
    ...(options.explain ? { explain: { lost: settled.lost, blocked: settled.blocked } } : {}),
  };
}

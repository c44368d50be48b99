import { escapeRegExp } from "../lexicons/regex";
import { SALES_VOLUME_CUES, VOLUME_UNITS } from "../lexicons/units";
import type { Fact } from "../types";
import { clauseAround } from "./clauses";
import { buildFact, type Extractor } from "./context";
import { marketAfter, placeIn } from "./market";
import { statusAround } from "./status";
import { PUBLIC_BODY, subjectOf } from "./subject";
import { whenOf } from "./when";

const UNIT_AFTER = new RegExp(
  String.raw`^\s+(?:(?:new|used|more|of\s+(?:its|their|the)|[A-Z0-9][\w-]*|[a-z]+-[a-z]+)\s+){0,2}(${Object.keys(
    VOLUME_UNITS,
  )
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join("|")})\b`,
  "i",
);

const SALES_TO_BEFORE =
  /\b(?:sales|deliveries|shipments)\b(?:[^.;$€£¥]|\.(?=\d)){0,50}\bto\s+(?:about\s+|around\s+|nearly\s+|almost\s+|some\s+|more\s+than\s+)?$|\b(?:vehicle|car|unit|truck|handset|phone|smartphone|aircraft)\s+(?:sales|deliveries|shipments)\s+(?:of|reached|totalled|totaled|were|was|hit|at)\s+(?:about\s+|around\s+|nearly\s+|almost\s+|some\s+|more\s+than\s+)?$/i;

const BASE_COUNT_BEFORE =
  /^[^.;]{0,40}\b(?:compared\s+(?:with|to)|against|versus|up\s+from|from)\s+(?:(?:just|only|about|around|some|nearly)\s+)?$/i;

/** Sales volumes: "sold 1.2 million cars", "combined sales of seven to eight million vehicles". */
export const extractSalesVolume: Extractor = (s) => {
  const facts: Fact[] = [];
  for (const q of s.quantities) {
    if (q.kind !== "count" || q.isYear) continue;
    const clause = clauseAround(s.text, q.start);
    const named = UNIT_AFTER.exec(s.text.slice(q.end));
    // "Brand sales rose 4.1% to 61,200": a bare count reached by sales is a volume in the article's unit.
    const bare =
      !named &&
      SALES_TO_BEFORE.test(s.text.slice(clause.start, q.start)) &&
      !/^\s*(?:%|per\s?cent)/i.test(s.text.slice(q.end));
    // "sold more than 100 of the iconic models" in an article that counts cars: cars.
    const soldBefore =
      /\b(?:sold|delivered|shipped)\s+(?:(?:more\s+than|about|around|nearly|almost|some|over|just)\s+)?$/i.test(
        s.text.slice(clause.start, q.start),
      );
    // "sold 100 ..., compared with just ten the previous year": the base is a volume of its own.
    const prior = facts.at(-1);
    if (!named && prior && BASE_COUNT_BEFORE.test(s.text.slice(prior.figureEnd - s.offset, q.start))) {
      const base = s.times.find((t) => t.role === "base" && t.start >= q.end && t.start - q.end < 30);
      const year = base?.year ?? (base?.relative != null && prior.year !== null ? prior.year + base.relative : null);
      const company = s.mentions.find((m) => m.company === prior.company);
      if (company && year !== null) {
        const when = { year, period: prior.period, stated: base?.year != null, target: false };
        facts.push(
          buildFact(s, q, {
            kind: "sales_volume",
            company,
            market: prior.market,
            when,
            low: q.low,
            high: q.high,
            unit: prior.unit,
            status: "actual",
            stated: [],
          }),
        );
      }
      continue;
    }
    if (!named && !((bare || soldBefore) && s.volumeUnit)) continue;
    const unit = named ? VOLUME_UNITS[named[1].toLowerCase()] : s.volumeUnit!;
    const lead = s.text.slice(Math.max(clause.start, q.start - 80), q.start);
    const tail = s.text.slice(q.end, Math.min(clause.end, q.end + 60));
    const cue =
      SALES_VOLUME_CUES.exec(lead) ??
      (/^\s*[\w\s-]{0,30}?\b(?:sold|delivered|shipped)\b/i.test(tail) ? ["sold"] : null);
    if (!cue) continue;
    // "sales of $32bn and a production capacity of 70 million tonnes": the count is output, not sales.
    if (
      /\b(?:capacity|production|produce[sd]?|producing|output|built|build|manufactured?)\b/i.test(
        lead.slice(lead.search(SALES_VOLUME_CUES) + 1),
      )
    )
      continue;
    if (
      /\b(?:across|throughout)\s+the\s+(?:industry|market|sector|country)\b|\bindustry[- ]wide\b/i.test(
        s.text.slice(clause.start, clause.end),
      )
    )
      continue;
    // Changes in units sold are not volumes ("sold 5,000 more cars").
    if (/\b(?:more|fewer|extra|additional)\s*$/i.test(s.text.slice(q.end, q.end + 6)) || /\bby\s+$/i.test(lead))
      continue;
    const company = subjectOf(
      s,
      q.start - lead.length + (lead.search(SALES_VOLUME_CUES) >= 0 ? lead.search(SALES_VOLUME_CUES) : lead.length),
      clause,
    );
    if (!company || PUBLIC_BODY.test(company.company)) continue;
    const when = whenOf(s, q, clause, "FY");
    const market =
      marketAfter(s.text.slice(q.end + (named?.[0].length ?? 0))) ?? placeIn(s.text.slice(clause.start, clause.end));
    facts.push(
      buildFact(s, q, {
        kind: "sales_volume",
        company,
        market,
        when,
        low: q.low,
        high: q.high,
        unit,
        status: statusAround(s.text, clause, q, when.year, s.publishedYear),
        stated: market ? ["market"] : [],
      }),
    );
  }
  return facts;
};

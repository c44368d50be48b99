import { placeIn } from "../extract/market";
import type { Match } from "./pattern";
import type { FactRoles, Rule, RuleSentence } from "./rule";
import { firstCount } from "./salesVolume";
import { quantityOf } from "./tokens";

/**
 * "sold 1.18 mln vehicles, of which 620,000 were sold in Japan", "aims to sell 1.35 mln vehicles, including 380,000
 * in the United States": the part of a count sold in one place, of the same company, time and status, with that
 * place as its market.
 */
function partCount(m: Match, s: RuleSentence): FactRoles[] {
  const first = firstCount(m, s);
  const q = quantityOf(m.captures.figure?.[0]);
  if (!first || !q) return [];
  const rest = s.text.slice(q.end);
  const clauseEnd = rest.search(/[,;.]|\s+and\s/);
  const market = placeIn(clauseEnd < 0 ? rest : rest.slice(0, clauseEnd));
  if (!market) return [];
  return [{ ...first, figure: q, market, stated: [...(first.stated ?? []).filter((x) => x !== "market"), "market"] }];
}

/** Counts of one place inside a count of all places. */
export const SALES_VOLUME_PART_RULES: Rule[] = [
  {
    name: "sales-volume.including-in-place",
    kind: "sales_volume",
    pattern: "{SALES_CUE} ...6 first:{COUNT} unit:{VOLUME_UNIT}? ...8 including|which figure:{COUNT}",
    examples: [
      {
        input:
          "Car sales\n\nDate: 2 March 1987\n\nCorvan Motor said it sold 1.18 mln vehicles in 1986, of which 620,000 were sold in Japan.",
        expected: [
          { kind: "sales_volume", company: "Corvan Motor", market: "Japan", low: 620000, year: 1986, unit: "vehicles" },
        ],
      },
      {
        input:
          "Car sales\n\nDate: 2 March 1987\n\nCorvan Motor aims to sell 1.35 mln vehicles in 1987, including 380,000 in the United States.",
        expected: [
          {
            kind: "sales_volume",
            company: "Corvan Motor",
            market: "US",
            low: 380000,
            year: 1987,
            status: "target",
          },
        ],
      },
    ],
    build: partCount,
  },
];

import type { Rule } from "./rule";
import { articleUnit, notAPercent, soldBefore } from "./salesVolume";

/** Words that say a target counts things sold ("its delivery target"). */
const TARGET_OF_SALES = /^(?:delivery|deliveries|sales|shipment|shipments|volume|unit)$/;

/** Counts a company aims at or guides to, after one it sold: a target moved to a level, or one aimed for. */
export const SALES_VOLUME_TARGET_RULES: Rule[] = [
  {
    name: "sales-volume.aiming-for-count",
    kind: "sales_volume",
    // "shipped 31.5 million panels last year, and is aiming for more than 45 million in 2026": the count aimed at,
    // of the things sold before.
    pattern:
      "aiming|aims|aim|aimed|targeting for|at|to top|reach|hit|exceed|pass|surpass? {FIGURE_LEAD}? figure:{COUNT}",
    when: (m, s) => notAPercent(m, s) && soldBefore(m, s),
    examples: [
      {
        input:
          "Cars\n\nTarrow Motors sold 1.2 million vehicles in 2025, and is aiming for more than 1.5 million in 2026.",
        expected: [{ kind: "sales_volume", company: "Tarrow Motors", low: 1500000, year: 2026, status: "target" }],
      },
    ],
    build: articleUnit,
  },
  {
    name: "sales-volume.target-moved-to",
    kind: "sales_volume",
    // "delivered 97,250 vehicles in the quarter and cut its 2026 target to 420,000": the target as it now stands
    // (the one it replaced is not-volume.superseded-forecast's to drop).
    pattern:
      "raised|raises|cut|cuts|lowered|lowers|lifted|lifts|trimmed|trims|reduced|reduces|revised|revises its|their ...3 target|forecast|goal|guidance|outlook ...4 to between? {FIGURE_LEAD}? figure:{COUNT}",
    // ("raised its delivery target for 2026 to 500,000 vehicles": the target says what is counted.)
    when: (m, s) =>
      notAPercent(m, s) &&
      (soldBefore(m, s) || s.tokens.slice(m.from, m.to).some((t) => TARGET_OF_SALES.test(t.lower))),
    examples: [
      {
        input: "Targets\n\nOstrel Auto raised its delivery target for 2026 to 500,000 vehicles.",
        expected: [{ kind: "sales_volume", company: "Ostrel Auto", low: 500000, year: 2026, status: "target" }],
      },
      {
        input:
          "Date: 2 April 2026\n\nDeliveries\n\nCorvan Auto said it delivered 97,250 vehicles in the quarter, down 6%, and cut its 2026 target to between 420,000 and 450,000 vehicles.",
        expected: [
          {
            kind: "sales_volume",
            company: "Corvan Auto",
            low: 420000,
            high: 450000,
            year: 2026,
            period: "FY",
            status: "target",
          },
        ],
      },
    ],
    build: articleUnit,
  },
];

import { baseShare, listedShare, rivalInSentence, shareOfShipments, shareOfSpending } from "./marketShareRoles";
import type { Rule } from "./rule";

/**
 * Rivals' shares said in the same sentence as a company's own, of the same market and time; and shares of a
 * market counted in units shipped or delivered ("19.6% of global smartphone shipments").
 */
export const MARKET_SHARE_RIVAL_RULES: Rule[] = [
  {
    name: "market-share.rival-for",
    kind: "market_share",
    pattern: "first:{PERCENT} of ...6 {SHARE_OF} ...8 figure:{PERCENT} for ...4 holder:{COMPANY}",
    examples: [
      {
        input:
          "Cars in China\n\nCorvan Motors has 9 per cent of the Chinese car market, compared with 11 per cent for Japanese rival Ostrel Motor.",
        expected: [{ kind: "market_share", company: "Ostrel Motor", low: 11 }],
      },
    ],
    build: rivalInSentence,
  },
  {
    name: "market-share.rival-with",
    kind: "market_share",
    pattern:
      "first:{PERCENT} of ...6 {MARKET_WORD} ...14 behind|ahead|after|trailing ...5 holder:{COMPANY} ,? with|on|at figure:{PERCENT}",
    examples: [
      {
        input:
          "Chips\n\nCorvan held 21% of the market for AI accelerator chips in 2025, behind Ostrel Systems with 64%.",
        expected: [{ kind: "market_share", company: "Ostrel Systems", low: 64, year: 2025 }],
      },
    ],
    build: rivalInSentence,
  },
  {
    name: "market-share.rival-share-to",
    kind: "market_share",
    pattern: "first:{PERCENT} ...10 while|whereas|and holder:{COMPANY} ...8 share ...3 to figure:{PERCENT}",
    examples: [
      {
        input:
          "Grocers\n\nCorvan's share of the UK grocery market rose to 16.1 per cent in 2005, while Ostrel & Co saw its share slip to 12.4 per cent.",
        expected: [{ kind: "market_share", company: "Ostrel", low: 12.4, year: 2005 }],
      },
    ],
    build: rivalInSentence,
  },
  {
    name: "market-share.rival-possessive",
    kind: "market_share",
    pattern: "first:{PERCENT} share ...8 compared|against|versus|ahead with|of? holder:{COMPANY} figure:{PERCENT}",
    examples: [
      {
        input:
          "Phones\n\nOver the whole of 2025, Corvan stayed ahead with a 20.3% share, compared with Ostrel's 18.2%.",
        expected: [{ kind: "market_share", company: "Ostrel", low: 18.2, year: 2025 }],
      },
    ],
    build: rivalInSentence,
  },
  {
    name: "market-share.pct-of-shipments",
    kind: "market_share",
    pattern: "figure:{PERCENT} of ...4 shipments|deliveries",
    // "nearly half of all deliveries", "30% of its shipments": a part of its own, not of a market.
    when: (m, s) => {
      const figure = m.captures.figure?.[0];
      if (figure?.type !== "quantity" || figure.quantity.fraction) return false;
      return !s.tokens.slice(m.from, m.to).some((t) => /^(?:all|its|their|our|total|the company's)$/.test(t.lower));
    },
    examples: [
      {
        input: "Phones\n\nResearch firm Halden said Corvan took 19.6% of global smartphone shipments in 2025.",
        expected: [{ kind: "market_share", company: "Corvan", low: 19.6, year: 2025 }],
      },
    ],
    build: shareOfShipments,
  },
  {
    name: "market-share.rival-for-after-share",
    kind: "market_share",
    pattern: "{MARKET_WORD} ...10 first:{PERCENT} ...8 figure:{PERCENT} for ...4 holder:{COMPANY}",
    examples: [
      {
        input:
          "Pumps\n\nCorvan said its share of the West German market for industrial pumps rose to 31 pct in 1986, against 19 pct for its nearest rival <Ostrel Pumpen GmbH>.",
        expected: [{ kind: "market_share", company: "Ostrel Pumpen", low: 19, year: 1986 }],
      },
    ],
    build: rivalInSentence,
  },
  {
    name: "market-share.rival-and-for",
    kind: "market_share",
    pattern: "first:{PERCENT} for ...3 {COMPANY} and figure:{PERCENT} for ...4 holder:{COMPANY}",
    examples: [
      {
        input:
          "Cars in China\n\nCorvan has 9 per cent of the Chinese car market, compared with 11 per cent for rival Ostrel Motor and 6 per cent for South Korea's Halden.",
        expected: [{ kind: "market_share", company: "Halden", low: 6 }],
      },
    ],
    build: rivalInSentence,
  },
  {
    name: "market-share.listed-with",
    kind: "market_share",
    pattern: "holder:{COMPANY} ,? with|on figure:{PERCENT}",
    examples: [
      {
        input:
          "Handsets\n\nCorvan held nearly 31% of the global handset market last year, ahead of Ostrel with 13.5%, Halden with 12.6% and Tarrow on 9%, researchers said.",
        expected: [
          { kind: "market_share", company: "Halden", low: 12.6 },
          { kind: "market_share", company: "Tarrow", low: 9 },
        ],
      },
      {
        input:
          "Handsets\n\nCorvan held 31% of the global handset market in 2004. Ostrel was second with 14.8 per cent, ahead of Halden on 12.6 per cent.",
        expected: [{ kind: "market_share", company: "Halden", low: 12.6 }],
      },
    ],
    build: listedShare,
  },
  {
    name: "market-share.listed-which-has",
    kind: "market_share",
    // A rival's share in a clause of its own after the sentence's first share.
    pattern: "holder:{COMPANY} , which|who has|holds|commands|controls|had|held {FIGURE_LEAD}? figure:{PERCENT}",
    examples: [
      {
        input:
          "Paint\n\nCorvan Paints has about 17% of the British paint market, behind Ostrel, which commands almost 25%.",
        expected: [{ kind: "market_share", company: "Ostrel", low: 25, market: "UK" }],
      },
    ],
    build: listedShare,
  },
  {
    name: "market-share.listed-while-aside-held",
    kind: "market_share",
    // "Ostrel was second with a 19% share, while Halden, which has been gaining ground in India, held 13%": a
    // rival's share after a share, however long the aside about it.
    pattern:
      "first:{PERCENT} share|slice|of ...24 while|whereas holder:{COMPANY} , ...18 , has|had|holds|held|commands|controls|took {FIGURE_LEAD}? figure:{PERCENT}",
    examples: [
      {
        input:
          "Phones\n\nCorvan took 21% of the smartphone market, while Halden, which has been gaining ground with budget handsets in India, held 13%.",
        expected: [{ kind: "market_share", company: "Halden", low: 13 }],
      },
    ],
    build: listedShare,
  },
  {
    name: "market-share.while-rival-has",
    kind: "market_share",
    // "Ostrel has about 12% of the UK milk market, while Halden has 26%": the rival's share of the same market.
    pattern:
      "first:{PERCENT} share|slice|of ...12 while|whereas holder:{COMPANY} has|had|holds|held|commands|controls|took|takes {FIGURE_LEAD}? about|around|roughly|nearly|some? figure:{PERCENT}",
    examples: [
      {
        input:
          "Dairies\n\nOstrel has about 12% of the UK milk market, while Halden has 26%, so a merger would face scrutiny.",
        expected: [{ kind: "market_share", company: "Halden", low: 26 }],
      },
    ],
    build: listedShare,
  },
  {
    name: "market-share.listed-for-a-share",
    kind: "market_share",
    // "... with 56.6 million and a 17.8% share", "for a 16.9% slice of the market".
    pattern: "holder:{COMPANY} ...8 for|and|with|, a|an figure:{PERCENT} share|slice",
    examples: [
      {
        input:
          "Phones\n\nCorvan shipped 61.2 million units, a 20.5% share of the smartphone market, while Ostrel shipped 57.9 million units for a 19.4% share.",
        expected: [
          { kind: "market_share", company: "Corvan", low: 20.5 },
          { kind: "market_share", company: "Ostrel", low: 19.4 },
        ],
      },
      {
        input:
          "Phones\n\nCorvan shipped 61.2 million units, a 20.5% share of the smartphone market. China's Ostrel was close behind with 56.6 million and a 17.8% share.",
        expected: [
          { kind: "market_share", company: "Corvan", low: 20.5 },
          { kind: "market_share", company: "Ostrel", low: 17.8 },
        ],
      },
    ],
    build: listedShare,
  },
  {
    name: "market-share.for-a-share-of",
    kind: "market_share",
    // "shipped 52.1 million, for a share of about 17.7%", "giving it a market share of 9%": the share after the count.
    pattern: "holder:{COMPANY} ...12 for|giving|gives|gave it? a|an market? share of {FIGURE_LEAD}? figure:{PERCENT}",
    examples: [
      {
        input:
          "Phones\n\nGlobal smartphone shipments rose 3% in the first quarter of 2026. Ostrel's shipments fell 6% to 52.1 million, for a share of about 17.7%.",
        expected: [{ kind: "market_share", company: "Ostrel", low: 17.7, approximate: true, year: 2026, period: "Q1" }],
      },
    ],
    build: listedShare,
  },
  {
    name: "market-share.listed-share-base",
    kind: "market_share",
    // "shipped 55.9 million for an 18.8% share, down from 21.3% a year earlier": the share it is compared with.
    pattern:
      "holder:{COMPANY} ...12 for|and|with|giving|gives|gave|, it? a|an market? first:{PERCENT}? share|slice of? {FIGURE_LEAD}? first:{PERCENT}? ,? down|up from {FIGURE_LEAD}? figure:{PERCENT}",
    when: (m) => m.captures.first?.length === 1,
    examples: [
      {
        input:
          "Date: 20 April 2026\n\nPhones\n\nCorvan shipped 58.3 million smartphones in the first quarter. Ostrel shipped 55.9 million for an 18.8% share, down from 21.3% a year earlier.",
        expected: [{ kind: "market_share", company: "Ostrel", low: 21.3, year: 2025, period: "Q1" }],
      },
      {
        input:
          "Date: 20 April 2026\n\nPhones\n\nOstrel shipped 58.9 million phones in the first quarter, for a share of 20.6%, down from 23.1% a year earlier.",
        expected: [{ kind: "market_share", company: "Ostrel", low: 23.1, year: 2025, period: "Q1" }],
      },
    ],
    build: (m, s) => baseShare(m, s, false, listedShare),
  },
  {
    name: "market-share.listed-for",
    kind: "market_share",
    pattern: "figure:{PERCENT} for ...4 holder:{COMPANY}",
    examples: [
      {
        input:
          "Phones\n\nHalden said Corvan took 19.6% of smartphone shipments in 2025, against 18.9% for Ostrel, which shipped 59.2 million units, and 12.1% for Tarrow.",
        expected: [{ kind: "market_share", company: "Tarrow", low: 12.1 }],
      },
    ],
    build: listedShare,
  },
  {
    name: "market-share.accounted-for-pct-of-spending",
    kind: "market_share",
    pattern:
      "holder:{COMPANY} accounted|handled|took|captured|had|held for? {FIGURE_LEAD}? figure:{PERCENT} of all? market:...4 sales|spending|registrations",
    // "accounted for 38% of its sales" is a part of its own; a share is of a whole market's.
    when: (m) => !(m.captures.market ?? []).some((t) => /^(?:its|their|his|her|our|the company's)$/.test(t.lower)),
    examples: [
      {
        input:
          "Delivery apps\n\nIn March, Corvan Eats handled about 61% of US restaurant delivery spending, according to card data.",
        expected: [{ kind: "market_share", company: "Corvan Eats", low: 61, market: "US" }],
      },
      {
        input:
          "EVs\n\nDate: 20 April 2026\n\nOstrel Motors accounted for 14.1% of US EV sales in the first quarter, down from 17.5% a year earlier.",
        expected: [{ kind: "market_share", company: "Ostrel Motors", low: 14.1, year: 2026, period: "Q1" }],
      },
    ],
    build: shareOfSpending,
  },
  {
    name: "market-share.pct-of-all-sold",
    kind: "market_share",
    // "generates about 17% of Britain's electricity", "sold 38% of all consoles bought in Japan": a part of what a
    // whole market buys or uses, though the sentence never says "market"; the holder may be named or described.
    pattern:
      "holder:{HELD_REF} ...6 accounts|accounted|account|supplies|supplied|supply|generates|generated|sold|sells|controls|holds|has|took|takes|makes|made for? {FIGURE_LEAD}? figure:{PERCENT} of all? market:...5 sold|bought|used|deliveries|spending|electricity|advertising|deposits|consumed",
    when: (m, s) => {
      const figure = m.captures.figure?.[0];
      // "half of all deliveries" is the model's or the product's, said loosely; "they now account" is another's.
      if (figure?.type !== "quantity" || figure.quantity.fraction) return false;
      const gap = s.tokens.slice(m.from + 1, s.tokens.indexOf(figure));
      return (
        // ("Corvan said it accounted for 53%" is Corvan's own word.)
        !gap.some(
          (t, i) => /^(?:they|it|we)$/.test(t.lower) && !/^(?:said|says|estimates)$/.test(gap[i - 1]?.lower ?? ""),
        ) &&
        !(m.captures.market ?? []).some((t) => /^(?:its|their|his|her|our|shares|stock|capital|equity)$/.test(t.lower))
      );
    },
    examples: [
      {
        input: "Power\n\nCorvan Energy, the former state monopoly, generates about 17% of Britain's electricity.",
        expected: [{ kind: "market_share", company: "Corvan Energy", low: 17, approximate: true }],
      },
      {
        // A holder described ("the chain") is the company just named.
        input:
          "Grocers\n\nOstrel Stores, Britain's biggest grocer, gained ground again. In the 12 weeks to 23 January, the chain accounted for 28.4% of grocery spending.",
        expected: [{ kind: "market_share", company: "Ostrel Stores", low: 28.4 }],
      },
      {
        input:
          "Consoles\n\nOstrel Games sold 38% of all games consoles bought in Japan in 2004, according to a trade newsletter.",
        expected: [{ kind: "market_share", company: "Ostrel Games", low: 38, year: 2004, period: "FY" }],
      },
    ],
    build: shareOfSpending,
  },
];

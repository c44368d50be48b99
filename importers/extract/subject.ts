import { ASIDE_THEN_VERB, countedAsProduct, type Mention } from "../analyse/mentions";
import { PRODUCT_BEFORE } from "../lexicons/companies";
import type { SentenceContext } from "./context";

/** "Corvan, which brews the Ostrel brand": a name the sentence gives as a product or brand is no company of a figure. */
export function namedAsProduct(text: string, start: number): boolean {
  return PRODUCT_BEFORE.test(text.slice(Math.max(0, start - 60), start));
}

/** Sources and observers: a company after these words is not the one the figure belongs to. */
const NOT_SUBJECT_BEFORE =
  /\b(?:according to|analysts? at|analysts? from|economists? at|said|told|reported by|sources? at|a report by|a report from|data from|figures from|research by|published by|compiled by)\s+$/i;
/** "founded by Paris-based former banker Anne Morel": whoever did it to the company is not the company. */
const AGENT_BEFORE =
  /\b(?:founded|run|headed|owned|set\s+up|created|started|established|chaired|advised)\s+by\s+(?:[\w-]+\s+){0,3}$/i;
const RELATIVE_AFTER = /^,?\s+(?:which|who)\b|^,\s+(?:an?|the)\s+(?:[\w'’-]+\s+){0,6}(?:which|who)\b/;
const OBJECT_OF_PREPOSITION =
  /\b(?:in|of|with|to|from|for|at|on|into|over|against|between|than|like|including|such\s+as|unlike)\s+(?:(?:the|its|their|a|an)\s+)?(?:(?!which\b|whom\b|whose\b|that\b|and\b|but\b|said\b|says\b)[a-z][\w-]*\s+){0,2}$/;
/** "X has overtaken Corvan to become ..., with turnover rising 8%": the object of such a verb is not the subject. */
const VERB_OBJECT_BEFORE =
  /\b(?:overtak(?:en|es|ing)|overtook|outsold|outpaced|outstripped|beat(?:en|ing)?|displac(?:ed|es|ing)|dethron(?:ed|es|ing)|overhaul(?:ed|s|ing)|pass(?:ed|es|ing))\s+(?:the\s+|its\s+|their\s+)?(?:(?:rival|rivals|competitor|leader)\s+)?$/i;
/** Governments and their departments have budgets, not revenues. */
export const PUBLIC_BODY =
  /\b(?:Department|Ministry|Agency|Bureau|Commission|Office|Authority|Council|Board|Government|Parliament|Court|Treasury|Statistics|Institute|Administration|Consortium|Association|Federation|Confederation|Chamber|Union|Society|Foundation)\b/;
/** "the sector saw a sales increase": a whole industry or economy, not a company. */
const COLLECTIVE_SUBJECT =
  /\b(?:the|its|their)\s+(?:(?:[a-z]+|\d+)\s+){0,2}(?:sector|industry|market|economy|country|nation|region|retailers|shops|stores|firms|companies|manufacturers|carmakers|automakers|makers)\b/i;

/**
 * "Chief executive Tom Keane said Corvan hoped to sell 2 million": a name that opens the clause said is its
 * subject, unlike the speaker named after "said" ("..., said Corvan on Monday").
 */
function reportedSubject(text: string, m: Mention, speaker: Mention | undefined): boolean {
  // "Corvan said it expects": "it" is the speaker; one resolved to another name ("Corvan, owned by the Keane
  // family, said it") was resolved wrongly and the speaker stands.
  if (m.how === "pronoun" && m.company !== speaker?.company) return false;
  return (
    (m.how === "name" || m.how === "pronoun") &&
    /\b(?:said|told\s+\w+)\s+$/i.test(text.slice(Math.max(0, m.start - 20), m.start)) &&
    // "said its share rose": a possessive opens the clause said as its subject does.
    (m.possessive ||
      /^\s+(?:(?:now|also|still|had|has|have|was|is|would|will|could|may|might|expects?|expected|hoped|hopes|plans?|planned|aims?|aimed|sold|sells|shipped|delivered|intends|intended|wants|wanted|held|holds|took|takes|controls|controlled|commands|commanded|captured|accounted|accounts|won|grabbed|gained|lost|kept|increased|lifted|raised|cut)\b)/.test(
        text.slice(m.end, m.end + 20),
      ))
  );
}

/**
 * "Corvan Systems, the maker of software used by half of the Fortune 500, said revenue rose": the names of a
 * description set off after the sentence's opening name belong to the description, not to the figures said after it.
 */
function asideAfterOpener(s: SentenceContext, anchor: number): { start: number; end: number } | null {
  const opener = s.mentions[0];
  // ("French carmaker Corvan, in which the state holds 15%, reported": a calling before the name opens it too.)
  if (
    (opener?.how !== "name" && opener?.how !== "description") ||
    !/^\W*(?:[A-Z][a-z]+\s+)?(?:[a-z][\w-]*\s+){0,3}$/.test(s.text.slice(0, opener.start))
  )
    return null;
  const m = ASIDE_THEN_VERB.exec(s.text.slice(opener.end));
  if (!m || opener.end + m[0].length > anchor) return null;
  return { start: opener.end, end: opener.end + m[0].length };
}

/**
 * The company a figure belongs to: a possessive right before the metric ("Renault's revenue"), a company right
 * after it ("sales at Tesco"), the nearest company before it in its clause or sentence, or the running topic.
 */
export function subjectOf(
  s: SentenceContext,
  anchor: number,
  clause: { start: number; end: number },
  exclude: Set<string> = new Set(),
  /** Whether a sentence that names no company may fall back on the article's company (not for stake holders). */
  implicit = true,
): Mention | null {
  const aside = asideAfterOpener(s, anchor);
  const usable = s.mentions.filter(
    (m) =>
      !exclude.has(m.company) &&
      !(aside && m.start > aside.start && m.start < aside.end) &&
      !(m.how === "name" && (namedAsProduct(s.text, m.start) || countedAsProduct(s.text, m))) &&
      (!NOT_SUBJECT_BEFORE.test(s.text.slice(Math.max(0, m.start - 30), m.start)) ||
        reportedSubject(s.text, m, s.mentions[0])),
  );
  const possessive = usable
    .filter((m) => m.possessive && m.end <= anchor && /^\s*(?:[a-z-]+\s+){0,3}$/.test(s.text.slice(m.end, anchor)))
    .at(-1);
  // "NAA also said its market share": the name "its" stands for carries the forms it was written in.
  if (possessive?.how === "pronoun")
    return s.mentions.find((m) => m.how === "name" && m.company === possessive.company) ?? possessive;
  if (possessive) return possessive;
  const afterMetric = usable.find(
    (m) =>
      m.start >= anchor &&
      m.start - anchor < 40 &&
      /^\w+\s+(?:at|of|for|from|by)\s+(?:the\s+)?(?:[a-z-]+\s+){0,3}$/.test(s.text.slice(anchor, m.start)),
  );
  if (afterMetric) return afterMetric;
  // A joint subject ("the three firms") never holds a stake in one of its own members.
  const inClause = usable
    .filter(
      (m) =>
        m.end <= anchor &&
        m.start >= clause.start &&
        !(m.how === "group" && exclude.size && m.company.split(" + ").some((c) => exclude.has(c))),
    )
    .at(-1);
  if (inClause) {
    // "Toyota holds a stake in Subaru and owns 5% of Mazda": an object of a preposition is not the subject.
    const subjectLike = usable.filter(
      (m) =>
        m.end <= anchor &&
        m.start >= clause.start &&
        // "chief executive of Corvan, which owns 41%": the head of a relative clause is its subject, past an
        // apposition too ("owns 32 pct of Corvan, a Texas insurer which had revenues of").
        (RELATIVE_AFTER.test(s.text.slice(m.end, m.end + 80)) ||
          (!OBJECT_OF_PREPOSITION.test(s.text.slice(Math.max(0, m.start - 40), m.start)) &&
            !VERB_OBJECT_BEFORE.test(s.text.slice(Math.max(0, m.start - 40), m.start)) &&
            !AGENT_BEFORE.test(s.text.slice(Math.max(0, m.start - 60), m.start)))),
    );
    return jointWithPartner(
      s,
      inClause.how !== "name" || subjectLike.length === 0 || subjectLike.includes(inClause)
        ? inClause
        : subjectLike.at(-1)!,
      usable,
    );
  }
  if (COLLECTIVE_SUBJECT.test(s.text.slice(clause.start, anchor))) return null;
  // Outside the figure's clause, the sentence's subject (its first company) is the better guess than the nearest
  // name: "Rivals copying its brands Zelto and Mirra hurt profits, but group sales were up 2%".
  const before = usable.filter((m) => m.end <= anchor);
  const inSentence =
    before.find((m) => !OBJECT_OF_PREPOSITION.test(s.text.slice(Math.max(0, m.start - 40), m.start))) ?? before[0];
  if (inSentence) return inSentence;
  if (!implicit) return null;
  // Quoted speech ("We expect revenue growth of 10%") is the company last spoken of.
  if (
    /\b(?:we|our)\b/i.test(s.text) &&
    s.topic &&
    s.topic.company === s.recurringTopic &&
    !exclude.has(s.topic.company)
  )
    return { ...s.topic, how: "pronoun", surfaces: [], start: anchor, end: anchor };
  // A sentence that names no company ("Sales rose 5%") goes on about the company last spoken of, if the article
  // names it more than once; else it is about the company the article is about.
  if (s.topic && s.topic.company === s.recurringTopic && s.topic.how !== "group" && !exclude.has(s.topic.company))
    return { ...s.topic, how: "pronoun", surfaces: [], start: anchor, end: anchor };
  if (s.main && !exclude.has(s.main))
    return { start: anchor, end: anchor, company: s.main, surfaces: [], how: "pronoun", possessive: false };
  if (s.topic && !exclude.has(s.topic.company))
    return { ...s.topic, how: "pronoun", surfaces: [], start: anchor, end: anchor };
  return null;
}

/** "Norvale and Tamsin aim to sell ...": a subject written as two names joined by "and" is a joint subject. */
function jointWithPartner(s: SentenceContext, m: Mention, usable: Mention[]): Mention {
  if (m.how !== "name") return m;
  const partner = usable.filter((p) => p.how === "name" && p.end <= m.start && p.company !== m.company).at(-1);
  if (!partner || !/^\s*(?:and|&)\s*$/.test(s.text.slice(partner.end, m.start))) return m;
  // "the deal between X and Y": only a pair that opens its clause acts together.
  if (
    !/^(?:\W*|.*\b(?:both|together|combination\s+of|merger\s+of|merging|combining|merged)\b.*)$/i.test(
      s.text.slice(0, partner.start).replace(/^.*[;:]/, ""),
    )
  )
    return m;
  return { ...m, start: partner.start, company: `${partner.company} + ${m.company}`, surfaces: [], how: "group" };
}

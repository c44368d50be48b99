import { DIVISION_NOUNS, PARENT_NOUNS, PRODUCT_NOUNS } from "../lexicons/divisions";
import { alternation, endAnchored } from "../lexicons/regex";
import { type CompanyRegistry, type Entity, leads, type NameSpan } from "./companies";

const PARENT_BEFORE = endAnchored(new RegExp(String.raw`\b(?:${alternation(PARENT_NOUNS)})\s+$`, "i"));
const DIVISION_AFTER = new RegExp(String.raw`^\s+(?:[a-z-]+\s+){0,2}(?:${alternation(DIVISION_NOUNS)})\b`);
const OWNED_BEFORE = endAnchored(/(?:\b(?:its|their)|['’]s?)\s+(?:(?:wholly-?\s*owned|own|main|core|flagship)\s+)?$/i);
const DIVISION_OF_BETWEEN = new RegExp(
  String.raw`^,?\s+(?:(?:a|an|the)\s+(?:[\w-]+\s+){0,2}(?:${alternation(DIVISION_NOUNS)})\s+of|(?:which\s+is\s+|now\s+)?(?:wholly\s+)?owned\s+by)\s+$`,
  "i",
);
const APPOSED_DIVISION = new RegExp(
  String.raw`^\s*,\s+(?:the\s+(?:company|group|firm)['’]s|its)\s+(?:[a-z-]+\s+){0,2}(?:${alternation(DIVISION_NOUNS)})\b`,
);
const OWNS_BETWEEN = /^\s+(?:also\s+|now\s+|still\s+)?owns\s+(?:the\s+)?$/;
const PRODUCT_BEFORE = endAnchored(
  new RegExp(
    String.raw`\b(?:${alternation(PRODUCT_NOUNS)})\s*(?:[-–—,:(]\s*)?(?:(?:including|such\s+as|like|notably)\s+)?$`,
    "i",
  ),
);
const STAKE_OF_BEFORE = /\d\s*(?:%|pct|per\s*cent)\s+(?:stake\s+|holding\s+)?(?:of|in)\s+(?:[\w-]+\s+){0,4}$/i;
const OWNER_OF_BEFORE = endAnchored(/\b(?:owner|owners|parent|operator)\s+of\s+(?:the\s+)?$/i);
const LIST_BETWEEN = /^\s*(?:,|,?\s+and|,?\s+or)\s*$/;
/**
 * The words PARENT_BEFORE and PRODUCT_BEFORE need, looked for once in the whole sentence: most sentences have
 * none, and those patterns, tried at every place in the text before each name, cost far more.
 */
const PARENT_WORD = new RegExp(alternation(PARENT_NOUNS), "i");
const PRODUCT_WORD = new RegExp(alternation(PRODUCT_NOUNS), "i");

interface CompanySpan {
  span: NameSpan;
  entity: Entity;
}

/**
 * Which companies of an article are divisions, brands or products of another ("its Corvan Life arm",
 * "profits at parent Ostrel", "anti-depressant Zelvox"). The figures of a division are its parent's.
 */
export function findDivisions(sentences: string[], registry: CompanyRegistry): Map<string, Entity> {
  const parentOf = new Map<string, Entity>();
  // Products belong to the company the article is about, which is settled once every product is known.
  const products = new Set<Entity>();
  const MAIN = null;
  const link = (child: Entity, parent: Entity | null) => {
    if (parent === MAIN) products.add(child);
    else if (parent.key !== child.key && !parentOf.has(child.key)) parentOf.set(child.key, parent);
  };
  for (const s of sentences) {
    const spans: CompanySpan[] = [];
    for (const span of registry.spansOf(s)) {
      const entity = registry.lookup(span.name);
      if (entity) spans.push({ span, entity });
    }
    if (!spans.length) continue;
    // A parent named before a name owns the names before it: a sentence's first name has none, so a sentence of one
    // name is never searched for the parent's words.
    let mayNameParent: boolean | undefined;
    const mayNameProduct = PRODUCT_WORD.test(s);
    const mayNameOwner = s.includes(" of ");
    let listOwner: Entity | null | undefined;
    for (let i = 0; i < spans.length; i++) {
      const { span, entity } = spans[i];
      const before = s.slice(Math.max(0, span.start - 60), span.start);
      if (i > 0) {
        mayNameParent ??= PARENT_WORD.test(s);
        if (mayNameParent && PARENT_BEFORE.test(before))
          for (const earlier of spans.slice(0, i)) link(earlier.entity, entity);
      }
      // "Corvan's Ostrel Life arm", "its Ostrel unit": the owner is the possessor, or the sentence's earlier company.
      if (DIVISION_AFTER.test(s.slice(span.end)) && OWNED_BEFORE.test(before)) {
        const possessor = i > 0 && /['’]s?\s+$/.test(s.slice(spans[i - 1].span.start, span.start));
        if (possessor || /\b(?:its|their)\s/i.test(before)) link(entity, i > 0 ? spans[i - 1].entity : MAIN);
      }
      // "Snacks, the company's biggest division, brought in": a name set off as the article's company's division.
      if (APPOSED_DIVISION.test(s.slice(span.end, span.end + 60))) link(entity, MAIN);
      if (i > 0) {
        const between = s.slice(spans[i - 1].span.end, span.start);
        if (DIVISION_OF_BETWEEN.test(between)) link(spans[i - 1].entity, entity);
        if (OWNS_BETWEEN.test(between)) link(entity, spans[i - 1].entity);
      } else if (
        s.includes("owns") &&
        /\b(?:It|it|The group|the group)\s+(?:also\s+|now\s+|still\s+)?owns\s+(?:the\s+)?$/.test(before)
      ) {
        link(entity, MAIN);
      }
      // "anti-depressants Zelvox and Quoran", "three marques - Corvan, Ostrel and Tamsin": products of the maker;
      // "Corvan - owner of Velo and Ardent -": businesses of the owner just named.
      const listed = listOwner !== undefined && i > 0 && LIST_BETWEEN.test(s.slice(spans[i - 1].span.end, span.start));
      if (!listed) {
        listOwner = undefined;
        // ("bought 25% of designer label Corvan Moda": a label a stake is bought in is a company of its own.)
        if (mayNameProduct && PRODUCT_BEFORE.test(before) && !STAKE_OF_BEFORE.test(before)) listOwner = MAIN;
        else if (mayNameOwner && i > 0 && OWNER_OF_BEFORE.test(before)) listOwner = spans[i - 1].entity;
      }
      if (listOwner !== undefined) link(entity, listOwner);
    }
  }
  // A maker's namesake brand ("marques - Corvan, Velo") leaves it the main company; a product merely named as
  // often as its maker does not.
  let main = registry.main();
  let maker: Entity | null = null;
  for (const e of registry.entities.values()) {
    if (!products.has(e) && !parentOf.has(e.key) && (!maker || leads(e, maker))) maker = e;
  }
  if (main && products.has(main) && maker && maker.mentions >= main.mentions) main = maker;
  for (const p of products) if (main && p !== main && !parentOf.has(p.key)) parentOf.set(p.key, main);
  // "its Corvan Life & Pensions arm ... Corvan had sales of $5bn": the short form is the same division.
  // (Most articles have no division at all: then there is nothing to copy, entity by entity.)
  if (parentOf.size)
    for (const e of registry.entities.values()) {
      if (parentOf.has(e.key)) continue;
      for (const [childKey, parent] of [...parentOf]) {
        const child = registry.entities.get(childKey);
        if (child?.name.startsWith(`${e.name} `) && parent.key !== e.key) parentOf.set(e.key, parent);
      }
    }
  return parentOf;
}

/** The company whose figures a division's figures are: its parent, followed up the chain. */
export function ultimateParent(entity: Entity, parentOf: Map<string, Entity>): Entity {
  let current = entity;
  for (let hops = 0; hops < 5; hops++) {
    const parent = parentOf.get(current.key);
    if (!parent || parent.key === entity.key) break;
    current = parent;
  }
  return current;
}

/** Named entities common in news pages; numeric ones are decoded generally. */
const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  euro: "€",
  pound: "£",
  yen: "¥",
  cent: "¢",
  rsquo: "’",
  lsquo: "‘",
  rdquo: "”",
  ldquo: "“",
  mdash: "—",
  ndash: "–",
  hellip: "…",
  copy: "©",
  reg: "®",
  trade: "™",
  eacute: "é",
  egrave: "è",
  uuml: "ü",
  ouml: "ö",
  auml: "ä",
};

/** A document that starts like HTML or is mostly tags. */
export function looksLikeHtml(text: string): boolean {
  // Only the head's first 14 characters are compared: lower-casing 2,000 of every article cost more than the test.
  const head = text.slice(0, 2000).trimStart().slice(0, 14).toLowerCase();
  if (head.startsWith("<!doctype html") || head.startsWith("<html")) return true;
  // Each tag opens with "<": a text with fewer than five of them is no page of tags, and most articles have none.
  if (countBelow(text, "<", 20000, 5) < 5) return false;
  const tags = text.slice(0, 20000).match(/<\/?(?:p|div|br|span|a|h[1-6]|li|ul|body|head|article|section)\b[^>]*>/gi);
  return (tags?.length ?? 0) >= 5;
}

/** How often `mark` occurs in the first `within` characters of a text, counting no further than `enough`. */
function countBelow(text: string, mark: string, within: number, enough: number): number {
  let n = 0;
  for (let at = text.indexOf(mark); at >= 0 && at < within && n < enough; at = text.indexOf(mark, at + 1)) n++;
  return n;
}

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === "#") {
      const n = code[1].toLowerCase() === "x" ? Number.parseInt(code.slice(2), 16) : Number(code.slice(1));
      return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : whole;
    }
    return ENTITIES[code.toLowerCase()] ?? whole;
  });
}

/**
 * Every match of `re` (global, each match ending in `end`) replaced, as `text.replace(re, by)` does, but only in the
 * text up to the last `end`: no match can end past it. Without this, a page of `<` with no `>` (or `<!--` with no
 * `-->`) has the regex scan to the end of the text from every `<`, which is quadratic.
 */
export function replaceBefore(text: string, re: RegExp, end: string, by: string): string {
  const last = text.lastIndexOf(end);
  if (last < 0) return text;
  const cut = last + end.length;
  return text.slice(0, cut).replace(re, by) + text.slice(cut);
}

const DROPPED_ELEMENT = /<(script|style|noscript|template|svg|iframe|head|nav|footer|form)\b/gi;

/**
 * `html.replace(/<(script|...)\b[\s\S]*?<\/\1\s*>/gi, " ")`, in one pass: the closing tag of each name is looked
 * for once from where the last search for it ended, so an unclosed `<script` costs one scan, not one per opening.
 */
function dropElements(html: string): string {
  const closes = new Map<string, { re: RegExp; at: number; end: number }>();
  const parts: string[] = [];
  let kept = 0;
  DROPPED_ELEMENT.lastIndex = 0;
  for (let m = DROPPED_ELEMENT.exec(html); m; m = DROPPED_ELEMENT.exec(html)) {
    const name = m[1].toLowerCase();
    const from = m.index + m[0].length;
    let close = closes.get(name);
    if (!close) {
      close = { re: new RegExp(String.raw`<\/${name}\s*>`, "gi"), at: -2, end: -1 };
      closes.set(name, close);
    }
    // The first closing tag at or after `from`; -1 once there is none, for then there is none further on either.
    if (close.at !== -1 && close.at < from) {
      close.re.lastIndex = from;
      const c = close.re.exec(html);
      close.at = c ? c.index : -1;
      close.end = c ? c.index + c[0].length : -1;
    }
    if (close.at === -1) continue;
    parts.push(html.slice(kept, m.index), " ");
    kept = close.end;
    DROPPED_ELEMENT.lastIndex = close.end;
  }
  if (kept === 0) return html;
  parts.push(html.slice(kept));
  return parts.join("");
}

const TITLE_OPEN = /<title\b/i;
const TITLE_CLOSE = /<\/title>/gi;

/**
 * `html.replace(/<title\b[^>]*>([\s\S]*?)<\/title>/i, "$1\n\n")` without retrying at every later `<title` when the
 * first cannot match: a later one would need a `>` and a `</title>` after the first's, so it cannot match either.
 */
function unwrapTitle(html: string): string {
  const open = TITLE_OPEN.exec(html);
  if (!open) return html;
  const gt = html.indexOf(">", open.index + open[0].length);
  if (gt < 0) return html;
  TITLE_CLOSE.lastIndex = gt + 1;
  const close = TITLE_CLOSE.exec(html);
  if (!close) return html;
  return `${html.slice(0, open.index)}${html.slice(gt + 1, close.index)}\n\n${html.slice(close.index + close[0].length)}`;
}

/** The readable text of an HTML page: scripts, styles and tags gone, blocks on their own lines, entities decoded. */
export function htmlToText(html: string): string {
  // Each step reads the page once: see replaceBefore, dropElements and unwrapTitle for unclosed tags.
  const text = unwrapTitle(dropElements(replaceBefore(html, /<!--[\s\S]*?-->/g, "-->", " ")));
  // Every tag below ends at a ">": they are read up to the last one only, and the rest, cut off once, is kept as
  // it is (cutting at each step would copy a long tail three times).
  const cut = text.lastIndexOf(">") + 1;
  const tags = text
    .slice(0, cut)
    .replace(/<(?:br|hr)\b[^>]*>/gi, "\n")
    .replace(
      /<\/?(?:p|div|h[1-6]|li|ul|ol|tr|table|article|section|header|blockquote|figure|figcaption)\b[^>]*>/gi,
      "\n\n",
    )
    .replace(/<[^>]+>/g, " ");
  return decodeEntities(cut === text.length ? tags : tags + text.slice(cut))
    .replace(/[ \t]+/g, " ")
    .replace(/\n[ \t]+/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

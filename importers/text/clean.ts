import { BODY_END_LINES, NOISE_LINES } from "../lexicons/boilerplate";
import { isRevenueRow, tableHeadingOf } from "../recognise/tableHeading";

export interface CleanedArticle {
  title: string;
  /** Body text, paragraphs separated by blank lines; offsets of facts point into this. */
  text: string;
  /** Where the body starts in `text` (the title line comes first). */
  bodyStart: number;
  /** Publication date given by a `Date:` line at the top of the file, if any. */
  dateLine: string | null;
}

const MONTH =
  "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
/** A line near the top that is only a date ("November 3, 2016", "3 Nov 2016 10:42 GMT", "Published: 2016-11-03"). */
const DATE_LINE = new RegExp(
  String.raw`^(?:(?:published|updated|posted|last updated|date)\s*:?\s*)?(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?,?\s+)?` +
    String.raw`(?:${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)|\d{1,2}(?:st|nd|rd|th)?\s+${MONTH},?\s+((?:19|20)\d\d)|((?:19|20)\d\d)-\d\d-\d\d)` +
    String.raw`(?:[\s,|·-]+.{0,30})?$`,
  "i",
);
/**
 * Whole-line patterns joined into one, tried once per line rather than one by one: each opens with `^`, so the
 * union matches where one of them does. Case is ignored throughout, which changes none of those written without
 * it (they name no letter but through `\w`, which ignores case anyway).
 */
function anyLine(patterns: RegExp[]): RegExp {
  // A pattern written with case must name no letter outside an escape such as `\w` or `\d`.
  const caseFree = (re: RegExp) =>
    re.flags === "i" || (re.flags === "" && !/[a-zA-Z]/.test(re.source.replace(/\\./g, "")));
  for (const re of patterns)
    if (!re.source.startsWith("^") || !caseFree(re)) throw new Error(`cannot join line pattern ${re}`);
  return new RegExp(patterns.map((re) => `(?:${re.source})`).join("|"), "i");
}
const BODY_END_LINE = anyLine(BODY_END_LINES);
const NOISE_LINE = anyLine(NOISE_LINES);

const BYLINE = /^by\s+([A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3})$/i;

/**
 * Every character the replacements below change. NFC composes none of them, so a text without any is left as it
 * is by all four, and one scan for them spares four (most articles hold none).
 */
const TO_REPLACE = /[\r\u00a0\u2007\u202f\u200b-\u200d\ufeff\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function normaliseCharacters(raw: string): string {
  const text = TO_REPLACE.test(raw)
    ? raw
        .replace(/\r\n?/g, "\n")
        .normalize("NFC")
        .replace(/[\u00a0\u2007\u202f]/g, " ")
        .replace(/[\u200b-\u200d\ufeff]/g, "")
        .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "")
    : raw.normalize("NFC");
  // Replacing every single space by itself is most of the cost of this step: only tabs and runs need it.
  return text.includes("\t") || text.includes("  ") ? text.replace(/[ \t]+/g, " ") : text;
}

/** Strips bylines, bios, comment sections and teasers, keeping only the article's own text. */
export function cleanArticle(raw: string): CleanedArticle {
  const lines = normaliseCharacters(raw)
    .split("\n")
    .map((l) => l.trim());
  let dateLine: string | null = null;
  let i = 0;
  while (i < lines.length && lines[i] === "") i++;
  const dateMatch = /^date:\s*(.+)$/i.exec(lines[i] ?? "");
  if (dateMatch) {
    dateLine = dateMatch[1];
    i++;
    while (i < lines.length && lines[i] === "") i++;
  }
  const title = lines[i] ?? "";
  const author = lines
    .map((l) => BYLINE.exec(l)?.[1])
    .find(Boolean)
    ?.toLowerCase();

  // A date printed under the headline is the publication date, unless a Date: line said otherwise.
  for (let j = i + 1; j < Math.min(lines.length, i + 8) && !dateLine; j++) {
    const d = DATE_LINE.exec(lines[j]) ?? DATE_LINE.exec(lines[j].replace(/^by\s+[^|·,]+[|·,]\s*/i, ""));
    if (d) dateLine = lines[j];
  }
  const kept: string[] = [];
  let seenBody = false;
  for (let j = i + 1; j < lines.length; j++) {
    const line = lines[j];
    if (line === "") {
      continue;
    }
    // Share buttons and "Related" links above the article are noise; below it they end the article.
    if (BODY_END_LINE.test(line)) {
      if (seenBody) break;
      continue;
    }
    // An author's name standing alone after the body has begun opens their bio.
    if (seenBody && author && line.toLowerCase() === author) break;
    if (line === title) continue;
    // A table's section heading ("Nine mths") and a short row ("Revs 41.7 mln") are as short as a caption.
    const noise = NOISE_LINE.test(line) && !tableHeadingOf(line) && !isRevenueRow(line);
    if (noise || DATE_LINE.test(line)) continue;
    if (author && line.toLowerCase() === author) continue;
    kept.push(line);
    if (/[.!?]["”’)]?$/.test(line) && line.length > 60) seenBody = true;
  }
  const body = kept.join("\n\n");
  const text = body ? `${title}\n\n${body}` : title;
  return { title, text, bodyStart: body ? title.length + 2 : text.length, dateLine };
}

import { BODY_END_LINES, NOISE_LINES } from "../lexicons/boilerplate";

export interface CleanedArticle {
  title: string;
  /** Body text, paragraphs separated by blank lines; offsets of facts point into this. */
  text: string;
  /** Where the body starts in `text` (the title line comes first). */
  bodyStart: number;
  /** Publication date given by a `Date:` line at the top of the file, if any. */
  dateLine: string | null;
}

const BYLINE = /^by\s+([A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3})$/i;

function normaliseCharacters(raw: string): string {
  return raw
    .replace(/\r\n?/g, "\n")
    .normalize("NFC")
    .replace(/[\u00a0\u2007\u202f]/g, " ")
    .replace(/[\u200b-\u200d\ufeff]/g, "")
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "")
    .replace(/[ \t]+/g, " ");
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

  const kept: string[] = [];
  let seenBody = false;
  for (let j = i + 1; j < lines.length; j++) {
    const line = lines[j];
    if (line === "") {
      continue;
    }
    if (BODY_END_LINES.some((re) => re.test(line))) break;
    // An author's name standing alone after the body has begun opens their bio.
    if (seenBody && author && line.toLowerCase() === author) break;
    if (line === title) continue;
    if (NOISE_LINES.some((re) => re.test(line))) continue;
    if (author && line.toLowerCase() === author) continue;
    kept.push(line);
    if (/[.!?]["”’)]?$/.test(line) && line.length > 60) seenBody = true;
  }
  const body = kept.join("\n\n");
  const text = body ? `${title}\n\n${body}` : title;
  return { title, text, bodyStart: body ? title.length + 2 : text.length, dateLine };
}

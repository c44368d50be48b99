/**
 * Where the words of a sentence start and end, as the tokenizer lays them down: a letter or digit opens a word,
 * which runs on over letters, digits and the marks `&'’.-` and ends on its last letter or digit (and a stop right
 * after it); any other mark but white space is a token of its own.
 */
// Words keep inner dots and apostrophes ("U.S.", "Reddy's"); every other mark is a token of its own.
const WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}&'’.-]*[\p{L}\p{N}])?\.?|[^\s\p{L}\p{N}]/gu;

const UNKNOWN = 0;
const SPACE = 1;
const LETTER = 2;
const JOINER = 3;
const MARK = 4;
/** A half of a surrogate pair: the regex reads the pair as one character, which the scan below does not try to. */
const SURROGATE = 5;

/**
 * The class of every UTF-16 unit, worked out on first sight. WORD, a Unicode regex, was most of the tokenizer's
 * time: a scan over a table of classes finds the same bounds several times faster.
 */
const CLASSES = new Uint8Array(0x10000);
const IS_LETTER = /^[\p{L}\p{N}]$/u;
const IS_SPACE = /^\s$/u;

function classOf(code: number): number {
  let c = CLASSES[code];
  if (c === UNKNOWN) {
    const ch = String.fromCharCode(code);
    if (code >= 0xd800 && code <= 0xdfff) c = SURROGATE;
    else if (IS_SPACE.test(ch)) c = SPACE;
    else if (IS_LETTER.test(ch)) c = LETTER;
    else if ("&'’.-".includes(ch)) c = JOINER;
    else c = MARK;
    CLASSES[code] = c;
  }
  return c;
}

const FULL_STOP = 46;

/** Start and end of each word, in pairs; null when the sentence holds a surrogate pair. */
function scannedBounds(sentence: string): number[] | null {
  const out: number[] = [];
  const n = sentence.length;
  let i = 0;
  while (i < n) {
    const c = classOf(sentence.charCodeAt(i));
    if (c === SPACE) {
      i++;
      continue;
    }
    if (c === SURROGATE) return null;
    let end = i + 1;
    if (c === LETTER) {
      // The word runs over letters and joiners, and ends on its last letter, then takes a stop after it.
      for (let j = i + 1; j < n; j++) {
        const cj = classOf(sentence.charCodeAt(j));
        if (cj === LETTER) end = j + 1;
        else if (cj !== JOINER) break;
      }
      if (end < n && sentence.charCodeAt(end) === FULL_STOP) end++;
    }
    out.push(i, end);
    i = end;
  }
  return out;
}

/** Start and end of each word of a sentence, in pairs, as WORD matches them. */
export function wordBounds(sentence: string): number[] {
  const scanned = scannedBounds(sentence);
  if (scanned) return scanned;
  const out: number[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(sentence); m; m = WORD.exec(sentence)) out.push(m.index, m.index + m[0].length);
  return out;
}

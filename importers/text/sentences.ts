import { allMatches } from "../lexicons/regex";

export interface Sentence {
  text: string;
  start: number;
  end: number;
  /** Index of the paragraph the sentence is in, for context that should not cross paragraphs. */
  paragraph: number;
}

/**
 * A sentence ends at . ! or ? (and any closing quotes or brackets) followed by white space and a capital, a digit
 * or an opening quote. A hand-written rule is used rather than Intl.Segmenter: it is several times faster, and the
 * segmenter needed patching anyway for tickers ("7211.T") and abbreviations ("Co. 's").
 * It is tried only where a run of stops begins: from inside a run ("!!!!" with no space after) it would rescan the
 * rest of the run from every mark, quadratic in the run, and it can match only where a match from the run's start
 * would have.
 */
const BOUNDARY = /(?<![.!?])[.!?]+["'”’)\]]*\s+(?=["'“‘(\[]?[A-Z0-9£$€])/g;

/** Longest stretch handled as one sentence; real sentences are far shorter. */
const MAX_SENTENCE = 1500;

/** Words after which a full stop does not end the sentence. */
const ABBREVIATION_BEFORE =
  /(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|St|No|Nos|Sr|Jr|Prof|Gen|Gov|Sen|Rep|Rev|vs|approx|est|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|U\.K|U\.N|E\.U|[A-Z])\.$/;

export function splitSentences(text: string, from = 0): Sentence[] {
  const out: Sentence[] = [];
  let paragraph = 0;
  let offset = from;
  // The paragraph being split and where its current sentence starts. The helpers below are made once per text,
  // not once per paragraph: tsx, which runs the importers, names every closure it creates, and that costs.
  let para = "";
  let start = 0;
  const emit = (from: number, to: number) => {
    const raw = para.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed) {
      const at = offset + from + lead;
      out.push({ text: trimmed, start: at, end: at + trimmed.length, paragraph });
    }
  };
  // A run-on "sentence" (a scraped page on one line) is cut at clause marks so work per sentence stays bounded.
  const push = (end: number) => {
    let from = start;
    while (end - from > MAX_SENTENCE) {
      const window = para.slice(from, from + MAX_SENTENCE);
      // Prefer a semicolon, then a comma, then any space, in the second half of the window.
      const half = MAX_SENTENCE / 2;
      const cut =
        [window.lastIndexOf("; "), window.lastIndexOf(", "), window.lastIndexOf(" ")].find((i) => i > half) ?? -1;
      const to = cut > 0 ? from + cut + 1 : from + MAX_SENTENCE;
      emit(from, to);
      from = to;
    }
    emit(from, end);
  };
  for (const paragraphText of text.slice(from).split("\n\n")) {
    para = paragraphText;
    start = 0;
    for (const m of allMatches(BOUNDARY, para)) {
      const stop = m.index + m[0].trimEnd().length;
      if (m[0].startsWith(".") && ABBREVIATION_BEFORE.test(para.slice(Math.max(start, m.index - 6), m.index + 1)))
        continue;
      // "Nissan Motor Co. (7201.T) will": a company's abbreviation followed by its ticker goes on.
      if (
        /\b(?:Co|Corp|Inc|Ltd|Cos|Bros)\.$/.test(para.slice(Math.max(start, m.index - 5), m.index + 1)) &&
        /^\(/.test(para.slice(m.index + m[0].length))
      )
        continue;
      push(stop);
      start = m.index + m[0].length;
    }
    push(para.length);
    offset += para.length + 2;
    paragraph++;
  }
  return out;
}

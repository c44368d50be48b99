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
 */
const BOUNDARY = /[.!?]+["'”’)\]]*\s+(?=["'“‘(\[]?[A-Z0-9£$€])/g;

/** Words after which a full stop does not end the sentence. */
const ABBREVIATION_BEFORE =
  /(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|St|No|Nos|Sr|Jr|Prof|Gen|Gov|Sen|Rep|Rev|vs|approx|est|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|U\.K|U\.N|E\.U|[A-Z])\.$/;

export function splitSentences(text: string, from = 0): Sentence[] {
  const out: Sentence[] = [];
  let paragraph = 0;
  let offset = from;
  for (const para of text.slice(from).split("\n\n")) {
    let start = 0;
    const push = (end: number) => {
      const raw = para.slice(start, end);
      const lead = raw.length - raw.trimStart().length;
      const trimmed = raw.trim();
      if (trimmed)
        out.push({
          text: trimmed,
          start: offset + start + lead,
          end: offset + start + lead + trimmed.length,
          paragraph,
        });
    };
    for (const m of para.matchAll(BOUNDARY)) {
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

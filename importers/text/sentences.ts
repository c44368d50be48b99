export interface Sentence {
  text: string;
  start: number;
  end: number;
  /** Index of the paragraph the sentence is in, for context that should not cross paragraphs. */
  paragraph: number;
}

const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });

/** Abbreviations the segmenter ends sentences after although the sentence goes on. */
const NON_TERMINAL =
  /\b(?:Co|Corp|Inc|Ltd|Mr|Mrs|Ms|Dr|St|No|U\.S|U\.K|vs|approx|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.$/;

export function splitSentences(text: string, from = 0): Sentence[] {
  const out: Sentence[] = [];
  let paragraph = 0;
  let offset = from;
  for (const para of text.slice(from).split("\n\n")) {
    let pending: Sentence | null = null;
    for (const seg of segmenter.segment(para)) {
      const raw = seg.segment;
      const lead = raw.length - raw.trimStart().length;
      const trimmed = raw.trim();
      if (!trimmed) continue;
      const start = offset + seg.index + lead;
      const end = start + trimmed.length;
      // The segmenter also breaks inside tokens ("7211.T") and after abbreviations ("Co. 's"): glue those back.
      const glued = pending && start === pending.end;
      if (pending && (glued || (NON_TERMINAL.test(pending.text) && /^[a-z0-9'’]/.test(trimmed)))) {
        pending.text = text.slice(pending.start, end);
        pending.end = end;
        continue;
      }
      if (pending) out.push(pending);
      pending = { text: trimmed, start, end, paragraph };
    }
    if (pending) out.push(pending);
    offset += para.length + 2;
    paragraph++;
  }
  return out;
}

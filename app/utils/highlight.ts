/** A piece of an article's text and what it belongs to: the sentences of facts, and a figure itself. */
export interface Segment {
  text: string;
  /** Facts whose quoted sentence this piece is part of. */
  factIds: number[];
  /** This piece is a figure a fact was read from. */
  figure: boolean;
  /** Facts whose sentence starts here: the anchor `#fact-N` lands on this piece. */
  anchors: number[];
}

export interface Highlight {
  id: number;
  start: number;
  end: number;
  figureStart: number | null;
  figureEnd: number | null;
}

/**
 * Cuts the text at every sentence and figure boundary, so the page can mark sentences and figures as plain text
 * (never as HTML). Offsets outside the text (an article re-imported with other text) are clamped.
 */
export function highlightSegments(text: string, highlights: Highlight[]): Segment[] {
  const clamp = (n: number) => Math.max(0, Math.min(text.length, n));
  const spans = highlights.map((h) => ({
    ...h,
    start: clamp(h.start),
    end: clamp(h.end),
    figureStart: h.figureStart === null ? null : clamp(h.figureStart),
    figureEnd: h.figureEnd === null ? null : clamp(h.figureEnd),
  }));
  const cuts = new Set<number>([0, text.length]);
  for (const s of spans) {
    cuts.add(s.start);
    cuts.add(s.end);
    if (s.figureStart !== null && s.figureEnd !== null) {
      cuts.add(s.figureStart);
      cuts.add(s.figureEnd);
    }
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const [from, to] = [points[i], points[i + 1]];
    if (from === to) continue;
    const factIds = spans.filter((s) => s.start <= from && to <= s.end).map((s) => s.id);
    const figure = spans.some(
      (s) => s.figureStart !== null && s.figureEnd !== null && s.figureStart <= from && to <= s.figureEnd,
    );
    const anchors = spans.filter((s) => s.start === from && s.end > s.start).map((s) => s.id);
    out.push({ text: text.slice(from, to), factIds, figure, anchors });
  }
  return out;
}

/**
 * Sizes that follow the chart's width, computed without measuring text (the server and the browser must draw the
 * same markup from the same numbers). A character of the chart's font is taken as 0.6 of its size, which
 * over-estimates digits and most names slightly, so labels thinned by it do not touch.
 */
export const charWidth = (fontSize: number) => fontSize * 0.6;

/** Text never drawn smaller than this on a page (the 11 px floor, with a pixel of room). */
export const MIN_FONT = 12;

/**
 * Every how many ticks a label fits: 1 when all fit, else 2, 3... so labels of `chars` characters with a gap of
 * two characters never overlap across `plotWidth` pixels. The ticks themselves stay; only labels are left out.
 */
export function labelEvery(count: number, chars: number, fontSize: number, plotWidth: number): number {
  if (count <= 1 || plotWidth <= 0) return 1;
  const need = (chars + 2) * charWidth(fontSize);
  const room = plotWidth / count;
  return Math.max(1, Math.ceil(need / room));
}

/** The width of a value axis whose longest tick label has `chars` characters. */
export const valueAxisWidth = (chars: number, fontSize: number) => Math.ceil((chars + 1.5) * charWidth(fontSize));

/** A name cut to `chars` characters with an ellipsis, for category axes on narrow charts (the table has it whole). */
export function clip(name: string, chars: number): string {
  return name.length <= chars ? name : `${name.slice(0, Math.max(1, chars - 1)).trimEnd()}…`;
}

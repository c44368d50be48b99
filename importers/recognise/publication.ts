/**
 * Infers the year an article was written from its body (see docs/decisions/002-publication-year.md).
 * Strong cues first ("the same 2008 period" is said in 2009), then the latest year the body speaks of in the past.
 */
export interface PublishedYear {
  year: number | null;
  source: "option" | "date-line" | "same-period" | "year-earlier" | "latest-year" | null;
}

const YEAR = /(?<![\d$€£.,])((?:19|20)\d\d)(?![\d%])/g;
const FUTURE_BEFORE =
  /\b(?:by|until|till|through|before|in time for|target(?:ed)? for|to|from|between|expected in|due in|will|plans? for|next)\s+(?:the\s+end\s+of\s+|end-|early\s+|late\s+|mid-)?$/i;

export function inferPublishedYear(
  sentences: string[],
  explicit?: number | null,
  dateLine?: string | null,
): PublishedYear {
  if (explicit) return { year: explicit, source: "option" };
  const fromDate = dateLine ? /\b((?:19|20)\d\d)\b/.exec(dateLine) : null;
  if (fromDate) return { year: Number(fromDate[1]), source: "date-line" };
  for (const s of sentences) {
    const same = /\bsame\s+((?:19|20)\d\d)\s+(?:period|quarter|months)/i.exec(s);
    if (same) return { year: Number(same[1]) + 1, source: "same-period" };
    const earlier = /\blast\s+year['’]?s?\s*\(?\s*((?:19|20)\d\d)\)?|\b((?:19|20)\d\d)\s*,?\s*a\s+year\s+earlier/i.exec(
      s,
    );
    if (earlier) return { year: Number(earlier[1] ?? earlier[2]) + 1, source: "year-earlier" };
  }
  let latest: number | null = null;
  let future = false;
  for (const s of sentences) {
    for (const m of s.matchAll(YEAR)) {
      const y = Number(m[1]);
      const isFuture = FUTURE_BEFORE.test(s.slice(Math.max(0, m.index - 25), m.index));
      if (isFuture) {
        future = true;
        continue;
      }
      if (latest === null || y > latest) latest = y;
    }
  }
  if (latest === null) return { year: null, source: null };
  void future;
  return { year: latest, source: "latest-year" };
}

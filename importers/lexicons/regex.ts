export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

/** A regex alternation of words, longest first so that "per cent" wins over "per". */
export function alternation(words: Iterable<string>): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join("|");
}

/**
 * Every match of a global regex in a text, as `text.matchAll(re)` gives them. matchAll copies the regex on each
 * call, which costs more than the scan itself on a short sentence; this runs the regex itself and leaves its
 * lastIndex at 0.
 */
export function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push(m);
    // An empty match would be found again at the same place: step past it, as matchAll does.
    if (m[0] === "") re.lastIndex++;
  }
  return out;
}

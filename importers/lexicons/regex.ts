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

/**
 * `re`, a pattern that must end where the text does (`...$`), rewritten to read backwards from the end: as
 * `(?<=...)$`. Irregexp tries an end-anchored pattern at every place of the text, and the text before a name or a
 * figure is often 60 characters or the whole sentence; the look-behind runs once, from the end, 2-4x faster. Only
 * for tests: whether the text ends so is the same, but which of several readings fills a group may differ.
 */
export function endAnchored(re: RegExp): RegExp {
  const source = re.source;
  // (A back-reference read backwards would have to follow its group.)
  const backReference = /\\[1-9]|\\k</.test(source);
  if (
    re.global ||
    re.sticky ||
    re.multiline ||
    backReference ||
    !endsInAnchor(source) ||
    source.startsWith("^") ||
    hasTopLevelOr(source)
  )
    throw new Error(`endAnchored: /${source}/${re.flags} is not a single end-anchored pattern`);
  return new RegExp(`(?<=${source.slice(0, -1)})$`, re.flags);
}

/** Whether a pattern's source ends in a `$` that is no escaped dollar sign. */
function endsInAnchor(source: string): boolean {
  let slashes = 0;
  for (let i = source.length - 2; i >= 0 && source[i] === "\\"; i--) slashes++;
  return source.endsWith("$") && slashes % 2 === 0;
}

/** Whether a pattern's source has a `|` outside any group or class, which would leave the `$` to its last branch. */
function hasTopLevelOr(source: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") i++;
    else if (inClass) inClass = c !== "]";
    else if (c === "[") inClass = true;
    else if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === "|" && depth === 0) return true;
  }
  return false;
}

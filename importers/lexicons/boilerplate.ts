/**
 * Lines that end an article body: everything after them is comments, author bios or teasers of other stories.
 * Matched against a whole trimmed line.
 */
export const BODY_END_LINES: RegExp[] = [
  /^\(?\d*\)?\s*comments?$/i,
  /^join the (conversation|discussion)$/i,
  /^welcome to the discussion\.?$/i,
  /^more (by|from) .{2,60}$/i,
  /^(related|recommended|more|top|latest|trending|popular) (stories|articles|news|posts|reads)$/i,
  /^(most (read|popular|viewed)|you may also like|read more|read next|also read|see also|news and trends)$/i,
  /^(share|share this|share this article|leave a comment|post a comment|sign up|subscribe)$/i,
  /^(about the author|tags?|filed under|topics?):?$/i,
  /^next$/i,
];

/** Whole lines that are never body text wherever they stand. */
export const NOISE_LINES: RegExp[] = [
  /^by\s+[A-Z][\w'’.-]+(\s+[A-Z][\w'’.-]+){0,3}$/i,
  /^\[?source:.*\]?$/i,
  /^(opinions expressed by|you're reading|you are reading|advertisement|copyright|©|all rights reserved)/i,
  /^(photo|image|picture|file photo)( credit)?:/i,
  /^(correspondent|reporter|editor|staff writer|contributor)$/i,
  /^[\s*\-_=~#•·.]+$/,
  /^\d{1,6}$/,
  // Captions, credits and stray labels: a few words with no sentence punctuation.
  /^[\w'’.&-]+( [\w'’.&-]+){0,2}$/,
];

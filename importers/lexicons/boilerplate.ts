/**
 * Lines that end an article body: everything after them is comments, author bios or teasers of other stories.
 * Matched against a whole trimmed line.
 */
export const BODY_END_LINES: RegExp[] = [
  /^(?:\d+\s+)?comments?\s*(?:\(\d+\))?$/i,
  /^(?:leave a (?:reply|comment)|post a comment|add (?:a )?comment|show comments|sign in to comment|view comments|discussion)$/i,
  /^(?:related|related (?:news|content|coverage|reading|links)|read also|also read|see more|more from .{2,40}|latest news|trending( now)?|recommended( for you)?|don'?t miss|you might also like|popular stories|editor'?s picks?|sponsored( content)?|around the web|from our partners|more stories|more news|in other news|top stories)\s*:?$/i,
  /^(?:our standards|the thomson reuters trust principles|all quotes delayed)/i,
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
  /^\(?(?:additional\s+)?(?:reporting|writing|editing|compiled|edited|written)\s+by\b.*\)?$/i,
  /^(?:read more|also read|read also|see also|click here|sign up|subscribe|follow us|this (?:article|story) (?:was )?(?:originally|first) (?:published|appeared))\b.*$/i,
  /^(?:image|photo|picture|video|graphic|file|getty images|reuters|afp|ap)\s*(?::|\/|credit\b).*$/i,
  /^(?:advertisement|advert|sponsored|ad)$/i,
  /^(?:story continues below(?: advertisement)?|continue reading|read (?:the )?full (?:article|story)|sign up (?:for|to) .{0,40}newsletter.*|listen to (?:this|the) (?:article|story).*)$/i,
  /^(?:image|media|video) (?:source|caption)\b.*$/i,
  /^(?:updated|published|posted|last updated)\s*:?\s+.{0,40}\d.*$/i,
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

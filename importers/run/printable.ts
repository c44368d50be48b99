/**
 * A file name as one harmless line of the summary: control characters (newline, carriage return, escape codes),
 * DEL, C1 controls, line and paragraph separators and bidirectional overrides are written as \n, \x1b, \u202e...
 * A name can otherwise forge summary lines or recolour and rewrite the terminal. Backslashes are doubled so an
 * escaped name and a name that spells the escape are told apart.
 */
const UNSAFE = /[\\\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t" };

export function printable(name: string): string {
  return name.replace(UNSAFE, (c) => {
    if (NAMED[c]) return NAMED[c];
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}

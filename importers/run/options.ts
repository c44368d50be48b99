/** Parses `--published YYYY[-MM-DD]` and the paths of the import and extract commands. */
export interface CommandOptions {
  paths: string[];
  json: boolean;
  publishedYear: number | null;
  /** The whole date when given ("2009-11-20"): "the quarter" then means the last one before that day. */
  publishedDate: { year: number; month: number | null; day: number | null } | null;
  /** extract only: print each fact's rule and the candidates that lost. */
  explain: boolean;
}

export function parseCommandLine(argv: string[]): CommandOptions {
  const out: CommandOptions = { paths: [], json: false, publishedYear: null, publishedDate: null, explain: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--json") out.json = true;
    else if (a === "--explain") out.explain = true;
    else if (a === "--published" || a.startsWith("--published=")) {
      const value = a.includes("=") ? a.slice(a.indexOf("=") + 1) : argv[++i];
      const m = /^((?:19|20)\d\d)(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/.exec(value ?? "");
      if (!m) throw new Error(`--published wants a date like 2009-11-20, got "${value ?? ""}"`);
      out.publishedYear = Number(m[1]);
      out.publishedDate = { year: Number(m[1]), month: m[2] ? Number(m[2]) : null, day: m[3] ? Number(m[3]) : null };
    } else if (a === "--") continue;
    else if (a.startsWith("--")) throw new Error(`unknown option ${a}`);
    else out.paths.push(a);
  }
  return out;
}

/** Parses the command line, or says what is wrong (and how to call the command) on stderr and returns null. */
export function commandLineOrUsage(
  command: string,
  usage: string,
  argv = process.argv.slice(2),
): CommandOptions | null {
  try {
    const options = parseCommandLine(argv);
    if (options.paths.length) return options;
    console.error(`usage: ${usage}`);
  } catch (err) {
    console.error(`${command}: ${(err as Error).message}`);
  }
  return null;
}

/** Parses `--published YYYY[-MM-DD]` and the paths of the import and extract commands. */
export interface CommandOptions {
  paths: string[];
  json: boolean;
  publishedYear: number | null;
}

export function parseCommandLine(argv: string[]): CommandOptions {
  const out: CommandOptions = { paths: [], json: false, publishedYear: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--json") out.json = true;
    else if (a === "--published" || a.startsWith("--published=")) {
      const value = a.includes("=") ? a.slice(a.indexOf("=") + 1) : argv[++i];
      const m = /^((?:19|20)\d\d)(?:-\d\d(?:-\d\d)?)?$/.exec(value ?? "");
      if (!m) throw new Error(`--published wants a date like 2009-11-20, got "${value ?? ""}"`);
      out.publishedYear = Number(m[1]);
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

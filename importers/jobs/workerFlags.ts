import { availableParallelism } from "node:os";

export interface JobFlags {
  /** Extraction threads: `--workers N`, else one per core; 0 extracts on the main thread. */
  workers: number;
  /** A file not extracted within this is refused alone (IMPORT_EXTRACT_MS, two minutes by default). */
  deadlineMs: number;
  switches: Set<string>;
  /** The other arguments, for the command's own parser. */
  rest: string[];
}

/** Takes `--workers N` and the command's own switches out of argv; the rest is left to parseCommandLine. */
export function jobFlags(argv: string[], known: string[]): JobFlags | { error: string } {
  const deadline = Number(process.env.IMPORT_EXTRACT_MS);
  const out: JobFlags = {
    workers: availableParallelism(),
    deadlineMs: Number.isFinite(deadline) && deadline > 0 ? deadline : 120_000,
    switches: new Set(),
    rest: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--") {
      out.rest.push(...argv.slice(i));
      break;
    }
    if (known.includes(a)) out.switches.add(a);
    else if (a === "--workers" || a.startsWith("--workers=")) {
      const value = a.includes("=") ? a.slice(a.indexOf("=") + 1) : argv[++i];
      const n = Number(value);
      if (!/^\d+$/.test(value ?? "") || n > 256)
        return {
          error: `--workers wants a number of threads from 0 (none: the main thread) to 256, got "${value ?? ""}"`,
        };
      out.workers = n;
    } else out.rest.push(a);
  }
  return out;
}

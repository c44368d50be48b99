/**
 * Every in-memory cache and queue of the server process, by name, with a function reporting its size, so one
 * report (server.ts's /_status, read by `npm run bench:load`) covers them all. On globalThis: server.ts and the
 * Remix build each bundle their own copy of this module, and the export cache lives in the build.
 */
export type SizeReport = Record<string, number>;

const KEY = Symbol.for("financial-figures.cacheRegistry");
const shared = globalThis as { [KEY]?: Map<string, () => SizeReport> };
shared[KEY] ??= new Map();
const reporters = shared[KEY];

export function registerCache(name: string, report: () => SizeReport): void {
  reporters.set(name, report);
}

export function cacheReport(): Record<string, SizeReport> {
  return Object.fromEntries([...reporters].map(([name, report]) => [name, report()]));
}

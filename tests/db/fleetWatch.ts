import pg from "pg";
import { CHANGES_CHANNEL } from "../../db/pgChanges";

/**
 * What the fleet test (pgFleet.test.ts) watches while the workers import: every instance's pages, polled without a
 * break, and how long after each commit of the import each instance shows the facts it committed.
 */

export interface Poll {
  instance: string;
  path: string;
  status: number;
  /** Why the answer is not a real page of facts, or null when it is one. */
  problem: string | null;
}

/**
 * The pages polled the whole time, and what each must hold to count as served: the facts table with rows in it
 * (the seeds' facts are there from the start), and a seed company's chart page with its name and its figures.
 */
const PAGES: Array<{ path: string; check: (html: string) => string | null }> = [
  {
    path: "/facts?sort=article&dir=desc",
    check: (html) =>
      !html.includes("<h1>All facts</h1>")
        ? "no facts heading"
        : (html.match(/<tr[ >]/g)?.length ?? 0) < 2
          ? "no fact rows"
          : null,
  },
  {
    path: "/companies/renault",
    check: (html) =>
      !html.includes("<h1>Renault</h1>") || !html.includes("Renault: revenue by year, EUR") ? "no Renault chart" : null,
  },
];

/** Polls each instance's pages one after another, `pauseMs` apart, until `stop` is called. */
export function pollPages(instances: Record<string, string>, pauseMs = 40) {
  const polls: Poll[] = [];
  let running = true;
  const loop = async (instance: string, base: string) => {
    for (let i = 0; running; i++) {
      const page = PAGES[i % PAGES.length];
      let poll: Poll;
      try {
        const res = await fetch(`${base}${page.path}`);
        const html = await res.text();
        poll = { instance, path: page.path, status: res.status, problem: res.status === 200 ? page.check(html) : html };
      } catch (err) {
        poll = { instance, path: page.path, status: 0, problem: (err as Error).message };
      }
      polls.push(poll);
      await new Promise((r) => setTimeout(r, pauseMs));
    }
  };
  const loops = Object.entries(instances).map(([name, base]) => loop(name, base));
  return {
    polls,
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
  };
}

export interface Sighting {
  /** The newest fact committed when the commit was heard. */
  factId: number;
  /** Milliseconds from hearing the commit to each instance showing that fact (Infinity: not within 3 s). */
  ms: Record<string, number>;
}

/** The newest facts page's fact ids as instance `base` serves it (the loader's data, as the browser reads it). */
async function newestFactIds(base: string): Promise<number[]> {
  const res = await fetch(`${base}/facts?sort=article&dir=desc&_data=routes%2Ffacts`);
  if (res.status !== 200) return [];
  const data = (await res.json()) as { facts: Array<{ id: number }> };
  return data.facts.map((f) => f.id);
}

/**
 * Listens for the notification every write transaction sends as it commits (decision 020), as the instances do.
 * PostgreSQL delivers it only after the commit, so the moment it is heard is at or after the commit: the delays
 * measured from it are the instances' own, plus nothing of the import's. For each commit that added facts, both
 * instances are polled every 20 ms until their newest facts page lists the newest fact then committed: write
 * transactions run one at a time (an advisory lock), so the newest commit holds the highest article ids, which
 * that page lists first.
 */
export async function watchCommits(url: string, instances: Record<string, string>) {
  const client = new pg.Client({ connectionString: url });
  // The test's database is dropped at the end, ending this connection if it is still open.
  client.on("error", () => {});
  await client.connect();
  const sightings: Sighting[] = [];
  const tasks: Array<Promise<void>> = [];
  let newest = (await client.query<{ id: number | null }>("SELECT max(id) AS id FROM facts")).rows[0].id ?? 0;
  let checking = Promise.resolve();
  const seen = async (factId: number, heard: number) => {
    const ms: Record<string, number> = {};
    await Promise.all(
      Object.entries(instances).map(async ([name, base]) => {
        while (performance.now() - heard < 3000) {
          if ((await newestFactIds(base)).includes(factId)) {
            ms[name] = performance.now() - heard;
            return;
          }
          await new Promise((r) => setTimeout(r, 20));
        }
        ms[name] = Number.POSITIVE_INFINITY;
      }),
    );
    sightings.push({ factId, ms });
  };
  client.on("notification", (n) => {
    if (n.channel !== CHANGES_CHANNEL) return;
    const heard = performance.now();
    // One query at a time on this connection; a later commit's fact is measured from an earlier hearing at worst.
    checking = checking.then(async () => {
      const id = (await client.query<{ id: number | null }>("SELECT max(id) AS id FROM facts")).rows[0].id ?? 0;
      if (id <= newest) return;
      newest = id;
      tasks.push(seen(id, heard));
    });
  });
  await client.query(`LISTEN ${CHANGES_CHANNEL}`);
  let stopped = false;
  return {
    sightings,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await checking;
      await Promise.all(tasks);
      await client.end();
    },
  };
}

import pg from "pg";

/**
 * What stands for SQLite's data_version on PostgreSQL (decision 020): every write transaction notifies
 * CHANGES_CHANNEL as it commits (db/postgres.ts), and each process listens on a connection of its own. The
 * version is a number that changes with each notification, with each commit this process makes, and each time
 * the listening connection is made again (notifications sent while it was down are lost, so anything kept before
 * may be stale). While the process is not listening the version is null: caches then keep nothing.
 *
 * One per process, kept on globalThis: server.ts and the Remix build each bundle their own copy of this module,
 * and the page cache (server.ts) and the models' caches (the build) must watch the same one.
 */
export const CHANGES_CHANNEL = "figures_changed";

const RETRY_MS = [100, 250, 500, 1000, 2000];

class ChangeListener {
  private counter = 0;
  private listening = false;
  private client: pg.Client | undefined;
  private closed = false;
  private failures = 0;
  private timer: NodeJS.Timeout | undefined;
  /** Resolves once the first LISTEN is in place (or failed), for tests and the readiness check. */
  readonly ready: Promise<void>;
  private markReady: () => void = () => {};

  constructor(readonly url: string) {
    this.ready = new Promise((resolve) => {
      this.markReady = resolve;
    });
    void this.connect();
  }

  /** A number that differs from every earlier one whenever the data may have changed; null when unknown. */
  get version(): number | null {
    return this.listening ? this.counter : null;
  }

  get isListening(): boolean {
    return this.listening;
  }

  /** This process committed a write: its own next read must not be served from before it. */
  changed(): void {
    this.counter++;
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({ connectionString: this.url });
    this.client = client;
    const lost = (err?: Error) => {
      if (this.client !== client) return;
      this.client = undefined;
      this.listening = false;
      this.counter++;
      client.end().catch(() => {});
      if (this.closed) return;
      if (err && this.failures === 0)
        console.warn(`PostgreSQL: stopped hearing other instances' writes (${err.message})`);
      const wait = RETRY_MS[Math.min(this.failures++, RETRY_MS.length - 1)];
      this.timer = setTimeout(() => void this.connect(), wait);
      this.timer.unref();
    };
    client.on("error", lost);
    client.on("end", () => lost());
    client.on("notification", (n) => {
      if (n.channel === CHANGES_CHANNEL) this.counter++;
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGES_CHANNEL}`);
      if (this.client !== client) return;
      // Whatever was kept while not listening may predate writes never heard of.
      this.counter++;
      this.listening = true;
      this.failures = 0;
    } catch (err) {
      lost(err as Error);
    } finally {
      this.markReady();
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    const client = this.client;
    this.client = undefined;
    this.listening = false;
    await client?.end().catch(() => {});
  }
}

export type { ChangeListener };

const KEY = Symbol.for("financial-figures.pgChanges");
const shared = globalThis as { [KEY]?: Map<string, ChangeListener> };
shared[KEY] ??= new Map();
const listeners = shared[KEY];

/** The process's listener on the database at `url`, started on first use. */
export function changeListener(url: string): ChangeListener {
  let listener = listeners.get(url);
  if (!listener) {
    listener = new ChangeListener(url);
    listeners.set(url, listener);
  }
  return listener;
}

/** Called by db/postgres.ts after each commit of a write transaction made by this process. */
export function committedLocally(url: string): void {
  listeners.get(url)?.changed();
}

/** Stops every listener (a server shutting down, a test done). */
export async function closeChangeListeners(): Promise<void> {
  const all = [...listeners.values()];
  listeners.clear();
  await Promise.all(all.map((l) => l.close()));
}

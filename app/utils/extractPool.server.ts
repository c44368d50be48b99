import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { SavedFile, UploadSaveJob } from "~/models/uploadSave.server";
import type { ExtractOptions } from "../../importers/pipeline";
import { registerCache } from "./cacheRegistry";
import { type ExtractedFile, type ExtractReply, type ExtractRequest, ownBuffer, type ParsedForm } from "./extractJobs";

/** What a worker is asked to do: a message without its id. */
type Work =
  | Omit<Extract<ExtractRequest, { type: "parse" }>, "id">
  | Omit<Extract<ExtractRequest, { type: "extract" }>, "id">
  | Omit<Extract<ExtractRequest, { type: "save" }>, "id">;

/**
 * Worker threads that run the extractor over web uploads (/import), and later store what was read, so an article
 * of megabytes (seconds of extraction, seconds of writing) never blocks the event loop every other request waits
 * on. One file per message: the bytes go in, its preview and the article serialized come back; to store it, the
 * serialized article goes back in, with the analyst's choices, and what was stored comes back. A file not read by the deadline has its worker ended and replaced, and
 * fails alone; so does a file whose worker dies (out of memory). Idle workers end after a while: each holds the
 * extractor's lexicons and rules, and uploads are rare.
 */
export interface ExtractPoolOptions {
  size: number;
  deadlineMs: number;
  /** An idle worker ends after this long (it is started again on the next upload). */
  idleMs?: number;
}

interface Task {
  id: number;
  work: Work;
  /** Buffers handed over to the worker rather than copied (the caller no longer reads them). */
  transfer: ArrayBuffer[];
  resolve: (reply: ExtractReply) => void;
  reject: (err: Error) => void;
  /** Called when a worker takes the task up (it may wait behind others first). */
  onStart?: () => void;
}

interface Slot {
  worker: Worker;
  task: Task | null;
  timer?: NodeJS.Timeout;
}

/** The boot file beside this module when run from source; under the working directory from the Remix build. */
const BOOT = [
  resolve(dirname(fileURLToPath(import.meta.url)), "extractWorkerBoot.mjs"),
  resolve(process.cwd(), "app/utils/extractWorkerBoot.mjs"),
].find((file) => existsSync(file));

export function createExtractPool({ size, deadlineMs, idleMs = 60_000 }: ExtractPoolOptions) {
  const slots: Slot[] = [];
  const waiting: Task[] = [];
  let nextId = 1;
  let files = 0;
  let timedOut = 0;
  let crashed = 0;

  const remove = (slot: Slot) => {
    clearTimeout(slot.timer);
    const at = slots.indexOf(slot);
    if (at >= 0) slots.splice(at, 1);
  };

  const end = (slot: Slot) => {
    remove(slot);
    slot.worker.removeAllListeners("exit");
    void slot.worker.terminate();
  };

  const idle = (slot: Slot) => {
    clearTimeout(slot.timer);
    slot.task = null;
    // An idle worker must not keep a finished process (a test, a command) alive, and ends after a while.
    slot.worker.unref();
    slot.timer = setTimeout(() => end(slot), idleMs);
    slot.timer.unref();
  };

  const start = (): Slot => {
    if (!BOOT) throw new Error("app/utils/extractWorkerBoot.mjs not found: run the server from the project folder");
    const slot: Slot = { worker: new Worker(BOOT), task: null };
    slot.worker.on("message", (reply: ExtractReply) => {
      const task = slot.task;
      if (!task || task.id !== reply.id) return;
      idle(slot);
      if ("error" in reply) task.reject(new Error(reply.error));
      else task.resolve(reply);
      dispatch();
    });
    const lost = (why: string) => {
      const task = slot.task;
      remove(slot);
      if (task) {
        crashed++;
        task.reject(new Error(`the extraction worker ${why}`));
      }
      dispatch();
    };
    slot.worker.on("error", (err) => lost(`failed (${err.message})`));
    slot.worker.on("exit", (code) => lost(`stopped (code ${code})`));
    slots.push(slot);
    return slot;
  };

  const run = (slot: Slot, task: Task) => {
    clearTimeout(slot.timer);
    slot.task = task;
    files++;
    // A worker at work keeps the process alive until it answers.
    slot.worker.ref();
    slot.timer = setTimeout(() => {
      timedOut++;
      slot.task = null;
      end(slot);
      task.reject(
        new Error(
          `it took longer than ${Math.round(deadlineMs / 1000)} s to ${{ parse: "receive", extract: "read", save: "store" }[task.work.type]}`,
        ),
      );
      dispatch();
    }, deadlineMs);
    slot.worker.postMessage({ ...task.work, id: task.id }, task.transfer);
    task.onStart?.();
  };

  const dispatch = () => {
    while (waiting.length) {
      const slot = slots.find((s) => !s.task) ?? (slots.length < size ? start() : undefined);
      if (!slot) return;
      run(slot, waiting.shift() as Task);
    }
  };

  const ask = (work: Work, handedOver: Uint8Array, onStart?: () => void) =>
    new Promise<ExtractReply>((resolve, reject) => {
      waiting.push({ id: nextId++, work, transfer: ownBuffer(handedOver), resolve, reject, onStart });
      dispatch();
    });

  return {
    /** A multipart form's files and fields, taken apart in a worker; or why it was refused. */
    async parse(body: Uint8Array, contentType: string, maxBytes: number, maxTotal: number): Promise<ParsedForm> {
      const reply = await ask({ type: "parse", body, contentType, maxBytes, maxTotal }, body);
      if (!("parsed" in reply)) throw new Error("the extraction worker answered out of turn");
      return reply.parsed;
    },
    /**
     * The article read in a worker: its preview and itself serialized; rejects with the reason it could not be.
     * `onStart` is told when a worker begins reading it (the upload's progress says which files are being read).
     */
    async extract(
      bytes: Uint8Array,
      path: string,
      options: ExtractOptions = {},
      onStart?: () => void,
    ): Promise<ExtractedFile> {
      const reply = await ask({ type: "extract", bytes, path, options }, bytes, onStart);
      if (!("extracted" in reply)) throw new Error("the extraction worker answered out of turn");
      return reply.extracted;
    },
    /**
     * Stores an article `extract` gave (in a worker, through its own connection): what became of it, and the
     * article back when it was not stored (to be saved again). Every buffer passed in is handed over to the worker,
     * not copied: the caller must not read it again.
     */
    async save(article: Uint8Array, job: UploadSaveJob): Promise<{ saved: SavedFile; article: Uint8Array | null }> {
      const reply = await ask({ type: "save", article, job }, article);
      if (!("saved" in reply)) throw new Error("the extraction worker answered out of turn");
      return { saved: reply.saved, article: reply.article ?? null };
    },
    stats: () => ({
      workers: slots.length,
      busy: slots.filter((s) => s.task).length,
      waiting: waiting.length,
      files,
      timedOut,
      crashed,
    }),
    /** Ends every worker (tests). */
    async close(): Promise<void> {
      const all = slots.splice(0);
      await Promise.all(
        all.map((s) => {
          clearTimeout(s.timer);
          s.worker.removeAllListeners("exit");
          return s.worker.terminate();
        }),
      );
    },
  };
}

const envNumber = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};

/**
 * The server's pool: a worker per core but one, which is left to the event loop (one on two cores), at most two
 * (IMPORT_WORKERS); a file may take two minutes (IMPORT_EXTRACT_MS): 20 MB, the largest file, takes about five
 * seconds.
 */
export const extractPool = createExtractPool({
  size: envNumber("IMPORT_WORKERS", Math.min(2, Math.max(1, availableParallelism() - 1))),
  deadlineMs: envNumber("IMPORT_EXTRACT_MS", 120_000),
});
registerCache("extractWorkers", extractPool.stats);

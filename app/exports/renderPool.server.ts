import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { registerCache } from "~/utils/cacheRegistry";
import { Overloaded } from "./limiter.server";
import type { RenderJob, RenderReply, WorkerHeap } from "./renderJobs";

/**
 * Worker threads that render exports, so a deck (hundreds of milliseconds of React, resvg and zip work) never
 * blocks the event loop every other request waits on. The data is read on the main thread, which holds the
 * database connection, and sent to a worker as plain objects; the file comes back as bytes.
 *
 * How many renders may run or wait, and for how long they may wait, is the export limiter's (limiter.server.ts),
 * which sits in front of this pool; the pool adds a deadline on the render itself: a worker that has not answered
 * by then is ended and replaced, and the request gets a 503 with Retry-After.
 */
export interface RenderPoolOptions {
  size: number;
  deadlineMs: number;
  /**
   * Renders a worker does before it is replaced: whatever a renderer keeps from file to file (pptxgenjs, resvg,
   * the allocator's fragments) is given back with the thread, so memory stays flat under load.
   */
  rendersPerWorker?: number;
}

interface Task {
  id: number;
  job: RenderJob;
  resolve: (body: Uint8Array | string) => void;
  reject: (err: Error) => void;
}

interface Slot {
  worker: Worker;
  task: Task | null;
  timer?: NodeJS.Timeout;
  done: number;
  /** The worker's heap as its last reply gave it. */
  heap?: WorkerHeap;
}

/** The boot file beside this module when run from source; under the working directory from the Remix build. */
const BOOT = [
  resolve(dirname(fileURLToPath(import.meta.url)), "renderWorkerBoot.mjs"),
  resolve(process.cwd(), "app/exports/renderWorkerBoot.mjs"),
].find((file) => existsSync(file));

export function createRenderPool({ size, deadlineMs, rendersPerWorker = 100 }: RenderPoolOptions) {
  const slots: Slot[] = [];
  /** Retired workers whose threads have not yet ended: their replacements wait for them (see finish). */
  let ending = 0;
  const waiting: Task[] = [];
  let nextId = 1;
  let renders = 0;
  let timedOut = 0;
  let crashed = 0;
  let retired = 0;
  const retryAfter = Math.max(1, Math.ceil(deadlineMs / 1000));

  const start = (): Slot => {
    if (!BOOT) throw new Error("app/exports/renderWorkerBoot.mjs not found: run the server from the project folder");
    const slot: Slot = { worker: new Worker(BOOT), task: null, done: 0 };
    // Idle workers must not keep a finished process (a test, a command) alive.
    slot.worker.unref();
    slot.worker.on("message", (reply: RenderReply) => {
      const task = slot.task;
      if (!task || task.id !== reply.id) return;
      slot.heap = reply.heap;
      finish(slot);
      if ("error" in reply) task.reject(new Error(`export render failed: ${reply.error}`));
      else task.resolve(reply.body);
    });
    const lost = (why: string) => {
      const task = slot.task;
      remove(slot);
      if (task) {
        crashed++;
        task.reject(new Error(`export render worker ${why}`));
      }
      dispatch();
    };
    slot.worker.on("error", (err) => lost(`failed: ${err.message}`));
    slot.worker.on("exit", (code) => lost(`exited with code ${code}`));
    slots.push(slot);
    return slot;
  };

  const remove = (slot: Slot) => {
    clearTimeout(slot.timer);
    const at = slots.indexOf(slot);
    if (at >= 0) slots.splice(at, 1);
  };

  const finish = (slot: Slot) => {
    clearTimeout(slot.timer);
    slot.task = null;
    slot.worker.unref();
    if (++slot.done >= rendersPerWorker) {
      retired++;
      remove(slot);
      slot.worker.removeAllListeners("exit");
      // The replacement starts once this thread has ended: started alongside it, it got an allocator arena of its
      // own from glibc (the old one still in use), and every replacement left one more arena's free memory resident.
      ending++;
      void slot.worker.terminate().finally(() => {
        ending--;
        dispatch();
      });
    }
    dispatch();
  };

  const run = (slot: Slot, task: Task) => {
    slot.task = task;
    renders++;
    // A worker at work keeps the process alive until it answers.
    slot.worker.ref();
    slot.timer = setTimeout(() => {
      timedOut++;
      slot.task = null;
      remove(slot);
      slot.worker.removeAllListeners("exit");
      void slot.worker.terminate();
      task.reject(
        new Overloaded(`The export took longer than ${deadlineMs / 1000} s to draw; try again shortly.`, retryAfter),
      );
      dispatch();
    }, deadlineMs);
    slot.worker.postMessage({ id: task.id, job: task.job });
  };

  const dispatch = () => {
    while (waiting.length) {
      const slot = slots.find((s) => !s.task) ?? (slots.length + ending < size ? start() : undefined);
      if (!slot) return;
      run(slot, waiting.shift()!);
    }
  };

  return {
    render(job: RenderJob): Promise<Uint8Array | string> {
      return new Promise((resolve, reject) => {
        waiting.push({ id: nextId++, job, resolve, reject });
        dispatch();
      });
    },
    stats: () => ({
      workers: slots.length,
      busy: slots.filter((s) => s.task).length,
      waiting: waiting.length,
      renders,
      timedOut,
      crashed,
      retired,
      // The workers' heaps (bytes), which the server's own heap figures leave out.
      heapUsed: slots.reduce((n, s) => n + (s.heap?.used ?? 0), 0),
      heapTotal: slots.reduce((n, s) => n + (s.heap?.total ?? 0), 0),
      heapExternal: slots.reduce((n, s) => n + (s.heap?.external ?? 0), 0),
    }),
    /** Ends every worker (tests). */
    async close(): Promise<void> {
      const all = slots.splice(0);
      await Promise.all(
        all.map((s) => {
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
 * The server's pool: a worker per core but one, which is left to the event loop (on two cores, one worker), at
 * most four (EXPORT_WORKERS), started on first use; a render may take 20 seconds (EXPORT_RENDER_MS): a deck of the
 * largest company takes about one.
 */
export const renderPool = createRenderPool({
  size: envNumber("EXPORT_WORKERS", Math.min(4, Math.max(1, availableParallelism() - 1))),
  deadlineMs: envNumber("EXPORT_RENDER_MS", 20_000),
  rendersPerWorker: envNumber("EXPORT_WORKER_RENDERS", 100),
});
registerCache("renderWorkers", renderPool.stats);

import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { extractJob } from "./extractJob";
import type { ThreadReply, ThreadRequest } from "./threadMessages";

/**
 * The extraction threads of a worker process: one per core by default. Each thread is sent up to DEPTH files
 * ahead, so it goes straight on to the next while this thread handles the last reply: on a loaded machine waiting
 * for the main thread to be scheduled between files doubled the import's time. A file that takes longer than
 * `deadlineMs` ends its thread (a new one takes its place) and is refused alone; a thread that dies (out of
 * memory) rejects the file it was reading, whose job is then retried; the files sent after it are sent again.
 */
export class ThreadDied extends Error {}

/** Bundled (build/cli/) the thread is a bundle beside this code; from source, a boot file compiles it with tsx. */
function threadEntry(): URL {
  const bundled = new URL("./extractThread.mjs", import.meta.url);
  if (existsSync(fileURLToPath(bundled))) return bundled;
  return new URL("./extractThreadBoot.mjs", import.meta.url);
}

interface Task {
  req: ThreadRequest;
  resolve: (reply: ThreadReply) => void;
  reject: (err: Error) => void;
}

interface Slot {
  worker: Worker;
  /** Sent, in order: the thread reads them one after another, the first now. */
  tasks: Task[];
  timer?: NodeJS.Timeout;
}

const DEPTH = 4;

export function createThreadPool(size: number, deadlineMs: number) {
  const entry = threadEntry();
  const slots: Slot[] = [];
  const waiting: Task[] = [];
  let closed = false;

  const drop = (slot: Slot) => {
    clearTimeout(slot.timer);
    const at = slots.indexOf(slot);
    if (at >= 0) slots.splice(at, 1);
    slot.worker.removeAllListeners();
    void slot.worker.terminate();
  };

  /** The deadline runs for the file the thread is reading: the first sent and not answered. */
  const watch = (slot: Slot) => {
    clearTimeout(slot.timer);
    const head = slot.tasks[0];
    if (!head) return;
    slot.timer = setTimeout(() => {
      drop(slot);
      const [late, ...rest] = slot.tasks;
      waiting.unshift(...rest);
      // Refused, not retried: the same file would take as long again.
      late.resolve({
        id: late.req.id,
        refused: { reason: `it took longer than ${Math.round(deadlineMs / 1000)} s to read`, read: true },
      });
      dispatch();
    }, deadlineMs);
  };

  const start = (): Slot => {
    const slot: Slot = { worker: new Worker(entry), tasks: [] };
    slot.worker.on("message", (reply: ThreadReply) => {
      const task = slot.tasks[0];
      if (!task || task.req.id !== reply.id) return;
      slot.tasks.shift();
      watch(slot);
      task.resolve(reply);
      dispatch();
    });
    const lost = (why: string) => {
      drop(slot);
      const [head, ...rest] = slot.tasks;
      waiting.unshift(...rest);
      head?.reject(new ThreadDied(`the extraction thread ${why}`));
      dispatch();
    };
    slot.worker.on("error", (err) => lost(`failed (${err.message})`));
    slot.worker.on("exit", (code) => lost(`stopped (code ${code})`));
    slots.push(slot);
    return slot;
  };

  const dispatch = () => {
    while (waiting.length && !closed) {
      // The least loaded thread, or a new one while there are fewer than `size`.
      const free = slots.filter((s) => s.tasks.length < DEPTH).sort((a, b) => a.tasks.length - b.tasks.length)[0];
      const slot =
        free && (free.tasks.length === 0 || slots.length >= size) ? free : slots.length < size ? start() : free;
      if (!slot) return;
      const task = waiting.shift() as Task;
      slot.tasks.push(task);
      if (slot.tasks.length === 1) watch(slot);
      slot.worker.postMessage(task.req);
    }
  };

  return {
    size,
    /**
     * Starts up to `n` threads now, before any file is sent: a thread takes a few hundred milliseconds to load the
     * extractor on a busy machine, which the command spends meanwhile listing and queueing its files.
     */
    warm(n = size): void {
      while (slots.length < Math.min(n, size) && !closed) start();
    },
    extract(req: ThreadRequest): Promise<ThreadReply> {
      return new Promise((resolve, reject) => {
        waiting.push({ req, resolve, reject });
        dispatch();
      });
    },
    async close(): Promise<void> {
      closed = true;
      for (const t of [...waiting.splice(0), ...slots.flatMap((s) => s.tasks)]) t.reject(new ThreadDied("pool closed"));
      await Promise.all(
        slots.splice(0).map((s) => {
          clearTimeout(s.timer);
          s.worker.removeAllListeners();
          return s.worker.terminate();
        }),
      );
    },
  };
}

export type ThreadPool = ReturnType<typeof createThreadPool>;

/**
 * `--workers 0`: no threads, each file extracted on the main thread between the queue's and the store's work, as
 * the import did before the queue (no deadline: nothing can stop a file that runs long on the main thread).
 */
export function createInlinePool(): ThreadPool {
  let closed = false;
  return {
    size: 0,
    warm: () => {},
    extract: (req) =>
      new Promise((resolve, reject) =>
        setImmediate(() => (closed ? reject(new ThreadDied("pool closed")) : resolve(extractJob(req)))),
      ),
    async close() {
      closed = true;
    },
  };
}

import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { ThreadReply, ThreadRequest } from "./threadMessages";

/**
 * The extraction threads of a worker process: one per core by default. A file that takes longer than
 * `deadlineMs` ends its thread (a new one takes its place) and is refused alone; a thread that dies (out of
 * memory) rejects its file, whose job is then retried.
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
  task: Task | null;
  timer?: NodeJS.Timeout;
}

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

  const start = (): Slot => {
    const slot: Slot = { worker: new Worker(entry), task: null };
    slot.worker.on("message", (reply: ThreadReply) => {
      const task = slot.task;
      if (!task || task.req.id !== reply.id) return;
      clearTimeout(slot.timer);
      slot.task = null;
      task.resolve(reply);
      dispatch();
    });
    const lost = (why: string) => {
      const task = slot.task;
      drop(slot);
      task?.reject(new ThreadDied(`the extraction thread ${why}`));
      dispatch();
    };
    slot.worker.on("error", (err) => lost(`failed (${err.message})`));
    slot.worker.on("exit", (code) => lost(`stopped (code ${code})`));
    slots.push(slot);
    return slot;
  };

  const dispatch = () => {
    while (waiting.length && !closed) {
      const slot = slots.find((s) => !s.task) ?? (slots.length < size ? start() : undefined);
      if (!slot) return;
      const task = waiting.shift() as Task;
      slot.task = task;
      slot.timer = setTimeout(() => {
        slot.task = null;
        drop(slot);
        // Refused, not retried: the same file would take as long again.
        task.resolve({
          id: task.req.id,
          refused: { reason: `it took longer than ${Math.round(deadlineMs / 1000)} s to read`, read: true },
        });
        dispatch();
      }, deadlineMs);
      slot.worker.postMessage(task.req);
    }
  };

  return {
    size,
    extract(req: ThreadRequest): Promise<ThreadReply> {
      return new Promise((resolve, reject) => {
        waiting.push({ req, resolve, reject });
        dispatch();
      });
    },
    async close(): Promise<void> {
      closed = true;
      for (const t of waiting.splice(0)) t.reject(new ThreadDied("pool closed"));
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

import { setPriority } from "node:os";
import { getHeapStatistics, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { parentPort } from "node:worker_threads";
import { collectBeforeEachPicture, renderPng } from "./png.server";
import { renderDeck, renderPptx } from "./pptx.server";
import type { RenderJob, RenderReply, RenderRequest } from "./renderJobs";
import { renderSvg } from "./svg.server";
import { renderXlsx } from "./xlsx.server";

/**
 * A render worker (renderPool.server.ts): draws SVG, PNG and PowerPoint files from the data it is sent, off the
 * server's event loop. Started through renderWorkerBoot.mjs, which compiles this TypeScript on load.
 */
async function render(job: RenderJob): Promise<Uint8Array | string> {
  switch (job.kind) {
    case "svg":
      return renderSvg(job.chart);
    case "png":
      // Drawn on this thread, as a deck's pictures are, not on libuv's pool (renderPngAsync): resvg's allocator
      // (mimalloc) keeps memory per thread, and pixmaps drawn on the pool's four threads but freed on this one,
      // when their wrappers are collected, went back to their own thread only when it drew again: 70 to 230 MB
      // that rose and fell with the last renders (decision 018). This thread does nothing else meanwhile.
      return renderPng(job.chart, job.scale);
    case "pptx":
      return renderPptx(job.chart);
    case "xlsx":
      return renderXlsx(job.chart, job.origin);
    case "deck":
      return renderDeck(job.company, job.charts, new Date(job.generated));
  }
}

/**
 * This thread yields its core to the event loop: a render runs at nice 10 (EXPORT_RENDER_NICE; 0 leaves it as the
 * server's). On Linux the nice value is a thread's own, so only this thread is lowered. Under `npm run bench:load`
 * (the server on one core) the event loop otherwise waited for the core while decks were drawn: 785 ms of a
 * 1,045 ms hold, with 50 facts pages waiting (docs/decisions/036). The render takes what the event loop leaves,
 * which on an idle server is everything; the machine's other work can still take the core (decision 036).
 */
const nice = Number(process.env.EXPORT_RENDER_NICE ?? 10);
if (Number.isInteger(nice) && nice > 0) {
  try {
    setPriority(Math.min(19, nice));
  } catch {
    // Not allowed here (or not this system's way): the thread keeps the server's priority.
  }
}

/**
 * A full collection after each render. resvg's pixmaps (15 MB for a 2x PNG, one per picture of a deck) are native
 * memory that V8 does not count, freed only when their small JavaScript wrappers are collected, which on this
 * thread's small heap happened seldom: the server's resident memory grew by about 100 MB a load round while both
 * heaps stayed flat. A collection of this heap (about 35 MB) takes a few milliseconds, after the reply is sent.
 */
setFlagsFromString("--expose-gc");
const collect = runInNewContext("gc") as () => void;
collectBeforeEachPicture(collect);

const port = parentPort;
if (!port) throw new Error("renderWorker.ts runs as a worker thread (renderPool.server.ts starts it)");
port.on("message", async ({ id, job }: RenderRequest) => {
  let reply: RenderReply;
  let transfer: ArrayBuffer[] = [];
  try {
    const body = await render(job);
    if (typeof body === "string") reply = { id, body };
    else {
      // A copy in a buffer of its own: a small Buffer is a slice of Node's shared pool, which must not be moved.
      const own = new Uint8Array(body);
      reply = { id, body: own };
      transfer = [own.buffer as ArrayBuffer];
    }
  } catch (err) {
    reply = { id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
  // The main thread cannot see this thread's heap: it is reported with each reply.
  const heap = getHeapStatistics();
  reply.heap = { used: heap.used_heap_size, total: heap.total_heap_size, external: heap.external_memory };
  port.postMessage(reply, transfer);
  collect();
});

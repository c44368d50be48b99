import { performance } from "node:perf_hooks";

/**
 * While `work` runs, a timer ticks every 2 ms; between two ticks the event loop was either busy (running code) or
 * idle (waiting for I/O, or simply not given a core: the machine is shared, and the upload's own worker competes
 * for it). `busy` is the longest time the loop was busy between two ticks, from its utilisation
 * (performance.eventLoopUtilization), which counts only the time outside the wait for I/O: that is what a
 * blocking step costs every other request (a native call sleeping counts as busy). `gap` is the longest time
 * between two ticks, busy or not, reported.
 */
export async function longestStall<T>(work: () => Promise<T>): Promise<{ busy: number; gap: number; value: T }> {
  let last = performance.now();
  let lastLoop = performance.eventLoopUtilization();
  let busy = 0;
  let gap = 0;
  const tick = () => {
    const now = performance.now();
    const loop = performance.eventLoopUtilization();
    busy = Math.max(busy, performance.eventLoopUtilization(loop, lastLoop).active);
    gap = Math.max(gap, now - last);
    last = now;
    lastLoop = loop;
  };
  const timer = setInterval(tick, 2);
  try {
    const value = await work();
    tick();
    return { busy, gap, value };
  } finally {
    clearInterval(timer);
  }
}

import { availableParallelism } from "node:os";

/**
 * How many render worker threads the server runs: one per core but one, which is left to the event loop (on two
 * cores, one), at most four; EXPORT_WORKERS overrides it. The export limiter lets as many renders run at once, so
 * a render it starts is drawn at once, not queued again inside the pool (docs/decisions/036).
 */
export function renderWorkerCount(): number {
  const v = Number(process.env.EXPORT_WORKERS);
  return Number.isFinite(v) && v > 0 ? v : Math.min(4, Math.max(1, availableParallelism() - 1));
}

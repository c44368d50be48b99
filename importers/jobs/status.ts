import { printable } from "../run/printable";
import type { ImportQueue } from "./queue";

/** `npm run import -- --status`: the newest runs with their counts, then failed files and files being read now. */
export async function formatStatus(queue: ImportQueue, where: string, limit = 10): Promise<string> {
  const runs = await queue.recentRuns(limit);
  const failed = await queue.jobsIn("failed", 20);
  const active = await queue.jobsIn("active", 20);
  const lines = [`Import queue: ${where}`];
  if (!runs.length) return [...lines, "No imports queued yet."].join("\n");
  lines.push("Runs, newest first:");
  const pad = (v: number | string, n: number) => String(v).padStart(n);
  lines.push(
    `  ${"started (UTC)".padEnd(19)}  ${pad("files", 6)}  ${pad("queued", 6)}  ${pad("running", 7)}  ${pad("done", 6)}  ${pad("failed", 6)}`,
  );
  for (const r of runs)
    lines.push(
      `  ${r.startedAt.slice(0, 19).replace("T", " ")}  ${pad(r.total, 6)}  ${pad(r.queued, 6)}  ${pad(r.active, 7)}  ${pad(r.done, 6)}  ${pad(r.failed, 6)}`,
    );
  if (active.length) {
    lines.push("Being imported now:");
    for (const j of active) lines.push(`  ${printable(j.path)} (attempt ${j.attempts})`);
  }
  if (failed.length) {
    lines.push("Failed, newest first:");
    for (const j of failed) lines.push(`  ${printable(j.path)}: ${printable(j.reason ?? "failed")}`);
  }
  return lines.join("\n");
}

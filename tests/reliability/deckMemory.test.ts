/**
 * Memory flat under load: a deck used to leave its copy of pptxgenjs reachable (Node lists every module a require
 * loads among the parent's children, and each file loads a fresh copy), about 1.2 MB of heap a deck, so the
 * server grew with every cold deck it drew. Measured on the heap after a full collection, not on time.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, expect, test } from "vitest";
import { seedTemporaryDatabase } from "../app/dbSetup";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

let cleanup: () => void;
beforeAll(async () => {
  cleanup = await seedTemporaryDatabase();
}, 60_000);
afterAll(() => cleanup?.());

const heapAfterGc = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

test("forty decks leave the heap where ten left it", async () => {
  const { exportChart } = await import("~/models/exports.server");
  const { renderDeck } = await import("~/exports/pptx.server");
  const params = { company: "renault", periods: "year", metric: "revenue", mode: "absolute" } as const;
  const charts = [await exportChart("revenue", params), await exportChart("revenue-change", params)];
  for (let i = 0; i < 10; i++) await renderDeck("Renault", charts);
  const before = heapAfterGc();
  for (let i = 0; i < 40; i++) await renderDeck("Renault", charts);
  const grown = (heapAfterGc() - before) / 1024 / 1024;
  // Leaking, forty decks grew it by about 45 MB; now by next to nothing.
  expect(grown).toBeLessThan(15);
}, 120_000);

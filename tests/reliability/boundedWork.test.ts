/** The limiter and the bounded cache behind exports and pages, driven by hand-made tasks and sizes. */
import { describe, expect, test } from "vitest";
import { createLimiter, Overloaded } from "~/exports/limiter.server";
import { BoundedCache } from "~/utils/boundedCache";

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe("the render limiter", () => {
  test("runs at most `concurrency` tasks, starts queued ones as slots free, refuses past the queue", async () => {
    const limiter = createLimiter({ concurrency: 2, maxQueue: 1, maxWaitMs: 60_000 });
    const gates = [deferred(), deferred(), deferred()];
    const started: number[] = [];
    const runs = gates.map((g, i) =>
      limiter.run(async () => {
        started.push(i);
        await g.promise;
        return i;
      }),
    );
    const refused = limiter.run(async () => 99);
    await expect(refused).rejects.toThrow(new Overloaded("The server is busy with 3 exports; try again shortly.", 60));
    expect(started).toEqual([0, 1]);
    expect(limiter.stats()).toEqual({ active: 2, queued: 1, refused: 1 });
    gates[0].resolve();
    await runs[0];
    await Promise.resolve();
    expect(started).toEqual([0, 1, 2]);
    gates[1].resolve();
    gates[2].resolve();
    expect(await Promise.all(runs)).toEqual([0, 1, 2]);
    expect(limiter.stats()).toEqual({ active: 0, queued: 0, refused: 1 });
  });

  test("a task that waits past the deadline is refused, and never starts", async () => {
    const limiter = createLimiter({ concurrency: 1, maxQueue: 4, maxWaitMs: 20 });
    const gate = deferred();
    const blocker = limiter.run(() => gate.promise);
    let ran = false;
    const late = limiter.run(async () => {
      ran = true;
    });
    const err = await late.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Overloaded);
    expect((err as Overloaded).message).toBe("No export slot came free within 0.02 s; try again shortly.");
    expect((err as Overloaded).retryAfterSeconds).toBe(1);
    gate.resolve();
    await blocker;
    expect(ran).toBe(false);
    expect(limiter.stats()).toEqual({ active: 0, queued: 0, refused: 1 });
  });

  test("a waiting task that could not finish before its deadline is refused when it could no longer start in time", async () => {
    const limiter = createLimiter({ concurrency: 1, maxQueue: 4, maxWaitMs: 60_000 });
    const gate = deferred();
    const blocker = limiter.run(() => gate.promise);
    const started: string[] = [];
    const at = Date.now();
    // Due in 100 ms, usually 80 ms to draw: it must start within 20 ms or not at all.
    const late = limiter.run(
      async () => {
        started.push("late");
      },
      { deadline: at + 100, expectedMs: 80 },
    );
    const patient = limiter.run(
      async () => {
        started.push("patient");
        return "drawn";
      },
      { deadline: at + 60_000, expectedMs: 80 },
    );
    const err = await late.catch((e: unknown) => e);
    // Refused long before the queue's own limit, with the limiter's Retry-After.
    expect(Date.now() - at).toBeLessThan(2_000);
    expect(err).toBeInstanceOf(Overloaded);
    expect((err as Overloaded).message).toBe("The export could not be drawn in time; try again shortly.");
    expect((err as Overloaded).retryAfterSeconds).toBe(60);
    expect(limiter.stats()).toEqual({ active: 1, queued: 1, refused: 1 });
    gate.resolve();
    await blocker;
    expect(await patient).toBe("drawn");
    expect(started).toEqual(["patient"]);
    // Already too late when asked: refused at once, nothing queued.
    const gate2 = deferred();
    const busy = limiter.run(() => gate2.promise);
    await expect(limiter.run(async () => 1, { deadline: Date.now() + 50, expectedMs: 80 })).rejects.toThrow(
      "The export could not be drawn in time; try again shortly.",
    );
    expect(limiter.stats()).toEqual({ active: 1, queued: 0, refused: 2 });
    gate2.resolve();
    await busy;
  });

  test("a task whose turn would come too late, by the usual times of the tasks ahead, is refused at once", async () => {
    const limiter = createLimiter({ concurrency: 1, maxQueue: 8, maxWaitMs: 8_000 });
    const gate = deferred();
    const at = Date.now();
    // One running and one waiting, each usually 3 s: a task asked now would start in about 6 s.
    const running = limiter.run(() => gate.promise, { expectedMs: 3_000 });
    const waiting = limiter.run(async () => "second", { deadline: at + 60_000, expectedMs: 3_000 });
    const tooSoon = new Promise((resolve) => setTimeout(() => resolve("still waiting"), 1_000));
    // Due in 8 s, 3 s to draw: it would end at about 9 s. Once it waited until it could no longer start in time.
    const late = limiter.run(async () => "third", { deadline: at + 8_000, expectedMs: 3_000 });
    const lateErr = await Promise.race([late.catch((e: unknown) => e), tooSoon]);
    expect(lateErr).toBeInstanceOf(Overloaded);
    expect((lateErr as Overloaded).message).toBe("The export could not be drawn in time; try again shortly.");
    expect((lateErr as Overloaded).retryAfterSeconds).toBe(8);
    // No deadline, but its turn would come past the queue's eight seconds: busy, at once.
    const third = limiter.run(async () => "fourth", { expectedMs: 3_000 });
    const fourth = limiter.run(async () => "fifth", { expectedMs: 3_000 });
    const busyErr = await Promise.race([fourth.catch((e: unknown) => e), tooSoon]);
    expect(busyErr).toBeInstanceOf(Overloaded);
    expect((busyErr as Overloaded).message).toBe("The server is busy with 3 exports; try again shortly.");
    expect(limiter.stats()).toEqual({ active: 1, queued: 2, refused: 2 });
    gate.resolve();
    await running;
    expect(await waiting).toBe("second");
    expect(await third).toBe("fourth");
  });

  test("a task that throws frees its slot", async () => {
    const limiter = createLimiter({ concurrency: 1, maxQueue: 0, maxWaitMs: 1000 });
    await expect(limiter.run(() => Promise.reject(new Error("render failed")))).rejects.toThrow("render failed");
    await expect(limiter.run(async () => "next")).resolves.toBe("next");
  });
});

describe("the bounded cache", () => {
  test("evicts the least recently used past its entry count and its bytes, and reports its size", () => {
    const cache = new BoundedCache<string>(3, 800);
    cache.set("a", "A", 100);
    cache.set("b", "B", 100);
    cache.set("c", "C", 100);
    expect(cache.get("a")).toBe("A");
    cache.set("d", "D", 100);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.stats()).toEqual({ entries: 3, bytes: 300, maxEntries: 3, maxBytes: 800 });
    const big = new BoundedCache<string>(100, 800);
    for (let i = 0; i < 20; i++) big.set(`k${i}`, "x", 100);
    expect(big.stats()).toMatchObject({ entries: 8, bytes: 800 });
    expect(big.get("k11")).toBeUndefined();
    expect(big.get("k12")).toBe("x");
  });

  test("an entry over an eighth of the budget is not kept, and evicts nothing", () => {
    const cache = new BoundedCache<string>(10, 800);
    cache.set("small", "s", 50);
    cache.set("huge", "h", 101);
    expect(cache.get("huge")).toBeUndefined();
    expect(cache.get("small")).toBe("s");
    expect(cache.stats().bytes).toBe(50);
  });
});

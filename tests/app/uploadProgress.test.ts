import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { FileProgress } from "~/models/importTypes";
import { stagedPreview, stageUpload } from "~/models/webImport.server";
import { seedTemporaryDatabase } from "./dbSetup";

/**
 * A large upload's progress, file by file (issue 13, "Large uploads show progress"): while the extractor reads, the
 * preview says of each file whether it waits for a reader, is being read (for how long) or was read (in how long,
 * with how many facts), or was refused; once every file is read the preview itself replaces it.
 */
let cleanup: () => void;

beforeAll(async () => {
  cleanup = await seedTemporaryDatabase();
}, 60_000);
afterAll(() => cleanup?.());

const SENTENCE = "Varnholt Logistics posted revenues of $1.2 billion for 2018 and $1.4 billion in 2019. ";
const small = { name: "small.txt", bytes: Buffer.from(`Varnholt results\n\n${SENTENCE}\n`), error: null };
// About 2 MB of sentences: long enough to be read while the page asks how far it has got.
const large = {
  name: "large.txt",
  bytes: Buffer.from(`Varnholt archive\n\n${`${SENTENCE}Shares rose.\n`.repeat(20_000)}`),
  error: null,
};
const empty = { name: "empty.txt", bytes: Buffer.alloc(0), error: null };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("the progress of an upload being read", () => {
  test("each file waits, is read with its seconds counted, and is read with its facts; a refused one says so", async () => {
    const staged = stageUpload("ana", [small, large, empty], null);
    const first = stagedPreview("ana", staged.id).reading!;
    expect([first.totalFiles, first.totalBytes]).toEqual([3, small.bytes.length + large.bytes.length]);
    const states = (p: FileProgress[]) => p.map((f) => [f.name, f.bytes, f.state]);
    // One reader per core but one (at most two): the large file waits for it or is read beside the small one.
    expect(states(first.perFile)).toEqual([
      ["small.txt", small.bytes.length, "reading"],
      ["large.txt", large.bytes.length, expect.stringMatching(/^(waiting|reading)$/)],
      ["empty.txt", 0, "failed"],
    ]);

    // Asked again (as the page does every half second) until the small file is read and the large one is not.
    let seen: FileProgress[] | null = null;
    for (let i = 0; i < 400 && !seen; i++) {
      const reading = stagedPreview("ana", staged.id).reading;
      if (!reading) break;
      if (reading.perFile[0].state === "read" && reading.perFile[1].state === "reading") seen = reading.perFile;
      else await sleep(10);
    }
    expect(seen, "the small file was read while the large one was still being read").not.toBeNull();
    const [read, reading] = seen!;
    expect([read.facts, typeof read.seconds, reading.facts]).toEqual([2, "number", null]);
    expect(reading.seconds).toBeGreaterThanOrEqual(0);

    const done = await staged.ready;
    expect(done.reading).toBeNull();
    expect(done.files.map((f) => [f.name, f.error, f.factCount])).toEqual([
      ["small.txt", null, 2],
      ["large.txt", null, 2],
      ["empty.txt", "empty file", 0],
    ]);
    // The large file's preview holds a page of its article, cut at a word, and says how long the whole is.
    const text = done.files[1].text!;
    const shown = text.segments.map((g) => g.text).join("");
    expect(text.length).toBeGreaterThan(2_000_000);
    expect(shown.length).toBeLessThanOrEqual(20_000);
    expect(shown.length).toBeGreaterThan(19_000);
    expect(shown.slice(0, 200)).toContain("Varnholt Logistics posted revenues of $1.2 billion");
  }, 120_000);
});

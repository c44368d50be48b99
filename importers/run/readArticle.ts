import { closeSync, constants, fstatSync, openSync, readSync, statSync } from "node:fs";
import { fileKind } from "./files";
import { fsReason } from "./fsErrors";

const MB = 1024 * 1024;
const CHUNK = MB;

export const overLimit = (size: number, maxBytes: number) =>
  `file is ${(size / MB).toFixed(1)} MB, over the ${(maxBytes / MB).toFixed(1)} MB limit (IMPORT_MAX_BYTES)`;

/**
 * Reads a file's bytes, or throws an Error whose message is the one-line reason. The folder was listed earlier and
 * files change, so everything is checked again here: stat before open, so a FIFO or device is refused without
 * being opened (opening a FIFO blocks until a writer comes); O_NONBLOCK and fstat after open, in case the file was
 * swapped for one between the two; and the limit is applied to the bytes actually read, never more than
 * `maxBytes + 1` of them, so a file that grows after the listing is still refused.
 */
export function readArticleBytes(path: string, maxBytes: number): Buffer {
  const before = statOrReason(path);
  if (!before.isFile()) throw new Error(`${fileKind(before)}, not a regular file: not opened`);
  if (before.size > maxBytes) throw new Error(overLimit(before.size, maxBytes));
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (err) {
    throw new Error(`cannot open: ${fsReason(err)}`);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new Error(`${fileKind(st)}, not a regular file: not read`);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK, maxBytes + 1 - total));
      let n: number;
      try {
        n = readSync(fd, chunk, 0, chunk.length, null);
      } catch (err) {
        throw new Error(`cannot read: ${fsReason(err)}`);
      }
      if (n === 0) break;
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      total += n;
      if (total > maxBytes) {
        // Grew since it was listed: say how big it is now, at least the bytes seen.
        throw new Error(overLimit(Math.max(total, fstatSync(fd).size), maxBytes));
      }
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

function statOrReason(path: string) {
  try {
    return statSync(path);
  } catch (err) {
    throw new Error(fsReason(err));
  }
}

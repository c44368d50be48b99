import iconv from "iconv-lite";

export interface Decoded {
  text: string;
  /** What the bytes were read as, and whether mojibake was repaired. */
  encoding: string;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Code pages that UTF-8 bytes are commonly mis-read through before they reach us. */
const MOJIBAKE_CODEPAGES = ["cp850", "windows-1252", "cp437"] as const;

export function decodeBytes(bytes: Uint8Array): Decoded {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) {
    return { text: iconv.decode(buf.subarray(2), "utf-16le"), encoding: "utf-16le" };
  }
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) {
    return { text: iconv.decode(buf.subarray(2), "utf-16be"), encoding: "utf-16be" };
  }
  const hasBom = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
  const body = hasBom ? buf.subarray(3) : buf;
  let text: string;
  let encoding: string;
  try {
    text = utf8.decode(body);
    encoding = hasBom ? "utf-8-bom" : "utf-8";
  } catch {
    // Mostly UTF-8 with a few broken bytes (a cut or corrupted file): keep the UTF-8 and mark the breaks, rather
    // than reading every "€" as "â‚¬". Otherwise the commonest legacy encoding of English news text.
    const { valid, broken } = utf8Shape(body);
    if (valid > 0 && broken <= 4 * valid) {
      return { text: new TextDecoder("utf-8").decode(body), encoding: "utf-8-with-invalid-bytes" };
    }
    return { text: iconv.decode(body, "windows-1252"), encoding: "windows-1252" };
  }
  const repaired = repairMojibake(text);
  if (repaired.codepage) encoding += `+repaired(${repaired.codepage})`;
  return { text: repaired.text, encoding };
}

/** Counts well-formed multi-byte UTF-8 sequences and bytes that fit none, to tell broken UTF-8 from a code page. */
function utf8Shape(bytes: Uint8Array): { valid: number; broken: number } {
  let valid = 0;
  let broken = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const need =
      b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need === 0) {
      i++;
      continue;
    }
    let ok = need > 0 && i + need < bytes.length + 1;
    for (let k = 1; ok && k <= need; k++) ok = (bytes[i + k] & 0xc0) === 0x80;
    if (ok) {
      valid++;
      i += need + 1;
    } else {
      broken++;
      i++;
    }
  }
  return { valid, broken };
}

/**
 * Undoes UTF-8 that was once decoded through a single-byte code page: each run of non-ASCII characters is
 * encoded back through the code page and decoded as UTF-8. A run is replaced only when that round trip is
 * exact and yields valid, shorter UTF-8, so genuine accented text is left alone.
 */
export function repairMojibake(text: string): { text: string; codepage: string | null } {
  // Only a run of two or more non-ASCII characters can be mojibake; most texts have none and need no round trips.
  if (!/[^\x00-\x7f]{2,}/.test(text)) return { text, codepage: null };
  let best = { text, codepage: null as string | null, fixed: 0 };
  for (const codepage of MOJIBAKE_CODEPAGES) {
    let fixed = 0;
    const out = text.replace(/[^\x00-\x7f]{2,}/g, (run) => {
      const bytes = iconv.encode(run, codepage);
      if (iconv.decode(bytes, codepage) !== run) return run;
      try {
        const decoded = utf8.decode(bytes);
        if (decoded.length >= run.length) return run;
        fixed++;
        return decoded;
      } catch {
        return run;
      }
    });
    if (fixed > best.fixed) best = { text: out, codepage, fixed };
  }
  return { text: best.text, codepage: best.codepage };
}

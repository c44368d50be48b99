import iconv from "iconv-lite";
import { describe, expect, test } from "vitest";
import { decodeBytes, repairMojibake } from "../../importers/text/decode";

const original = "Renault’s revenue was €40.68 billion – up 5% at Citroën.";

describe("decoding article bytes", () => {
  test.each([
    ["UTF-8", Buffer.from(original, "utf8"), "utf-8"],
    ["UTF-8 with BOM", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(original, "utf8")]), "utf-8-bom"],
    ["UTF-16 LE with BOM", Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(original, "utf-16le")]), "utf-16le"],
    ["UTF-16 BE with BOM", Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(original, "utf-16be")]), "utf-16be"],
    ["plain Windows-1252", iconv.encode(original, "windows-1252"), "windows-1252"],
    [
      "UTF-8 once read as code page 850",
      Buffer.from(iconv.decode(Buffer.from(original, "utf8"), "cp850"), "utf8"),
      "utf-8+repaired(cp850)",
    ],
    [
      "UTF-8 once read as Windows-1252",
      Buffer.from(iconv.decode(Buffer.from(original, "utf8"), "windows-1252"), "utf8"),
      "utf-8+repaired(windows-1252)",
    ],
  ])("%s", (_name, bytes, encoding) => {
    const decoded = decodeBytes(bytes);
    expect(decoded.text).toBe(original);
    expect(decoded.encoding).toBe(encoding);
  });

  test("genuine accented text is left alone", () => {
    for (const text of ["Société Générale in Zürich", "Nestlé sales in São Paulo", "Ôé¼ alone is not enough"]) {
      const { text: out } = repairMojibake(text);
      if (text.startsWith("Ôé¼")) expect(out).toBe("€ alone is not enough");
      else expect(out).toBe(text);
    }
  });
});

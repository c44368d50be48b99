import { json } from "@remix-run/node";
import { extractPool } from "./extractPool.server";
import { tooLarge, type Upload } from "./uploads.server";

/**
 * An upload's form as readUploads gives it, taken apart in an extraction worker: the event loop only gathers the
 * body's bytes (refusing it with a 413 once it passes `maxTotal`), since taking 16 MB of multipart apart held it
 * for about 0.7 s at a stretch.
 */
export async function receiveUploads(
  request: Request,
  maxBytes: number,
  maxTotal: number,
): Promise<{ files: Upload[]; fields: Record<string, string> }> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  // The parts' headers and boundaries come on top of the files' bytes.
  const limit = maxTotal + 1024 * 1024;
  try {
    if (!request.body) throw new Error("no body");
    for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
      total += chunk.length;
      if (total > limit) throw tooLarge(maxTotal);
      chunks.push(chunk);
    }
  } catch (err) {
    if (err instanceof Response) throw err;
    throw json({ message: "The upload could not be read: send the form again from the page." }, { status: 400 });
  }
  const body = Buffer.concat(chunks, total);
  const parsed = await extractPool.parse(body, request.headers.get("content-type") ?? "", maxBytes, maxTotal);
  if ("refused" in parsed) throw json({ message: parsed.refused.message }, { status: parsed.refused.status });
  return parsed;
}

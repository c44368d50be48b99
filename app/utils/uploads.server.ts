import { json, unstable_parseMultipartFormData as parseMultipart } from "@remix-run/node";

export interface Upload {
  /** The name the browser gave, without any folder. */
  name: string;
  bytes: Uint8Array | null;
  /** Why the file was not kept (over the size limit), in the import command's words. */
  error: string | null;
}

const MB = 1024 * 1024;

export const tooLarge = (maxTotal: number) =>
  json(
    { message: `The upload is over ${(maxTotal / MB).toFixed(0)} MB in all: send fewer files at once.` },
    { status: 413 },
  );

/**
 * Reads a multipart form (in an extraction worker: receiveUploads): its files, each kept up to `maxBytes` (a larger one is read to its end but not kept, and
 * named with the command line's reason, so one bad file spoils nothing else), and its text fields. The whole body
 * may hold at most `maxTotal` bytes; past that the request is a 413.
 */
export async function readUploads(
  request: Request,
  maxBytes: number,
  maxTotal: number,
): Promise<{ files: Upload[]; fields: Record<string, string> }> {
  const files: Upload[] = [];
  const fields: Record<string, string> = {};
  let total = 0;
  try {
    await parseMultipart(request, async ({ name, filename, data }) => {
      const chunks: Uint8Array[] = [];
      let size = 0;
      for await (const chunk of data) {
        size += chunk.length;
        total += chunk.length;
        if (total > maxTotal) throw tooLarge(maxTotal);
        if (size <= maxBytes) chunks.push(chunk);
      }
      if (filename === undefined) {
        if (size > maxBytes) throw json({ message: `The field "${name.slice(0, 40)}" is too long.` }, { status: 413 });
        fields[name] = Buffer.concat(chunks).toString("utf8");
        return undefined;
      }
      // A file input left empty still sends a part, with no name and no bytes.
      if (filename === "" && size === 0) return undefined;
      const base = filename.split(/[\\/]/).pop() || "upload.txt";
      files.push(
        size > maxBytes
          ? {
              name: base,
              bytes: null,
              error: `file is ${(size / MB).toFixed(1)} MB, over the ${(maxBytes / MB).toFixed(1)} MB limit (IMPORT_MAX_BYTES)`,
            }
          : { name: base, bytes: Buffer.concat(chunks), error: null },
      );
      return undefined;
    });
  } catch (err) {
    if (err instanceof Response) throw err;
    throw json({ message: "The upload could not be read: send the form again from the page." }, { status: 400 });
  }
  return { files, fields };
}

// The extraction worker's entry: worker threads do not inherit tsx's loader, so the TypeScript is compiled here
// with tsx's API (as the export render worker is, decision 011).
import { tsImport } from "tsx/esm/api";

await tsImport("./extractWorker.ts", import.meta.url);

// The render worker's entry: worker threads do not inherit tsx's loader, so the TypeScript (and the ~/ paths of
// tsconfig.json) is compiled here with tsx's API.
import { tsImport } from "tsx/esm/api";

await tsImport("./renderWorker.ts", import.meta.url);

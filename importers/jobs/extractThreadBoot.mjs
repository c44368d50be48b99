// The extraction thread's entry when run from source (tsx): worker threads do not inherit tsx's loader, so the
// TypeScript is compiled here with tsx's API, as app/utils/extractWorkerBoot.mjs does. The bundled commands start
// build/cli/extractThread.mjs instead.
import { tsImport } from "tsx/esm/api";

await tsImport("./extractThread.ts", import.meta.url);

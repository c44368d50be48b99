import { parentPort } from "node:worker_threads";
import { extractJob } from "./extractJob";
import type { ThreadRequest } from "./threadMessages";

/**
 * One extraction thread of a worker process (threadPool.ts): reads a job's file and extracts it, as the import
 * command did on its one thread. The article goes back whole; storing stays on the process's main thread.
 */
parentPort?.on("message", (req: ThreadRequest) => parentPort?.postMessage(extractJob(req)));

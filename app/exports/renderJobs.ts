import type { ExportChart } from "~/models/exports.server";

/** What the render workers are asked for: everything they need travels in the message, nothing is read there. */
export type RenderJob =
  | { kind: "svg"; chart: ExportChart }
  | { kind: "png"; chart: ExportChart; scale: number }
  | { kind: "pptx"; chart: ExportChart }
  | { kind: "xlsx"; chart: ExportChart; origin: string }
  | { kind: "deck"; company: string; charts: ExportChart[]; generated: string };

export type RenderRequest = { id: number; job: RenderJob };
/** The worker's own heap after the render (v8.getHeapStatistics in the worker), for /_status and the load bench. */
export type WorkerHeap = { used: number; total: number; external: number };
export type RenderReply = ({ id: number; body: Uint8Array | string } | { id: number; error: string }) & {
  heap?: WorkerHeap;
};

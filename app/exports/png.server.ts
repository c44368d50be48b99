import { createRequire } from "node:module";
import { Resvg, type ResvgRenderOptions, renderAsync } from "@resvg/resvg-js";
import type { ExportChart } from "~/models/exports.server";
import { FONT_FAMILY, renderSvg } from "./svg.server";

// The font ships with the app (an npm package), so text renders the same on any machine, fonts installed or not.
const require = createRequire(import.meta.url);
const FONT_FILES = [
  require.resolve("@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf"),
  require.resolve("@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf"),
];

/** The chart as a PNG on white, at `scale` times 1280×720 (2 by default: sharp on a projector). */
export function renderPng(ec: ExportChart, scale = 2): Buffer {
  return pngOfSvg(renderSvg(ec), scale);
}

const options = (scale: number): ResvgRenderOptions => ({
  fitTo: { mode: "zoom", value: scale },
  background: "#ffffff",
  font: {
    fontFiles: FONT_FILES,
    loadSystemFonts: false,
    defaultFontFamily: FONT_FAMILY,
    sansSerifFamily: FONT_FAMILY,
  },
});

/**
 * Run before each picture is drawn; the render worker collects its garbage there (renderWorker.ts). A picture's
 * pixmap (15 MB at 2x) is native memory, freed only when its small wrapper is collected: a deck's five or six
 * pictures were all still held when the last was drawn, and resvg's allocator kept that peak (decision 018).
 */
let beforeEachPicture = () => {};

export function collectBeforeEachPicture(collect: () => void): void {
  beforeEachPicture = collect;
}

export function pngOfSvg(svg: string, scale = 2): Buffer {
  beforeEachPicture();
  return new Resvg(svg, options(scale)).render().asPng();
}

/** The same, rasterised on libuv's thread pool: the server keeps answering other requests meanwhile. */
export async function renderPngAsync(ec: ExportChart, scale = 2): Promise<Buffer> {
  return (await renderAsync(renderSvg(ec), options(scale))).asPng();
}

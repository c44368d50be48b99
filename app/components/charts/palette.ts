/** Colours and marks shared by every chart, on the page and in exports, so a figure looks the same everywhere. */
export const COLOURS = {
  bar: "#2e86c1",
  decline: "#c0392b",
  growth: "#1e8449",
  axis: "#555",
  grid: "#d5d8dc",
  text: "#1c2833",
};

/** One colour per company on comparison charts, distinguishable for the common colour blindnesses. */
export const SERIES_COLOURS = ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#000000"];

/** Forecasts and targets are hatched in the bar's colour: the pattern id for a colour. */
export const hatchId = (colour: string) => `hatch-${colour.replace("#", "")}`;

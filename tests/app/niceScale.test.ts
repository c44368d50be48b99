import { describe, expect, test } from "vitest";
import { niceScale } from "~/components/charts/niceScale";

describe("value axes include zero and end on round numbers", () => {
  test.each([
    { values: [40.68e9, 37.79e9], ticks: [0, 20e9, 40e9, 60e9] },
    { values: [-18, -17], ticks: [-20, -15, -10, -5, 0] },
    { values: [-20, 5], ticks: [-20, -10, 0, 10] },
    { values: [25, 30], ticks: [0, 10, 20, 30] },
    { values: [7e6, 8e6], ticks: [0, 2e6, 4e6, 6e6, 8e6] },
    { values: [0], ticks: [0, 1] },
  ])("$values", ({ values, ticks }) => {
    const scale = niceScale(values);
    expect(scale.ticks).toEqual(ticks);
    expect(scale.domain).toEqual([ticks[0], ticks.at(-1)]);
  });
});

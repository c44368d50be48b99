import { type RefObject, useEffect, useRef, useState } from "react";

/**
 * The width a chart has on the page. The server cannot know it, so it draws at `initial` (and the SVG scales to
 * fit until scripts run); after hydration the chart is drawn again at the measured width, and again whenever it
 * changes (a phone turned, a window resized), so its text keeps its size instead of shrinking with the drawing.
 * The first client render uses `initial` too, so hydration sees the server's markup.
 */
export function useChartWidth(initial: number): [RefObject<HTMLDivElement>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(initial);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    // A hidden panel (table or sources view) measures 0: keep the last width rather than draw nothing.
    const measure = () => {
      const w = Math.floor(element.clientWidth);
      if (w > 0) setWidth(w);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

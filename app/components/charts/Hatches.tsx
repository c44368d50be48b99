import { hatchId } from "./palette";

/** SVG patterns for forecast and target bars, one per colour used; placed inside a chart's <defs>. */
export function Hatches({ colours }: { colours: string[] }) {
  return (
    <defs>
      {colours.map((c) => (
        <pattern
          key={c}
          id={hatchId(c)}
          patternUnits="userSpaceOnUse"
          width="8"
          height="8"
          patternTransform="rotate(45)"
        >
          <rect width="8" height="8" fill="#fff" />
          <rect width="4" height="8" fill={c} />
        </pattern>
      ))}
    </defs>
  );
}

import { type StakeHistory, stakePoints } from "~/models/stakeTypes";
import { ChartFrame } from "./charts/ChartFrame";
import { ExportMenu } from "./charts/ExportMenu";
import { FigureTable } from "./charts/FigureTable";
import { StakeChart } from "./charts/StakeChart";

/** A chart of each pair's stake over time, for pairs with figures in more than one year. */
export function StakeCharts({ groups }: { groups: StakeHistory[] }) {
  const charted = groups.filter((g) => stakePoints(g).length > 1);
  if (!charted.length) return null;
  return (
    <div className="stake-charts">
      {charted.map((g) => {
        const points = stakePoints(g);
        const title = `${g.holder}'s stake in ${g.held} over time`;
        const id = `stake-${g.holderSlug}-${g.heldSlug}`;
        return (
          <ChartFrame
            key={id}
            id={id}
            title={title}
            description={`% of ${g.held}'s shares held by ${g.holder}, by as-of year (the year the source gives, else its article's date); hollow points are forecasts or targets, whiskers ranges.`}
            chart={(width) => <StakeChart points={points} title={title} width={width} />}
            table={<FigureTable points={points} />}
            sources={points.flatMap((p) => p.sources)}
            actions={<ExportMenu chart="stakes" query={{ holder: g.holderSlug, held: g.heldSlug }} />}
          />
        );
      })}
    </div>
  );
}

import { type StakeHistory, stakePoints } from "~/models/stakeTypes";
import type { ChartPoint } from "~/models/types";
import { ChartFrame } from "./charts/ChartFrame";
import { ExportMenu } from "./charts/ExportMenu";
import { FigureTable } from "./charts/FigureTable";
import { StakeChart } from "./charts/StakeChart";

/** The stakes page filtered to one pair: the page a stake chart's table and sources views open on. */
export const stakePairHref = (g: Pick<StakeHistory, "holderSlug" | "heldSlug">) =>
  `/stakes?holder=${g.holderSlug}&held=${g.heldSlug}`;

const views = (points: ChartPoint[]) => ({
  table: <FigureTable points={points} />,
  sources: points.flatMap((p) => p.sources),
});

/**
 * A chart of each pair's stake over time, for pairs with figures in more than one year. With `lazy` (pages of many
 * pairs) each chart's table and sources views are drawn when opened, from the pair's own page (docs/decisions/039).
 */
export function StakeCharts({ groups, lazy = false }: { groups: StakeHistory[]; lazy?: boolean }) {
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
            {...(lazy
              ? {
                  lazy: {
                    href: `${stakePairHref(g)}#${id}`,
                    label: `the page of ${g.holder}'s stake in ${g.held}`,
                    views: (data: { groups: StakeHistory[] }) => {
                      const pair = data.groups.find((x) => x.holderSlug === g.holderSlug && x.heldSlug === g.heldSlug);
                      return pair ? views(stakePoints(pair)) : null;
                    },
                  },
                }
              : views(points))}
            actions={<ExportMenu chart="stakes" query={{ holder: g.holderSlug, held: g.heldSlug }} />}
          />
        );
      })}
    </div>
  );
}

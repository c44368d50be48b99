import { Form, Link, useFetcher, useLocation } from "@remix-run/react";
import { type SyntheticEvent, useState } from "react";
import { CheckedMark } from "~/components/CheckedMark";
import { asOfWords, type StakeFigure, type StakeHistory, type StakeRow } from "~/models/stakeTypes";
import { sourceHref } from "~/models/types";
import { formatFigure } from "~/utils/format";
import { SubmitButton } from "./Pending";
import { stakePairHref } from "./StakeCharts";

// The figure's own fields, not a copy of it: a figure carries its list of sources.
const figureText = (f: StakeFigure) =>
  `${formatFigure({ low: f.low, high: f.high, unit: "percent", approximate: f.approximate })}${f.status === "actual" ? "" : ` (${f.status})`}`;

const count = (n: number) => `${n} ${n === 1 ? "source" : "sources"}`;

/**
 * Stakes by holder, company held and as-of year, one row each, with every figure given for that year and every
 * source of each; two actual figures for one year are flagged, both shown with their sources. An analyst
 * (`canSettle`) settles a flagged row by confirming one of its actual figures (the stakes route's action).
 * `compact` (pages of many pairs): each figure's sources are a disclosure that, opened, loads them from the pair's
 * own page, or without scripts links there; its groups then carry only the sources their charts draw.
 */
export function StakeList({
  groups,
  canSettle = false,
  compact = false,
}: {
  groups: StakeHistory[];
  canSettle?: boolean;
  /** Each figure's sources drawn when its "N sources" is opened, from the pair's page (docs/decisions/039). */
  compact?: boolean;
}) {
  const location = useLocation();
  const back = `${location.pathname}${location.search}`;
  return (
    <table className="stake-table cards">
      <thead>
        <tr>
          <th>Holder</th>
          <th>Company held</th>
          <th>As of</th>
          <th>Stake</th>
          <th>Sources</th>
        </tr>
      </thead>
      <tbody>
        {groups.flatMap((g) =>
          g.rows.map((row, i) => (
            <tr
              key={`${g.holderSlug}-${g.heldSlug}-${row.asOf}`}
              className={row.conflict ? "conflict" : undefined}
              data-pair={`${g.holderSlug}>${g.heldSlug}`}
              data-year={row.asOf ?? ""}
            >
              <td data-label="Holder">{i === 0 ? <Link to={`/companies/${g.holderSlug}`}>{g.holder}</Link> : null}</td>
              <td data-label="Company held">
                {i === 0 ? <Link to={`/companies/${g.heldSlug}`}>{g.held}</Link> : null}
              </td>
              <td data-label="As of" className="as-of">
                {asOfWords(row)}
              </td>
              <td data-label="Stake" className="num">
                {row.figures.map(figureText).join(" or ")}
                {row.conflict ? (
                  <span className="conflict-mark" title="Sources give different figures for this year">
                    {" "}
                    ⚠ sources disagree
                  </span>
                ) : null}
              </td>
              <td data-label="Sources" className="quote">
                {row.figures.map((f) => (
                  <div key={`${f.status}-${f.low}-${f.high}`} className="stake-figure-sources">
                    {compact ? (
                      <LazySources g={g} row={row} f={f} />
                    ) : (
                      <span className="source-count">
                        {row.figures.length > 1 ? `${figureText(f)}: ` : ""}
                        {count(f.sourceCount)}
                        <ListedNote g={g} f={f} />:
                      </span>
                    )}
                    {canSettle && row.conflict && f.status === "actual" ? (
                      <Form method="post" action="/stakes" className="inline-form settle-form">
                        <input type="hidden" name="intent" value="settle" />
                        <input type="hidden" name="holder" value={g.holderSlug} />
                        <input type="hidden" name="held" value={g.heldSlug} />
                        <input type="hidden" name="asOf" value={row.asOf ?? ""} />
                        <input type="hidden" name="status" value={f.status} />
                        <input type="hidden" name="low" value={f.low} />
                        <input type="hidden" name="high" value={f.high} />
                        <input type="hidden" name="back" value={back} />
                        <SubmitButton
                          action="/stakes"
                          match={{ holder: g.holderSlug, held: g.heldSlug, low: f.low, high: f.high }}
                          pending="Confirming…"
                          title="Confirm this figure; the other sources' figures for this year are marked superseded"
                        >
                          Confirm {figureText(f)}
                        </SubmitButton>
                      </Form>
                    ) : null}
                    {compact ? null : <FigureSourceList f={f} />}
                  </div>
                ))}
              </td>
            </tr>
          )),
        )}
      </tbody>
    </table>
  );
}

/** ", the 10 newest listed (every stake … on the facts page)", when a figure has more sources than are listed. */
function ListedNote({ g, f }: { g: StakeHistory; f: StakeFigure }) {
  return f.sourceCount > f.sources.length ? (
    <>
      {`, the ${f.sources.length} newest listed (`}
      <Link to={`/facts?kind=stake&company=${g.holderSlug}`}>every stake {g.holder} holds, on the facts page</Link>)
    </>
  ) : null;
}

/** The sources listed for one figure of the stakes table. */
function FigureSourceList({ f }: { f: StakeFigure }) {
  return (
    <ul>
      {f.sources.map((s) => (
        <li key={s.factId}>
          <CheckedMark state={s.checked} />
          <a href={sourceHref(s)}>{s.articleTitle}</a>
          {s.publishedYear ? ` (${s.publishedYear}${s.asOfFrom === "article" ? ", year from this date" : ""})` : ""}: “
          {s.quote}”
        </li>
      ))}
    </ul>
  );
}

const sameFigure = (a: StakeFigure, b: StakeFigure) => a.status === b.status && a.low === b.low && a.high === b.high;

/**
 * A figure's sources on a page of many pairs: "N sources" that opens to list them. The list is the pair's page's
 * (loaded when first opened); without scripts, or until it has loaded, a link to that page.
 */
function LazySources({ g, row, f }: { g: StakeHistory; row: StakeRow; f: StakeFigure }) {
  const fetcher = useFetcher<{ groups: StakeHistory[] }>();
  const [asked, setAsked] = useState(false);
  const onToggle = (e: SyntheticEvent<HTMLDetailsElement>) => {
    if (!e.currentTarget.open || asked) return;
    setAsked(true);
    fetcher.load(stakePairHref(g));
  };
  const full = fetcher.data?.groups
    .find((x) => x.holderSlug === g.holderSlug && x.heldSlug === g.heldSlug)
    ?.rows.find((r) => r.asOf === row.asOf)
    ?.figures.find((x) => sameFigure(x, f));
  return (
    <details className="lazy-sources" onToggle={onToggle}>
      <summary className="source-count">
        {row.figures.length > 1 ? `${figureText(f)}: ` : ""}
        {count(f.sourceCount)}
        {full ? (
          <>
            <ListedNote g={g} f={full} />:
          </>
        ) : null}
      </summary>
      {full ? (
        <FigureSourceList f={full} />
      ) : (
        <p className="chart-lazy">
          {fetcher.state === "loading" ? "Loading the sources… " : ""}
          <a href={`${stakePairHref(g)}#stake-${g.holderSlug}-${g.heldSlug}`}>
            The sources, on the page of {g.holder}'s stake in {g.held}
          </a>
        </p>
      )}
    </details>
  );
}

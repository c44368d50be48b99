import { PERIOD_TYPE_WORDS, PERIOD_TYPES, type PeriodType } from "~/models/timeAxis";

/** One end of the year range: blank means "from the first" or "to the last" year there is. */
function YearField({ name, label, value, hint }: { name: string; label: string; value?: number; hint: string }) {
  return (
    <label>
      {label}{" "}
      <input
        type="number"
        name={name}
        min={1900}
        max={2100}
        step={1}
        inputMode="numeric"
        defaultValue={value}
        placeholder={hint}
        className="year-field"
      />
    </label>
  );
}

/**
 * The period selector's fields, for a GET form: the kind of period charted (never two on one axis) and, unless
 * `range` is off (the home chart ranks each company's latest figure, which a range would not change), the range
 * of years. `available` marks the kinds there are no figures for; blank years mean "from the first" and "to the
 * last".
 */
export function PeriodFields({
  periods,
  from,
  to,
  available,
  years,
  range = true,
}: {
  periods: PeriodType;
  from?: number;
  to?: number;
  available?: PeriodType[];
  years?: { first: number; last: number } | null;
  range?: boolean;
}) {
  return (
    <>
      <label>
        Periods{" "}
        <select name="periods" defaultValue={periods}>
          {PERIOD_TYPES.map((t) => {
            const none = available !== undefined && !available.includes(t) && t !== periods;
            return (
              <option key={t} value={t} disabled={none}>
                {PERIOD_TYPE_WORDS[t]}
                {none ? " (none)" : ""}
              </option>
            );
          })}
        </select>
      </label>
      {range && (
        <>
          <YearField name="from" label="From year" value={from} hint={years ? String(years.first) : "first"} />
          <YearField name="to" label="To year" value={to} hint={years ? String(years.last) : "last"} />
        </>
      )}
    </>
  );
}

import { PERIOD_TYPE_WORDS, PERIOD_TYPES, type PeriodType } from "~/models/timeAxis";

/**
 * The period selector's fields, for a GET form: the kind of period charted (never two on one axis) and the range
 * of years. `available` marks the kinds a company has no figures for; blank years mean "from the first" and "to
 * the last".
 */
export function PeriodFields({
  periods,
  from,
  to,
  available,
  years,
}: {
  periods: PeriodType;
  from?: number;
  to?: number;
  available?: PeriodType[];
  years?: { first: number; last: number } | null;
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
      <label>
        From year{" "}
        <input
          type="number"
          name="from"
          min={1900}
          max={2100}
          step={1}
          inputMode="numeric"
          defaultValue={from}
          placeholder={years ? String(years.first) : "first"}
          className="year-field"
        />
      </label>
      <label>
        To year{" "}
        <input
          type="number"
          name="to"
          min={1900}
          max={2100}
          step={1}
          inputMode="numeric"
          defaultValue={to}
          placeholder={years ? String(years.last) : "last"}
          className="year-field"
        />
      </label>
    </>
  );
}

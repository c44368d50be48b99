import { CompanyCombobox } from "~/components/CompanyCombobox";
import { PERIODS } from "~/models/reviewTypes";
import { STATUSES } from "~/models/types";

export interface FactFieldValues {
  company: string;
  counterparty: string | null;
  market: string | null;
  year: number | null;
  period: string | null;
  low: number | string;
  high: number | string;
  unit: string;
  status: string;
  approximate: boolean;
}

/**
 * The fields of a fact a person may set, for correcting one and for adding one: plain inputs, no script needed.
 * `prefix` goes before each field's name, for a form that edits many facts at once (the import preview).
 */
export function FactFields({
  fact: item,
  prefix = "",
  suggest = false,
}: {
  fact: FactFieldValues;
  prefix?: string;
  /** The company field suggests the companies stored (an ordinary field without scripts). */
  suggest?: boolean;
}) {
  return (
    <>
      {suggest ? (
        <CompanyCombobox name={`${prefix}company`} label="Company" defaultValue={item.company} />
      ) : (
        <label>
          Company <input name={`${prefix}company`} defaultValue={item.company} required maxLength={200} />
        </label>
      )}
      <label>
        Counterparty <input name={`${prefix}counterparty`} defaultValue={item.counterparty ?? ""} maxLength={200} />
      </label>
      <label>
        Market <input name={`${prefix}market`} defaultValue={item.market ?? ""} maxLength={200} />
      </label>
      <label>
        Year <input name={`${prefix}year`} defaultValue={item.year ?? ""} inputMode="numeric" size={6} />
      </label>
      <label>
        Period{" "}
        <select name={`${prefix}period`} defaultValue={item.period ?? ""}>
          <option value="">none</option>
          {PERIODS.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </label>
      <label>
        Low <input name={`${prefix}low`} defaultValue={item.low} inputMode="decimal" required size={10} />
      </label>
      <label>
        High <input name={`${prefix}high`} defaultValue={item.high} inputMode="decimal" required size={10} />
      </label>
      <label>
        Unit <input name={`${prefix}unit`} defaultValue={item.unit} required maxLength={40} size={8} />
      </label>
      <label>
        Status{" "}
        <select name={`${prefix}status`} defaultValue={item.status}>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <label className="review-check">
        <input type="checkbox" name={`${prefix}approximate`} defaultChecked={item.approximate} /> approximate
      </label>
    </>
  );
}

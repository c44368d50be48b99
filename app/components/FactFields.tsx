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

/** The fields of a fact a person may set, for correcting one and for adding one: plain inputs, no script needed. */
export function FactFields({ fact: item }: { fact: FactFieldValues }) {
  return (
    <>
      <label>
        Company <input name="company" defaultValue={item.company} required maxLength={200} />
      </label>
      <label>
        Counterparty <input name="counterparty" defaultValue={item.counterparty ?? ""} maxLength={200} />
      </label>
      <label>
        Market <input name="market" defaultValue={item.market ?? ""} maxLength={200} />
      </label>
      <label>
        Year <input name="year" defaultValue={item.year ?? ""} inputMode="numeric" size={6} />
      </label>
      <label>
        Period{" "}
        <select name="period" defaultValue={item.period ?? ""}>
          <option value="">none</option>
          {PERIODS.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </label>
      <label>
        Low <input name="low" defaultValue={item.low} inputMode="decimal" required size={10} />
      </label>
      <label>
        High <input name="high" defaultValue={item.high} inputMode="decimal" required size={10} />
      </label>
      <label>
        Unit <input name="unit" defaultValue={item.unit} required maxLength={40} size={8} />
      </label>
      <label>
        Status{" "}
        <select name="status" defaultValue={item.status}>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <label className="review-check">
        <input type="checkbox" name="approximate" defaultChecked={item.approximate} /> approximate
      </label>
    </>
  );
}

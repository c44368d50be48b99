import { FACT_KINDS } from "~/models/types";

/** The kind of fact a filter or a form asks for; a filter may leave it open ("any"). */
export function KindSelect({ defaultValue, any = false }: { defaultValue?: string; any?: boolean }) {
  return (
    <label>
      Kind{" "}
      <select name="kind" defaultValue={defaultValue ?? ""}>
        {any ? <option value="">any</option> : null}
        {FACT_KINDS.map((k) => (
          <option key={k} value={k}>
            {k.replace("_", " ")}
          </option>
        ))}
      </select>
    </label>
  );
}

import { Form } from "@remix-run/react";
import { CompanyCombobox } from "./CompanyCombobox";

interface Props {
  companies?: string;
  metric?: string;
  mode?: string;
}

/** Companies by name (with suggestions), a metric and a mode: the comparison's form, on its page and the home page. */
export function CompareForm({ companies = "", metric = "revenue", mode = "absolute" }: Props) {
  return (
    <Form method="get" action="/compare" className="filters compare-form">
      <CompanyCombobox
        key={companies}
        name="companies"
        label="Companies, separated by commas"
        defaultValue={companies}
        placeholder="e.g. Renault, Nissan"
        multiple
        className="compare-companies"
      />
      <label>
        Metric{" "}
        <select name="metric" defaultValue={metric}>
          <option value="revenue">Revenue</option>
          <option value="revenue_change">Revenue change</option>
        </select>
      </label>
      <label>
        Mode{" "}
        <select name="mode" defaultValue={mode}>
          <option value="absolute">Absolute</option>
          <option value="indexed">Indexed (first common year = 100)</option>
        </select>
      </label>
      <button type="submit">Compare</button>
    </Form>
  );
}

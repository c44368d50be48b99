import { Form } from "@remix-run/react";
import { SubmitButton } from "~/components/Pending";
import type { PeriodType } from "~/models/timeAxis";
import { CompanyCombobox } from "./CompanyCombobox";
import { PeriodFields } from "./PeriodFields";

interface Props {
  companies?: string;
  metric?: string;
  mode?: string;
  periods?: PeriodType;
  from?: number;
  to?: number;
  /** The button's words: "Compare", or on the declines page "Compare these companies". */
  submit?: string;
}

/**
 * Companies by name (with suggestions), a metric, a mode, the kind of period and the years: the comparison's form,
 * on its page, the home page and the declines page.
 */
export function CompareForm({
  companies = "",
  metric = "revenue",
  mode = "absolute",
  periods = "year",
  from,
  to,
  submit = "Compare",
}: Props) {
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
          <option value="indexed">Indexed (first common period = 100)</option>
        </select>
      </label>
      {/* The button before the period fields keeps it beside the names on a wide screen, clear of the suggestions
          that open under the names field; the kind of period and the years wrap to the line below. */}
      <SubmitButton action="/compare">{submit}</SubmitButton>
      <PeriodFields key={`${periods}-${from}-${to}`} periods={periods} from={from} to={to} />
    </Form>
  );
}

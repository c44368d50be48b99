const CURRENCY_SYMBOLS: Record<string, string> = { EUR: "€", USD: "$", GBP: "£", JPY: "¥", INR: "₹" };
const MINUS = "\u2212";

function scaled(v: number): { value: string; suffix: string } {
  const abs = Math.abs(v);
  const [div, suffix] =
    abs >= 1e12
      ? [1e12, " tn"]
      : abs >= 1e9
        ? [1e9, " bn"]
        : abs >= 1e6
          ? [1e6, " m"]
          : abs >= 1e3
            ? [1e3, " k"]
            : [1, ""];
  const n = v / div;
  const value = Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0+$/, "").replace(/\.$/, "");
  return { value, suffix };
}

const sign = (s: string) => s.replace(/^-/, MINUS);

/** "€40.68 bn", "−17 to −18 %", "~43 %", "7–8 m vehicles". */
export function formatFigure(f: { low: number; high: number; unit: string; approximate?: boolean }): string {
  const approx = f.approximate ? "~" : "";
  if (f.unit === "percent") {
    const [a, b] = f.low < 0 && f.high < 0 ? [f.high, f.low] : [f.low, f.high];
    const body = a === b ? sign(String(a)) : `${sign(String(a))} to ${sign(String(b))}`;
    return `${approx}${body} %`;
  }
  const lo = scaled(f.low);
  const hi = scaled(f.high);
  const symbol = CURRENCY_SYMBOLS[f.unit];
  const isMoney = /^[A-Z]{3}$/.test(f.unit);
  const range =
    f.low === f.high
      ? `${lo.value}${lo.suffix}`
      : lo.suffix === hi.suffix
        ? `${lo.value}–${hi.value}${hi.suffix}`
        : `${lo.value}${lo.suffix}–${hi.value}${hi.suffix}`;
  if (isMoney) return `${approx}${symbol ?? `${f.unit} `}${range}`;
  return `${approx}${range} ${f.unit}`;
}

export function formatPeriod(year: number | null, period: string | null): string {
  if (year === null) return period ?? "—";
  if (!period || period === "FY") return String(year);
  return `${period} ${year}`;
}

const NBSP = "\u00a0";

/**
 * Keeps a label on one line: recharts wraps tick text at spaces only in the browser, where it can measure it, so
 * a label with spaces would differ between the server's drawing and the browser's.
 */
export const oneLine = (label: string) => label.replace(/ /g, NBSP);

/** Axis ticks: short and unit-free beyond a scale word ("40 bn", "−20 %", "150 k"). */
export function formatTick(v: number, unit: string): string {
  if (unit === "percent") return oneLine(`${sign(String(Math.round(v * 10) / 10))} %`);
  if (unit === "index") return String(Math.round(v));
  const s = scaled(v);
  return oneLine(`${sign(s.value)}${s.suffix}`);
}

/** "EUR" → "€" where a symbol is common; otherwise the code. */
export function unitLabel(unit: string): string {
  if (unit === "percent") return "%";
  return CURRENCY_SYMBOLS[unit] ?? unit;
}

import { useFetcher, useNavigate, useNavigation } from "@remix-run/react";
import { type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import { type CompanyMatch, type CompanySearchResponse, describeMatch } from "~/models/searchTypes";

interface Props {
  /** The form field's name: the box is an ordinary input, so the form works before (or without) scripts. */
  name: string;
  label: string;
  /** The label is read by screen readers but not shown (the header's box, whose placeholder says what it is for). */
  hideLabel?: boolean;
  defaultValue?: string;
  placeholder?: string;
  /** Picking a suggestion opens that company's page instead of filling the field. */
  navigate?: boolean;
  /** Names separated by commas: suggestions are for the name being typed after the last comma. */
  multiple?: boolean;
  className?: string;
}

/** The name being typed: all of the field, or what follows its last comma. */
function currentTerm(value: string, multiple: boolean): string {
  return (multiple ? value.slice(value.lastIndexOf(",") + 1) : value).trim();
}

const DEBOUNCE_MS = 120;

/**
 * A text field with company suggestions, after the ARIA combobox pattern (list autocomplete): arrows move through
 * the suggestions, Enter takes one, Escape closes the list (or clears the field when it is closed). Suggestions
 * come from /api/companies; with no active suggestion, Enter submits the form as usual.
 */
export function CompanyCombobox({
  name,
  label,
  hideLabel = false,
  defaultValue = "",
  placeholder,
  navigate = false,
  multiple = false,
  className,
}: Props) {
  const id = useId();
  const listId = `${id}-list`;
  const go = useNavigate();
  const fetcher = useFetcher<CompanySearchResponse>();
  const [value, setValue] = useState(defaultValue);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  // Only what the person typed asks for suggestions; the value a page was opened with does not.
  const [typed, setTyped] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const term = currentTerm(value, multiple);

  // What was typed before the scripts arrived is kept, and asks for suggestions like any typing.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on hydration
  useEffect(() => {
    const typedEarly = input.current?.value;
    if (typedEarly !== undefined && typedEarly !== defaultValue) {
      setValue(typedEarly);
      setTyped(true);
      setOpen(document.activeElement === input.current);
    }
  }, []);

  const { load } = fetcher;
  // No suggestions are asked for while the page navigates (the form was sent before the pause ended): with lazy
  // route discovery, Remix 2 fails such a fetch with "No route matches URL" and shows the error page over the new
  // one (remix-run/react-router#13114, fixed in React Router 7 only).
  const navigating = useNavigation().state !== "idle";
  useEffect(() => {
    if (!typed || !term || navigating) return;
    const timer = setTimeout(() => load(`/api/companies?${new URLSearchParams({ q: term, limit: "8" })}`), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [typed, term, load, navigating]);

  // A 400 (a field longer than the server takes) comes back as { message }: no suggestions then.
  const data = fetcher.data && "companies" in fetcher.data ? fetcher.data : null;
  const results: CompanyMatch[] = term && data ? data.companies : [];
  const expanded = open && results.length > 0;
  const current = data?.query === term;
  // Suggestions on their way (a large database, a slow line): said, so an empty list is not read as "none".
  const searching = open && Boolean(term) && fetcher.state !== "idle";

  function pick(m: CompanyMatch) {
    setOpen(false);
    setActive(-1);
    if (navigate) {
      setValue(m.name);
      go(`/companies/${m.slug}`);
      return;
    }
    setValue(
      multiple ? `${value.slice(0, value.lastIndexOf(",") + 1)}${value.includes(",") ? " " : ""}${m.name}, ` : m.name,
    );
    input.current?.focus();
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      if (!results.length) return;
      e.preventDefault();
      const down = e.key === "ArrowDown";
      const n = results.length;
      setOpen(true);
      // From the field (no active suggestion) or past either end, the list wraps around.
      setActive((a) => (!expanded || a < 0 ? (down ? 0 : n - 1) : (a + (down ? 1 : n - 1)) % n));
    } else if (e.key === "Enter") {
      if (expanded && active >= 0 && active < results.length) {
        e.preventDefault();
        pick(results[active]);
      } else if (navigate && current && results[0]?.match === "exact") {
        // The name typed in full is the company meant: straight to it, as picking it would.
        e.preventDefault();
        pick(results[0]);
      }
    } else if (e.key === "Escape") {
      if (expanded) {
        e.preventDefault();
        setOpen(false);
        setActive(-1);
      } else if (value) {
        e.preventDefault();
        setValue("");
      }
    }
  }

  return (
    <div className={["combobox", className].filter(Boolean).join(" ")}>
      <label htmlFor={id} className={hideLabel ? "visually-hidden" : undefined}>
        {label}
      </label>
      <input
        ref={input}
        id={id}
        name={name}
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        maxLength={multiple ? 2000 : 200}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? `${id}-option-${active}` : undefined}
        placeholder={placeholder}
        value={value}
        onChange={(e) => {
          setValue(e.target.value);
          setTyped(true);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          setOpen(false);
          setActive(-1);
        }}
      />
      <div
        id={listId}
        role="listbox"
        aria-label={`Companies matching “${term}”`}
        aria-busy={searching || undefined}
        hidden={!expanded}
      >
        {results.map((m, i) => (
          <div
            key={m.slug}
            id={`${id}-option-${i}`}
            role="option"
            aria-selected={i === active}
            // Options are never focused themselves: the field keeps the focus and points at one (activedescendant).
            tabIndex={-1}
            // Keeps the focus in the field, so the click lands before a blur closes the list.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => pick(m)}
            onKeyDown={() => {}}
          >
            <span className="combobox-name">{m.name}</span>
            <span className="combobox-detail">
              {m.alias ? `“${m.alias}” · ` : ""}
              {describeMatch(m)}
            </span>
          </div>
        ))}
      </div>
      <div role="status" className={searching && !expanded ? "combobox-searching" : "visually-hidden"}>
        {searching
          ? "Searching…"
          : open && term && current
            ? results.length
              ? `${results.length} ${results.length === 1 ? "company" : "companies"} found; arrows to choose, Enter to take one.`
              : "No company found."
            : ""}
      </div>
    </div>
  );
}

import { Link } from "@remix-run/react";

export interface UnknownName {
  name: string;
  /** Companies the name may have meant, each with the address that would use it instead. */
  suggestions: Array<{ name: string; href: string }>;
}

/** Names that matched no company, said on the page (never an error page), with what they may have meant. */
export function UnknownCompanies({ names }: { names: UnknownName[] }) {
  if (!names.length) return null;
  const quoted = names.map((n) => `“${n.name}”`).join(", ");
  return (
    <div className="empty unknown-names">
      <p>
        {names.length === 1 ? "This name matches" : "These names match"} no company in the imported articles: {quoted}.
      </p>
      <ul>
        {names.map((n) => (
          <li key={n.name}>
            {n.suggestions.length ? (
              <>
                Instead of “{n.name}”, did you mean{" "}
                {n.suggestions.map((s, i) => (
                  <span key={s.href}>
                    {i > 0 ? (i === n.suggestions.length - 1 ? " or " : ", ") : ""}
                    <Link to={s.href}>{s.name}</Link>
                  </span>
                ))}
                ?
              </>
            ) : (
              <>Nothing is called anything like “{n.name}”: try part of the name, or the search at the top.</>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

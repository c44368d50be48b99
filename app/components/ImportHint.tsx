/**
 * Where more figures come from, in one place: there is no import page yet, so this names the README's section on
 * the import command. When a web import exists, this becomes a link to it.
 */
export function ImportHint() {
  return (
    <>More articles can be imported by whoever runs this dashboard (see “Other commands” in the project's README).</>
  );
}

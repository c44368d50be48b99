import { type Source, sourceHref } from "~/models/types";

/** A click or Enter on a bar or point opens the sentence its figure came from (its first source). */
export function openFirstSource(row: { point: { sources: Source[] } } | undefined): void {
  const source = row?.point.sources[0];
  if (source) window.location.assign(sourceHref(source));
}

import { TITLE_WORDS } from "../lexicons/companies";
import type { ArticleContext } from "./context";
import { compilePattern, matchAll, mayMatch } from "./pattern";
import { PIECES } from "./pieces";
import type { Token } from "./tokens";

/**
 * A band of investors is known by who leads it: "a group led by Tom Keane" and "the Keane group" are Keane's,
 * and so is the stake "it" or "the group" then buys. These patterns name the leader; the article context keeps
 * them for the sentences that follow.
 */
const LEADER_PATTERNS = ["{GROUP_NOUN} ...4 {LEAD_VERB} by ...4 leader:{HOLDER}", "leader:{HOLDER} {GROUP_NOUN}"].map(
  (p) => compilePattern(p, PIECES),
);

const leaderName = (t: Token | undefined) =>
  t?.type === "person" ? t.person : t?.type === "mention" && t.mention.how === "name" ? t.mention.company : null;

/** How many sentences a leader is remembered without being named again. */
const LEADER_SPAN = 3;

export function advanceGroupLeader(ctx: ArticleContext, tokens: Token[], features: ReadonlySet<string>): void {
  for (const p of LEADER_PATTERNS) {
    if (!mayMatch(p, features)) continue;
    for (const m of matchAll(p, tokens)) {
      // "led by Corvan Chairman Tom Keane": the person after the title leads, not the company before it.
      let at = tokens.indexOf(m.captures.leader[0]);
      let k = at + 1;
      while (k < tokens.length && TITLE_WORDS.has(tokens[k].text)) k++;
      if (k > at + 1 && tokens[k]?.type === "person") at = k;
      // "led by Dallas investor Tom Keane": a place and a calling before the person describe him.
      else if (
        tokens[at].type === "mention" &&
        tokens[at + 2]?.type === "person" &&
        /^[a-z]+$/.test(tokens[at + 1].text)
      )
        at += 2;
      const name = leaderName(tokens[at]);
      if (name) {
        ctx.groupLeader = { name, age: 0, from: tokens[at].start };
        return;
      }
    }
  }
  if (ctx.groupLeader)
    ctx.groupLeader =
      ctx.groupLeader.age < LEADER_SPAN ? { ...ctx.groupLeader, age: ctx.groupLeader.age + 1, from: 0 } : null;
}

/** "the Keane family", "the Tom Keane family": a family is known by its surname. */
const FAMILY_PATTERN = compilePattern("name:{HOLDER} family", PIECES);

/** Keeps the family last named, so that "The family, which holds 75%" is that family. */
export function advanceFamily(ctx: ArticleContext, tokens: Token[], features: ReadonlySet<string>): void {
  if (!mayMatch(FAMILY_PATTERN, features)) return;
  for (const m of matchAll(FAMILY_PATTERN, tokens)) {
    const t = m.captures.name[0];
    const surname =
      t.type === "person" ? t.person.split(" ").at(-1) : t.type === "mention" ? t.text.replace(/['’]s?$/, "") : null;
    if (surname) ctx.lastFamily = `${surname} family`;
  }
}

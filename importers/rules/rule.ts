import type { SentenceContext } from "../extract/context";
import type { Quantity } from "../recognise/quantities";
import type { Fact, FactKind, PeriodRef, Status } from "../types";
import type { ArticleContext } from "./context";
import type { Match } from "./pattern";
import type { Token } from "./tokens";

/** One sentence as the rules see it. */
export interface RuleSentence {
  text: string;
  /** Offset of the sentence in the cleaned text. */
  offset: number;
  tokens: Token[];
  /** The sentence's words and the kinds of its typed tokens, for the quick test of which rules can match. */
  features: ReadonlySet<string>;
  ctx: Readonly<ArticleContext>;
  /**
   * The sentence as the role finders shared with the extractors read it (subject, time, status): a rule's
   * `build` names the figure and where its words are; these find whose it is and when.
   */
  roles: SentenceContext;
}

/** The roles a match fills: what a rule's `build` returns for each fact it finds. */
export interface FactRoles {
  figure: Quantity;
  company: string;
  counterparty?: string | null;
  market?: string | null;
  when: PeriodRef & { stated: boolean };
  low?: number;
  high?: number;
  unit: string;
  status: Status;
  comparedTo?: PeriodRef | null;
  /** The named part of the company the figure belongs to, when it is a segment's. */
  segment?: string | null;
  /** Fields the sentence states outright besides the figure (the company when named, the market). */
  stated?: string[];
  /** Surface forms the company and counterparty were written as, for the alias table. */
  aliases?: Record<string, string[]>;
}

/** An invented sentence or article and the facts it must give (only the fields listed are compared). */
export interface RuleExample {
  input: string;
  expected: Array<Partial<Fact>>;
}

/**
 * A rule is data: a named token pattern built from named pieces, the kind of fact it gives (null for a rule that
 * claims figures for no fact, such as a profit row of a table), its example sentences, and a small function from
 * a match to roles. Which rule wins a figure is settled by the refiner, by specificity, never by rule order.
 */
/** What turns a match into facts' roles. */
type Build = (m: Match, s: RuleSentence) => FactRoles[];

export interface Rule {
  name: string;
  kind: FactKind | null;
  pattern: string;
  examples: RuleExample[];
  /** Turns a match into facts' roles; a rule of no kind has none, since it gives no fact. */
  build?: Build;
  /** A condition the pattern cannot say ("no company is named before the figure"); a match failing it is dropped. */
  when?: (m: Match, s: RuleSentence) => boolean;
  /**
   * Whether matches may share tokens: "from £3.2bn ($6.1bn) in 2003 to £2.9bn" pairs each figure with the one
   * before it, so the second figure is both a match's end and the next one's start.
   */
  overlapping?: boolean;
}

/** A build whose facts all take one status, whatever the sentence's words say ("the 212,000 it sold" is done). */
export function withStatus(build: Build, status: Status): Build {
  return (m, s) => build(m, s).map((roles) => ({ ...roles, status }));
}

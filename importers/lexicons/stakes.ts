/** Verbs of holding, buying or selling shares, as rules read them before a stake's figure. */
export const STAKE_VERBS = [
  "owns",
  "own",
  "owned",
  "holds",
  "hold",
  "held",
  "controls",
  "control",
  "controlled",
  "acquired",
  "acquire",
  "acquires",
  "bought",
  "buy",
  "buys",
  "purchased",
  "purchase",
  "took",
  "take",
  "takes",
  "sold",
  "sell",
  "sells",
  "retains",
  "retain",
  "keeps",
  "keep",
  "holding",
  "owning",
  "controlling",
  ...["selling", "buying", "acquiring", "purchasing", "retaining", "retained", "keeping", "kept"],
];

/** Verbs of having, which take a stake only as a noun ("has a 9% stake"), never a bare figure ("had 20%"). */
export const HAVE_VERBS = [
  ...["has", "have", "had", "disclosed", "discloses", "revealed", "reveals", "built", "builds", "amassed"],
  ...["accumulated"],
];

/** Words that say what kind of holding a stake is ("a 50.1 pct controlling stake"). */
export const STAKE_KINDS = ["controlling", "majority", "minority", "blocking", "joint", "direct", "indirect", "voting"];

/** Nouns of a holding ("a 9.6 pct stake", "a 49 pct interest"). */
export const STAKE_NOUNS = [
  "stake",
  "interest",
  "holding",
  "holdings",
  "shareholding",
  "equity stake",
  "equity interest",
  "voting stake",
  "ownership",
  "ownership interest",
  "position",
];

/** What a holding is a part of ("25.5% of its shares", "51 pct of the capital"): a stake's, not a market's. */
export const SHARE_CAPITAL_NOUNS = ["shares", "stock", "capital", "equity"];

/** Verbs that move a holding to a new level ("raised its stake in X to 12 pct"). */
export const STAKE_CHANGE_VERBS = [
  "halved",
  ...["built up", "builds up", "build up", "building up"],
  "halving",
  "halve",
  "raised",
  "raises",
  "increased",
  "increases",
  "lifted",
  "boosted",
  "upped",
  "cut",
  "cuts",
  "reduced",
  "reduces",
  "lowered",
  "trimmed",
  "raising",
  "increasing",
  "lifting",
  "boosting",
  "cutting",
  "reducing",
  "lowering",
  "trimming",
  "raise",
  "increase",
  "lift",
  "lifts",
  "boost",
  "cut",
  "reduce",
  "lower",
  "trim",
  "bring",
  "brings",
  "take",
  "takes",
  "took",
  "taken",
  "brought",
  "build",
  "builds",
  "built",
  "push",
  "pushes",
  "pushed",
  "pushing",
  "boosts",
  "trims",
  "lowers",
];

/** Possessives before a holding ("its stake"). */
export const HOLDING_POSSESSIVES = ["its", "his", "her", "their", "the", "that", "the family's", "the family’s"];

/** Words for a holder that is a band of investors ("a group led by"). */
export const GROUP_NOUNS = ["group", "investor group", "investors", "partnership", "consortium", "family"];

/** Verbs that put someone at the head of a group. */
export const LEAD_VERBS = ["led", "controlled", "headed", "formed", "including"];

/** Words that may stand between a verb and its figure ("acquire up to 24.9 pct of", "compared with just ten"). */
export const FIGURE_LEADS = [
  "a",
  "an",
  "another",
  "a further",
  "an additional",
  "up to",
  "the remaining",
  "the other",
  "some",
  "just",
  "only",
  "majority",
  "minority",
  "controlling",
];

/** What a percentage "interest in" can be besides shares: assets, which make no stake ("a 75 pct interest in its oil properties"). */
export const ASSET_NOUNS = [
  "properties",
  "property",
  "assets",
  "field",
  "fields",
  "project",
  "projects",
  "acreage",
  "leases",
  "lease",
  "well",
  "wells",
  "mine",
  "mines",
  "block",
  "blocks",
  "licence",
  "license",
  "pipeline",
  "reserves",
  ...["plant", "plants", "station", "refinery", "smelter", "mill"],
];

/** Pronouns that may stand for a holder named before ("it holds 6.1 pct", "his stake"). */
export const HOLDER_PRONOUNS = ["it", "its", "he", "his", "she", "her", "they", "their"];

/**
 * Nouns that refer back to a holder named before ("the government, which owns 51%", "the fund also holds 3%"), and
 * the words a name of that holder carries.
 */
export const REFERRED_HOLDERS: Record<string, RegExp> = {
  government: /\b(?:government|state|treasury|ministry)\b/i,
  state: /\b(?:government|state|treasury|ministry)\b/i,
  family: /\bfamily\b/i,
  foundation: /\bfoundation\b/i,
  fund: /\b(?:fund|authority|investment|capital|partners|trust)\b/i,
  trust: /\btrust\b/i,
};
// An investor described rather than named ("The activist hedge fund, which owns 2%") is a fund by its name too.
for (const described of [
  "activist fund",
  "activist hedge fund",
  "activist investor",
  "hedge fund",
  "investment firm",
  "investment group",
  "private equity firm",
  "private equity group",
  "buyout firm",
  "sovereign fund",
  "sovereign wealth fund",
  "pension fund",
])
  REFERRED_HOLDERS[described] = REFERRED_HOLDERS.fund;

/** A state as a holder ("the Treasury has sold 6%", "the French government owns 30%"). */
/** Who holds shares, as a company's own ("Corvan's largest shareholder"). */
export const SHAREHOLDER_NOUNS = [
  "shareholder",
  "shareholders",
  "investor",
  "investors",
  "stakeholder",
  "owner",
  "owners",
];

export const STATE_HOLDERS = ["government", "state", "treasury", "finance ministry", "department", "ministry"];

/** Prepositions a name may follow as their object, and so not as the subject who holds ("a stake in Corvan"). */
export const PREPOSITIONS = ["in", "of", "at", "to", "from", "by", "with", "for", "into", "on"];

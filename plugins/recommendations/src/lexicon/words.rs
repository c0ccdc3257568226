//! Noun, adjective and function-word lists: agents, rule documents, cue adjectives, and the
//! words that bound clauses and names.

/// Superlatives that make "the best way / the most effective response … is to" a cue.
pub(crate) const BEST_ADJECTIVES: &[&str] = &[
    "best", "better", "optimal", "prudent", "right", "safest", "smartest", "surest", "wisest",
];

/// Nouns of "the best ___ is to…".
pub(crate) const BEST_NOUNS: &[&str] = &[
    "answer", "approach", "bet", "course", "move", "option", "path", "policy", "remedy",
    "response", "solution", "step", "strategy", "way",
];

/// "it is ___ for X to…" adjectives that make must-strength advice.
pub(crate) const MUST_ADJECTIVES: &[&str] = &[
    "critical",
    "crucial",
    "essential",
    "imperative",
    "necessary",
    "urgent",
    "vital",
];

/// Words that make an actor an agent someone can advise: institutions, offices, people in
/// roles, collective nouns for states.
pub(crate) const AGENT_NOUNS: &[&str] = &[
    "administration",
    "administrator",
    "administrators",
    "agencies",
    "agency",
    "alliance",
    "allies",
    "analysts",
    "authorities",
    "bank",
    "banks",
    "board",
    "bureau",
    "businesses",
    "capitals",
    "chief",
    "citizens",
    "coalition",
    "command",
    "commander",
    "commanders",
    "commission",
    "commissioner",
    "companies",
    "component",
    "components",
    "congress",
    "council",
    "countries",
    "department",
    "departments",
    "diplomats",
    "director",
    "directorate",
    "donors",
    "employers",
    "firms",
    "government",
    "governments",
    "governors",
    "industry",
    "institutions",
    "investors",
    "lawmakers",
    "leaders",
    "leadership",
    "legislators",
    "legislature",
    "managers",
    "militaries",
    "military",
    "minister",
    "ministers",
    "ministry",
    "nation",
    "nations",
    "office",
    "officials",
    "operators",
    "organizations",
    "parliament",
    "partners",
    "planners",
    "policymakers",
    "president",
    "regulator",
    "regulators",
    "secretary",
    "senate",
    "service",
    "services",
    "staff",
    "states",
    "team",
    "teams",
    "washington",
];

/// Pronoun actors: "we" and "you" are advisable ("they" is too often a reported party);
/// "it", "this", "there" are not agents.
pub(crate) const AGENT_PRONOUNS: &[&str] = &["i", "we", "you"];

pub(crate) const NON_AGENT_SUBJECTS: &[&str] = &[
    "it", "that", "there", "these", "this", "those", "what", "which",
];

/// Documents whose rules, when quoted, are background rather than the source's advice:
/// "Federal standards state that management should…", "According to DOD guidance, …".
pub(crate) const RULE_DOCUMENTS: &[&str] = &[
    "accord",
    "act",
    "agreement",
    "charter",
    "circular",
    "code",
    "constitution",
    "convention",
    "criteria",
    "directive",
    "directives",
    "doctrine",
    "framework",
    "guidance",
    "guide",
    "guidelines",
    "handbook",
    "instruction",
    "instructions",
    "law",
    "laws",
    "manual",
    "memo",
    "memorandum",
    "order",
    "pact",
    "policies",
    "policy",
    "practices",
    "principles",
    "procedures",
    "protocol",
    "regulation",
    "regulations",
    "requirements",
    "rule",
    "rules",
    "section",
    "standard",
    "standards",
    "statute",
    "title",
    "treaty",
];

/// Prepositions that open a rule citation: "Under the Act, agencies must…".
pub(crate) const RULE_PREPOSITIONS: &[&str] = &["consistent", "per", "pursuant", "under"];

/// Words that open a subordinate clause; a subject never reaches back past them.
pub(crate) const SUBORDINATORS: &[&str] = &[
    "although", "and", "as", "because", "but", "if", "lest", "once", "or", "since", "so", "that",
    "though", "unless", "until", "when", "whereas", "whether", "which", "while", "who",
];

/// Question and relative words that make a modal descriptive: "what should replace it",
/// "whether the US should".
pub(crate) const WH_WORDS: &[&str] = &[
    "how", "what", "whatever", "when", "where", "whether", "which", "who", "whom", "why",
];

/// Words that open a condition; "if China should attack" is not advice.
pub(crate) const CONDITION_WORDS: &[&str] = &["if", "lest", "unless"];

/// Adverbs that may sit between a subject and its modal or verb: "the US also should".
pub(crate) const SKIPPABLE_ADVERBS: &[&str] = &[
    "accordingly",
    "also",
    "certainly",
    "clearly",
    "consequently",
    "definitely",
    "first",
    "further",
    "furthermore",
    "hence",
    "instead",
    "likewise",
    "moreover",
    "now",
    "perhaps",
    "really",
    "rightly",
    "similarly",
    "simply",
    "still",
    "strongly",
    "therefore",
    "thus",
    "urgently",
];

/// Adverbs that raise a should-strength performative to must: "strongly warns against".
pub(crate) const INTENSIFIERS: &[&str] = &["firmly", "strongly", "urgently"];

/// Words that are part of a name or title, never a new clause: "Secretary of Defense".
pub(crate) const NAME_JOINERS: &[&str] = &["and", "for", "of", "on", "the"];

/// Sentence-opening words that look like first names but are not: "Instead Cozad said".
pub(crate) const NOT_FIRST_NAMES: &[&str] = &[
    "after",
    "also",
    "and",
    "as",
    "before",
    "but",
    "earlier",
    "even",
    "finally",
    "first",
    "however",
    "if",
    "indeed",
    "instead",
    "last",
    "later",
    "meanwhile",
    "moreover",
    "next",
    "now",
    "only",
    "overall",
    "separately",
    "similarly",
    "so",
    "still",
    "then",
    "today",
    "ultimately",
    "when",
    "while",
    "yet",
];

/// "it is ___ for X to…" adjectives that make should-strength advice.
pub(crate) const SHOULD_ADJECTIVES: &[&str] =
    &["advisable", "important", "prudent", "time", "wise"];

/// "it would be a ___ to…": negative advice.
pub(crate) const MISTAKE_WORDS: &[&str] =
    &["counterproductive", "error", "folly", "mistake", "unwise"];

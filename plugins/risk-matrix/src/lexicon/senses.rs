//! Words whose harm depends on their neighbours: objects that are lost only after a loss verb,
//! indicators that are a harm only when they rise, actions that are a harm only when forced,
//! and nouns that turn a harm word into the name of an institution. `crate::harms` applies
//! them; docs/plugins/risk-matrix.md lists them.

/// Things whose loss is a harm only after a loss verb ("cost thousands of jobs", "could
/// lose their homes"): (word, level, concept).
pub const LOST_OBJECTS: &[(&str, u8, &str)] = &[
    ("jobs", 3, "jobs"),
    ("livelihoods", 3, "jobs"),
    ("homes", 3, "displacement"),
    ("lives", 4, "casualties"),
    // money that stops coming in: "lost fees", "could lose revenue", "cost the port income"
    ("fees", 2, "financial loss"),
    ("revenue", 2, "financial loss"),
    ("revenues", 2, "financial loss"),
    ("income", 2, "financial loss"),
    ("earnings", 2, "financial loss"),
];

/// Indicators that are a harm only when they rise ("push food prices up", "stoke
/// inflation", "unemployment could increase"); "inflation fell" is not a harm:
/// (word, level, concept).
pub const RISING_INDICATORS: &[(&str, u8, &str)] = &[
    ("inflation", 3, "prices"),
    ("unemployment", 3, "jobs"),
    ("price", 2, "prices"),
    ("prices", 2, "prices"),
    ("costs", 2, "prices"),
    ("bills", 2, "prices"),
    ("fares", 2, "prices"),
    ("rents", 2, "prices"),
];

/// Words up to three after an indicator that say it rises.
pub const RISES_AFTER: &[&str] = &[
    "rise",
    "rises",
    "rising",
    "climb",
    "climbs",
    "climbing",
    "increase",
    "increases",
    "increasing",
    "surge",
    "surges",
    "surging",
    "soar",
    "soars",
    "soaring",
    "swell",
    "swells",
    "spike",
    "spikes",
    "jump",
    "jumps",
    "up",
    "higher",
    "double",
    "doubles",
];

/// Words up to two before an indicator that say it rises.
pub const RISES_BEFORE: &[&str] = &[
    "rising",
    "higher",
    "soaring",
    "surging",
    "spiralling",
    "spiraling",
    "stoke",
    "stokes",
    "stoking",
    "raise",
    "raises",
    "raising",
    "up",
    "double",
    "doubling",
];

/// Words that are a harm only when someone is forced into them ("force growers to abandon
/// orchards", "forced to flee"); "abandon the plan" is not a harm.
pub const FORCED_HARMS: &[&str] = &[
    "abandon",
    "abandons",
    "abandoning",
    "flee",
    "fleeing",
    "close",
    "shut",
    "evacuate",
];

/// Words up to four before a forced harm that make it forced.
pub const FORCING: &[&str] = &[
    "force",
    "forces",
    "forced",
    "forcing",
    "compel",
    "compels",
    "compelled",
    "oblige",
    "obliged",
];

/// Nouns after a harm word that make it the name of an institution or a field, not a harm
/// ("bankruptcy court", "sanctions law", "flood defences").
pub const INSTITUTIONS: &[&str] = &[
    "law",
    "laws",
    "court",
    "courts",
    "judge",
    "judges",
    "code",
    "tribunal",
    "legislation",
    "office",
    "ministry",
    "committee",
    "commission",
    "defences",
    "defenses",
    "insurance",
    "management",
    "lawyer",
    "lawyers",
];

/// Verbs that take a lost object up to four words after them.
pub const LOSS_VERBS: &[&str] = &[
    "cost",
    "costs",
    "costing",
    "lose",
    "loses",
    "losing",
    "lost",
    "shed",
    "sheds",
    "shedding",
    "destroy",
    "destroys",
    "destroying",
    "wipe",
    "wipes",
    "wiping",
    "claim",
    "claims",
    "claiming",
    "slash",
    "slashes",
    "slashing",
    "cut",
    "cuts",
    "cutting",
    "eliminate",
    "eliminating",
];

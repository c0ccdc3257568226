//! The severity lexicon: harm words with an ISO-style impact level, and the modifiers that
//! move it (intensity of the harm, scope of who is affected).
//!
//! Levels: 1 Insignificant, 2 Minor, 3 Moderate, 4 Major, 5 Catastrophic. The table is the
//! single source of truth for docs/plugins/risk-matrix.md; keep them in step.

use std::sync::OnceLock;

use crate::phrases::PhraseSet;

/// The ISO-style names of the five impact levels, level 1 first.
pub const IMPACT_LABELS: [&str; 5] = [
    "Insignificant",
    "Minor",
    "Moderate",
    "Major",
    "Catastrophic",
];

/// Impact given when a sentence names a risk ("the risk of …") but no harm word.
pub const UNNAMED_HARM_LEVEL: u8 = 2;

/// Impact of the implied harm of advice against an action: the action backfiring.
pub const BACKFIRE_LEVEL: u8 = 2;

/// One harm entry: compact pattern, level, and the concept used to merge near-duplicates.
#[derive(Debug, Clone, Copy)]
pub struct Harm {
    pub pattern: &'static str,
    pub level: u8,
    pub concept: &'static str,
}

const fn harm(pattern: &'static str, level: u8, concept: &'static str) -> Harm {
    Harm {
        pattern,
        level,
        concept,
    }
}

pub const HARMS: &[Harm] = &[
    // 5 Catastrophic
    harm(
        "nuclear war|wars|attack|attacks|strike|strikes|exchange|escalation|conflict|use",
        5,
        "nuclear",
    ),
    harm("world war|wars", 5, "war"),
    harm("catastrophe|catastrophes|catastrophic", 5, "catastrophe"),
    harm(
        "genocide|genocidal|annihilation|extinction",
        5,
        "catastrophe",
    ),
    harm("existential threat|risk", 5, "catastrophe"),
    harm("mass casualties|atrocities|starvation", 5, "casualties"),
    // 4 Major
    harm("war|wars|warfare|wartime", 4, "war"),
    harm(
        "invade|invades|invaded|invading|invasion|invasions",
        4,
        "invasion",
    ),
    harm(
        "attack|attacks|attacked|attacking|assault|assaults",
        4,
        "attack",
    ),
    harm(
        "aggression|offensive|offensives|bombing|bombings|bombardment",
        4,
        "attack",
    ),
    harm(
        "annex|annexes|annexed|annexing|annexation|occupation|occupy|occupying",
        4,
        "invasion",
    ),
    harm("blockade|blockades|blockading|siege", 4, "blockade"),
    harm("collapse|collapses|collapsed|collapsing", 4, "collapse"),
    harm(
        "overwhelm|overwhelms|overwhelmed|overwhelming",
        4,
        "overwhelm",
    ),
    harm(
        "escalate|escalates|escalated|escalating|escalation",
        4,
        "escalation",
    ),
    harm(
        "conflict|conflicts|hostilities|insurgency|coup",
        4,
        "conflict",
    ),
    harm(
        "casualties|deaths|killed|killing|killings|fatalities",
        4,
        "casualties",
    ),
    harm("famine|pandemic|epidemic|meltdown", 4, "catastrophe"),
    harm("humanitarian crisis|disaster", 4, "crisis"),
    harm("proliferation|arms race", 4, "escalation"),
    harm("sabotage|sabotaged|sabotaging", 4, "attack"),
    // 3 Moderate
    harm(
        "combat|fighting|clash|clashes|clashed|clashing|skirmish|skirmishes",
        3,
        "conflict",
    ),
    harm(
        "sanction|sanctions|sanctioned|embargo|embargoes",
        3,
        "sanctions",
    ),
    harm(
        "disrupt|disrupts|disrupted|disrupting|disruption|disruptions",
        3,
        "disruption",
    ),
    harm(
        "undermine|undermines|undermined|undermining|subvert|subverting",
        3,
        "undermine",
    ),
    harm(
        "destabilize|destabilise|destabilizing|destabilising|destabilization|instability",
        3,
        "instability",
    ),
    harm(
        "crisis|crises|recession|shortage|shortages|outage|outages",
        3,
        "crisis",
    ),
    harm("scarcity|scarcities", 3, "crisis"),
    harm("blackout|blackouts|brownout|brownouts", 3, "outage"),
    harm("power cut|cuts", 3, "outage"),
    harm(
        "drought|droughts|flood|floods|flooding|wildfire|wildfires|heatwave|heatwaves",
        3,
        "natural hazard",
    ),
    harm(
        "interference|interfere|interferes|interfering|tampering",
        3,
        "interference",
    ),
    harm(
        "strike|strikes|walkout|walkouts|stoppage|stoppages|lockout",
        3,
        "strike",
    ),
    harm(
        "interruption|interruptions|paralysis|paralyse|paralyze|paralysed|paralyzed",
        3,
        "disruption",
    ),
    // people or vessels left unable to move: "stranding fishing boats", "stranded passengers"
    harm("strand|strands|stranded|stranding", 2, "disruption"),
    harm("job losses|cuts", 3, "jobs"),
    harm(
        "layoffs|lay-offs|redundancies|bankruptcy|bankruptcies|insolvency",
        3,
        "jobs",
    ),
    harm("weaken|weakens|weakened|weakening", 3, "undermine"),
    harm(
        "damage|damages|damaged|damaging|harm|harms|harmed|harming",
        3,
        "damage",
    ),
    harm(
        "hostile|hostility|confrontation|confrontations|tension|tensions",
        3,
        "hostility",
    ),
    harm(
        "coerce|coerces|coercion|coercive|blackmail|blackmailing|intimidation",
        3,
        "coercion",
    ),
    harm("fall|falls|fell|falling apart", 3, "breakup"),
    harm("come|comes|came|coming apart", 3, "breakup"),
    harm("tear|tears|tore|torn|tearing", 3, "breakup"),
    harm("break|breaks|broke|breaking up", 3, "breakup"),
    harm(
        "unravel|unravels|unraveling|unravelling|disintegrate|disintegration|rupture",
        3,
        "breakup",
    ),
    harm(
        "overstretch|overstretches|overstretched|overstretching|overextend|overextending",
        3,
        "overwhelm",
    ),
    harm(
        "backfire|backfires|backfired|backfiring|counterproductive",
        3,
        "backfire",
    ),
    harm(
        "jeopardize|jeopardise|jeopardizes|jeopardises|endanger|endangers",
        3,
        "damage",
    ),
    harm("threaten|threatens|threatened|threatening", 3, "damage"),
    // 2 Minor
    harm("hurt|hurts|hurting", 2, "damage"),
    harm(
        "congestion|gridlock|bottleneck|bottlenecks|backlog|backlogs",
        2,
        "congestion",
    ),
    harm(
        "strain|strains|strained|friction|frictions|setback|setbacks",
        2,
        "strain",
    ),
    harm("lose|loses|losing|loss|losses", 2, "loss"),
    harm("erode|erodes|eroded|eroding|erosion", 2, "undermine"),
    harm(
        "distrust|mistrust|rivalry|rift|rifts|dispute|disputes|disagreement",
        2,
        "distrust",
    ),
    harm(
        "embarrass|embarrassment|backlash|problem|problems|delay|delays",
        2,
        "strain",
    ),
    // 1 Insignificant
    harm("inconvenience|nuisance|hiccup|hiccups", 1, "strain"),
];

/// Words just before a harm that make it worse (+1).
pub const INTENSIFIERS: &[&str] = &[
    "massive",
    "major",
    "severe",
    "serious",
    "devastating",
    "widespread",
    "large-scale",
    "full-scale",
    "all-out",
    "enormous",
    "huge",
    "significant",
    "dramatic",
    "grave",
    "total",
    "prolonged",
    "protracted",
    "nuclear",
    "deadly",
    "bloody",
    "sweeping",
    "crippling",
];

/// Words just before a harm that make it milder (−1).
pub const DIMINISHERS: &[&str] = &[
    "minor",
    "limited",
    "small",
    "modest",
    "slight",
    "marginal",
    "little",
    "mild",
    "brief",
    "temporary",
    "short-lived",
    "low-level",
    "partial",
    "symbolic",
];

/// Scope phrases anywhere in the sentence's main line: many people, places or fronts (+1).
pub const BROAD_SCOPE: &[&str] = &[
    "global",
    "globally",
    "worldwide",
    "world",
    "world's",
    "international",
    "internationally",
    "region-wide",
    "nationwide",
    "continent-wide",
    "entire",
    "thousands",
    "millions",
    "billions",
    "simultaneous",
    "simultaneously",
    "two-front",
    "multiple",
    "across the region|country|continent|economy|sector|industry|board",
    "a|one fifth|quarter|third of",
    "half of",
];

/// Scope words that confine the harm (−1).
pub const NARROW_SCOPE: &[&str] = &["local", "localized", "localised", "isolated", "contained"];

/// The broad-scope matcher, built once.
pub fn broad_scope_set() -> &'static PhraseSet {
    static SET: OnceLock<PhraseSet> = OnceLock::new();
    SET.get_or_init(|| PhraseSet::new(BROAD_SCOPE))
}

/// The narrow-scope matcher, built once.
pub fn narrow_scope_set() -> &'static PhraseSet {
    static SET: OnceLock<PhraseSet> = OnceLock::new();
    SET.get_or_init(|| PhraseSet::new(NARROW_SCOPE))
}

/// Words that turn a following harm into its opposite ("prevent war", "deter an attack").
pub const PREVENTERS: &[&str] = &[
    "prevent",
    "prevents",
    "prevented",
    "preventing",
    "avoid",
    "avoids",
    "avoided",
    "avoiding",
    "deter",
    "deters",
    "deterred",
    "deterring",
    "avert",
    "averts",
    "averted",
    "averting",
    "stop",
    "stops",
    "stopping",
    "end",
    "ends",
    "ending",
    "mitigate",
    "mitigates",
    "mitigating",
    "reduce",
    "reduces",
    "reducing",
    "counter",
    "countering",
    "defeat",
    "defeating",
    "survive",
    "withstand",
    "resist",
    "resisting",
    // remedies: the harm after them is being dealt with ("clear the backlog")
    "clear",
    "clears",
    "clearing",
    "resolve",
    "resolves",
    "resolving",
    "ease",
    "eases",
    "easing",
    "tackle",
    "tackles",
    "tackling",
    "fix",
    "fixes",
    "fixing",
    "repair",
    "repairs",
    "repairing",
    "relieve",
    "relieves",
    "relieving",
    "alleviate",
    "alleviates",
    "alleviating",
    "contain",
    "containing",
    "curb",
    "curbs",
    "curbing",
    "limit",
    "limits",
    "limiting",
    "minimise",
    "minimize",
    "minimising",
    "minimizing",
    "halt",
    "halts",
    "halting",
    "reverse",
    "reverses",
    "reversing",
];

/// Words that say one party keeps a harm going for another ("a key supporter of the war").
pub const ENABLERS: &[&str] = &[
    "support",
    "supports",
    "supporter",
    "supporters",
    "supporting",
    "supply",
    "supplies",
    "supplier",
    "suppliers",
    "supplying",
    "provide",
    "provides",
    "providing",
    "sustain",
    "sustains",
    "sustaining",
    "fuel",
    "fuels",
    "fueling",
    "fuelling",
    "arm",
    "arming",
    "finance",
    "finances",
    "financing",
    "fund",
    "funds",
    "funding",
    "bankroll",
    "bankrolls",
    "bankrolling",
    "enable",
    "enables",
    "enabling",
    "backer",
    "backing",
    "lifeline",
    "prop",
    "propping",
];

/// Present-tense markers: a sentence with one describes what is, not what was.
pub const PRESENT_MARKERS: &[&str] = &[
    "is",
    "are",
    "has",
    "have",
    "remains",
    "remain",
    "continues",
    "continue",
    "currently",
    "still",
    "now",
    "ongoing",
    "today",
    "keeps",
    "keep",
];

/// The harm matcher, built once.
pub fn harm_set() -> &'static PhraseSet {
    static SET: OnceLock<PhraseSet> = OnceLock::new();
    SET.get_or_init(|| PhraseSet::new(HARMS.iter().map(|h| &h.pattern)))
}

/// The ISO-style name of an impact level.
pub fn impact_label(level: u8) -> &'static str {
    IMPACT_LABELS[usize::from(level.clamp(1, 5) - 1)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_are_in_range() {
        assert!(HARMS.iter().all(|h| (1..=5).contains(&h.level)));
    }

    #[test]
    fn tear_needs_apart_only_for_breakup_phrases() {
        let set = harm_set();
        let words = ["could", "fall", "apart"];
        let m = set.match_at(&words, 1).unwrap();
        assert_eq!(HARMS[m.entry].concept, "breakup");
        // "fall" alone is not a harm ("prices fall")
        assert!(set.match_at(&["fall"], 0).is_none());
    }

    #[test]
    fn labels_are_iso_style() {
        assert_eq!(impact_label(1), "Insignificant");
        assert_eq!(impact_label(5), "Catastrophic");
    }
}

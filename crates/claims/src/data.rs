//! The claim coder's data: event frames (`data/claims/frames.tsv` and the
//! frames derived from PETRARCH2's CAMEO verb dictionary,
//! `data/claims/frames-cameo.tsv`) and cue phrases (`data/claims/cues.txt`),
//! parsed once and embedded in the binary.

use std::collections::HashMap;
use std::sync::OnceLock;

/// One trigger with its coding.
#[derive(Debug)]
pub(crate) struct Frame {
    /// The trigger's words (base forms); the first is looked up.
    pub words: Vec<String>,
    /// PLOVER type or relation.
    pub kind: String,
    /// PLOVER mode.
    pub mode: Option<String>,
    /// CAMEO code.
    pub cameo: Option<String>,
    /// Where the target stands: `obj`, or prepositions after which it stands.
    /// Empty when the event has no target ("-").
    pub target: Vec<String>,
    /// Whether the table said "-" for the target (no target at all).
    pub no_target: bool,
    /// The grammatical subject receives the action.
    pub flip: bool,
}

/// Cue phrases by section, each a list of lower-case word sequences.
#[derive(Debug, Default)]
pub(crate) struct Cues {
    pub suspected: Vec<Vec<String>>,
    pub possible: Vec<Vec<String>>,
    pub denied: Vec<Vec<String>>,
    pub reporting: Vec<Vec<String>>,
    pub negation: Vec<Vec<String>>,
    pub conditional: Vec<Vec<String>>,
    pub commit: Vec<Vec<String>>,
    pub readiness: Vec<Vec<String>>,
    pub reporting_final: Vec<Vec<String>>,
    pub refuse: Vec<Vec<String>>,
    pub threat: Vec<Vec<String>>,
    pub contrast: Vec<Vec<String>>,
    pub weapon_heads: Vec<Vec<String>>,
    pub adverbs: Vec<Vec<String>>,
    pub pronouns: Vec<Vec<String>>,
    pub not_events: Vec<Vec<String>>,
    pub back_references: Vec<Vec<String>>,
    pub documents: Vec<Vec<String>>,
    pub subordinators: Vec<Vec<String>>,
    pub exchange: Vec<Vec<String>>,
    pub denial_verbs: Vec<Vec<String>>,
    pub dismissal_verbs: Vec<Vec<String>>,
    pub reported_things: Vec<Vec<String>>,
    pub made_by: Vec<Vec<String>>,
    pub cessation: Vec<Vec<String>>,
    pub topic: Vec<Vec<String>>,
    pub object_control: Vec<Vec<String>>,
    pub speech_protest: Vec<Vec<String>>,
    pub verb_only: Vec<Vec<String>>,
    pub stative: Vec<Vec<String>>,
    pub question_cues: Vec<Vec<String>>,
    pub simulation: Vec<Vec<String>>,
    pub agreement_nouns: Vec<Vec<String>>,
    pub agent_nouns: Vec<Vec<String>>,
    /// Nouns for people sent on a state's behalf ("the delegation"): as a
    /// subject with no state of its own, they act for the sender.
    pub envoy_nouns: Vec<Vec<String>>,
    pub operation_nouns: Vec<Vec<String>>,
}

fn parse_frames(src: &str, out: &mut HashMap<String, Vec<Frame>>) {
    for line in src
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .skip(1)
    {
        let c: Vec<&str> = line.split('\t').map(str::trim).collect();
        if c.len() < 6 {
            continue;
        }
        let opt = |s: &str| (s != "-" && !s.is_empty()).then(|| s.to_string());
        let words: Vec<String> = c[0].split_whitespace().map(str::to_lowercase).collect();
        let Some(first) = words.first().cloned() else {
            continue;
        };
        // The hand-written table comes first and wins over derived rows.
        if out
            .get(&first)
            .is_some_and(|v| v.iter().any(|f| f.words == words))
        {
            continue;
        }
        out.entry(first).or_default().push(Frame {
            words,
            kind: c[1].to_string(),
            mode: opt(c[2]),
            cameo: opt(c[3]),
            target: c[4]
                .split('|')
                .filter(|t| *t != "-" && !t.is_empty())
                .map(str::to_string)
                .collect(),
            no_target: c[4] == "-",
            flip: c[5] == "yes",
        });
    }
}

/// Frames by the base form of their first word, longest first.
pub(crate) fn frames() -> &'static HashMap<String, Vec<Frame>> {
    static F: OnceLock<HashMap<String, Vec<Frame>>> = OnceLock::new();
    F.get_or_init(|| {
        let mut out: HashMap<String, Vec<Frame>> = HashMap::new();
        parse_frames(include_str!("../../../data/claims/frames.tsv"), &mut out);
        parse_frames(
            include_str!("../../../data/claims/frames-cameo.tsv"),
            &mut out,
        );
        for v in out.values_mut() {
            v.sort_by_key(|f| std::cmp::Reverse(f.words.len()));
        }
        out
    })
}

/// The cue lists.
pub(crate) fn cues() -> &'static Cues {
    static C: OnceLock<Cues> = OnceLock::new();
    C.get_or_init(|| {
        let mut c = Cues::default();
        for (section, l) in
            dyad_language::datafile::entries(include_str!("../../../data/claims/cues.txt"))
        {
            let phrase: Vec<String> = l.split_whitespace().map(str::to_lowercase).collect();
            let list = match section {
                "suspected" => &mut c.suspected,
                "possible" => &mut c.possible,
                "denied" => &mut c.denied,
                "reporting" => &mut c.reporting,
                "negation" => &mut c.negation,
                "conditional" => &mut c.conditional,
                "commit" => &mut c.commit,
                "readiness" => &mut c.readiness,
                "reporting-final" => &mut c.reporting_final,
                "refuse" => &mut c.refuse,
                "threat" => &mut c.threat,
                "contrast" => &mut c.contrast,
                "weapon-heads" => &mut c.weapon_heads,
                "adverbs" => &mut c.adverbs,
                "pronouns" => &mut c.pronouns,
                "not-events" => &mut c.not_events,
                "back-references" => &mut c.back_references,
                "documents" => &mut c.documents,
                "subordinators" => &mut c.subordinators,
                "exchange" => &mut c.exchange,
                "denial-verbs" => &mut c.denial_verbs,
                "dismissal-verbs" => &mut c.dismissal_verbs,
                "reported-things" => &mut c.reported_things,
                "made-by" => &mut c.made_by,
                "cessation" => &mut c.cessation,
                "topic" => &mut c.topic,
                "object-control" => &mut c.object_control,
                "speech-protest" => &mut c.speech_protest,
                "verb-only" => &mut c.verb_only,
                "stative" => &mut c.stative,
                "question-cues" => &mut c.question_cues,
                "simulation" => &mut c.simulation,
                "agreement-nouns" => &mut c.agreement_nouns,
                "agent-nouns" => &mut c.agent_nouns,
                "envoy-nouns" => &mut c.envoy_nouns,
                "operation-nouns" => &mut c.operation_nouns,
                _ => continue,
            };
            list.push(phrase);
        }
        c
    })
}

/// A word's base form for trigger matching: "sent" → "send", "providing" →
/// "provide", "cooperating" → "cooperate".
pub fn base(word: &str) -> String {
    const IRREGULAR: &[(&str, &str)] = &[
        ("sent", "send"),
        ("flew", "fly"),
        ("flown", "fly"),
        ("gave", "give"),
        ("given", "give"),
        ("sold", "sell"),
        ("met", "meet"),
        ("held", "hold"),
        ("bought", "buy"),
        ("struck", "strike"),
        ("hit", "strike"),
        ("made", "made"),
        ("took", "take"),
        ("told", "tell"),
        ("threw", "throw"),
        ("freed", "free"),
        ("fought", "fight"),
        ("shot", "shoot"),
        ("withdrew", "withdraw"),
        ("withdrawn", "withdraw"),
        ("sought", "seek"),
        ("seized", "seize"),
        ("led", "lead"),
        ("broke", "break"),
        ("broken", "break"),
        ("swore", "swear"),
        ("sworn", "swear"),
        ("forbade", "forbid"),
        ("forbidden", "forbid"),
        ("overran", "overrun"),
        ("overthrew", "overthrow"),
        ("overthrown", "overthrow"),
        ("blew", "blow"),
        ("blown", "blow"),
        ("drove", "drive"),
        ("driven", "drive"),
        ("began", "begin"),
        ("begun", "begin"),
        ("paid", "pay"),
        ("lent", "lend"),
        ("won", "win"),
        ("stood", "stand"),
        ("fled", "flee"),
        ("undertook", "undertake"),
        ("left", "leave"),
        ("undertaken", "undertake"),
    ];
    let w = word.to_lowercase();
    if let Some((_, b)) = IRREGULAR.iter().find(|(f, _)| *f == w) {
        return b.to_string();
    }
    let f = frames();
    if f.contains_key(&w) {
        return w;
    }
    for (suffix, add) in [
        ("ing", ""),
        ("ing", "e"),
        ("ed", ""),
        ("ed", "e"),
        ("d", ""),
        ("es", ""),
        ("s", ""),
        ("ies", "y"),
        ("ied", "y"),
    ] {
        if let Some(stem) = w.strip_suffix(suffix) {
            let cand = format!("{stem}{add}");
            if f.contains_key(&cand) {
                return cand;
            }
            // A doubled final consonant: "planned" → "plan".
            let mut rev = stem.chars().rev();
            if let (Some(a), Some(b)) = (rev.next(), rev.next()) {
                if a == b && a.is_ascii_alphabetic() {
                    let short = &stem[..stem.len() - a.len_utf8()];
                    if f.contains_key(short) {
                        return short.to_string();
                    }
                }
            }
        }
    }
    w
}

/// The frame of an obligation put on someone ("China must drop barriers",
/// "the US must be ready to mediate"): a demand (PLOVER REQUEST, CAMEO 10) of
/// the one who must, by the speaker or the main clause's subject.
pub(crate) fn obligation() -> &'static Frame {
    static F: OnceLock<Frame> = OnceLock::new();
    F.get_or_init(|| Frame {
        words: vec!["must".to_string()],
        kind: "REQUEST".to_string(),
        mode: None,
        cameo: Some("100".to_string()),
        target: Vec::new(),
        no_target: false,
        flip: false,
    })
}

/// Whether a cue list holds `word` as a one-word entry.
pub(crate) fn one_word(list: &[Vec<String>], word: &str) -> bool {
    list.iter().any(|p| p.len() == 1 && p[0] == word)
}

/// Whether `word` (lower case) is `lemma` or a regular inflection of it:
/// "halted" and "halts" of "halt", "stopped" of "stop", "cancelling" of
/// "cancel", "reduced" of "reduce", "freezing" of "freeze".
pub(crate) fn inflects(word: &str, lemma: &str) -> bool {
    if word == lemma {
        return true;
    }
    let Some(rest) = word.strip_prefix(lemma) else {
        // "reduce" → "reducing": the final e drops.
        return lemma
            .strip_suffix('e')
            .and_then(|stem| word.strip_prefix(stem))
            .is_some_and(|r| r == "ing" || r == "ed");
    };
    if matches!(rest, "s" | "es" | "ed" | "d" | "ing") {
        return true;
    }
    // A doubled final consonant: "stopped", "cancelling".
    let mut chars = rest.chars();
    match (lemma.chars().last(), chars.next()) {
        (Some(a), Some(b)) if a == b => matches!(chars.as_str(), "ed" | "ing"),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::inflects;

    #[test]
    fn inflections() {
        for (w, l) in [
            ("halted", "halt"),
            ("halts", "halt"),
            ("stopped", "stop"),
            ("cancelling", "cancel"),
            ("reduced", "reduce"),
            ("reducing", "reduce"),
            ("freezing", "freeze"),
            ("cut", "cut"),
        ] {
            assert!(inflects(w, l), "{w} {l}");
        }
        assert!(!inflects("ending", "endin"));
        assert!(!inflects("halter", "halt"));
    }
}

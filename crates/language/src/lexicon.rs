//! The lexicon: states, people, organisations, weapon systems and places, read
//! from the TSV files under `data/lexicon/` (format in `data/lexicon/FORMAT.md`),
//! and compiled into Aho-Corasick matchers over all surface forms and their
//! generated variants (hyphen/space, typographic apostrophes).

use std::collections::HashMap;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::Serialize;

/// Kind of an entity, as the output contract names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A sovereign state (id: ISO 3166-1 alpha-3).
    State,
    /// A person.
    Person,
    /// An organisation.
    Organization,
    /// A weapon system.
    Weapon,
    /// An armed or political group.
    Group,
    /// A place that is not a state.
    Place,
}

/// A dated role of a person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Role {
    /// The role ("defense minister").
    pub role: String,
    /// The state it is held for.
    pub state: Option<String>,
    /// Start (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
    pub start: Option<String>,
    /// End, or `None` while it lasts.
    pub end: Option<String>,
}

/// One lexicon entry.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    /// Canonical id.
    pub id: String,
    /// Kind.
    pub kind: Kind,
    /// Canonical name.
    pub name: String,
    /// Affiliated or producing state.
    pub state: Option<String>,
    /// Organisation type, weapon kind or place type.
    pub subtype: Option<String>,
    /// Dated roles (people).
    pub roles: Vec<Role>,
    /// Id of the system this one derives from (weapons).
    pub derived_from: Option<String>,
    /// All surface forms as listed.
    pub aliases: Vec<String>,
}

/// How a surface form refers to its entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FormClass {
    /// The name or an alias.
    Name,
    /// A demonym ("Iranian").
    Demonym,
    /// A capital or seat of power standing for the state ("Pyongyang").
    Capital,
}

/// The compiled lexicon.
pub struct Lexicon {
    /// Entries by index.
    pub entries: Vec<Entry>,
    by_id: HashMap<String, usize>,
    /// Case-sensitive forms (those with a capital letter).
    exact: AhoCorasick,
    exact_forms: Vec<(usize, FormClass)>,
    /// Case-insensitive forms (all lower case, e.g. "super-large multiple rocket launcher").
    folded: AhoCorasick,
    folded_forms: Vec<(usize, FormClass)>,
    /// Every form folded to lower case, for whole-string lookups (credits).
    by_form: HashMap<String, usize>,
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Lexicon({} entries)", self.entries.len())
    }
}

/// A lexicon match in a text.
#[derive(Debug, Clone, Copy)]
pub struct LexMatch {
    /// Byte start.
    pub start: usize,
    /// Byte end (possessive `'s` not included).
    pub end: usize,
    /// Entry index.
    pub entry: usize,
    /// How the form refers to it.
    pub class: FormClass,
}

fn cells(line: &str) -> Vec<&str> {
    line.split('\t').map(str::trim).collect()
}

fn multi(cell: Option<&String>) -> Vec<String> {
    cell.map(|c| {
        c.split(" | ")
            .flat_map(|p| p.split('|'))
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(str::to_string)
            .collect()
    })
    .unwrap_or_default()
}

fn opt(cell: Option<&String>) -> Option<String> {
    cell.map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .map(str::to_string)
}

/// Rows of a TSV file: header names to cells.
fn rows(src: &str) -> Vec<HashMap<String, String>> {
    let mut header: Option<Vec<String>> = None;
    let mut out = Vec::new();
    for line in src.lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let c = cells(line);
        match &header {
            None => header = Some(c.iter().map(|s| s.to_string()).collect()),
            Some(h) => {
                let mut row = HashMap::new();
                for (k, v) in h.iter().zip(c.iter()) {
                    row.insert(k.clone(), v.to_string());
                }
                out.push(row);
            }
        }
    }
    out
}

/// The files compiled into the binary.
pub struct Sources<'a> {
    /// `states.tsv`.
    pub states: &'a str,
    /// `people.tsv`.
    pub people: &'a str,
    /// `organizations.tsv`.
    pub organizations: &'a str,
    /// `weapons.tsv`.
    pub weapons: &'a str,
    /// `places.tsv`.
    pub places: &'a str,
}

const BUILTIN: Sources<'static> = Sources {
    states: include_str!("../../../data/lexicon/states.tsv"),
    people: include_str!("../../../data/lexicon/people.tsv"),
    organizations: include_str!("../../../data/lexicon/organizations.tsv"),
    weapons: include_str!("../../../data/lexicon/weapons.tsv"),
    places: include_str!("../../../data/lexicon/places.tsv"),
};

/// Variants of a surface form that texts use interchangeably.
fn variants(form: &str) -> Vec<String> {
    let mut out = vec![form.to_string()];
    if form.contains('\'') {
        out.push(form.replace('\'', "\u{2019}"));
    }
    if form.contains('\u{2019}') {
        out.push(form.replace('\u{2019}', "'"));
    }
    // "Hwasong-11" ~ "Hwasong 11"; "Kim Jong-un" ~ "Kim Jong Un".
    if form.contains('-') {
        let spaced = form.replace('-', " ");
        out.push(spaced);
        let mut capped = String::with_capacity(form.len());
        let mut up = false;
        for ch in form.chars() {
            if ch == '-' {
                capped.push(' ');
                up = true;
            } else if up {
                capped.extend(ch.to_uppercase());
                up = false;
            } else {
                capped.push(ch);
            }
        }
        out.push(capped);
    }
    // "Shahab-3" also appears as "Shahab 3" and "Shahab3"? Only the two above.
    out.sort();
    out.dedup();
    out
}

impl Lexicon {
    /// The lexicon compiled into the binary (built once).
    pub fn builtin() -> &'static Lexicon {
        static L: OnceLock<Lexicon> = OnceLock::new();
        L.get_or_init(|| Lexicon::from_sources(&BUILTIN))
    }

    /// Builds a lexicon from TSV sources.
    pub fn from_sources(src: &Sources) -> Lexicon {
        let mut entries: Vec<Entry> = Vec::new();
        let mut by_id: HashMap<String, usize> = HashMap::new();
        let mut forms: Vec<(String, usize, FormClass)> = Vec::new();
        let add_forms = |forms: &mut Vec<(String, usize, FormClass)>,
                         idx: usize,
                         list: &[String],
                         class: FormClass| {
            for f in list {
                forms.push((f.clone(), idx, class));
            }
        };
        let push =
            |entries: &mut Vec<Entry>, by_id: &mut HashMap<String, usize>, e: Entry| -> usize {
                if let Some(&i) = by_id.get(&e.id) {
                    return i;
                }
                by_id.insert(e.id.clone(), entries.len());
                entries.push(e);
                entries.len() - 1
            };
        for r in rows(src.states) {
            let Some(id) = r.get("id").filter(|v| !v.is_empty()).cloned() else {
                continue;
            };
            let name = r.get("name").cloned().unwrap_or_default();
            let aliases = multi(r.get("aliases"));
            let demonyms = multi(r.get("demonyms"));
            let capitals = multi(r.get("capitals"));
            let mut all = vec![name.clone()];
            all.extend(aliases.iter().cloned());
            let idx = push(
                &mut entries,
                &mut by_id,
                Entry {
                    id: id.clone(),
                    kind: Kind::State,
                    name: name.clone(),
                    state: Some(id),
                    subtype: None,
                    roles: Vec::new(),
                    derived_from: None,
                    aliases: all
                        .iter()
                        .chain(&demonyms)
                        .chain(&capitals)
                        .cloned()
                        .collect(),
                },
            );
            add_forms(&mut forms, idx, &all, FormClass::Name);
            add_forms(&mut forms, idx, &demonyms, FormClass::Demonym);
            add_forms(&mut forms, idx, &capitals, FormClass::Capital);
        }
        for r in rows(src.people) {
            let Some(id) = r.get("id").filter(|v| !v.is_empty()).cloned() else {
                continue;
            };
            let role = Role {
                role: r.get("role").cloned().unwrap_or_default(),
                state: opt(r.get("state")),
                start: opt(r.get("start")),
                end: opt(r.get("end")),
            };
            let name = r.get("name").cloned().unwrap_or_default();
            let aliases = multi(r.get("aliases"));
            if let Some(&i) = by_id.get(&id) {
                entries[i].roles.push(role);
                for a in &aliases {
                    if !entries[i].aliases.contains(a) {
                        entries[i].aliases.push(a.clone());
                        forms.push((a.clone(), i, FormClass::Name));
                    }
                }
                continue;
            }
            let mut all = vec![name.clone()];
            all.extend(aliases);
            let idx = push(
                &mut entries,
                &mut by_id,
                Entry {
                    id,
                    kind: Kind::Person,
                    name,
                    state: role.state.clone(),
                    subtype: None,
                    roles: vec![role],
                    derived_from: None,
                    aliases: all.clone(),
                },
            );
            add_forms(&mut forms, idx, &all, FormClass::Name);
        }
        for (src_text, kind) in [
            (src.organizations, Kind::Organization),
            (src.weapons, Kind::Weapon),
            (src.places, Kind::Place),
        ] {
            for r in rows(src_text) {
                let Some(id) = r.get("id").filter(|v| !v.is_empty()).cloned() else {
                    continue;
                };
                let name = r.get("name").cloned().unwrap_or_default();
                let mut all = vec![name.clone()];
                all.extend(multi(r.get("aliases")));
                let subtype = opt(r.get("type").or_else(|| r.get("kind")));
                let kind = match (kind, subtype.as_deref()) {
                    (Kind::Organization, Some("armed-group")) => Kind::Group,
                    (k, _) => k,
                };
                let idx = push(
                    &mut entries,
                    &mut by_id,
                    Entry {
                        id,
                        kind,
                        name,
                        state: opt(r.get("state")),
                        subtype,
                        roles: Vec::new(),
                        derived_from: opt(r.get("derived_from")),
                        aliases: all.clone(),
                    },
                );
                add_forms(&mut forms, idx, &all, FormClass::Name);
            }
        }
        // A known person is also named by surname alone ("Putin", "Kishida")
        // when no other person in the lexicon shares it. Names written family
        // name first (Chinese, Korean) are left out: their last word is a
        // given name.
        let mut surnames: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, e) in entries.iter().enumerate() {
            if e.kind != Kind::Person
                || matches!(
                    e.state.as_deref(),
                    Some("CHN" | "PRK" | "KOR" | "TWN" | "HKG" | "VNM")
                )
            {
                continue;
            }
            if let Some(last) = e.name.split_whitespace().last() {
                let v = surnames.entry(last.to_string()).or_default();
                if !v.contains(&i) {
                    v.push(i);
                }
            }
        }
        let taken: std::collections::HashSet<String> =
            forms.iter().map(|(f, _, _)| f.to_lowercase()).collect();
        let mut by_surname: Vec<(String, usize)> = surnames
            .into_iter()
            .filter(|(s, v)| {
                v.len() == 1
                    && s.chars().count() >= 4
                    && s.chars().all(|c| c.is_alphabetic() || c == '-')
                    && s.starts_with(char::is_uppercase)
                    && !taken.contains(&s.to_lowercase())
            })
            .map(|(s, v)| (s, v[0]))
            .collect();
        by_surname.sort();
        for (s, i) in by_surname {
            forms.push((s, i, FormClass::Name));
        }
        // Expand variants; split into case-sensitive and folded sets. When two
        // entries share a form, the first one listed keeps it (states first).
        let mut exact: Vec<String> = Vec::new();
        let mut exact_forms = Vec::new();
        let mut folded: Vec<String> = Vec::new();
        let mut folded_forms = Vec::new();
        let mut seen: HashMap<String, ()> = HashMap::new();
        let mut by_form: HashMap<String, usize> = HashMap::new();
        for (form, idx, class) in forms {
            let mut vs = variants(&form);
            // Weapon names are also counted in the plural ("Shahed-136s",
            // "multiple rocket launchers").
            if entries[idx].kind == Kind::Weapon {
                let plurals: Vec<String> = vs
                    .iter()
                    .filter(|v| !v.ends_with('s'))
                    .map(|v| format!("{v}s"))
                    .collect();
                vs.extend(plurals);
            }
            for v in vs {
                if v.chars().count() < 2 {
                    continue;
                }
                by_form.entry(v.to_lowercase()).or_insert(idx);
                let is_folded = !v.chars().any(char::is_uppercase);
                let key = if is_folded {
                    v.to_lowercase()
                } else {
                    v.clone()
                };
                if seen.insert(key, ()).is_some() {
                    continue;
                }
                if is_folded {
                    folded.push(v);
                    folded_forms.push((idx, class));
                } else {
                    exact.push(v);
                    exact_forms.push((idx, class));
                }
            }
        }
        let build = |pats: &[String], ci: bool| {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .ascii_case_insensitive(ci)
                .build(pats)
                .unwrap_or_else(|_| {
                    AhoCorasick::new(Vec::<String>::new()).expect("empty automaton")
                })
        };
        Lexicon {
            by_form,
            exact: build(&exact, false),
            folded: build(&folded, true),
            exact_forms,
            folded_forms,
            entries,
            by_id,
        }
    }

    /// The entry a whole string names, ignoring case ("YONHAP" in a photo credit).
    pub fn lookup(&self, name: &str) -> Option<usize> {
        self.by_form.get(&name.trim().to_lowercase()).copied()
    }

    /// The entry with this id.
    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.by_id.get(id).map(|&i| &self.entries[i])
    }

    /// Index of the entry with this id.
    pub fn index(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// All lexicon matches in a text, at word boundaries, longest first where
    /// they overlap, in text order.
    pub fn find(&self, text: &str) -> Vec<LexMatch> {
        let b = text.as_bytes();
        let boundary_before = |s: usize| {
            s == 0 || {
                let prev = text[..s].chars().next_back().unwrap_or(' ');
                !prev.is_alphanumeric()
            }
        };
        let boundary_after = |e: usize| {
            e >= b.len() || {
                let next = text[e..].chars().next().unwrap_or(' ');
                !next.is_alphanumeric()
            }
        };
        let mut all: Vec<LexMatch> = Vec::new();
        for (ac, forms) in [
            (&self.exact, &self.exact_forms),
            (&self.folded, &self.folded_forms),
        ] {
            // Leftmost-longest, but a match cut off inside a word does not hide
            // a shorter one that starts later ("the Sudan" in "the Sudanese").
            let mut pos = 0;
            while let Some(m) = ac.find(aho_corasick::Input::new(text).span(pos..text.len())) {
                let (s, e) = (m.start(), m.end());
                if !boundary_before(s) || !boundary_after(e) {
                    pos = s + text[s..].chars().next().map_or(1, char::len_utf8);
                    continue;
                }
                pos = e;
                let (entry, class) = forms[m.pattern().as_usize()];
                all.push(LexMatch {
                    start: s,
                    end: e,
                    entry,
                    class,
                });
            }
        }
        all.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
        let mut out: Vec<LexMatch> = Vec::with_capacity(all.len());
        for m in all {
            if out.last().is_some_and(|l| m.start < l.end) {
                continue;
            }
            out.push(m);
        }
        out
    }

    /// The role a person held on a date (`YYYY-MM-DD`), or their latest one.
    pub fn role_on(&self, entry: &Entry, date: Option<&str>) -> Option<Role> {
        if entry.roles.is_empty() {
            return None;
        }
        if let Some(d) = date {
            let holds = |r: &&Role| {
                r.start.as_deref().is_none_or(|s| s <= d)
                    && r.end.as_deref().is_none_or(|e| d <= e || d.starts_with(e))
            };
            if let Some(r) = entry.roles.iter().find(holds) {
                return Some(r.clone());
            }
        }
        entry
            .roles
            .iter()
            .max_by(|a, b| a.start.cmp(&b.start))
            .cloned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STATES: &str = "id\tname\taliases\tdemonyms\tcapitals\tnote\n\
        PRK\tNorth Korea\tDemocratic People's Republic of Korea | DPRK\tNorth Korean | North Koreans\tPyongyang\t\n\
        IRN\tIran\tIslamic Republic of Iran\tIranian | Iranians\tTehran\t\n";
    const PEOPLE: &str = "id\tname\taliases\tstate\trole\tstart\tend\tnote\n\
        kim-jong-un\tKim Jong-un\t\tPRK\tsupreme leader\t2011-12\t\t\n";
    const ORGS: &str = "id\tname\taliases\tstate\ttype\tnote\nkcna\tKorean Central News Agency\tKCNA\tPRK\tnews-agency\t\n";
    const WEAPONS: &str = "id\tname\taliases\tkind\tstate\tderived_from\tnote\n\
        shahed-136\tShahed-136\tGeran-2\tdrone\tIRN\t\t\n\
        super-large-mrl\tsuper-large multiple rocket launcher\tsuper-large multiple rocket launchers\trocket-launcher\tPRK\t\t\n";

    fn lex() -> Lexicon {
        Lexicon::from_sources(&Sources {
            states: STATES,
            people: PEOPLE,
            organizations: ORGS,
            weapons: WEAPONS,
            places: "id\tname\taliases\tstate\ttype\tnote\n",
        })
    }

    #[test]
    fn finds_forms_and_variants() {
        let l = lex();
        let t = "Pyongyang and Iran’s Shahed 136; the Democratic People’s Republic of Korea (DPRK). Kim Jong Un \
                 watched Super-large multiple rocket launchers. Iranians cheered. Korean Central News Agency.";
        let got: Vec<(&str, &str)> = l
            .find(t)
            .iter()
            .map(|m| (&t[m.start..m.end], l.entries[m.entry].id.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("Pyongyang", "PRK"),
                ("Iran", "IRN"),
                ("Shahed 136", "shahed-136"),
                ("Democratic People’s Republic of Korea", "PRK"),
                ("DPRK", "PRK"),
                ("Kim Jong Un", "kim-jong-un"),
                ("Super-large multiple rocket launchers", "super-large-mrl"),
                ("Iranians", "IRN"),
                ("Korean Central News Agency", "kcna"),
            ]
        );
    }

    #[test]
    fn word_boundaries() {
        let l = lex();
        assert!(l.find("Irani Iranx DPRKs").is_empty());
    }

    #[test]
    fn roles_by_date() {
        let l = lex();
        let e = l.get("kim-jong-un").unwrap();
        assert_eq!(
            l.role_on(e, Some("2024-04-24")).unwrap().role,
            "supreme leader"
        );
    }
}

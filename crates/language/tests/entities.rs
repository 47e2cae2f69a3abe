//! Entity linking and references on news-like sentences, with the built-in lexicon.

use dyad_language::{annotate, Kind};

fn entity<'a>(a: &'a dyad_language::Annotated, id: &str) -> &'a dyad_language::Entity {
    a.entities.iter().find(|e| e.id == id).unwrap_or_else(|| {
        panic!(
            "no entity {id}: {:?}",
            a.entities.iter().map(|e| &e.id).collect::<Vec<_>>()
        )
    })
}

#[test]
fn states_people_weapons_from_the_lexicon() {
    let t = "Pyongyang sent Shahed-136 drones, South Korean Defense Minister Shin Won-sik said, \
             citing the DPRK's Korean Central News Agency.";
    let a = annotate(t, Some("2024-02-15"));
    assert_eq!(entity(&a, "PRK").kind, Kind::State);
    assert_eq!(entity(&a, "PRK").mentions.len(), 2, "Pyongyang and DPRK");
    let w = entity(&a, "shahed-136");
    assert_eq!((w.kind, w.state.as_deref()), (Kind::Weapon, Some("IRN")));
    let p = entity(&a, "shin-won-sik");
    assert_eq!((p.kind, p.state.as_deref()), (Kind::Person, Some("KOR")));
    assert_eq!(entity(&a, "kcna").state.as_deref(), Some("PRK"));
}

#[test]
fn unknown_people_from_titles_and_appositions() {
    let t = "In 2019, Pak Chol-min, then vice chairman of the Supreme People's Assembly, visited Iran. \
             Foreign Minister Ana Example of Chile spoke later. Pak said so.";
    let a = annotate(t, Some("2024-04-24"));
    let pak = entity(&a, "pak-chol-min");
    assert_eq!(pak.kind, Kind::Person);
    assert_eq!(
        pak.state.as_deref(),
        Some("PRK"),
        "state from the apposition's organisation"
    );
    assert_eq!(pak.mentions.len(), 2, "the surname repeat joins the person");
    let ana = entity(&a, "ana-example");
    assert_eq!(ana.kind, Kind::Person);
    assert_eq!(ana.role.as_deref(), Some("foreign minister"));
}

/// The ids a reference refers to.
fn ids<'a>(a: &'a dyad_language::Annotated, r: &dyad_language::Reference) -> Vec<&'a str> {
    r.entities
        .iter()
        .map(|&i| a.entities[i].id.as_str())
        .collect()
}

/// The ids of the first reference whose words are `words`, if any.
fn referred<'a>(a: &'a dyad_language::Annotated, t: &str, words: &str) -> Option<Vec<&'a str>> {
    a.references
        .iter()
        .find(|r| &t[r.span.start..r.span.end] == words)
        .map(|r| ids(a, r))
}

#[test]
fn groups_and_back_references() {
    let t = "North Korea and Iran are allies. The two nations deny it. Ukrainian officials said \
             Russia's defence ministry lied. Analysts agree.";
    let a = annotate(t, Some("2024-04-24"));
    assert_eq!(referred(&a, t, "The two nations"), Some(vec!["PRK", "IRN"]));
    let g = entity(&a, "ukrainian-officials");
    assert_eq!((g.kind, g.state.as_deref()), (Kind::Group, Some("UKR")));
    // (Linked to the ministry the lexicon knows.)
    assert_eq!(entity(&a, "rus-mod").state.as_deref(), Some("RUS"));
    assert_eq!(entity(&a, "analysts").kind, Kind::Group);
}

#[test]
fn described_groups_take_their_state() {
    let t = "Bolivian riot police dispersed the march. Rebels in Ecuador blocked roads. \
             Later, President Arce spoke in Bolivia.";
    let a = annotate(t, Some("2024-02-15"));
    let g = entity(&a, "bolivian-riot-police");
    assert_eq!((g.kind, g.state.as_deref()), (Kind::Group, Some("BOL")));
    let g = entity(&a, "ecu-rebels");
    assert_eq!(g.state.as_deref(), Some("ECU"));
    // A titled person the lexicon lacks serves the one state of their sentence.
    assert_eq!(entity(&a, "arce").state.as_deref(), Some("BOL"));
}

#[test]
fn a_plural_reference_is_not_its_own_subject() {
    let t = "Cuba and Venezuela signed a pact. The United States has sanctioned both countries.";
    let a = annotate(t, Some("2024-02-15"));
    let r = a.references.last().expect("a reference");
    assert_eq!(ids(&a, r), ["CUB", "VEN"]);
}

#[test]
fn a_pair_reference_prefers_clause_subjects() {
    // "US" only modifies "sanctions": the two governments are Cuba and Venezuela.
    let t = "Cuba is under broad US sanctions, while Venezuela faces a UN arms embargo. Both governments reject the sanctions.";
    let a = annotate(t, Some("2024-02-15"));
    let r = a.references.last().expect("a reference");
    let mut pair = ids(&a, r);
    pair.sort_unstable();
    assert_eq!(pair, ["CUB", "VEN"]);
}

#[test]
fn un_sanctions_are_the_councils_and_its_is_the_subject() {
    let t = "Libya has been under UN sanctions since its civil war. The UN said it would help.";
    let a = annotate(t, Some("2024-02-15"));
    assert!(
        a.entities.iter().any(|e| e.id == "unsc"),
        "{:?}",
        a.entities
    );
    assert!(a.entities.iter().any(|e| e.id == "un"), "{:?}", a.entities);
    assert_eq!(referred(&a, t, "its"), Some(vec!["LBY"]));
}

#[test]
fn the_council_is_the_council_named_before() {
    let t = "Russia vetoed a UN Security Council resolution. Its envoy told the council that the panel of judges erred.";
    let a = annotate(t, Some("2024-02-15"));
    assert_eq!(referred(&a, t, "the council"), Some(vec!["unsc"]));
    // Over one modifier the name also has: "the defence ministry".
    let t = "Japan's defence ministry tracked the ships. The defence ministry said it sent jets.";
    let a = annotate(t, Some("2024-02-15"));
    assert!(referred(&a, t, "The defence ministry").is_some());
    assert_eq!(referred(&a, t, "the panel"), None);
}

#[test]
fn a_states_body_is_the_one_the_lexicon_knows() {
    let t = "North Korea's minister left for Iran, according to a report carried by the North's official news agency.";
    let a = annotate(t, Some("2024-04-24"));
    let kcna = entity(&a, "kcna");
    assert!(kcna
        .mentions
        .iter()
        .any(|m| t[m.span.start..m.span.end].contains("news agency")));
    assert!(
        !a.entities.iter().any(|e| e.id == "north"),
        "{:?}",
        a.entities
    );
}

#[test]
fn the_island_is_the_island_state_named_last() {
    let t = "Beijing sent ships around Taiwan, and Beijing warned the island's leaders.";
    let a = annotate(t, Some("2024-10-14"));
    assert_eq!(referred(&a, t, "the island"), Some(vec!["TWN"]));
}

#[test]
fn people_peoples_and_cut_off_names() {
    // "ethnic <demonym>" is a people, not the state.
    let t = "Ethnic Hungarians rallied in Romania on Sunday.";
    let a = annotate(t, Some("2024-02-15"));
    assert!(
        !a.entities.iter().any(|e| e.id == "HUN"),
        "{:?}",
        a.entities
    );
    // "King X of <state>" and "a member of <state body>, X" serve that state.
    let t = "King Letsie of Lesotho met envoys. A member of the Malawian parliament, Grace Banda, spoke.";
    let a = annotate(t, Some("2024-02-15"));
    assert_eq!(entity(&a, "letsie").state.as_deref(), Some("LSO"));
    assert_eq!(entity(&a, "grace-banda").state.as_deref(), Some("MWI"));
    // A lexicon form cut off inside a word hides no shorter form after it.
    let t = "With a deal signed, the Sudanese government agreed.";
    let a = annotate(t, Some("2024-02-15"));
    assert!(a.entities.iter().any(|e| e.id == "SDN"), "{:?}", a.entities);
    // "US $": a currency, also with a space; no "US" entity of any kind.
    let t = "Haitian officials said up to US $5 million was missing.";
    let a = annotate(t, Some("2024-02-15"));
    assert!(
        !a.entities.iter().any(|e| e.name == "US" || e.id == "USA"),
        "{:?}",
        a.entities
    );
    // "candidate" is a title: the unknown person serves the sentence's state.
    let t = "The court in Zambia let candidate Mwila Phiri stand.";
    let a = annotate(t, Some("2024-02-15"));
    assert_eq!(entity(&a, "mwila-phiri").state.as_deref(), Some("ZMB"));
}

#[test]
fn places_listed_after_in_are_no_parties_of_a_reference() {
    // "in Quito and Brasilia" says where the speculation is, not who the two are.
    let t = "Chile is sending a delegation to Peru, prompting speculation in Quito and \
             Brasilia about what the two governments might do.";
    let a = annotate(t, Some("2024-04-24"));
    let mut got = referred(&a, t, "the two governments").expect("resolved");
    got.sort_unstable();
    assert_eq!(got, vec!["CHL", "PER"]);
}

#[test]
fn a_place_noun_after_an_unknown_name_makes_it_a_place() {
    let t = "Strikes hit sites in Farsistan and Qomar provinces and the Zelvia region.";
    let a = annotate(t, Some("2024-04-24"));
    for name in ["Qomar", "Zelvia"] {
        let e = a
            .entities
            .iter()
            .find(|e| e.name == name)
            .unwrap_or_else(|| panic!("{name} found"));
        assert_eq!(e.kind, dyad_language::Kind::Place, "{name}");
    }
}

//! The store alone, on invented articles: idempotence, resolution of spellings
//! and events across outlets, independence of sources, ties and search.

use dyad_store::record::{ArticleMeta, ClaimRecord, EntityRecord, Span, Time};
use dyad_store::{Added, ArticleRecord, Party, SearchFilter, Store};

fn state(id: &str) -> Party {
    Party {
        id: id.into(),
        name: id.into(),
        kind: "state".into(),
        state: Some(id.into()),
    }
}

fn person(id: &str, name: &str, st: &str) -> EntityRecord {
    EntityRecord {
        id: id.into(),
        kind: "person".into(),
        name: name.into(),
        state: Some(st.into()),
        role: Some("trade minister".into()),
        ..EntityRecord::default()
    }
}

fn article(url: &str, day: &str, text: &str, claims: Vec<ClaimRecord>) -> ArticleRecord {
    ArticleRecord {
        article: ArticleMeta {
            title: format!("Report from {url}"),
            url: Some(url.into()),
            published: Some(day.into()),
            ..ArticleMeta::default()
        },
        text: text.into(),
        entities: Vec::new(),
        claims,
        sentences: Vec::new(),
    }
}

fn claim(kind: &str, s: &str, t: &str, when: &str, certainty: &str, evidence: &str) -> ClaimRecord {
    ClaimRecord {
        kind: kind.into(),
        source: Some(state(s)),
        target: Some(state(t)),
        certainty: certainty.into(),
        time: Some(Time {
            text: when.into(),
            value: Some(when.into()),
        }),
        evidence: Span {
            start: 0,
            end: evidence.len(),
            text: evidence.into(),
            field: None,
        },
        ..ClaimRecord::default()
    }
}

#[test]
fn one_event_from_three_outlets_and_one_person_under_three_spellings() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = Store::open(dir.path()).expect("open");
    let spellings = [
        ("https://a.example/1", "chl-minister-a", "Rafael Munoz Vega"),
        ("https://b.example/2", "chl-minister-b", "Rafael Muñoz-Vega"),
        (
            "https://c.example/3",
            "chl-minister-c",
            "Rafael Moonoz Vega",
        ),
    ];
    for (i, (url, id, name)) in spellings.iter().enumerate() {
        let mut rec = article(
            url,
            "2024-05-03",
            &format!("text {i}"),
            vec![claim(
                "CONSULT",
                "CHL",
                "PER",
                if i == 2 { "2024-05-02" } else { "2024-05-01" },
                "reported",
                "Chile's trade minister left for Lima.",
            )],
        );
        rec.entities.push(person(id, name, "CHL"));
        let added = store.add(&rec, None).expect("add");
        assert!(matches!(added, Added::New { .. }), "{added:?}");
    }
    let stats = store.stats().expect("stats");
    assert_eq!((stats.articles, stats.claims, stats.events), (3, 3, 1));
    let e = store
        .entity("Rafael Moonoz Vega")
        .expect("entity")
        .expect("found");
    assert_eq!(e.names.len(), 3, "{e:?}");
    assert_eq!(e.roles.len(), 1, "{e:?}");

    let mut all = Vec::new();
    store
        .each_event(Some(("CHL", "PER")), None, |ev| {
            all.push(ev);
            Ok(())
        })
        .expect("events");
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].articles.len(), 3);
    assert_eq!(all[0].independent, 3);
    assert!(all[0].confidence > 0.9, "{:?}", all[0]);
    assert!(store.check().expect("check").is_empty());
}

#[test]
fn the_same_page_twice_is_stored_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = Store::open(dir.path()).expect("open");
    let rec = article(
        "https://a.example/x?utm_source=feed",
        "2024-01-02",
        "same",
        vec![claim(
            "AID",
            "PER",
            "BOL",
            "2024-01-01",
            "fact",
            "Peru sent aid to Bolivia.",
        )],
    );
    assert!(matches!(store.add(&rec, Some("h1")), Ok(Added::New { .. })));
    // Same canonical URL, or same text under another URL: known.
    let mut again = rec.clone();
    again.article.url = Some("http://www.a.example/x/".into());
    assert!(matches!(store.add(&again, Some("h2")), Ok(Added::Known(_))));
    let mut mirror = rec.clone();
    mirror.article.url = Some("https://mirror.example/y".into());
    assert!(matches!(store.add(&mirror, None), Ok(Added::Known(_))));
    assert_eq!(store.stats().expect("stats").articles, 1);
    let known = store.known_inputs().expect("inputs");
    assert!(known.contains("h1") && known.contains("h2"));
}

#[test]
fn different_days_types_or_weapons_are_different_events() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = Store::open(dir.path()).expect("open");
    let mut drones = claim(
        "AID",
        "IRN",
        "RUS",
        "2024-03-01",
        "reported",
        "Iran sent drones.",
    );
    drones.items = vec!["shahed-136".into()];
    let mut missiles = claim(
        "AID",
        "IRN",
        "RUS",
        "2024-03-02",
        "reported",
        "Iran sent missiles.",
    );
    missiles.items = vec!["fath-360".into()];
    let recs = [
        article("https://a.example/1", "2024-03-02", "one", vec![drones]),
        article("https://b.example/2", "2024-03-03", "two", vec![missiles]),
        article(
            "https://c.example/3",
            "2024-06-03",
            "three",
            vec![claim(
                "AID",
                "IRN",
                "RUS",
                "2024-06-01",
                "fact",
                "Iran sent more.",
            )],
        ),
        article(
            "https://d.example/4",
            "2024-03-03",
            "four",
            vec![claim(
                "ACCUSE",
                "IRN",
                "RUS",
                "2024-03-01",
                "fact",
                "Iran blamed Russia.",
            )],
        ),
    ];
    store.add_batch(&recs).expect("add");
    assert_eq!(store.stats().expect("stats").events, 4);
    let t = store.ties("IRN", "RUS", None, None, 5).expect("ties");
    let months: Vec<&str> = t.months.iter().map(|m| m.month.as_str()).collect();
    assert_eq!(months, ["2024-03", "2024-06"]);
    assert_eq!(t.months[0].events, 3);
    assert_eq!(t.months[0].balance, 1, "two aid against one accusation");
}

#[test]
fn search_finds_evidence_with_filters() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = Store::open(dir.path()).expect("open");
    store
        .add_batch(&[
            article(
                "https://a.example/1",
                "2024-03-02",
                "one",
                vec![claim(
                    "AID",
                    "IRN",
                    "RUS",
                    "2024-03-01",
                    "reported",
                    "Iran shipped Shahed-136 drones to Russia.",
                )],
            ),
            article(
                "https://b.example/2",
                "2024-04-02",
                "two",
                vec![claim(
                    "ACCUSE",
                    "UKR",
                    "IRN",
                    "2024-04-01",
                    "fact",
                    "Ukraine said the drones came from Iran.",
                )],
            ),
        ])
        .expect("add");
    let f = |actor: Option<&str>, kind: Option<&str>| SearchFilter {
        actor: actor.map(Into::into),
        kind: kind.map(Into::into),
        limit: 10,
        ..SearchFilter::default()
    };
    assert_eq!(
        store
            .search("drones", &f(None, None))
            .expect("search")
            .len(),
        2
    );
    assert_eq!(
        store
            .search("drones", &f(Some("UKR"), None))
            .expect("search")
            .len(),
        1
    );
    assert_eq!(
        store
            .search("drones", &f(None, Some("aid")))
            .expect("search")
            .len(),
        1
    );
    assert_eq!(
        store
            .search("Shahed-136", &f(None, None))
            .expect("search")
            .len(),
        1
    );
    let since = SearchFilter {
        since: Some("2024-03-15".into()),
        limit: 10,
        ..SearchFilter::default()
    };
    assert_eq!(store.search("drones", &since).expect("search").len(), 1);
}

//! The reader's pages, rendered on the server (maud escapes every value).

use std::collections::BTreeMap;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use dyad_store::{ArticleView, ClaimView, EventRow, Store, Ties};
use maud::{html, Markup, DOCTYPE};
use serde_json::Value;

use crate::api::{article_filter, entity_data, load_article, period};
use crate::params::{all, month, one, Pairs};
use crate::{App, Error};

const CERTAINTIES: &[&str] = &[
    "fact",
    "reported",
    "suspected",
    "possible",
    "denied",
    "disputed",
];

/// A colour per type: cooperation in greens and blues, conflict in reds.
fn colour(kind: &str) -> &'static str {
    match kind {
        "AGREE" => "#9fd8a8",
        "CONSULT" => "#5bb56a",
        "SUPPORT" => "#2e8b57",
        "CONCEDE" => "#b5e3c0",
        "COOPERATE" => "#4f8fd6",
        "AID" => "#1f5fa8",
        "RETREAT" => "#9cc3ea",
        "REQUEST" => "#f2c57c",
        "ACCUSE" => "#f0a04b",
        "REJECT" => "#e07b39",
        "THREATEN" => "#d9534f",
        "PROTEST" => "#c9a0dc",
        "SANCTION" => "#8e44ad",
        "MOBILIZE" => "#b03a2e",
        "COERCE" => "#922b21",
        "ASSAULT" => "#641e16",
        _ => "#999999",
    }
}

/// A colour square for a legend (an SVG fill, which the style policy allows).
fn swatch(fill: &str) -> Markup {
    html! { svg.swatch width="10" height="10" aria-hidden="true" { rect width="10" height="10" fill=(fill) {} } }
}

fn layout(title: &str, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · dyad" }
                link rel="stylesheet" href="/static/app.css";
                script src="/static/app.js" defer {}
            }
            body {
                header.top {
                    a.brand href="/" { "dyad" }
                    a href="/" { "Network" }
                    a href="/search" { "Search" }
                    form action="/search" method="get" {
                        input type="search" name="q" placeholder="Search articles" aria-label="Search articles";
                    }
                }
                main { (body) }
            }
        }
    }
}

/// A page for an error.
pub(crate) fn error_page(status: StatusCode, message: &str) -> Markup {
    layout(
        status.canonical_reason().unwrap_or("Error"),
        html! {
            h1 { (status.as_u16()) " " (status.canonical_reason().unwrap_or("")) }
            p { (message) }
            p { a href="/" { "Back to the network" } }
        },
    )
}

fn party_link(v: &Value) -> Markup {
    let id = v.get("id").and_then(Value::as_str).unwrap_or("");
    let name = v
        .get("name")
        .and_then(Value::as_str)
        .filter(|n| !n.is_empty())
        .unwrap_or(id);
    if id.is_empty() {
        return html! { "?" };
    }
    html! { a href={ "/entities/" (id) } { (name) } }
}

fn badge(certainty: &str) -> Markup {
    html! { span class={ "badge b-" (certainty) } { (certainty) } }
}

fn event_item(e: &EventRow) -> Markup {
    html! {
        li {
            strong { (e.kind) } " " (party_link(&e.source)) " → " (party_link(&e.target)) " "
            span.muted { (e.time.as_deref().unwrap_or("undated")) } " " (badge(&e.certainty))
            span.muted { " confidence " (format!("{:.2}", e.confidence)) "; " (e.outlets) " outlet(s), " (e.independent) " independent" }
            @for r in &e.reports {
                blockquote {
                    "“" (r.evidence) "” — "
                    a href={ "/articles/" (r.article) "#t" (r.claim) } { (r.title) }
                    @if let Some(p) = &r.published { span.muted { " " (p) } }
                }
            }
        }
    }
}

/// `/`: the network of states, the most active dyads, the latest events.
pub(crate) async fn home(State(app): State<App>, Query(q): Query<Pairs>) -> Result<Markup, Error> {
    let (since, until, types, edges, latest, names) = app
        .with_store(move |s| {
            let (since, until, types) = period(s, &q)?;
            let edges = s.network(&since, &until, &types, 40)?;
            let latest = s.latest_events(12)?;
            let mut names: BTreeMap<String, String> = BTreeMap::new();
            for e in &edges {
                for id in [&e.a, &e.b] {
                    if !names.contains_key(id) {
                        let v = s.actor_json(id)?;
                        let n = v
                            .get("name")
                            .and_then(Value::as_str)
                            .unwrap_or(id)
                            .to_string();
                        names.insert(id.clone(), n);
                    }
                }
            }
            Ok((since, until, types, edges, latest, names))
        })
        .await?;
    // A circle of the states in the strongest ties, edges as wide as their weight.
    let nodes: Vec<&String> = names.keys().collect();
    let (w, h, r) = (640.0_f64, 520.0_f64, 200.0_f64);
    let at = |i: usize| {
        let a = std::f64::consts::TAU * i as f64 / nodes.len().max(1) as f64;
        (w / 2.0 + r * a.cos(), h / 2.0 + r * a.sin())
    };
    let index = |id: &String| nodes.iter().position(|n| *n == id).unwrap_or(0);
    let top = edges
        .iter()
        .map(|e| e.weighted)
        .fold(0.0, f64::max)
        .max(1e-9);
    let body = html! {
        h1 { "Ties between states" }
        form.filters action="/" method="get" {
            label { "From month" input type="month" name="since" value=(since); }
            label { "To month" input type="month" name="until" value=(until); }
            fieldset {
                legend.muted { "Types" }
                select name="type" multiple size="4" {
                    @for t in dyad_store::event_types() {
                        option value=(t) selected[types.iter().any(|x| x == t)] { (t) }
                    }
                }
            }
            button type="submit" { "Show" }
        }
        div.cols {
            div {
                @if edges.is_empty() {
                    p { "No events between states in this period." }
                } @else {
                    svg id="network" viewBox={ "0 0 " (w) " " (h) } width="100%" role="img" aria-label="Network of ties between states" {
                        @for e in &edges {
                            @let (x1, y1) = at(index(&e.a));
                            @let (x2, y2) = at(index(&e.b));
                            @let share = e.cooperation as f64 / e.events.max(1) as f64;
                            line x1=(format!("{x1:.1}")) y1=(format!("{y1:.1}")) x2=(format!("{x2:.1}")) y2=(format!("{y2:.1}"))
                                stroke=(if share >= 0.5 { "#2e8b57" } else { "#b03a2e" })
                                stroke-opacity="0.7"
                                stroke-width=(format!("{:.1}", 1.0 + 9.0 * e.weighted / top)) {
                                title { (names.get(&e.a).unwrap_or(&e.a)) " — " (names.get(&e.b).unwrap_or(&e.b)) ": " (e.events) " events" }
                            }
                        }
                        @for (i, id) in nodes.iter().enumerate() {
                            @let (x, y) = at(i);
                            a href={ "/entities/" (id) } {
                                circle cx=(format!("{x:.1}")) cy=(format!("{y:.1}")) r="6" fill="#1d232a" {}
                                text x=(format!("{:.1}", x + 8.0)) y=(format!("{:.1}", y + 4.0)) { (names.get(*id).unwrap_or(id)) }
                            }
                        }
                    }
                    p.legend.muted { span { (swatch("#2e8b57")) "mostly cooperation" } span { (swatch("#b03a2e")) "mostly conflict" } "width: events weighted by confidence" }
                }
            }
            div {
                h2 { "Most active dyads" }
                table {
                    tr { th { "Tie" } th { "Events" } th { "Coop." } }
                    @for e in edges.iter().take(12) {
                        tr {
                            td { a href={ "/ties/" (e.a) "/" (e.b) } { (names.get(&e.a).unwrap_or(&e.a)) " — " (names.get(&e.b).unwrap_or(&e.b)) } }
                            td { (e.events) } td { (e.cooperation) }
                        }
                    }
                }
            }
        }
        h2 { "Latest events" }
        ul.claims { @for e in &latest { (event_item(e)) } }
    };
    Ok(layout("Network", body))
}

/// Segments of the article text between the boundaries of mentions and
/// claims, each with the mention and claims that cover it.
fn segments(a: &ArticleView) -> Markup {
    let chars: Vec<char> = a.text.chars().collect();
    let n = chars.len();
    let mut cuts: Vec<usize> = vec![0, n];
    for m in &a.mentions {
        cuts.extend([m.start.min(n), m.end.min(n)]);
    }
    for c in &a.claims {
        cuts.extend([c.start.min(n), c.end.min(n)]);
    }
    cuts.sort_unstable();
    cuts.dedup();
    html! {
        @for w in cuts.windows(2) {
            @let (s, e) = (w[0], w[1]);
            @let text: String = chars[s..e].iter().collect();
            @let mention = a.mentions.iter().find(|m| m.start <= s && e <= m.end && m.start < m.end);
            @let claims: Vec<&ClaimView> = a.claims.iter().filter(|c| c.start <= s && e <= c.end && c.start < c.end).collect();
            // (Each claim starts one segment: its anchor goes there.)
            @for c in a.claims.iter().filter(|c| c.start == s) {
                a.anchor id={ "t" (c.id) } {}
            }
            @let inner = html! {
                @if let Some(m) = mention {
                    a class={ "ent k-" (m.kind) } href={ "/entities/" (m.entity) } data-entity=(m.entity) { (text) }
                } @else { (text) }
            };
            @if let Some(first) = claims.first() {
                span class={ "claim c-" (first.certainty) }
                    title=(claims.iter().map(|c| claim_line(c)).collect::<Vec<_>>().join("\n")) { (inner) }
            } @else { (inner) }
        }
    }
}

fn claim_line(c: &ClaimView) -> String {
    let name = |p: &Option<(String, String)>| p.as_ref().map_or("?".to_string(), |p| p.1.clone());
    let by = c
        .attribution
        .as_ref()
        .map(|a| format!(", according to {}", a.1))
        .unwrap_or_default();
    format!(
        "{} {} → {} ({}{by})",
        c.kind,
        name(&c.source),
        name(&c.target),
        c.certainty
    )
}

fn claim_party(p: &Option<(String, String)>) -> Markup {
    match p {
        Some((id, name)) => html! { a href={ "/entities/" (id) } { (name) } },
        None => html! { "?" },
    }
}

fn claim_item(c: &ClaimView, with_article: bool) -> Markup {
    html! {
        li id={ "c" (c.id) } {
            strong { (c.kind) } @if let Some(m) = &c.mode { span.muted { " (" (m) ")" } } " "
            (claim_party(&c.source)) " → " (claim_party(&c.target)) " " (badge(&c.certainty))
            @if let Some(a) = &c.attribution { span.muted { " according to " } (claim_party(&Some(a.clone()))) }
            @if let Some(t) = &c.time { span.muted { " · " (t) } }
            blockquote {
                "“" (c.evidence) "”"
                @if with_article { " — " a href={ "/articles/" (c.article) "#c" (c.id) } { "article" } }
                @else { " " a.noprint href={ "#t" (c.id) } { "in the text" } }
            }
        }
    }
}

/// `/articles/{id}`: the text with entities and claims marked.
pub(crate) async fn article(
    State(app): State<App>,
    Path(id): Path<String>,
) -> Result<Markup, Error> {
    let a = load_article(&app, &id).await?;
    let body = html! {
        article {
            h1 { (a.title) }
            p.muted {
                (a.outlet)
                @if let Some(p) = &a.published { " · " (p) }
                @if !a.authors.is_empty() { " · " (a.authors) }
                // (Only web addresses become links: a stored "javascript:" URL stays text.)
                @if let Some(u) = a.url.as_deref().filter(|u| web_url(u)) { " · " a href=(u) rel="noopener noreferrer nofollow" { "original page" } }
                " · " button.noprint id="print" type="button" { "Print view" }
            }
            p.legend.muted.noprint {
                "Claims are underlined by certainty: "
                @for c in &CERTAINTIES[..5] { span.claim class={ "c-" (c) } { (c) } " " }
                "· hover or tap a name for its card."
            }
            div.cols {
                div.text { (segments(&a)) }
                aside {
                    h2 { "Claims (" (a.claims.len()) ")" }
                    ul.claims { @for c in &a.claims { (claim_item(c, false)) } }
                    @if !a.related.is_empty() {
                        h2 { "Related articles" }
                        ul {
                            @for r in &a.related {
                                li { a href={ "/articles/" (r.id) } { (r.title) } span.muted { " " (r.outlet) " · " (r.note) } }
                            }
                        }
                    }
                }
            }
        }
    };
    Ok(layout(&a.title, body))
}

/// `/entities/{id}`: names, roles, partners, claims and relations.
pub(crate) async fn entity(
    State(app): State<App>,
    Path(id): Path<String>,
) -> Result<Markup, Error> {
    let (info, (as_source, as_target, relations)) =
        app.with_store(move |s| entity_data(s, &id)).await?;
    let eid = &info.id;
    let body = html! {
        h1 { (info.name) }
        p.muted {
            (info.kind) @if let Some(s) = &info.state { " · state " a href={ "/entities/" (s) } { (s) } }
            " · id " code { (eid) } " · " (info.articles) " article(s)"
        }
        p { strong { "Names: " } (info.names.join(" · ")) }
        @if !info.roles.is_empty() {
            h2 { "Roles" }
            ul { @for (role, first, last) in &info.roles {
                li { (role) span.muted { " " (first.as_deref().unwrap_or("")) @if last != first { " … " (last.as_deref().unwrap_or("")) } } }
            } }
        }
        @if !info.partners.is_empty() {
            h2 { "Ties" }
            ul { @for (other, n) in &info.partners {
                li { a href={ "/ties/" (eid) "/" (other) } { (eid) " — " (other) } span.muted { " " (n) " events" } }
            } }
        }
        @if !relations.is_empty() {
            h2 { "Relations (producer, operator, lineage, alliance)" }
            ul.claims { @for c in &relations { (claim_item(c, true)) } }
        }
        div.cols {
            div { h2 { "As source" } ul.claims { @for c in &as_source { (claim_item(c, true)) } } }
            div { h2 { "As target" } ul.claims { @for c in &as_target { (claim_item(c, true)) } } }
        }
    };
    Ok(layout(&info.name, body))
}

/// The monthly chart: a bar per period, stacked by type.
fn chart(t: &Ties) -> Markup {
    let months: Vec<_> = t.months.iter().filter(|m| m.month != "standing").collect();
    let most = months.iter().map(|m| m.events).max().unwrap_or(1).max(1) as f64;
    // (A top margin keeps the tallest bar's count inside the picture.)
    let (bar, gap, h, top) = (26.0_f64, 8.0_f64, 180.0_f64, 16.0_f64);
    let w = (bar + gap) * months.len().max(1) as f64 + 40.0;
    let mut used: Vec<&str> = Vec::new();
    for m in &months {
        for k in m.by_type.keys() {
            if !used.contains(&k.as_str()) {
                used.push(k);
            }
        }
    }
    used.sort_by_key(|k| {
        dyad_store::event_types()
            .iter()
            .position(|t| t == k)
            .unwrap_or(99)
    });
    // Each bar's pieces, bottom up: type, count, top and height.
    let stacks: Vec<Vec<(&str, i64, f64, f64)>> = months
        .iter()
        .map(|m| {
            let mut y = h;
            used.iter()
                .filter_map(|k| {
                    let n = *m.by_type.get(*k)?;
                    let hh = h * n as f64 / most;
                    y -= hh;
                    Some((*k, n, y, hh))
                })
                .collect()
        })
        .collect();
    html! {
        svg id="timeline" viewBox={ "0 -" (top) " " (format!("{w:.0}")) " " (h + 60.0 + top) } width=(format!("{:.0}", w.min(1100.0))) role="img" aria-label="Events per month, stacked by type" {
            @for (i, m) in months.iter().enumerate() {
                @let x = 30.0 + i as f64 * (bar + gap);
                // (One tooltip per bar keeps a ten-year chart light.)
                g {
                    title { (m.month) ": " (stacks[i].iter().map(|(k, n, _, _)| format!("{n} {k}")).collect::<Vec<_>>().join(", ")) }
                    @for (k, _, y, hh) in &stacks[i] {
                        rect.bar x=(format!("{x:.0}")) y=(format!("{y:.1}")) width=(format!("{bar:.0}")) height=(format!("{hh:.1}")) fill=(colour(k)) {}
                    }
                }
                text x=(format!("{:.1}", x + bar / 2.0)) y=(format!("{:.1}", h + 14.0)) text-anchor="end" transform={ "rotate(-45 " (format!("{:.1}", x + bar / 2.0)) " " (format!("{:.1}", h + 14.0)) ")" } { (m.month) }
                text x=(format!("{:.1}", x + bar / 2.0)) y=(format!("{:.1}", h - h * m.events as f64 / most - 3.0)) text-anchor="middle" { (m.events) }
            }
        }
        p.legend { @for k in &used { span { (swatch(colour(k))) (k) } } }
    }
}

/// `/ties/{a}/{b}`: the dyad month by month, its trend and its evidence.
pub(crate) async fn ties(
    State(app): State<App>,
    Path((a, b)): Path<(String, String)>,
    Query(q): Query<Pairs>,
) -> Result<Markup, Error> {
    let (since, until) = (month(&q, "since")?, month(&q, "until")?);
    let certainty = all(&q, "certainty");
    let (sa, sb, ce) = (a.clone(), b.clone(), certainty.clone());
    let (s2, u2) = (since.clone(), until.clone());
    let t = app
        .with_store(move |s| {
            Ok(s.ties_of_certainty(&sa, &sb, s2.as_deref(), u2.as_deref(), 25, &ce)?)
        })
        .await?;
    let name = |v: &Value| {
        v.get("name")
            .and_then(Value::as_str)
            .or_else(|| v.get("id").and_then(Value::as_str))
            .unwrap_or("?")
            .to_string()
    };
    let title = format!("{} — {}", name(&t.parties[0]), name(&t.parties[1]));
    let standing = t.months.iter().find(|m| m.month == "standing");
    let body = html! {
        h1 { (party_link(&t.parties[0])) " — " (party_link(&t.parties[1])) }
        form.filters id="filters" action={ "/ties/" (a) "/" (b) } method="get" {
            label { "From month" input type="month" name="since" value=(since.clone().unwrap_or_default()); }
            label { "To month" input type="month" name="until" value=(until.clone().unwrap_or_default()); }
            fieldset {
                legend.muted { "Certainty" }
                @for c in CERTAINTIES {
                    label.check {
                        input type="checkbox" name="certainty" value=(c) checked[certainty.is_empty() || certainty.iter().any(|x| x == c)];
                        (c)
                    }
                }
            }
            button type="submit" { "Filter" }
        }
        @if t.months.is_empty() {
            p { "No events between them for this selection." }
        } @else {
            p id="trend" { strong { "Trend: " } (t.trend.summary) }
            (chart(&t))
            @if let Some(s) = standing { p.muted { (s.events) " standing tie(s) with no date of their own (\"since the 1980s\") are not in the chart." } }
            h2 { "Month by month" }
            table {
                tr { th { "Period" } th { "Events" } th { "Balance" } th { "Types" } th { "Certainty" } }
                @for m in &t.months {
                    tr {
                        td { (m.month) } td { (m.events) } td { (m.balance) }
                        td { (m.by_type.iter().map(|(k, n)| format!("{k} {n}")).collect::<Vec<_>>().join(", ")) }
                        td { (m.by_certainty.iter().map(|(k, n)| format!("{k} {n}")).collect::<Vec<_>>().join(", ")) }
                    }
                }
            }
        }
        h2 { "Evidence (surest first)" }
        ul.claims id="evidence" { @for e in &t.evidence { (event_item(e)) } }
    };
    Ok(layout(&title, body))
}

/// `/search`: articles by full text with filters, and exports of the results.
pub(crate) async fn search(
    State(app): State<App>,
    Query(q): Query<Pairs>,
) -> Result<Markup, Error> {
    let text = one(&q, "q");
    let f = article_filter(&q);
    let results = match text.clone() {
        Some(t) => {
            let f = f.clone();
            app.with_store(move |s: &Store| Ok(s.search_articles(&t, &f)?))
                .await?
        }
        None => Vec::new(),
    };
    let export = |format: &str| -> String {
        let mut pairs: Vec<String> = q
            .iter()
            .filter(|(k, v)| k != "format" && !v.is_empty())
            .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
            .collect();
        pairs.push(format!("format={format}"));
        format!("/api/search?{}", pairs.join("&"))
    };
    let body = html! {
        h1 { "Search" }
        form.filters action="/search" method="get" {
            label { "Words" input type="search" name="q" value=(text.clone().unwrap_or_default()) required; }
            label { "Actor" input type="text" name="actor" value=(f.actor.clone().unwrap_or_default()) placeholder="PRK, Iran, Yun Jong Ho"; }
            label { "Type" select name="type" {
                option value="" { "any" }
                @for t in dyad_store::event_types() { option value=(t) selected[f.kind.as_deref() == Some(*t)] { (t) } }
            } }
            label { "Certainty" select name="certainty" {
                option value="" { "any" }
                @for c in CERTAINTIES { option value=(c) selected[f.certainty.as_deref() == Some(*c)] { (c) } }
            } }
            label { "From" input type="date" name="since" value=(f.since.clone().unwrap_or_default()); }
            label { "To" input type="date" name="until" value=(f.until.clone().unwrap_or_default()); }
            button type="submit" { "Search" }
        }
        @if text.is_some() {
            p.muted {
                (results.len()) " article(s), newest first · export: "
                a href=(export("csv")) { "CSV" } " · " a href=(export("jsonl")) { "JSONL" }
            }
            ol id="results" {
                @for r in &results {
                    li { a href={ "/articles/" (r.id) } { (r.title) } span.muted { " " (r.outlet) @if let Some(p) = &r.published { " · " (p) } } }
                }
            }
        }
    };
    Ok(layout("Search", body))
}

/// Whether a URL is a web address (http or https).
fn web_url(u: &str) -> bool {
    let lower = u.trim_start().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// Percent-encodes a query value.
fn encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

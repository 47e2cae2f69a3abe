//! Article metadata from `<meta>` tags, JSON-LD, breadcrumbs, bylines and URLs.
//!
//! Structured sources come first (JSON-LD `NewsArticle`, OpenGraph, `article:*`
//! meta), visible page cues second (breadcrumb trail, byline, `<time>`), and the
//! URL last (date and section in the path, publisher by domain).

use std::collections::HashMap;
use std::sync::OnceLock;

use serde_json::Value;

use crate::date::{from_url, parse_date};
use crate::dom::{Attr, Dom, NodeData, NodeId, Tag};
use crate::text::{fold_key, name_case, normalize_ws, word_count};

/// Metadata found on a page.
#[derive(Debug, Default, Clone)]
pub struct Meta {
    /// Headline without the site name.
    pub title: Option<String>,
    /// Site name (outlet).
    pub publisher: Option<String>,
    /// Section path, outermost first.
    pub section: Vec<String>,
    /// Byline names.
    pub authors: Vec<String>,
    /// Byline e-mail addresses.
    pub author_emails: Vec<String>,
    /// Publication date `YYYY-MM-DD`.
    pub published: Option<String>,
    /// Modification date `YYYY-MM-DD`.
    pub modified: Option<String>,
    /// Canonical URL.
    pub url: Option<String>,
    /// Language tag.
    pub language: Option<String>,
    /// Description / standfirst.
    pub description: Option<String>,
}

/// Reads the metadata of a parsed page; `url` is where the page came from, if known.
pub fn read_meta(dom: &Dom, url: Option<&str>) -> Meta {
    let mut tags: HashMap<String, Vec<String>> = HashMap::new();
    let mut canonical = None;
    let mut h1 = None;
    let mut marks = Marks::default();
    let mut lower = String::new();
    for (id, node) in dom.nodes.iter().enumerate() {
        let NodeData::Element(e) = &node.data else {
            continue;
        };
        marks.note(id, e, &mut lower);
        match e.tag {
            Tag::Meta => {
                let key = e
                    .attr(Attr::Property)
                    .or_else(|| e.attr(Attr::Name))
                    .or_else(|| e.attr(Attr::Itemprop))
                    .map(|k| k.trim().to_ascii_lowercase());
                if let (Some(k), Some(v)) = (key, e.attr(Attr::Content)) {
                    let v = normalize_ws(v);
                    if !v.is_empty() {
                        tags.entry(k).or_default().push(v);
                    }
                }
            }
            Tag::Link
                if canonical.is_none()
                    && e.attr(Attr::Rel)
                        .is_some_and(|r| r.eq_ignore_ascii_case("canonical")) =>
            {
                canonical = e.attr(Attr::Href).map(str::to_string);
            }
            Tag::H1 if h1.is_none() => {
                let t = dom.text(id);
                if !t.is_empty() {
                    h1 = Some(t);
                }
            }
            _ => {}
        }
    }
    let first = |keys: &[&str]| -> Option<String> {
        keys.iter()
            .find_map(|k| tags.get(*k).and_then(|v| v.first().cloned()))
    };
    let ld = JsonLd::read(&dom.json_ld);

    let mut m = Meta {
        url: canonical
            .filter(|c| c.starts_with("http"))
            .or_else(|| first(&["og:url"]))
            .or_else(|| ld.url.clone())
            .or_else(|| url.map(str::to_string)),
        language: dom
            .lang
            .clone()
            .or_else(|| first(&["og:locale", "language", "content-language"])),
        description: first(&["description", "og:description"]).or(ld.description.clone()),
        ..Meta::default()
    };

    let page_url = url.map(str::to_string).or_else(|| m.url.clone());
    m.publisher = first(&["og:site_name", "application-name", "al:android:app_name"])
        .or(ld.publisher.clone())
        .or_else(|| page_url.as_deref().and_then(publisher_for_url));

    // Title.
    let title_tag = dom.title.as_deref().map(normalize_ws);
    let og = first(&["og:title", "twitter:title"]);
    let site = m.publisher.clone();
    let cleaned: Vec<String> = [ld.headline.clone(), og.clone(), title_tag.clone()]
        .into_iter()
        .flatten()
        .map(|t| strip_site(&t, site.as_deref()))
        .filter(|t| !t.is_empty())
        .collect();
    m.title = match h1 {
        Some(h) if cleaned.iter().any(|c| similar_title(c, &h)) => Some(h),
        _ => cleaned.into_iter().next(),
    };

    // Dates.
    let published = ld
        .published
        .clone()
        .into_iter()
        .chain(
            [
                "article:published_time",
                "og:published_time",
                "datepublished",
                "pubdate",
                "publishdate",
                "publish-date",
                "date",
                "dc.date.issued",
                "dc.date",
                "sailthru.date",
                "parsely-pub-date",
                "article.published",
                "dcterms.created",
            ]
            .iter()
            .filter_map(|k| tags.get(*k).and_then(|v| v.first().cloned())),
        )
        .chain(marks.times.iter().take(3).cloned())
        .find_map(|s| parse_date(&s))
        .or_else(|| dateline(dom, &marks));
    // A date in the URL path is the publisher's local date; stamps in UTC
    // (JSON-LD's commonest form) can fall on the next or previous day.
    let url_date = page_url
        .as_deref()
        .and_then(from_url)
        .or_else(|| m.url.as_deref().and_then(from_url));
    m.published = match (published, url_date) {
        (Some(p), Some(u)) if p.days_from(&u).abs() <= 1 => Some(u),
        (p, u) => p.or(u),
    }
    .map(|d| d.iso());
    m.modified = ld
        .modified
        .clone()
        .or_else(|| {
            first(&[
                "article:modified_time",
                "og:updated_time",
                "datemodified",
                "last-modified",
            ])
        })
        .and_then(|s| parse_date(&s))
        .map(|d| d.iso());

    // Authors.
    let mut authors = ld.authors.clone();
    if authors.is_empty() {
        for v in tags.get("author").into_iter().flatten() {
            if !v.starts_with("http") {
                authors.extend(split_names(v));
            }
        }
    }
    let (byline_names, mut emails) = byline(dom, &marks);
    if authors.is_empty() {
        authors = byline_names;
    }
    let rules = crate::rules::Rules::builtin();
    authors.retain(|a| !rules.desk_name(a));
    m.authors = dedupe(authors.into_iter().map(|a| name_case(&a)).collect());
    // Addresses anywhere on the page that carry an author's name are theirs.
    emails.extend(marks.mailtos.iter().map(|(_, a)| a.clone()).filter(|e| {
        let local = e.split('@').next().unwrap_or("").to_lowercase();
        m.authors.iter().any(|a| {
            a.split_whitespace()
                .filter(|w| w.chars().count() >= 3)
                .any(|w| local.contains(&w.to_lowercase()))
        })
    }));
    emails.retain(|e| is_email(e));
    m.author_emails = dedupe(emails);

    // Section.
    let title_key = m.title.as_deref().map(fold_key);
    let mut section = breadcrumb(dom, &marks);
    if section.is_empty() {
        section = ld.breadcrumb.clone();
    }
    if section.is_empty() {
        section = link_trail(dom);
    }
    if section.is_empty() {
        if !ld.sections.is_empty() {
            section = ld.sections.clone();
        } else if let Some(s) = tags.get("article:section") {
            section = s.clone();
        }
    }
    if section.is_empty() {
        if let Some(u) = page_url.as_deref() {
            section = section_from_url(u);
        }
    }
    m.section = clean_section(section, title_key.as_deref(), m.publisher.as_deref());
    m
}

fn dedupe(v: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for s in v {
        let s = normalize_ws(&s);
        if !s.is_empty() && !out.iter().any(|o| fold_key(o) == fold_key(&s)) {
            out.push(s);
        }
    }
    out
}

fn similar_title(a: &str, b: &str) -> bool {
    let (a, b) = (fold_key(a), fold_key(b));
    !b.is_empty() && (a == b || (b.len() > 20 && (a.contains(&b) || b.contains(&a))))
}

/// Removes the site name from a `<title>`-style string ("Headline | Site").
pub fn strip_site(title: &str, site: Option<&str>) -> String {
    let t = normalize_ws(title);
    const SEPS: [&str; 7] = [" | ", " - ", " – ", " — ", " :: ", " « ", " » "];
    for sep in SEPS {
        if !t.contains(sep) {
            continue;
        }
        let parts: Vec<&str> = t.split(sep).collect();
        if let Some(site) = site {
            let sk = fold_key(site);
            let kept: Vec<&str> = parts
                .iter()
                .copied()
                .filter(|p| {
                    let pk = fold_key(p);
                    !(pk == sk
                        || sk.contains(&pk)
                        || pk.contains(&sk) && word_count(p) <= word_count(site) + 1)
                })
                .collect();
            if kept.len() < parts.len() && !kept.is_empty() {
                return kept.join(sep);
            }
        }
        // No site name known: drop short trailing/leading segments.
        let (first, last) = (parts[0], parts[parts.len() - 1]);
        if parts.len() >= 2 && word_count(last) <= 4 && word_count(first) > word_count(last) {
            return parts[..parts.len() - 1].join(sep);
        }
        if parts.len() == 2 && word_count(first) <= 3 && word_count(last) > 4 {
            return last.to_string();
        }
    }
    t
}

/// A date written visibly near the headline: short text in an element whose class
/// or id names a date (`date`, `time`, `published`, `dateline`, `timestamp`).
fn dateline(dom: &Dom, marks: &Marks) -> Option<crate::date::Date> {
    for &id in marks.datelines.iter().take(20) {
        let t = dom.text(id);
        if word_count(&t) <= 16 {
            if let Some(d) = parse_date(&t) {
                return Some(d);
            }
        }
    }
    None
}

/// Elements that metadata rules look at, found in one pass over the page.
#[derive(Default)]
struct Marks {
    /// Byline elements (class word, `rel=author`, `itemprop=author`), in order.
    bylines: Vec<NodeId>,
    /// Elements whose class mentions a byline or an author (sorted; for ancestry tests).
    byline_class: Vec<NodeId>,
    /// Breadcrumb containers.
    crumbs: Vec<NodeId>,
    /// Elements whose class or id names a date.
    datelines: Vec<NodeId>,
    /// `mailto:` links: the link and the address.
    mailtos: Vec<(NodeId, String)>,
    /// `datetime` of `<time>` elements.
    times: Vec<String>,
}

fn mark_words() -> &'static aho_corasick::AhoCorasick {
    static AC: OnceLock<aho_corasick::AhoCorasick> = OnceLock::new();
    AC.get_or_init(|| {
        aho_corasick::AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .build([
                "byline",
                "author",
                "writer",
                "breadcrumb",
                "date",
                "time",
                "publish",
                "posted",
            ])
            .expect("static patterns")
    })
}

impl Marks {
    fn note(&mut self, id: NodeId, e: &crate::dom::Element, lower: &mut String) {
        if e.tag == Tag::Time {
            if let Some(d) = e.attr(Attr::Datetime) {
                self.times.push(d.to_string());
            }
        }
        if e.tag == Tag::A {
            if let Some(addr) = e.attr(Attr::Href).and_then(|h| h.strip_prefix("mailto:")) {
                let addr = addr.split('?').next().unwrap_or(addr).trim().to_string();
                self.mailtos.push((id, addr));
            }
        }
        let class = e.attr(Attr::Class);
        let ident = e.attr(Attr::Id);
        let author_attr = e.attr(Attr::Rel).is_some_and(|r| r == "author")
            || e.attr(Attr::Itemprop).is_some_and(|r| r == "author");
        let crumb_type = e
            .attr(Attr::Itemtype)
            .is_some_and(|t| t.contains("BreadcrumbList"));
        // One case-insensitive scan decides whether the class or id is worth a closer look.
        let hit = [class, ident]
            .into_iter()
            .flatten()
            .any(|v| mark_words().is_match(v));
        if !hit && !author_attr {
            if crumb_type {
                self.crumbs.push(id);
            }
            return;
        }
        lower.clear();
        for v in [class, ident].into_iter().flatten() {
            lower.push_str(v);
            lower.push(' ');
        }
        lower.make_ascii_lowercase();
        let class_lower = &lower[..class.map_or(0, |c| c.len())];
        let byline_word = class_lower
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|w| matches!(w, "byline" | "author" | "authors" | "authorname" | "writer"));
        if author_attr || byline_word {
            self.bylines.push(id);
        }
        if class_lower.contains("byline") || class_lower.contains("author") {
            self.byline_class.push(id);
        }
        if lower.contains("breadcrumb")
            || e.attr(Attr::Itemtype)
                .is_some_and(|t| t.contains("BreadcrumbList"))
        {
            self.crumbs.push(id);
        }
        if ["date", "time", "publish", "posted"]
            .iter()
            .any(|k| lower.contains(k))
        {
            self.datelines.push(id);
        }
    }
}

/// Splits "Jane Doe and John Roe, Staff Writers" into names.
fn split_names(s: &str) -> Vec<String> {
    let s = normalize_ws(s);
    let mut s = s.as_str();
    for p in ["By ", "by ", "BY ", "Written by ", "Words by "] {
        if let Some(r) = s.strip_prefix(p) {
            s = r;
        }
    }
    let s = s.split(['|', '—', '–']).next().unwrap_or("");
    let mut out = Vec::new();
    for part in s.split([',', '&', ';']).flat_map(|p| p.split(" and ")) {
        let p = part.trim().trim_end_matches('.');
        let p = p.split(" in ").next().unwrap_or(p).trim();
        let wc = word_count(p);
        if wc == 0 || wc > 5 || p.contains('@') || p.starts_with("http") {
            continue;
        }
        let lower = p.to_lowercase();
        if lower.contains("staff")
            || lower.contains("reporter")
            || lower.contains("correspondent")
            || lower.contains("editor")
        {
            continue;
        }
        if p.chars().next().is_some_and(char::is_uppercase) {
            out.push(p.to_string());
        }
    }
    out
}

/// Names and e-mails in byline elements (`class="byline"`, `rel="author"`, `itemprop="author"`).
fn byline(dom: &Dom, marks: &Marks) -> (Vec<String>, Vec<String>) {
    let mut names = Vec::new();
    let mut emails: Vec<String> = marks
        .mailtos
        .iter()
        .filter(|(id, _)| ancestors_have_byline(dom, marks, *id))
        .map(|(_, a)| a.clone())
        .collect();
    // Bounded: nested byline-classed elements must not make this quadratic.
    for &id in marks.bylines.iter().take(20) {
        if names.len() >= 4 {
            break;
        }
        let text = dom.text(id);
        if text.is_empty() || word_count(&text) > 20 {
            continue;
        }
        for w in text.split_whitespace() {
            let w = w.trim_matches(|c: char| "[]()<>,;".contains(c));
            if w.contains('@') && w.contains('.') {
                emails.push(w.to_string());
            }
        }
        let without_mail: String = text
            .split_whitespace()
            .filter(|w| !w.contains('@'))
            .collect::<Vec<_>>()
            .join(" ");
        names.extend(split_names(&without_mail));
    }
    (names, emails)
}

/// A plausible e-mail address: `local@domain.tld` with no spaces.
pub fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && local
            .chars()
            .all(|c| c.is_alphanumeric() || "._%+-".contains(c))
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && domain
            .chars()
            .all(|c| c.is_alphanumeric() || ".-".contains(c))
}

fn ancestors_have_byline(dom: &Dom, marks: &Marks, id: usize) -> bool {
    let mut cur = dom.nodes[id].parent;
    for _ in 0..5 {
        let Some(c) = cur else {
            break;
        };
        if marks.byline_class.binary_search(&c).is_ok() {
            return true;
        }
        cur = dom.nodes[c].parent;
    }
    false
}

/// The trail of an element marked as a breadcrumb.
fn breadcrumb(dom: &Dom, marks: &Marks) -> Vec<String> {
    for &id in marks.crumbs.iter().take(10) {
        // Items: list items, else links, else the text split on separators.
        let mut items = Vec::new();
        for tag in [Tag::Li, Tag::A] {
            let mut stack = vec![id];
            while let Some(n) = stack.pop() {
                if dom.tag(n) == Some(tag) && n != id {
                    let t = dom.text(n);
                    let t = t.trim_matches(|c: char| "›>»/|".contains(c) || c.is_whitespace());
                    if !t.is_empty() {
                        items.push(t.to_string());
                    }
                    continue;
                }
                stack.extend(dom.nodes[n].children.iter().rev());
            }
            if !items.is_empty() {
                break;
            }
        }
        if items.is_empty() {
            items = split_trail(&dom.text(id));
        }
        if !items.is_empty() {
            return items;
        }
    }
    Vec::new()
}

/// An unmarked breadcrumb: an element whose children are two or more links
/// separated only by trail characters (`Home > World > Asia`).
fn link_trail(dom: &Dom) -> Vec<String> {
    for (id, node) in dom.nodes.iter().enumerate() {
        if !matches!(node.data, NodeData::Element(_)) || node.children.len() < 3 {
            continue;
        }
        let mut links = Vec::new();
        let mut seps = 0;
        let mut ok = true;
        for &c in &node.children {
            match &dom.nodes[c].data {
                NodeData::Text(t) => {
                    let t = t.trim();
                    if t.is_empty() {
                        continue;
                    }
                    if t.chars()
                        .all(|ch| "›>»/→".contains(ch) || ch.is_whitespace())
                    {
                        seps += 1;
                    } else {
                        ok = false;
                        break;
                    }
                }
                NodeData::Element(e) if e.tag == Tag::A => links.push(dom.text(c)),
                _ => {
                    ok = false;
                    break;
                }
            }
        }
        if ok
            && (2..=6).contains(&links.len())
            && seps + 1 >= links.len()
            && links.iter().all(|l| word_count(l) <= 4)
        {
            let _ = id;
            return links;
        }
    }
    Vec::new()
}

/// Splits "Home > World > Asia" (or with › » / |) into its parts.
pub fn split_trail(s: &str) -> Vec<String> {
    s.split(['>', '›', '»', '|', '/'])
        .map(normalize_ws)
        .filter(|p| !p.is_empty())
        .collect()
}

fn clean_section(items: Vec<String>, title: Option<&str>, site: Option<&str>) -> Vec<String> {
    let site = site.map(fold_key);
    let mut out: Vec<String> = Vec::new();
    for it in items {
        let it = normalize_ws(&it);
        let k = fold_key(&it);
        if k.is_empty()
            || k == "home"
            || k == "homepage"
            || Some(&k) == site.as_ref()
            || word_count(&it) > 8
        {
            continue;
        }
        if title.is_some_and(|t| t == k) {
            continue;
        }
        if !out.iter().any(|o| fold_key(o) == k) {
            out.push(it);
        }
    }
    out
}

/// Section words in a URL path: `/news/2024-04-24/national/northKorea/slug/123`
/// gives `National`, `North Korea`.
pub fn section_from_url(url: &str) -> Vec<String> {
    let path = url
        .split("://")
        .nth(1)
        .unwrap_or(url)
        .split(['?', '#'])
        .next()
        .unwrap_or("");
    let segs: Vec<&str> = path.split('/').skip(1).filter(|s| !s.is_empty()).collect();
    if segs.len() < 2 {
        return Vec::new();
    }
    let mut out = Vec::new();
    // The last segment is the article itself (a slug or id); the one before it
    // too when it is a long slug.
    for seg in &segs[..segs.len() - 1] {
        let s = *seg;
        if s.len() > 24 || s.contains('.') || s.chars().any(|c| c.is_ascii_digit()) {
            continue;
        }
        if s.matches('-').count() >= 3 {
            continue;
        }
        if matches!(
            s,
            "news" | "article" | "articles" | "story" | "stories" | "en" | "www" | "amp" | "index"
        ) {
            continue;
        }
        out.push(humanize_segment(s));
    }
    out
}

fn humanize_segment(s: &str) -> String {
    let mut words: Vec<String> = Vec::new();
    let mut cur = String::new();
    for c in s.chars() {
        if c == '-' || c == '_' {
            if !cur.is_empty() {
                words.push(std::mem::take(&mut cur));
            }
        } else if c.is_uppercase() && !cur.is_empty() {
            words.push(std::mem::take(&mut cur));
            cur.push(c);
        } else {
            cur.push(c);
        }
    }
    if !cur.is_empty() {
        words.push(cur);
    }
    words
        .iter()
        .map(|w| {
            let mut cs = w.chars();
            match cs.next() {
                Some(f) => f.to_uppercase().collect::<String>() + cs.as_str(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn publishers() -> &'static Vec<(String, String)> {
    static P: OnceLock<Vec<(String, String)>> = OnceLock::new();
    P.get_or_init(|| {
        include_str!("../../../data/page/publishers.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| {
                let (d, n) = l.split_once('\t')?;
                Some((d.trim().to_ascii_lowercase(), n.trim().to_string()))
            })
            .collect()
    })
}

/// The outlet of a URL, by its host, from `data/page/publishers.tsv`.
pub fn publisher_for_url(url: &str) -> Option<String> {
    let host = url
        .split("://")
        .nth(1)?
        .split(['/', '?', '#', ':'])
        .next()?
        .to_ascii_lowercase();
    publishers()
        .iter()
        .filter(|(d, _)| host == *d || host.ends_with(&format!(".{d}")))
        .max_by_key(|(d, _)| d.len())
        .map(|(_, n)| n.clone())
}

/// What a page's JSON-LD says about the article.
#[derive(Debug, Default)]
struct JsonLd {
    headline: Option<String>,
    published: Option<String>,
    modified: Option<String>,
    authors: Vec<String>,
    publisher: Option<String>,
    sections: Vec<String>,
    breadcrumb: Vec<String>,
    url: Option<String>,
    description: Option<String>,
}

const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "Report",
    "ScholarlyArticle",
    "TechArticle",
    "SocialMediaPosting",
];

impl JsonLd {
    fn read(blocks: &[String]) -> JsonLd {
        let mut out = JsonLd::default();
        let values: Vec<Value> = blocks
            .iter()
            .filter_map(|b| {
                let t = b.trim().trim_start_matches("<!--").trim_end_matches("-->");
                serde_json::from_str::<Value>(t.trim().trim_end_matches(';')).ok()
            })
            .collect();
        let mut objects = Vec::new();
        for v in &values {
            flatten(v, &mut objects, 0);
        }
        let article = objects.iter().find(|o| has_type(o, ARTICLE_TYPES));
        if let Some(a) = article {
            out.headline = str_field(a, "headline").or_else(|| str_field(a, "name"));
            out.published = str_field(a, "datePublished").or_else(|| str_field(a, "dateCreated"));
            out.modified = str_field(a, "dateModified");
            out.description = str_field(a, "description");
            out.url = str_field(a, "url").filter(|u| u.starts_with("http"));
            if let Some(au) = a.get("author").or_else(|| a.get("creator")) {
                for p in as_list(au) {
                    let name = match p {
                        Value::String(s) => Some(s.clone()),
                        Value::Object(_) => str_field(p, "name"),
                        _ => None,
                    };
                    if let Some(n) = name {
                        if !n.starts_with("http") {
                            out.authors.extend(split_names(&n));
                        }
                    }
                }
            }
            if let Some(p) = a.get("publisher") {
                out.publisher = match p {
                    Value::String(s) => Some(s.clone()),
                    _ => as_list(p).into_iter().find_map(|o| str_field(o, "name")),
                };
            }
            if let Some(s) = a.get("articleSection") {
                out.sections = as_list(s)
                    .into_iter()
                    .filter_map(|v| v.as_str().map(normalize_ws))
                    .filter(|s| !s.is_empty())
                    .collect();
            }
        }
        if let Some(bc) = objects.iter().find(|o| has_type(o, &["BreadcrumbList"])) {
            if let Some(items) = bc.get("itemListElement") {
                let mut list: Vec<(i64, String)> = Vec::new();
                for (i, it) in as_list(items).into_iter().enumerate() {
                    let pos = it
                        .get("position")
                        .and_then(Value::as_i64)
                        .unwrap_or(i as i64);
                    let name = str_field(it, "name")
                        .or_else(|| it.get("item").and_then(|x| str_field(x, "name")));
                    if let Some(n) = name {
                        list.push((pos, n));
                    }
                }
                list.sort_by_key(|(p, _)| *p);
                out.breadcrumb = list.into_iter().map(|(_, n)| n).collect();
            }
        }
        out
    }
}

fn flatten<'a>(v: &'a Value, out: &mut Vec<&'a Value>, depth: usize) {
    if depth > 8 {
        return;
    }
    match v {
        Value::Array(a) => a.iter().for_each(|x| flatten(x, out, depth + 1)),
        Value::Object(o) => {
            out.push(v);
            if let Some(g) = o.get("@graph") {
                flatten(g, out, depth + 1);
            }
            if let Some(m) = o.get("mainEntity") {
                flatten(m, out, depth + 1);
            }
        }
        _ => {}
    }
}

fn has_type(v: &Value, types: &[&str]) -> bool {
    match v.get("@type") {
        Some(Value::String(s)) => types.contains(&s.as_str()),
        Some(Value::Array(a)) => a
            .iter()
            .any(|t| t.as_str().is_some_and(|s| types.contains(&s))),
        _ => false,
    }
}

fn as_list(v: &Value) -> Vec<&Value> {
    match v {
        Value::Array(a) => a.iter().collect(),
        other => vec![other],
    }
}

fn str_field(v: &Value, key: &str) -> Option<String> {
    match v.get(key)? {
        Value::String(s) => {
            let s = normalize_ws(&decode_entities(s));
            (!s.is_empty()).then_some(s)
        }
        Value::Array(a) => a.iter().find_map(|x| x.as_str().map(normalize_ws)),
        _ => None,
    }
}

/// JSON-LD strings sometimes carry HTML entities; decode the common ones.
fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    s.replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#039;", "'")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_name_removed() {
        assert_eq!(
            strip_site(
                "Talks resume | The Meridian Post",
                Some("The Meridian Post")
            ),
            "Talks resume"
        );
        assert_eq!(
            strip_site("Talks resume in Geneva after a year - BBC News", None),
            "Talks resume in Geneva after a year"
        );
        assert_eq!(
            strip_site("Seoul - Tokyo talks resume", Some("Asia Wire")),
            "Seoul - Tokyo talks resume"
        );
    }

    #[test]
    fn url_sections() {
        let u = "https://koreajoongangdaily.joins.com/news/2024-04-24/national/northKorea/North-Korean-delegation-goes-to-Iran/2032663";
        assert_eq!(section_from_url(u), vec!["National", "North Korea"]);
        assert_eq!(
            publisher_for_url(u).as_deref(),
            Some("Korea JoongAng Daily")
        );
    }

    #[test]
    fn page_meta() {
        let html = r#"<html lang="en"><head><title>Talks resume | Meridian</title>
          <meta property="og:site_name" content="Meridian">
          <meta property="article:published_time" content="2024-04-24T08:00:00+09:00">
          <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
            {"@type":"NewsArticle","headline":"Talks resume","author":[{"@type":"Person","name":"Jane Roe"}]},
            {"@type":"BreadcrumbList","itemListElement":[{"position":1,"name":"Home"},{"position":2,"name":"World"},{"position":3,"name":"Asia"}]}]}</script>
          </head><body><h1>Talks resume</h1><p class="byline">By Jane Roe <a href="mailto:jane@meridian.example">email</a></p></body></html>"#;
        let dom = Dom::parse(html);
        let m = read_meta(&dom, None);
        assert_eq!(m.title.as_deref(), Some("Talks resume"));
        assert_eq!(m.publisher.as_deref(), Some("Meridian"));
        assert_eq!(m.published.as_deref(), Some("2024-04-24"));
        assert_eq!(m.authors, vec!["Jane Roe"]);
        assert_eq!(m.author_emails, vec!["jane@meridian.example"]);
        assert_eq!(m.section, vec!["World", "Asia"]);
        assert_eq!(m.language.as_deref(), Some("en"));
    }
}

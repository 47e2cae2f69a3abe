//! Finding the article body in a page and writing it out as paragraphs.
//!
//! Three families of extractors each fail on different pages (see
//! `shared/notes/extraction-peers.md`), so this module combines their cues in
//! one pass over the arena rather than running them one after another:
//!
//! 1. **Node rules** (resiliparse-style): chrome tags, ARIA roles, hidden
//!    elements and class/id words from `data/page/boilerplate.txt` mark subtrees as
//!    chrome; the marks are moderated by how much paragraph text a subtree
//!    holds, so a body wrapper with an unlucky class survives.
//! 2. **Candidate scoring** (Readability-style): paragraphs give points to their
//!    ancestors, containers are weighted by tag, class and link density, and the
//!    best one is merged with qualifying siblings (bodies split in several
//!    containers).
//! 3. **Precision clean-up** (trafilatura-style): inside the chosen container,
//!    link-dense blocks, widget lines, the repeated headline, bylines, datelines
//!    and duplicate paragraphs are dropped; captions become image metadata.

use crate::dom::{Attr, Dom, NodeData, NodeId, Tag};
use crate::rules::Rules;
use crate::text::{fold_key, normalize_ws, word_count};
use crate::Image;

/// The chrome rules with a per-page cache of class verdicts: pages repeat the
/// same class attributes on many elements.
pub struct PageRules<'a> {
    rules: &'a Rules,
    cache: std::cell::RefCell<std::collections::HashMap<u64, crate::rules::ClassVerdict>>,
}

impl<'a> PageRules<'a> {
    fn new(rules: &'a Rules) -> Self {
        PageRules {
            rules,
            cache: Default::default(),
        }
    }

    fn classify(&self, class: Option<&str>, id: Option<&str>) -> crate::rules::ClassVerdict {
        if class.is_none() && id.is_none() {
            return crate::rules::ClassVerdict::default();
        }
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for part in [class.unwrap_or(""), "\u{1}", id.unwrap_or("")] {
            for b in part.bytes() {
                h ^= u64::from(b);
                h = h.wrapping_mul(0x0100_0000_01b3);
            }
        }
        if let Some(v) = self.cache.borrow().get(&h) {
            return *v;
        }
        let v = self.rules.classify(class, id);
        self.cache.borrow_mut().insert(h, v);
        v
    }
}

impl std::ops::Deref for PageRules<'_> {
    type Target = Rules;
    fn deref(&self) -> &Rules {
        self.rules
    }
}

/// What kind of block a paragraph came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    /// Running text.
    Paragraph,
    /// A heading inside the body.
    Heading,
    /// A list item.
    Item,
    /// A quotation block.
    Quote,
    /// Preformatted text.
    Pre,
    /// A table cell or row.
    Cell,
}

/// One block of body text.
#[derive(Debug, Clone)]
pub struct Block {
    /// Kind of block.
    pub kind: BlockKind,
    /// White-space normalised text.
    pub text: String,
    /// Characters of the text that sat inside links.
    pub link_chars: usize,
}

/// Per-node figures computed bottom-up.
#[derive(Debug, Default, Clone, Copy)]
struct Stats {
    /// Non-space characters of text.
    chars: u32,
    /// Non-space characters inside links.
    link_chars: u32,
    /// Characters in paragraph-like blocks of at least [`MIN_PARA`] characters.
    para_chars: u32,
    /// Number of such blocks.
    paras: u32,
}

const MIN_PARA: u32 = 40;

/// The body found in a page.
#[derive(Debug, Default)]
pub struct Body {
    /// Blocks in order.
    pub blocks: Vec<Block>,
    /// Images with captions found around the body.
    pub images: Vec<Image>,
}

/// Finds and writes out the article body of a parsed page. `title` (when known)
/// is used to drop the repeated headline.
pub fn extract_body(dom: &Dom, title: Option<&str>) -> Body {
    let page_rules = PageRules::new(Rules::builtin());
    let rules = &page_rules;
    let n = dom.nodes.len();
    let chars = text_chars(dom);
    let para = paragraph_like(dom);
    let raw = raw_stats(dom, &vec![false; n], &chars, &para);
    let junk = mark_junk(dom, rules, &raw);
    drop(raw);
    let stats = raw_stats(dom, &junk, &chars, &para);
    drop(chars);
    let Some(top) = choose_candidate(dom, rules, &junk, &stats, &para) else {
        return Body::default();
    };
    let parts = merge_siblings(dom, rules, &junk, &stats, top);
    let mut w = Writer::new(dom, &junk);
    for &p in &parts {
        w.write(p);
    }
    w.flush();
    let blocks = clean_blocks(w.blocks, title, rules);
    let region = image_region(dom, top);
    let images = collect_images(dom, rules, &junk, region);
    Body { blocks, images }
}

fn non_space_chars(s: &str) -> u32 {
    if s.is_ascii() {
        return s.bytes().filter(|b| !b.is_ascii_whitespace()).count() as u32;
    }
    s.chars().filter(|c| !c.is_whitespace()).count() as u32
}

/// Non-space characters of each text node (0 for elements).
fn text_chars(dom: &Dom) -> Vec<u32> {
    dom.nodes
        .iter()
        .map(|n| match &n.data {
            NodeData::Text(t) => non_space_chars(t),
            _ => 0,
        })
        .collect()
}

/// Which nodes are paragraphs: paragraph-like elements and loose text runs.
/// Computed once per page (a per-node test would be quadratic on wide nodes).
fn paragraph_like(dom: &Dom) -> Vec<bool> {
    let mut para: Vec<bool> = (0..dom.nodes.len())
        .map(|id| is_para_tag(dom, id))
        .collect();
    for (id, node) in dom.nodes.iter().enumerate() {
        if let (NodeData::Text(_), Some(p)) = (&node.data, node.parent) {
            para[id] = p != 0
                && !para[p]
                && matches!(
                    dom.tag(p),
                    Some(
                        Tag::Div
                            | Tag::Section
                            | Tag::Article
                            | Tag::Td
                            | Tag::Main
                            | Tag::Other
                            | Tag::Body
                    )
                );
        }
    }
    para
}

fn raw_stats(dom: &Dom, junk: &[bool], text_chars: &[u32], para: &[bool]) -> Vec<Stats> {
    let mut st = vec![Stats::default(); dom.nodes.len()];
    for id in (0..dom.nodes.len()).rev() {
        if junk[id] {
            continue;
        }
        let node = &dom.nodes[id];
        match &node.data {
            NodeData::Text(_) => {
                let c = text_chars[id];
                st[id].chars = c;
                if c >= MIN_PARA && para[id] {
                    st[id].paras = 1;
                    st[id].para_chars = c;
                }
            }
            NodeData::Element(e) => {
                if matches!(e.tag, Tag::A) {
                    st[id].link_chars = st[id].chars;
                }
                if para[id] && st[id].chars >= MIN_PARA {
                    st[id].paras += 1;
                    st[id].para_chars += st[id].chars;
                }
            }
            NodeData::Document => {}
        }
        if let Some(p) = node.parent {
            let s = st[id];
            let ps = &mut st[p];
            ps.chars += s.chars;
            ps.link_chars += s.link_chars;
            ps.paras += s.paras;
            ps.para_chars += s.para_chars;
        }
    }
    st
}

/// Paragraph-like elements: `p`, `pre`, `td`, and `div`s holding only inline content.
fn is_para_tag(dom: &Dom, id: NodeId) -> bool {
    match dom.tag(id) {
        Some(Tag::P | Tag::Pre | Tag::Blockquote) => true,
        Some(Tag::Div | Tag::Td | Tag::Section | Tag::Other) => {
            !dom.nodes[id].children.iter().any(|&c| {
                dom.tag(c)
                    .is_some_and(|t| t.is_block() && !matches!(t, Tag::Br))
            })
        }
        _ => false,
    }
}

fn is_hidden(e: &crate::dom::Element) -> bool {
    if e.attr(Attr::Hidden).is_some() {
        return true;
    }
    if e.attr(Attr::AriaHidden)
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
    {
        return true;
    }
    if let Some(style) = e.attr(Attr::Style) {
        let s: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        if s.contains("display:none") || s.contains("visibility:hidden") {
            return true;
        }
    }
    false
}

fn mark_junk(dom: &Dom, rules: &PageRules, raw: &[Stats]) -> Vec<bool> {
    let n = dom.nodes.len();
    let total_para = raw[0].para_chars.max(1);
    let mut junk = vec![false; n];
    for id in 1..n {
        let node = &dom.nodes[id];
        let parent = node.parent.unwrap_or(0);
        if junk[parent] {
            junk[id] = true;
            continue;
        }
        let NodeData::Element(e) = &node.data else {
            continue;
        };
        let s = raw[id];
        let is_body_prop = e
            .attr(Attr::Itemprop)
            .is_some_and(|v| v.split_ascii_whitespace().any(|p| p == "articleBody"));
        if is_body_prop {
            continue;
        }
        let by_tag = match e.tag {
            Tag::Nav
            | Tag::Aside
            | Tag::Button
            | Tag::Select
            | Tag::Textarea
            | Tag::Input
            | Tag::Iframe
            | Tag::Noscript
            | Tag::Dialog
            | Tag::Template
            | Tag::Svg
            | Tag::Math => true,
            Tag::Footer | Tag::Header | Tag::Menu => s.paras < 3,
            Tag::Form => s.paras < 2,
            _ => false,
        };
        if by_tag || is_hidden(e) {
            junk[id] = true;
            continue;
        }
        if e.attr(Attr::Role).is_some_and(|r| rules.chrome_role(r)) && s.paras < 3 {
            junk[id] = true;
            continue;
        }
        // Page-state classes on the outermost wrappers say nothing about content.
        if node.depth <= 2 {
            continue;
        }
        let v = rules.classify(e.attr(Attr::Class), e.attr(Attr::Id));
        if v.strong_positive {
            continue;
        }
        let share = s.para_chars as f32 / total_para as f32;
        let link_density = if s.chars > 0 {
            s.link_chars as f32 / s.chars as f32
        } else {
            0.0
        };
        // An element that holds most of the page's paragraph text is the body,
        // whatever its class says; comment sections are the exception.
        let majority = share >= 0.5 && s.paras >= 3 && link_density < 0.3 && !v.comment;
        if v.always {
            junk[id] = !majority;
        } else if v.strong {
            let protected = (v.positive && s.paras >= 3) || share > 0.4;
            junk[id] = !protected;
        } else if v.weak && !v.positive {
            junk[id] = (s.chars < 200 || link_density > 0.5) && share < 0.3;
        }
    }
    junk
}

fn class_weight(rules: &PageRules, e: &crate::dom::Element) -> f32 {
    let mut w = 0.0;
    if e.attr(Attr::Itemprop)
        .is_some_and(|v| v.split_ascii_whitespace().any(|p| p == "articleBody"))
    {
        w += 50.0;
    }
    let v = rules.classify(e.attr(Attr::Class), e.attr(Attr::Id));
    if v.strong_positive {
        w += 25.0;
    } else if v.positive {
        w += 10.0;
    }
    if v.always || v.strong {
        w -= 25.0;
    }
    w
}

fn tag_weight(tag: Tag) -> f32 {
    match tag {
        Tag::Article => 10.0,
        Tag::Div | Tag::Main | Tag::Section => 5.0,
        Tag::Pre | Tag::Td | Tag::Blockquote => 3.0,
        Tag::Address | Tag::Ol | Tag::Ul | Tag::Dl | Tag::Dd | Tag::Dt | Tag::Li | Tag::Form => {
            -3.0
        }
        t if t.is_heading() => -5.0,
        Tag::Th => -5.0,
        _ => 0.0,
    }
}

fn para_score(dom: &Dom, id: NodeId, st: &Stats) -> f32 {
    let mut commas = 0usize;
    let mut stack = vec![id];
    while let Some(n) = stack.pop() {
        match &dom.nodes[n].data {
            NodeData::Text(t) => {
                commas += t
                    .chars()
                    .filter(|&c| matches!(c, ',' | '，' | '、' | '،'))
                    .count()
            }
            _ => stack.extend(dom.nodes[n].children.iter().copied()),
        }
    }
    1.0 + commas as f32 + (st.chars as f32 / 100.0).floor().min(3.0)
}

fn choose_candidate(
    dom: &Dom,
    rules: &PageRules,
    junk: &[bool],
    stats: &[Stats],
    para: &[bool],
) -> Option<NodeId> {
    let n = dom.nodes.len();
    let mut score = vec![0.0f32; n];
    let mut seeded = vec![false; n];
    for id in 1..n {
        if junk[id] || stats[id].chars < 25 {
            continue;
        }
        if !para[id] {
            continue;
        }
        // Nested paragraph-like divs: only the innermost scores.
        if dom.nodes[id]
            .children
            .iter()
            .any(|&c| !junk[c] && para[c] && stats[c].chars >= 25)
        {
            continue;
        }
        let s = para_score(dom, id, &stats[id]);
        let mut anc = dom.nodes[id].parent;
        let mut level = 0;
        while let Some(a) = anc {
            if level >= 5 {
                break;
            }
            if !seeded[a] {
                seeded[a] = true;
                if let Some(e) = dom.element(a) {
                    score[a] += tag_weight(e.tag) + class_weight(rules, e);
                }
            }
            let div = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f32 * 3.0,
            };
            score[a] += s / div;
            level += 1;
            if a == 0 {
                break;
            }
            anc = dom.nodes[a].parent;
        }
    }
    let final_score = |id: NodeId| -> f32 {
        let st = stats[id];
        let ld = if st.chars > 0 {
            st.link_chars as f32 / st.chars as f32
        } else {
            0.0
        };
        score[id] * (1.0 - ld)
    };
    let mut ranked: Vec<(f32, NodeId)> = (0..n)
        .filter(|&i| seeded[i] && !junk[i])
        .map(|i| (final_score(i), i))
        .collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
    let &(top_score, mut top) = ranked.first()?;
    // Readability's rule: when several strong candidates share an ancestor,
    // the body is split and the ancestor is the better container.
    let alts: Vec<NodeId> = ranked
        .iter()
        .skip(1)
        .take(4)
        .filter(|(s, _)| *s >= top_score * 0.75)
        .map(|&(_, i)| i)
        .filter(|&i| !dom.is_ancestor(top, i) && !dom.is_ancestor(i, top))
        .collect();
    if alts.len() >= 2 {
        let mut anc = dom.nodes[top].parent;
        while let Some(a) = anc {
            if a == 0 || matches!(dom.tag(a), Some(Tag::Body)) {
                break;
            }
            let shared = alts.iter().filter(|&&i| dom.is_ancestor(a, i)).count();
            if shared >= 2 {
                top = a;
                break;
            }
            anc = dom.nodes[a].parent;
        }
    }
    // Climb while an ancestor a few levels up holds clearly more clean paragraph
    // text: bodies split into several wrappers (read-more sections, ad breaks,
    // pull quotes) are one body.
    'climb: loop {
        let mut anc = dom.nodes[top].parent;
        for _ in 0..6 {
            let Some(p) = anc else { break 'climb };
            if p == 0 || matches!(dom.tag(p), Some(Tag::Body)) || junk[p] {
                break 'climb;
            }
            let (sp, st) = (stats[p], stats[top]);
            let ld = if sp.chars > 0 {
                sp.link_chars as f32 / sp.chars as f32
            } else {
                1.0
            };
            if sp.para_chars as f32 >= st.para_chars as f32 * 1.25 && sp.paras > st.paras {
                if ld < 0.3 && added_text_is_body(dom, junk, stats, para, p, top) {
                    top = p;
                    continue 'climb;
                }
                break 'climb;
            }
            anc = dom.nodes[p].parent;
        }
        break;
    }
    // A lone paragraph-like candidate: its parent is the container.
    if para[top] {
        if let Some(p) = dom.nodes[top].parent {
            if p != 0 {
                top = p;
            }
        }
    }
    Some(top)
}

/// Whether the paragraphs an ancestor `p` adds to `top` read like more of the
/// body (runs of several paragraphs in one container) rather than teasers (one
/// excerpt per container).
fn added_text_is_body(
    dom: &Dom,
    junk: &[bool],
    stats: &[Stats],
    para: &[bool],
    p: NodeId,
    top: NodeId,
) -> bool {
    let mut groups: std::collections::HashMap<NodeId, (u32, u32)> =
        std::collections::HashMap::new();
    let mut stack = vec![p];
    while let Some(id) = stack.pop() {
        if id == top || junk[id] {
            continue;
        }
        if para[id] && stats[id].chars >= MIN_PARA {
            let parent = dom.nodes[id].parent.unwrap_or(0);
            let g = groups.entry(parent).or_default();
            g.0 += 1;
            g.1 += stats[id].chars;
            continue;
        }
        stack.extend(dom.nodes[id].children.iter().copied());
    }
    let total: u32 = groups.values().map(|g| g.1).sum();
    let in_runs: u32 = groups.values().filter(|g| g.0 >= 2).map(|g| g.1).sum();
    total > 0 && in_runs as f32 >= total as f32 * 0.6
}

fn merge_siblings(
    dom: &Dom,
    rules: &PageRules,
    junk: &[bool],
    stats: &[Stats],
    top: NodeId,
) -> Vec<NodeId> {
    let Some(parent) = dom.nodes[top].parent else {
        return vec![top];
    };
    if parent == 0 {
        return vec![top];
    }
    let top_paras = stats[top].para_chars.max(1) as f32;
    let mut out = Vec::new();
    for &s in &dom.nodes[parent].children {
        if s == top {
            out.push(s);
            continue;
        }
        if junk[s] {
            continue;
        }
        let Some(e) = dom.element(s) else {
            continue;
        };
        let st = stats[s];
        let ld = if st.chars > 0 {
            st.link_chars as f32 / st.chars as f32
        } else {
            1.0
        };
        let keep = match e.tag {
            Tag::P => {
                (st.chars > 80 && ld < 0.25)
                    || (st.chars > 20 && ld == 0.0 && ends_sentence(dom, s))
            }
            _ => {
                let v = rules.classify(e.attr(Attr::Class), e.attr(Attr::Id));
                let same_class = e.attr(Attr::Class).is_some()
                    && e.attr(Attr::Class) == dom.element(top).and_then(|t| t.attr(Attr::Class));
                st.paras >= 1
                    && ld < 0.3
                    && !v.always
                    && (same_class
                        || v.strong_positive
                        || st.para_chars as f32 >= top_paras * 0.2
                        || (st.paras >= 2 && v.positive))
            }
        };
        if keep {
            out.push(s);
        }
    }
    out
}

fn ends_sentence(dom: &Dom, id: NodeId) -> bool {
    let t = dom.text(id);
    t.ends_with(['.', '!', '?', '"', '\u{201d}', '。'])
}

/// Writes a subtree out as blocks of text.
struct Writer<'a> {
    dom: &'a Dom,
    junk: &'a [bool],
    blocks: Vec<Block>,
    buf: String,
    link_chars: usize,
    in_link: u32,
    kind: BlockKind,
}

impl<'a> Writer<'a> {
    fn new(dom: &'a Dom, junk: &'a [bool]) -> Self {
        Writer {
            dom,
            junk,
            blocks: Vec::new(),
            buf: String::new(),
            link_chars: 0,
            in_link: 0,
            kind: BlockKind::Paragraph,
        }
    }

    fn flush(&mut self) {
        let text = normalize_ws(&self.buf);
        if !text.is_empty() {
            self.blocks.push(Block {
                kind: self.kind,
                text,
                link_chars: self.link_chars,
            });
        }
        self.buf.clear();
        self.link_chars = 0;
        self.kind = BlockKind::Paragraph;
    }

    fn write(&mut self, id: NodeId) {
        if self.junk[id] {
            return;
        }
        let node = &self.dom.nodes[id];
        let tag = match &node.data {
            NodeData::Text(t) => {
                self.buf.push_str(t);
                if self.in_link > 0 {
                    self.link_chars += non_space_chars(t) as usize;
                }
                return;
            }
            NodeData::Document => {
                for &c in &node.children {
                    self.write(c);
                }
                return;
            }
            NodeData::Element(e) => e.tag,
        };
        match tag {
            Tag::Figure
            | Tag::Figcaption
            | Tag::Img
            | Tag::Picture
            | Tag::Video
            | Tag::Audio
            | Tag::Button
            | Tag::Input
            | Tag::Select
            | Tag::Option
            | Tag::Textarea
            | Tag::Noscript
            | Tag::Source => {}
            Tag::Br | Tag::Hr => self.flush(),
            t if t.is_block() => {
                self.flush();
                let kind = match t {
                    t if t.is_heading() => BlockKind::Heading,
                    Tag::Li | Tag::Dd | Tag::Dt => BlockKind::Item,
                    Tag::Blockquote => BlockKind::Quote,
                    Tag::Pre => BlockKind::Pre,
                    Tag::Td | Tag::Th | Tag::Tr => BlockKind::Cell,
                    _ => BlockKind::Paragraph,
                };
                for &c in &node.children {
                    // Block kinds apply to the text directly inside.
                    if self.buf.trim().is_empty() {
                        self.kind = kind;
                    }
                    self.write(c);
                }
                self.flush();
            }
            Tag::A => {
                self.in_link += 1;
                for &c in &node.children {
                    self.write(c);
                }
                self.in_link -= 1;
            }
            _ => {
                for &c in &node.children {
                    self.write(c);
                }
            }
        }
    }
}

/// Words that open a byline or a time stamp line.
const STAMP_OPENERS: &[&str] = &[
    "by ",
    "updated",
    "published",
    "posted",
    "last updated",
    "first published",
    "written by",
    "reporting by",
    "editing by",
];

fn looks_like_stamp(text: &str) -> bool {
    let lower = text.to_lowercase();
    let lower = lower.trim_start_matches(['(', '[']);
    let words = word_count(text);
    // Wire-service credit lines: "(Reporting by …; editing by …)".
    if words <= 60
        && [
            "reporting by",
            "additional reporting by",
            "editing by",
            "compiled by",
        ]
        .iter()
        .any(|o| lower.starts_with(o))
    {
        return true;
    }
    // "By NAME, NAME on Monday, November 18th, 2019 at 11:08 a.m."
    if words <= 25 && lower.starts_with("by ") && crate::date::parse_date(text).is_some() {
        return true;
    }
    if words > 12 {
        return false;
    }
    if words <= 6 && crate::date::parse_date(text).is_some() {
        return true;
    }
    if STAMP_OPENERS.iter().any(|o| lower.starts_with(o)) {
        // "By the end of the year, ..." is prose: require a short, capitalised line.
        return words <= 8 && !lower.ends_with('.');
    }
    false
}

/// A photo caption written into the body as a paragraph: text followed by a
/// labelled credit, "… engines. (credit: NASA/Jude Guidry)".
fn is_caption_block(text: &str) -> bool {
    if word_count(text) > 50 || !text.ends_with([')', ']']) {
        return false;
    }
    let open = if text.ends_with(')') { '(' } else { '[' };
    let Some(pos) = text.rfind(open) else {
        return false;
    };
    let inner = text[pos + 1..text.len() - 1].trim().to_ascii_lowercase();
    pos > 0
        && [
            "credit:",
            "photo:",
            "photo by",
            "image:",
            "photograph:",
            "pictured:",
        ]
        .iter()
        .any(|l| inner.starts_with(l))
}

/// A media player's time read-out ("4:12", "01:02:33"), not prose.
fn is_duration(s: &str) -> bool {
    let parts: Vec<&str> = s.split(':').collect();
    (2..=3).contains(&parts.len())
        && parts
            .iter()
            .all(|p| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
}

fn clean_blocks(blocks: Vec<Block>, title: Option<&str>, rules: &Rules) -> Vec<Block> {
    let title_key = title.map(fold_key);
    // Hashes of the folded texts: a page of 50 MB must not keep a second copy.
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::with_capacity(blocks.len());
    for b in blocks {
        let key = fold_key(&b.text);
        if !key.chars().any(char::is_alphanumeric) || is_duration(&key) {
            continue;
        }
        let words = word_count(&b.text);
        if words <= 8 && rules.widget_line(&b.text) {
            continue;
        }
        if title_key.as_deref() == Some(key.as_str()) {
            continue;
        }
        let chars = non_space_chars(&b.text).max(1) as usize;
        let ld = b.link_chars as f32 / chars as f32;
        if ld > 0.6 && words < 40 {
            continue;
        }
        if words <= 60 && (looks_like_stamp(&b.text) || is_caption_block(&b.text)) {
            continue;
        }
        let hash = {
            use std::hash::{Hash, Hasher};
            let mut h = std::collections::hash_map::DefaultHasher::new();
            key.hash(&mut h);
            h.finish()
        };
        if !seen.insert(hash) {
            continue;
        }
        out.push(b);
    }
    // Promotions close many bodies ("Follow us on …", "Sign up for …"): trim
    // short trailing blocks that carry a chrome phrase.
    while out
        .last()
        .is_some_and(|b| b.kind != BlockKind::Heading && rules.trailing_promo(&b.text))
    {
        out.pop();
    }
    out
}

fn image_region(dom: &Dom, top: NodeId) -> NodeId {
    let mut cur = Some(top);
    while let Some(c) = cur {
        if matches!(dom.tag(c), Some(Tag::Article | Tag::Main)) {
            return c;
        }
        cur = dom.nodes[c].parent;
    }
    // No article element: the lead image usually sits a level or two above the text.
    let mut region = top;
    for _ in 0..3 {
        match dom.nodes[region].parent {
            Some(p) if p != 0 && !matches!(dom.tag(p), Some(Tag::Body)) => region = p,
            _ => break,
        }
    }
    region
}

fn collect_images(dom: &Dom, rules: &PageRules, junk: &[bool], region: NodeId) -> Vec<Image> {
    let mut out: Vec<Image> = Vec::new();
    let mut stack = vec![region];
    while let Some(id) = stack.pop() {
        let Some(e) = dom.element(id) else {
            continue;
        };
        if e.tag == Tag::Figure {
            let parent_junk = dom.nodes[id].parent.is_some_and(|p| junk[p] && p != region);
            if !parent_junk {
                if let Some(img) = figure_image(dom, rules, id) {
                    let dup = out.iter().any(|o| {
                        (!img.src.is_empty() && o.src == img.src)
                            || (!img.caption.is_empty()
                                && fold_key(&o.caption) == fold_key(&img.caption))
                    });
                    if !dup {
                        out.push(img);
                    }
                }
            }
            continue;
        }
        if junk[id] && id != region {
            // Chrome: no article images inside, unless it is only a caption wrapper.
            let v = rules.classify(e.attr(Attr::Class), e.attr(Attr::Id));
            if !v.always || v.strong || matches!(e.tag, Tag::Nav | Tag::Aside | Tag::Footer) {
                continue;
            }
        }
        stack.extend(dom.nodes[id].children.iter().rev());
    }
    out
}

fn figure_image(dom: &Dom, rules: &Rules, fig: NodeId) -> Option<Image> {
    let mut src = String::new();
    let mut caption_node = None;
    let mut credit_node = None;
    let mut stack = vec![fig];
    while let Some(id) = stack.pop() {
        let Some(e) = dom.element(id) else {
            continue;
        };
        match e.tag {
            Tag::Img if src.is_empty() => {
                src = e
                    .attr(Attr::Src)
                    .filter(|s| !s.starts_with("data:"))
                    .or_else(|| e.attr(Attr::DataSrc))
                    .unwrap_or("")
                    .to_string();
            }
            Tag::Figcaption if caption_node.is_none() => caption_node = Some(id),
            _ => {
                let class = e.attr(Attr::Class).unwrap_or("").to_ascii_lowercase();
                if credit_node.is_none()
                    && (class.contains("credit")
                        || class.contains("copyright")
                        || class.contains("photographer")
                        || class.contains("source"))
                {
                    credit_node = Some(id);
                } else if caption_node.is_none() && class.contains("caption") && id != fig {
                    caption_node = Some(id);
                }
            }
        }
        stack.extend(dom.nodes[id].children.iter().rev());
    }
    let _ = rules;
    let mut caption = String::new();
    let mut credit = String::new();
    if let Some(c) = caption_node {
        caption = text_without(dom, c, credit_node);
    }
    if let Some(c) = credit_node {
        credit = dom.text(c);
        if let Some(cap) = caption_node {
            if dom.is_ancestor(c, cap) {
                // The credit wraps the caption: nothing to separate.
                credit.clear();
            }
        }
    }
    let (cap, cred_from_text) = split_credit(&caption);
    caption = cap;
    if credit.is_empty() {
        credit = cred_from_text.unwrap_or_default();
    }
    let credit = clean_credit(&credit);
    if src.is_empty() && caption.is_empty() {
        return None;
    }
    Some(Image {
        src,
        caption,
        credit,
    })
}

fn text_without(dom: &Dom, id: NodeId, skip: Option<NodeId>) -> String {
    let mut raw = String::new();
    let mut stack = vec![id];
    while let Some(n) = stack.pop() {
        if Some(n) == skip {
            continue;
        }
        match &dom.nodes[n].data {
            NodeData::Text(t) => raw.push_str(t),
            _ => {
                raw.push(' ');
                stack.extend(dom.nodes[n].children.iter().rev());
            }
        }
    }
    normalize_ws(&raw)
}

/// Splits a caption into the caption proper and a credit written into it:
/// `… on Monday. [YONHAP]`, `… (Photo: AP)`, `Photo: Reuters`, `… Credit: X`, `… © X`.
pub fn split_credit(caption: &str) -> (String, Option<String>) {
    let (cap, credit) = split_credit_raw(caption);
    (
        cap,
        credit.map(|c| clean_credit(&c)).filter(|c| !c.is_empty()),
    )
}

fn split_credit_raw(caption: &str) -> (String, Option<String>) {
    let c = caption.trim();
    // Trailing bracketed credit.
    for (open, close) in [('[', ']'), ('(', ')')] {
        if c.ends_with(close) {
            if let Some(start) = c.rfind(open) {
                let inner = c[start + open.len_utf8()..c.len() - close.len_utf8()].trim();
                let is_credit = if open == '[' {
                    !inner.is_empty() && inner.len() < 80
                } else {
                    credit_label(inner).is_some()
                        || looks_like_agency(inner)
                        || Rules::builtin().credit_phrase(inner)
                };
                if is_credit {
                    let cred = credit_label(inner).unwrap_or(inner);
                    return (c[..start].trim().to_string(), Some(cred.trim().to_string()));
                }
            }
        }
    }
    // "… — Pool photo via AP": a short dash-separated tail.
    for dash in [" \u{2014} ", " \u{2013} ", " - "] {
        if let Some(pos) = c.rfind(dash) {
            let tail = c[pos + dash.len()..].trim();
            if !tail.is_empty()
                && word_count(tail) <= 8
                && !tail.ends_with('.')
                && Rules::builtin().credit_phrase(tail)
            {
                return (c[..pos].trim().to_string(), Some(tail.to_string()));
            }
        }
    }
    // "… on Saturday. WANA via Reuters": a short unpunctuated tail after the last sentence.
    if let Some(pos) = c.rfind(". ") {
        let tail = c[pos + 2..].trim();
        if !tail.is_empty()
            && word_count(tail) <= 6
            && !tail.ends_with(['.', '!', '?'])
            && (Rules::builtin().credit_phrase(tail) || looks_like_agency(tail))
        {
            return (c[..pos + 1].trim().to_string(), Some(tail.to_string()));
        }
    }
    // "Photo: X" / "Credit: X" / "© X" at the end.
    for marker in [
        "Photo:",
        "Photo by",
        "Photograph:",
        "Credit:",
        "Image:",
        "Picture:",
        "Source:",
        "©",
    ] {
        if let Some(pos) = c.rfind(marker) {
            let tail = c[pos + marker.len()..].trim();
            if !tail.is_empty() && word_count(tail) <= 8 && !tail.ends_with('.') {
                return (c[..pos].trim().to_string(), Some(tail.to_string()));
            }
        }
    }
    (c.to_string(), None)
}

fn credit_label(s: &str) -> Option<&str> {
    let lower = s.to_ascii_lowercase();
    for p in [
        "photo:",
        "photo by",
        "credit:",
        "image:",
        "picture:",
        "photograph:",
        "source:",
        "courtesy of",
        "©",
    ] {
        if lower.starts_with(p) {
            return Some(s[p.len()..].trim());
        }
    }
    None
}

fn looks_like_agency(s: &str) -> bool {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    !letters.is_empty()
        && letters.len() <= 30
        && (letters.iter().all(|c| c.is_uppercase()) || s.contains('/') || s.contains("Getty"))
}

fn clean_credit(s: &str) -> String {
    let s = normalize_ws(s);
    let s = credit_label(&s).map(str::to_string).unwrap_or(s);
    s.trim_matches(|c: char| c == '[' || c == ']' || c == '(' || c == ')' || c.is_whitespace())
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credit_forms() {
        assert_eq!(
            split_credit("Leaders meet on Monday. [YONHAP]"),
            ("Leaders meet on Monday.".into(), Some("YONHAP".into()))
        );
        assert_eq!(
            split_credit("A drone over Kyiv. (Photo: AP)"),
            ("A drone over Kyiv.".into(), Some("AP".into()))
        );
        assert_eq!(
            split_credit("A ship at sea. Photo: Jane Roe/Reuters"),
            ("A ship at sea.".into(), Some("Jane Roe/Reuters".into()))
        );
        assert_eq!(
            split_credit("No credit here."),
            ("No credit here.".into(), None)
        );
        assert_eq!(
            split_credit("Talks in Seoul (left to right)"),
            ("Talks in Seoul (left to right)".into(), None)
        );
    }

    #[test]
    fn picks_body_over_chrome() {
        let html = r#"<html><body>
          <nav><a href="/">Home</a> <a href="/world">World</a></nav>
          <div class="main"><h1>Talks resume</h1>
            <div class="share-bar"><a>Share</a><a>Tweet</a></div>
            <div class="article-body">
              <p>Officials from both countries met in Geneva on Tuesday, the first round of talks in a year.</p>
              <p>The delegations discussed trade, security and the return of detained citizens, a spokesman said.</p>
              <figure><img src="a.jpg"><figcaption>Delegates arrive. [AFP]</figcaption></figure>
              <p>Advertisement</p>
              <p>Another round is planned for next month, according to the foreign ministry.</p>
            </div>
            <div class="related-articles"><h3>Related</h3><ul><li><a href="/x">Other story with a long headline here</a></li></ul></div>
          </div>
          <footer><p>Copyright 2024 Example News. All rights reserved, everywhere, forever.</p></footer>
        </body></html>"#;
        let dom = Dom::parse(html);
        let body = extract_body(&dom, Some("Talks resume"));
        let texts: Vec<&str> = body.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts.len(), 3, "{texts:?}");
        assert!(texts[0].starts_with("Officials"));
        assert!(texts[2].starts_with("Another round"));
        assert_eq!(body.images.len(), 1);
        assert_eq!(body.images[0].caption, "Delegates arrive.");
        assert_eq!(body.images[0].credit, "AFP");
    }

    #[test]
    fn empty_page_has_no_body() {
        let dom = Dom::parse("");
        assert!(extract_body(&dom, None).blocks.is_empty());
    }
}

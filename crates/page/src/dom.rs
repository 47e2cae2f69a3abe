//! A compact arena DOM built from [`crate::tokenizer`].
//!
//! html5ever's full tree builder costs 2–3 ms on an average news page; its tokenizer
//! alone about half of that. Article extraction needs a faithful *tokenization*
//! (entities, raw-text elements, attributes, comments, broken markup) but only a
//! simplified *tree construction*: block nesting, implied end tags of `p`, `li`, `dd`,
//! `dt`, `option` and table cells, void elements, and mis-nested inline end tags.
//! This module builds that tree into a flat arena, dropping what no later step reads
//! (scripts other than JSON-LD, styles, comments, SVG and MathML content).
//!
//! Children always have larger ids than their parents, so a reverse scan over the
//! arena is a bottom-up traversal and a forward scan is top-down; no recursion is
//! needed, whatever the nesting depth of the input.

use crate::tokenizer::{self, Attribute, Mode};

/// Index of a node in [`Dom::nodes`].
pub type NodeId = usize;

/// Deepest element nesting the builder keeps; deeper start tags are flattened
/// into their ancestor at this depth, which bounds every later walk.
pub const MAX_DEPTH: usize = 256;

/// The element kinds extraction distinguishes; everything else is [`Tag::Other`].
#[allow(missing_docs)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tag {
    Html,
    Head,
    Body,
    Title,
    Meta,
    Link,
    Base,
    Script,
    Style,
    A,
    Abbr,
    Address,
    Article,
    Aside,
    B,
    Blockquote,
    Br,
    Button,
    Caption,
    Center,
    Cite,
    Code,
    Dd,
    Details,
    Dialog,
    Div,
    Dl,
    Dt,
    Em,
    Fieldset,
    Figcaption,
    Figure,
    Font,
    Footer,
    Form,
    H1,
    H2,
    H3,
    H4,
    H5,
    H6,
    Header,
    Hgroup,
    Hr,
    I,
    Iframe,
    Img,
    Input,
    Label,
    Li,
    Main,
    Mark,
    Menu,
    Nav,
    Noscript,
    Ol,
    Optgroup,
    Option,
    P,
    Picture,
    Pre,
    Q,
    S,
    Section,
    Select,
    Small,
    Source,
    Span,
    Strong,
    Sub,
    Summary,
    Sup,
    Table,
    Tbody,
    Td,
    Template,
    Textarea,
    Tfoot,
    Th,
    Thead,
    Time,
    Tr,
    U,
    Ul,
    Video,
    Audio,
    Svg,
    Math,
    Other,
}

impl Tag {
    fn from_name(name: &str) -> Tag {
        use Tag::*;
        match name {
            "html" => Html,
            "head" => Head,
            "body" => Body,
            "title" => Title,
            "meta" => Meta,
            "link" => Link,
            "base" => Base,
            "script" => Script,
            "style" => Style,
            "a" => A,
            "abbr" => Abbr,
            "address" => Address,
            "article" => Article,
            "aside" => Aside,
            "b" => B,
            "blockquote" => Blockquote,
            "br" => Br,
            "button" => Button,
            "caption" => Caption,
            "center" => Center,
            "cite" => Cite,
            "code" => Code,
            "dd" => Dd,
            "details" => Details,
            "dialog" => Dialog,
            "div" => Div,
            "dl" => Dl,
            "dt" => Dt,
            "em" => Em,
            "fieldset" => Fieldset,
            "figcaption" => Figcaption,
            "figure" => Figure,
            "font" => Font,
            "footer" => Footer,
            "form" => Form,
            "h1" => H1,
            "h2" => H2,
            "h3" => H3,
            "h4" => H4,
            "h5" => H5,
            "h6" => H6,
            "header" => Header,
            "hgroup" => Hgroup,
            "hr" => Hr,
            "i" => I,
            "iframe" => Iframe,
            "img" => Img,
            "input" => Input,
            "label" => Label,
            "li" => Li,
            "main" => Main,
            "mark" => Mark,
            "menu" => Menu,
            "nav" => Nav,
            "noscript" => Noscript,
            "ol" => Ol,
            "optgroup" => Optgroup,
            "option" => Option,
            "p" => P,
            "picture" => Picture,
            "pre" => Pre,
            "q" => Q,
            "s" | "strike" | "del" => S,
            "section" => Section,
            "select" => Select,
            "small" => Small,
            "source" => Source,
            "span" => Span,
            "strong" => Strong,
            "sub" => Sub,
            "summary" => Summary,
            "sup" => Sup,
            "table" => Table,
            "tbody" => Tbody,
            "td" => Td,
            "template" => Template,
            "textarea" => Textarea,
            "tfoot" => Tfoot,
            "th" => Th,
            "thead" => Thead,
            "time" => Time,
            "tr" => Tr,
            "u" | "ins" => U,
            "ul" => Ul,
            "video" => Video,
            "audio" => Audio,
            "svg" => Svg,
            "math" => Math,
            _ => Other,
        }
    }

    /// Elements that never have content (`<br>`, `<img>`, …).
    pub fn is_void(self) -> bool {
        use Tag::*;
        matches!(self, Meta | Link | Base | Br | Hr | Img | Input | Source)
    }

    /// Headings `h1`–`h6`.
    pub fn is_heading(self) -> bool {
        use Tag::*;
        matches!(self, H1 | H2 | H3 | H4 | H5 | H6)
    }

    /// Elements whose start tag closes an open `<p>` (HTML's "p-closing" set).
    fn closes_p(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Address
                | Article
                | Aside
                | Blockquote
                | Center
                | Details
                | Dialog
                | Div
                | Dl
                | Fieldset
                | Figcaption
                | Figure
                | Footer
                | Form
                | H1
                | H2
                | H3
                | H4
                | H5
                | H6
                | Header
                | Hgroup
                | Hr
                | Main
                | Menu
                | Nav
                | Ol
                | P
                | Pre
                | Section
                | Summary
                | Table
                | Ul
                | Li
                | Dd
                | Dt
        )
    }

    /// Elements that start a new block of text when the DOM is written out as text.
    pub fn is_block(self) -> bool {
        use Tag::*;
        self.closes_p()
            || matches!(
                self,
                Html | Body
                    | Br
                    | Caption
                    | Td
                    | Th
                    | Tr
                    | Tbody
                    | Thead
                    | Tfoot
                    | Option
                    | Optgroup
                    | Select
                    | Textarea
                    | Noscript
                    | Iframe
                    | Video
                    | Audio
                    | Picture
            )
    }

    /// Inline formatting elements whose stray end tags must not close blocks.
    fn is_inline(self) -> bool {
        use Tag::*;
        matches!(
            self,
            A | Abbr
                | B
                | Cite
                | Code
                | Em
                | Font
                | I
                | Label
                | Mark
                | Q
                | S
                | Small
                | Span
                | Strong
                | Sub
                | Sup
                | Time
                | U
                | Button
        )
    }

    /// Elements that bound the search for an end tag's open element (table scope).
    fn is_scope_boundary(self) -> bool {
        use Tag::*;
        matches!(self, Html | Table | Td | Th | Caption | Template)
    }
}

/// Attribute names extraction reads; others are dropped at parse time.
#[allow(missing_docs)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attr {
    Id,
    Class,
    Role,
    Itemprop,
    Itemtype,
    Href,
    Src,
    DataSrc,
    Alt,
    Name,
    Property,
    Content,
    Rel,
    Datetime,
    Hidden,
    AriaHidden,
    Style,
    Type,
    Charset,
    HttpEquiv,
    Lang,
    Title,
}

impl Attr {
    fn from_name(name: &str) -> Option<Attr> {
        use Attr::*;
        Some(match name {
            "id" => Id,
            "class" => Class,
            "role" => Role,
            "itemprop" => Itemprop,
            "itemtype" => Itemtype,
            "href" => Href,
            "src" => Src,
            "data-src" | "data-original" | "data-lazy-src" => DataSrc,
            "alt" => Alt,
            "name" => Name,
            "property" => Property,
            "content" => Content,
            "rel" => Rel,
            "datetime" => Datetime,
            "hidden" => Hidden,
            "aria-hidden" => AriaHidden,
            "style" => Style,
            "type" => Type,
            "charset" => Charset,
            "http-equiv" => HttpEquiv,
            "lang" | "xml:lang" => Lang,
            "title" => Title,
            _ => return None,
        })
    }
}

/// An element: its kind and the attributes extraction reads.
#[derive(Debug, Clone)]
pub struct Element {
    /// Element kind.
    pub tag: Tag,
    /// Kept attributes, in source order.
    pub attrs: Vec<(Attr, String)>,
}

impl Element {
    /// Value of an attribute, if present.
    pub fn attr(&self, a: Attr) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| *k == a)
            .map(|(_, v)| v.as_str())
    }
}

/// What a node holds.
#[derive(Debug, Clone)]
pub enum NodeData {
    /// The root.
    Document,
    /// An element.
    Element(Element),
    /// A run of text (not yet white-space normalised).
    Text(String),
}

/// One node of the arena.
#[derive(Debug, Clone)]
pub struct Node {
    /// Parent id (`None` only for the root).
    pub parent: Option<NodeId>,
    /// Child ids in document order.
    pub children: Vec<NodeId>,
    /// Depth below the root (root = 0).
    pub depth: u16,
    /// The node's content.
    pub data: NodeData,
}

/// A parsed page: the arena plus the JSON-LD blocks and the `<title>` text.
#[derive(Debug, Default)]
pub struct Dom {
    /// All nodes; `nodes[0]` is the root.
    pub nodes: Vec<Node>,
    /// Raw text of every `<script type="application/ld+json">`.
    pub json_ld: Vec<String>,
    /// Text of the first `<title>`.
    pub title: Option<String>,
    /// The `lang` attribute of `<html>`.
    pub lang: Option<String>,
}

impl Dom {
    /// Parses an HTML document.
    pub fn parse(html: &str) -> Dom {
        let mut st = BuildState::new();
        tokenizer::tokenize(html, &mut st);
        st.finish();
        Dom {
            nodes: st.nodes,
            json_ld: st.json_ld,
            title: st.title,
            lang: st.lang,
        }
    }

    /// The element of a node, if it is one.
    pub fn element(&self, id: NodeId) -> Option<&Element> {
        match &self.nodes[id].data {
            NodeData::Element(e) => Some(e),
            _ => None,
        }
    }

    /// The tag of a node (`None` for text and the root).
    pub fn tag(&self, id: NodeId) -> Option<Tag> {
        self.element(id).map(|e| e.tag)
    }

    /// Is `anc` an ancestor of (or equal to) `id`?
    pub fn is_ancestor(&self, anc: NodeId, id: NodeId) -> bool {
        let mut cur = Some(id);
        while let Some(c) = cur {
            if c == anc {
                return true;
            }
            if c < anc {
                return false;
            }
            cur = self.nodes[c].parent;
        }
        false
    }

    /// Appends the raw text of a subtree (no normalisation) to `out`.
    pub fn text_into(&self, id: NodeId, out: &mut String) {
        // `None` marks the end of a block element: blocks are set off by spaces.
        let mut stack = vec![Some(id)];
        while let Some(item) = stack.pop() {
            let Some(n) = item else {
                out.push(' ');
                continue;
            };
            match &self.nodes[n].data {
                NodeData::Text(t) => out.push_str(t),
                _ => {
                    if self.tag(n).is_some_and(|t| t.is_block()) {
                        out.push(' ');
                        stack.push(None);
                    }
                    stack.extend(self.nodes[n].children.iter().rev().map(|&c| Some(c)));
                }
            }
        }
    }

    /// The white-space normalised text of a subtree.
    pub fn text(&self, id: NodeId) -> String {
        let mut raw = String::new();
        self.text_into(id, &mut raw);
        crate::text::normalize_ws(&raw)
    }
}

/// What the builder does with character data at the moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Capture {
    /// Append to the DOM.
    Dom,
    /// Inside a JSON-LD script: collect.
    JsonLd,
    /// Inside `<title>`: collect.
    Title,
    /// Inside script/style/textarea/…: drop.
    Drop,
}

struct BuildState {
    nodes: Vec<Node>,
    /// Open elements (ids), root first.
    open: Vec<NodeId>,
    capture: Capture,
    raw_buf: String,
    json_ld: Vec<String>,
    title: Option<String>,
    /// Open foreign (SVG/MathML) element names while inside foreign content.
    foreign: Vec<String>,
    seen_body: bool,
    lang: Option<String>,
}

impl BuildState {
    fn new() -> BuildState {
        BuildState {
            nodes: vec![Node {
                parent: None,
                children: Vec::new(),
                depth: 0,
                data: NodeData::Document,
            }],
            open: vec![0],
            capture: Capture::Dom,
            raw_buf: String::new(),
            json_ld: Vec::new(),
            title: None,
            foreign: Vec::new(),
            seen_body: false,
            lang: None,
        }
    }

    fn current(&self) -> NodeId {
        *self.open.last().unwrap_or(&0)
    }

    fn tag_of(&self, id: NodeId) -> Option<Tag> {
        match &self.nodes[id].data {
            NodeData::Element(e) => Some(e.tag),
            _ => None,
        }
    }

    fn append(&mut self, data: NodeData) -> NodeId {
        let parent = self.current();
        let id = self.nodes.len();
        let depth = self.nodes[parent].depth.saturating_add(1);
        self.nodes.push(Node {
            parent: Some(parent),
            children: Vec::new(),
            depth,
            data,
        });
        self.nodes[parent].children.push(id);
        id
    }

    fn add_text(&mut self, s: &str) {
        match self.capture {
            Capture::Dom => {
                if !self.foreign.is_empty() {
                    return;
                }
                let cur = self.current();
                if let Some(&last) = self.nodes[cur].children.last() {
                    if let NodeData::Text(t) = &mut self.nodes[last].data {
                        t.push_str(s);
                        return;
                    }
                }
                self.append(NodeData::Text(s.to_string()));
            }
            Capture::JsonLd | Capture::Title => self.raw_buf.push_str(s),
            Capture::Drop => {}
        }
    }

    /// Pops open elements up to and including the topmost `tag`, searching no
    /// further than `limit` (a predicate on tags that stops the search).
    fn close(&mut self, tag: Tag, limit: impl Fn(Tag) -> bool) -> bool {
        let mut i = self.open.len();
        while i > 1 {
            i -= 1;
            let Some(t) = self.tag_of(self.open[i]) else {
                break;
            };
            if t == tag {
                self.open.truncate(i);
                return true;
            }
            if limit(t) {
                return false;
            }
        }
        false
    }

    fn has_open_p(&self) -> bool {
        for &id in self.open.iter().rev() {
            match self.tag_of(id) {
                Some(Tag::P) => return true,
                Some(t) if t.is_scope_boundary() || t == Tag::Button => return false,
                _ => {}
            }
        }
        false
    }

    fn finish(&mut self) {
        if self.capture == Capture::JsonLd {
            let buf = std::mem::take(&mut self.raw_buf);
            self.json_ld.push(buf);
        }
    }

    fn open_tag(&mut self, name: &str, attrs: &[Attribute<'_>], self_closing: bool) -> Mode {
        if !self.foreign.is_empty() {
            if !self_closing {
                self.foreign.push(name.to_string());
            }
            return Mode::Data;
        }
        let kind = Tag::from_name(name);
        match kind {
            Tag::Svg | Tag::Math => {
                if !self_closing {
                    self.foreign.push(name.to_string());
                }
                return Mode::Data;
            }
            Tag::Script => {
                let is_ld = attrs.iter().any(|(k, v)| {
                    k == "type" && v.trim().eq_ignore_ascii_case("application/ld+json")
                });
                self.capture = if is_ld {
                    self.raw_buf.clear();
                    Capture::JsonLd
                } else {
                    Capture::Drop
                };
                return Mode::ScriptData;
            }
            Tag::Style | Tag::Noscript | Tag::Iframe => {
                self.capture = Capture::Drop;
                return Mode::Rawtext;
            }
            Tag::Textarea => {
                self.capture = Capture::Drop;
                return Mode::Rcdata;
            }
            Tag::Title => {
                self.raw_buf.clear();
                self.capture = if self.title.is_none() {
                    Capture::Title
                } else {
                    Capture::Drop
                };
                return Mode::Rcdata;
            }
            Tag::Template => {
                // Template content is inert: keep nothing of it.
                self.foreign.push(name.to_string());
                return Mode::Data;
            }
            Tag::Other if matches!(name, "xmp" | "noembed" | "noframes") => {
                self.capture = Capture::Drop;
                return Mode::Rawtext;
            }
            Tag::Other if name == "plaintext" => {
                self.capture = Capture::Dom;
                return Mode::Plaintext;
            }
            Tag::Html => {
                if self.lang.is_none() {
                    self.lang = attrs
                        .iter()
                        .find(|(k, _)| k == "lang")
                        .map(|(_, v)| v.trim().to_string())
                        .filter(|v| !v.is_empty());
                }
                return Mode::Data;
            }
            Tag::Head => return Mode::Data,
            Tag::Body => {
                if self.seen_body {
                    return Mode::Data;
                }
                self.seen_body = true;
            }
            _ => {}
        }

        // Implied end tags.
        if kind.closes_p() && self.has_open_p() {
            self.close(Tag::P, |t| t.is_scope_boundary());
        }
        match kind {
            Tag::Li => {
                self.close_list_item(&[Tag::Li], &[Tag::Ul, Tag::Ol, Tag::Menu]);
            }
            Tag::Dd | Tag::Dt => {
                self.close_list_item(&[Tag::Dd, Tag::Dt], &[Tag::Dl]);
            }
            Tag::H1 | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6 => {
                let cur = self.current();
                if self.tag_of(cur).is_some_and(Tag::is_heading) {
                    self.open.pop();
                }
            }
            Tag::Option | Tag::Optgroup => {
                let cur = self.current();
                if self.tag_of(cur) == Some(Tag::Option) {
                    self.open.pop();
                }
            }
            Tag::Td | Tag::Th => {
                self.close_cell_or_row(&[Tag::Td, Tag::Th], &[Tag::Tr, Tag::Table]);
            }
            Tag::Tr => {
                self.close_cell_or_row(
                    &[Tag::Td, Tag::Th, Tag::Tr],
                    &[Tag::Tbody, Tag::Thead, Tag::Tfoot, Tag::Table],
                );
            }
            Tag::Tbody | Tag::Thead | Tag::Tfoot => {
                self.close_cell_or_row(
                    &[
                        Tag::Td,
                        Tag::Th,
                        Tag::Tr,
                        Tag::Tbody,
                        Tag::Thead,
                        Tag::Tfoot,
                    ],
                    &[Tag::Table],
                );
            }
            Tag::A => {
                // `<a>` cannot nest: a new one closes an open one in the same block.
                let cur = self.current();
                if self.tag_of(cur) == Some(Tag::A) {
                    self.open.pop();
                }
            }
            _ => {}
        }

        let mut kept = Vec::new();
        for (k, v) in attrs {
            if let Some(k) = Attr::from_name(k) {
                kept.push((k, v.to_string()));
            }
        }
        let id = self.append(NodeData::Element(Element {
            tag: kind,
            attrs: kept,
        }));
        let empty = kind.is_void() || (self_closing && kind == Tag::Other);
        if !empty && self.open.len() < MAX_DEPTH {
            self.open.push(id);
        }
        Mode::Data
    }

    fn close_list_item(&mut self, items: &[Tag], lists: &[Tag]) {
        let mut i = self.open.len();
        while i > 1 {
            i -= 1;
            let Some(t) = self.tag_of(self.open[i]) else {
                return;
            };
            if items.contains(&t) {
                self.open.truncate(i);
                return;
            }
            if lists.contains(&t)
                || t.is_scope_boundary()
                || !(t.is_inline() || matches!(t, Tag::Div | Tag::P | Tag::Address | Tag::Other))
            {
                return;
            }
        }
    }

    fn close_cell_or_row(&mut self, items: &[Tag], stop: &[Tag]) {
        let mut i = self.open.len();
        while i > 1 {
            i -= 1;
            let Some(t) = self.tag_of(self.open[i]) else {
                return;
            };
            if items.contains(&t) {
                self.open.truncate(i);
                return;
            }
            if stop.contains(&t) || t == Tag::Html {
                return;
            }
        }
    }

    fn close_tag(&mut self, name: &str) {
        if !self.foreign.is_empty() {
            if let Some(pos) = self.foreign.iter().rposition(|n| n == name) {
                self.foreign.truncate(pos);
            }
            return;
        }
        let kind = Tag::from_name(name);
        match kind {
            Tag::Script | Tag::Style | Tag::Title | Tag::Textarea | Tag::Noscript | Tag::Iframe => {
                match std::mem::replace(&mut self.capture, Capture::Dom) {
                    Capture::JsonLd => self.json_ld.push(std::mem::take(&mut self.raw_buf)),
                    Capture::Title if kind == Tag::Title => {
                        self.title = Some(std::mem::take(&mut self.raw_buf));
                    }
                    _ => {}
                }
            }
            Tag::Html | Tag::Head | Tag::Body => {}
            Tag::Br => {
                self.append(NodeData::Element(Element {
                    tag: Tag::Br,
                    attrs: Vec::new(),
                }));
            }
            t if t.is_void() => {}
            Tag::P => {
                if self.has_open_p() {
                    self.close(Tag::P, |t| t.is_scope_boundary());
                }
            }
            t if t.is_inline() => {
                // Close only if no block element stands in between.
                self.close(t, |o| !o.is_inline());
            }
            Tag::Td | Tag::Th | Tag::Tr | Tag::Tbody | Tag::Thead | Tag::Tfoot | Tag::Table => {
                self.close(kind, |o| o == Tag::Table && kind != Tag::Table);
            }
            Tag::Other => {
                // Unknown elements (custom elements, `<o:p>`, …) close by name only
                // when they are the current node, to avoid closing the wrong one.
                let cur = self.current();
                if cur != 0 {
                    if let NodeData::Element(e) = &self.nodes[cur].data {
                        if e.tag == Tag::Other {
                            self.open.pop();
                        }
                    }
                }
            }
            _ => {
                self.close(kind, Tag::is_scope_boundary);
            }
        }
    }
}

impl tokenizer::Sink for BuildState {
    fn start_tag(&mut self, name: &str, attrs: &[Attribute<'_>], self_closing: bool) -> Mode {
        self.open_tag(name, attrs, self_closing)
    }

    fn end_tag(&mut self, name: &str) {
        self.close_tag(name);
    }

    fn text(&mut self, text: &str) {
        self.add_text(text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags_under(dom: &Dom, id: NodeId) -> Vec<Tag> {
        dom.nodes[id]
            .children
            .iter()
            .filter_map(|&c| dom.tag(c))
            .collect()
    }

    #[test]
    fn implied_p_end() {
        let dom = Dom::parse("<body><div><p>one<p>two<div>three</div></div>");
        let body = dom.nodes[0].children[0];
        let div = dom.nodes[body].children[0];
        assert_eq!(tags_under(&dom, div), vec![Tag::P, Tag::P, Tag::Div]);
    }

    #[test]
    fn list_items_close() {
        let dom = Dom::parse("<ul><li>a<li>b<li><ul><li>c</ul></ul>");
        let ul = dom.nodes[0].children[0];
        assert_eq!(tags_under(&dom, ul), vec![Tag::Li, Tag::Li, Tag::Li]);
    }

    #[test]
    fn stray_inline_end_does_not_close_block() {
        let dom = Dom::parse("<div id=a><span><div id=b>x</span>y</div>z</div><p>w");
        let a = dom.nodes[0].children[0];
        // `</span>` cannot close across the block: "y" stays in the inner div.
        assert_eq!(dom.text(a), "xy z");
    }

    #[test]
    fn scripts_dropped_json_ld_kept() {
        let dom = Dom::parse(
            "<title>T &amp; U</title><script>var x = '<p>no</p>';</script>\
             <script type=\"application/ld+json\">{\"a\":1}</script><p>yes</p>",
        );
        assert_eq!(dom.title.as_deref(), Some("T & U"));
        assert_eq!(dom.json_ld, vec!["{\"a\":1}".to_string()]);
        assert_eq!(dom.text(0), "yes");
    }

    #[test]
    fn svg_and_comments_dropped() {
        let dom = Dom::parse("<p>a<svg><title>icon</title><path/></svg>b<!-- c --></p>");
        assert_eq!(dom.text(0), "ab");
    }

    #[test]
    fn deep_nesting_is_bounded() {
        let html = "<div>".repeat(100_000) + "deep" + &"</div>".repeat(100_000);
        let dom = Dom::parse(&html);
        assert!(dom
            .nodes
            .iter()
            .all(|n| (n.depth as usize) <= MAX_DEPTH + 1));
        assert_eq!(dom.text(0), "deep");
    }

    #[test]
    fn children_after_parents() {
        let dom = Dom::parse("<table><tr><td>a<td>b<tr><td>c</table><p>d");
        for (i, n) in dom.nodes.iter().enumerate() {
            if let Some(p) = n.parent {
                assert!(p < i);
            }
        }
    }
}

//! Differential test: dyad's byte-level tokenizer against html5ever's
//! spec-complete tokenizer on generated malformed markup. Both must yield the
//! same tags, attributes and text (adjacent text runs merged).

use std::cell::RefCell;

use dyad_page::tokenizer::{self, Attribute, Mode, Sink};
use html5ever::buffer_queue::BufferQueue;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts};
use proptest::prelude::*;

#[derive(Debug, PartialEq, Clone)]
enum Tok {
    Start(String, Vec<(String, String)>, bool),
    End(String),
    Text(String),
}

fn push_text(out: &mut Vec<Tok>, t: &str) {
    if t.is_empty() {
        return;
    }
    if let Some(Tok::Text(prev)) = out.last_mut() {
        prev.push_str(t);
    } else {
        out.push(Tok::Text(t.to_string()));
    }
}

fn mode_for(name: &str) -> Mode {
    match name {
        "script" => Mode::ScriptData,
        "style" | "xmp" | "iframe" | "noembed" | "noframes" => Mode::Rawtext,
        "title" | "textarea" => Mode::Rcdata,
        _ => Mode::Data,
    }
}

#[derive(Default)]
struct Ours(Vec<Tok>);

impl Sink for Ours {
    fn start_tag(&mut self, name: &str, attrs: &[Attribute<'_>], sc: bool) -> Mode {
        let a = attrs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        self.0.push(Tok::Start(name.to_string(), a, sc));
        mode_for(name)
    }
    fn end_tag(&mut self, name: &str) {
        self.0.push(Tok::End(name.to_string()));
    }
    fn text(&mut self, t: &str) {
        push_text(&mut self.0, t);
    }
}

struct Theirs(RefCell<Vec<Tok>>);

impl TokenSink for Theirs {
    type Handle = ();
    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut out = self.0.borrow_mut();
        match token {
            Token::TagToken(tag) => {
                let name = tag.name.to_string();
                match tag.kind {
                    TagKind::StartTag => {
                        let a = tag
                            .attrs
                            .iter()
                            .map(|a| (a.name.local.to_string(), a.value.to_string()))
                            .collect();
                        out.push(Tok::Start(name.clone(), a, tag.self_closing));
                        return match mode_for(&name) {
                            Mode::ScriptData => TokenSinkResult::RawData(RawKind::ScriptData),
                            Mode::Rawtext => TokenSinkResult::RawData(RawKind::Rawtext),
                            Mode::Rcdata => TokenSinkResult::RawData(RawKind::Rcdata),
                            _ => TokenSinkResult::Continue,
                        };
                    }
                    TagKind::EndTag => out.push(Tok::End(name)),
                }
            }
            Token::CharacterTokens(t) => push_text(&mut out, &t),
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

fn ours(s: &str) -> Vec<Tok> {
    let mut o = Ours::default();
    tokenizer::tokenize(s, &mut o);
    o.0
}

fn theirs(s: &str) -> Vec<Tok> {
    let tok = Tokenizer::new(Theirs(RefCell::new(Vec::new())), TokenizerOpts::default());
    let q = BufferQueue::default();
    q.push_back(StrTendril::from_slice(s));
    let _ = tok.feed(&q);
    tok.end();
    tok.sink.0.into_inner()
}

/// Fragments that exercise the tokenizer's states, glued at random.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("<p>".to_string()),
        Just("</p>".to_string()),
        Just("<div class=\"a b\" id=x>".to_string()),
        Just("<a href='/x?a=1&amp;b=2&copy=3'>".to_string()),
        Just("</a>".to_string()),
        Just("<br/>".to_string()),
        Just("<img src=a.jpg alt=\"x > y\">".to_string()),
        Just("<INPUT Type=Text DISABLED>".to_string()),
        Just("<!-- comment -->".to_string()),
        Just("<!-->".to_string()),
        Just("<!DOCTYPE html>".to_string()),
        Just("<?xml version=\"1.0\"?>".to_string()),
        Just("</ bogus>".to_string()),
        Just("</>".to_string()),
        Just("<script>var a = '<p>' < 3;</script>".to_string()),
        Just("<style>p > a { color: red }</style>".to_string()),
        Just("<title>A &amp; B &lt;i&gt;</title>".to_string()),
        Just("<textarea>x</b> &amp;</textarea>".to_string()),
        Just("&amp; &nbsp; &#8217; &#x201C; &notit; &unknown; & ".to_string()),
        Just("&#0; &#x110000; &#150; &#xD800;".to_string()),
        Just("a < b > c".to_string()),
        Just("<p a=1 a=2 b = \"3\" c='4' d=5/>".to_string()),
        Just("<div =x>".to_string()),
        Just("<span/ class=q>".to_string()),
        Just("</div foo=bar>".to_string()),
        Just("<".to_string()),
        Just("<x".to_string()),
        Just("=\"".to_string()),
        "[a-z ]{0,12}".prop_map(|s| s),
        "[\u{a0}-\u{2fff}]{0,4}".prop_map(|s| s),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]
    #[test]
    fn same_tokens_as_html5ever(parts in proptest::collection::vec(fragment(), 0..24)) {
        let html: String = parts.concat();
        prop_assert_eq!(ours(&html), theirs(&html), "input: {:?}", html);
    }
}

#[test]
fn benchmark_style_page_matches() {
    let html = "<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>T &mdash; S</title>\
        <script type=\"application/ld+json\">{\"a\":\"<b>\"}</script></head><body class=x>\
        <nav><ul><li><a href=/>Home</a><li><a href=/w>World</a></ul></nav>\
        <article><h1>Head</h1><p>One &amp; two<br>three</p><p>Four<img src=x.jpg></article></body></html>";
    assert_eq!(ours(html), theirs(html));
}

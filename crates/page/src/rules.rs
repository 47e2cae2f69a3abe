//! Page-chrome cues, loaded from `data/page/boilerplate.txt` (compiled into the binary).
//!
//! The file is the knowledge; this module only parses it and answers lookups.

use std::collections::HashSet as StdHashSet;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// FNV-1a: class words are short, so a simple hash beats SipHash here.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h ^= *b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type HashSet<T> = StdHashSet<T, BuildHasherDefault<Fnv>>;

/// Word lists by section of `data/page/boilerplate.txt`.
#[derive(Debug, Default)]
pub struct Rules {
    always: WordSet,
    strong: WordSet,
    weak: WordSet,
    positive: WordSet,
    roles: HashSet<String>,
    ignore: Vec<String>,
    lines: HashSet<String>,
    phrases: Vec<String>,
    credit_words: HashSet<String>,
    desks: HashSet<String>,
    publisher_cues: Vec<String>,
    trailing: Vec<String>,
}

/// Exact words, hyphenated whole tokens and `prefix*` entries of one section.
#[derive(Debug, Default)]
struct WordSet {
    exact: HashSet<String>,
    whole: HashSet<String>,
    prefixes: Vec<String>,
    suffixes: Vec<String>,
}

impl WordSet {
    fn add(&mut self, w: &str) {
        if let Some(t) = w.strip_prefix('*') {
            self.suffixes.push(t.to_string());
        } else if let Some(t) = w.strip_prefix('=') {
            self.whole.insert(t.to_string());
        } else if let Some(p) = w.strip_suffix('*') {
            self.prefixes.push(p.to_string());
        } else {
            self.exact.insert(w.to_string());
        }
    }

    fn matches(&self, word: &str, whole: bool) -> bool {
        (whole && self.whole.contains(word))
            || self.exact.contains(word)
            || self.prefixes.iter().any(|p| word.starts_with(p.as_str()))
            || self.suffixes.iter().any(|p| word.ends_with(p.as_str()))
    }
}

/// What the class and id words of an element say about it.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct ClassVerdict {
    /// Chrome whatever else the class says (share, comments, ads, captions, …).
    pub always: bool,
    /// Chrome unless it is also marked as body (nav, sidebar, footer, …).
    pub strong: bool,
    /// Chrome when short or link-heavy (meta, byline, date, …).
    pub weak: bool,
    /// A body word as a whole token (`article-body`, `storytext`).
    pub strong_positive: bool,
    /// A body word as part of a token (`content`, `article`).
    pub positive: bool,
    /// A comment section (never protected by its size).
    pub comment: bool,
}

const BUILTIN: &str = include_str!("../../../data/page/boilerplate.txt");

impl Rules {
    /// The rules compiled into the binary.
    pub fn builtin() -> &'static Rules {
        static RULES: OnceLock<Rules> = OnceLock::new();
        RULES.get_or_init(|| Rules::parse(BUILTIN))
    }

    /// Parses a rules file in the `data/page/boilerplate.txt` format.
    pub fn parse(src: &str) -> Rules {
        let mut r = Rules::default();
        let mut section = String::new();
        for line in src.lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            if let Some(s) = line.strip_prefix('[').and_then(|s| s.strip_suffix(']')) {
                section = s.to_string();
                continue;
            }
            let w = line.to_lowercase();
            match section.as_str() {
                "always" => r.always.add(&w),
                "strong" => r.strong.add(&w),
                "weak" => r.weak.add(&w),
                "positive" => r.positive.add(&w),
                "ignore" => r.ignore.push(w),
                "roles" => {
                    r.roles.insert(w);
                }
                "credit-words" => {
                    r.credit_words.insert(w);
                }
                "trailing" => r.trailing.push(crate::text::normalize_ws(&w)),
                "publisher-cues" => r.publisher_cues.push(line.to_string()),
                "desks" => {
                    r.desks.insert(w);
                }
                "phrases" => r.phrases.push(crate::text::normalize_ws(&w)),
                "lines" => {
                    r.lines.insert(crate::text::normalize_ws(&w));
                }
                _ => {}
            }
        }
        r
    }

    /// Judges an element by its `class` and `id` values.
    pub fn classify(&self, class: Option<&str>, id: Option<&str>) -> ClassVerdict {
        let mut v = ClassVerdict::default();
        for attr in [class, id].into_iter().flatten() {
            for token in attr.split_ascii_whitespace() {
                let token: std::borrow::Cow<'_, str> =
                    if token.bytes().any(|b| b.is_ascii_uppercase()) {
                        token.to_ascii_lowercase().into()
                    } else {
                        token.into()
                    };
                if token.len() > 64 || self.ignore.iter().any(|p| token.starts_with(p.as_str())) {
                    continue;
                }
                self.judge(&token, &mut v, true);
                if token.contains(|c: char| !c.is_ascii_alphanumeric()) {
                    for part in token.split(|c: char| !c.is_ascii_alphanumeric()) {
                        if !part.is_empty() {
                            self.judge(part, &mut v, false);
                        }
                    }
                }
            }
        }
        v
    }

    fn judge(&self, word: &str, v: &mut ClassVerdict, whole: bool) {
        if self.positive.matches(word, whole) {
            if whole && (word.contains('-') || word.len() > 8) {
                v.strong_positive = true;
            } else {
                v.positive = true;
            }
        }
        v.always |= self.always.matches(word, whole);
        v.strong |= self.strong.matches(word, whole);
        v.weak |= self.weak.matches(word, whole);
        v.comment |= word.starts_with("comment") || word == "disqus";
    }

    /// Is this ARIA role one of page chrome?
    pub fn chrome_role(&self, role: &str) -> bool {
        role.split_ascii_whitespace()
            .any(|r| self.roles.contains(&r.to_ascii_lowercase()))
    }

    /// Is this whole line widget text ("Advertisement", "Share this article")?
    pub fn widget_line(&self, line: &str) -> bool {
        let key = crate::text::normalize_ws(&line.to_lowercase());
        let key = key.trim_end_matches([':', '.', '|', '»', '›', '>']).trim();
        self.lines.contains(key)
    }
}

impl Rules {
    /// Does this short phrase read as a photo credit ("WANA via Reuters", "AFP")?
    pub fn credit_phrase(&self, s: &str) -> bool {
        let words: Vec<String> = s
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(|w| w.to_lowercase())
            .collect();
        !words.is_empty() && words.len() <= 8 && words.iter().any(|w| self.credit_words.contains(w))
    }

    /// The outlet named in a chrome line such as "… connect with the Korea
    /// JoongAng Daily" or "© 2024 Example Times": the capitalised words after a cue.
    pub fn publisher_cue(&self, line: &str) -> Option<String> {
        let lower = line.to_lowercase();
        for cue in &self.publisher_cues {
            let Some(pos) = lower.find(&cue.to_lowercase()) else {
                continue;
            };
            let rest = &line[pos + cue.len()..];
            let mut words = Vec::new();
            for w in rest.split_whitespace() {
                let w = w.trim_end_matches(['.', ',', ';', ':', '!']);
                let first = w.chars().next();
                if first.is_some_and(|c| c.is_uppercase()) || (words.is_empty() && w == "the") {
                    words.push(w);
                } else if first.is_some_and(|c| c.is_ascii_digit()) && words.is_empty() {
                    continue;
                } else {
                    break;
                }
                if words.len() >= 6 {
                    break;
                }
            }
            while words.first().is_some_and(|w| w.eq_ignore_ascii_case("the")) {
                words.remove(0);
            }
            if !words.is_empty() {
                return Some(words.join(" "));
            }
        }
        None
    }

    /// Does this byline name a desk or a team ("Foreign Desk", "Staff")?
    pub fn desk_name(&self, s: &str) -> bool {
        s.split(|c: char| !c.is_alphanumeric())
            .any(|w| self.desks.contains(&w.to_lowercase()))
    }

    /// Is this short block a closing promotion ("Follow us on …")?
    pub fn trailing_promo(&self, block: &str) -> bool {
        if crate::text::word_count(block) >= 25 {
            return false;
        }
        let key = crate::text::normalize_ws(&block.to_lowercase());
        self.trailing.iter().any(|p| key.contains(p.as_str()))
    }

    /// Does this short line of scraped text carry a chrome phrase ("log in to", "all rights reserved")?
    pub fn chrome_phrase(&self, line: &str) -> bool {
        if crate::text::word_count(line) >= 25 {
            return false;
        }
        let key = crate::text::normalize_ws(&line.to_lowercase());
        self.phrases.iter().any(|p| key.contains(p.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_loads() {
        let r = Rules::builtin();
        assert!(r.classify(Some("article-share_bar"), None).always);
        assert!(r.classify(None, Some("relatedArticles")).always);
        assert!(r.classify(Some("site-nav"), None).strong);
        assert!(r.classify(Some("byline"), None).weak);
        let body = r.classify(Some("article-body"), None);
        assert!(body.strong_positive);
        assert!(!body.always && !body.strong);
        assert!(r.classify(Some("content"), None).positive);
    }

    #[test]
    fn no_false_ad_match() {
        let r = Rules::builtin();
        assert!(!r.classify(Some("header-add loaded"), None).always);
        assert!(r.classify(Some("ad-slot"), None).always);
    }

    #[test]
    fn roles_and_lines() {
        let r = Rules::builtin();
        assert!(r.chrome_role("navigation"));
        assert!(!r.chrome_role("main"));
        assert!(r.widget_line("  Advertisement "));
        assert!(r.widget_line("Read more »"));
        assert!(!r.widget_line("The minister said the talks would resume."));
    }
}

//! Reading text that another scraper produced: the article plus whatever page
//! chrome came with it, one block per line.
//!
//! Cues are line-level: a breadcrumb line (`Home > National > North Korea`), the
//! headline repeated, caption lines ending in a bracketed credit (`… [YONHAP]`),
//! repeated lines, a byline (`BY NAME [email]`), short widget lines ("print
//! dictionary print", "Related Article") and chrome phrases ("Log in to …").

use crate::content::{split_credit, BlockKind};
use crate::date::from_url;
use crate::meta::{publisher_for_url, section_from_url, split_trail};
use crate::rules::Rules;
use crate::text::{fold_key, name_case, normalize_ws, word_count};
use crate::{Article, Image, Options};

/// Reads scraped text (article plus chrome) into an article.
pub fn read_scraped(text: &str, opts: &Options) -> Article {
    let rules = Rules::builtin();
    let lines: Vec<String> = text
        .lines()
        .map(normalize_ws)
        .filter(|l| !l.is_empty())
        .collect();
    let mut counts = std::collections::HashMap::new();
    for l in &lines {
        *counts.entry(fold_key(l)).or_insert(0usize) += 1;
    }

    let mut art = Article {
        input_format: "scraped".into(),
        url: opts.url.clone(),
        ..Article::default()
    };
    let mut used = vec![false; lines.len()];

    // Headline: the first line that reads like one.
    if let Some((i, t)) = lines
        .iter()
        .enumerate()
        .take(5)
        .find(|(_, l)| !is_trail(l) && word_count(l) >= 2 && !rules.widget_line(l))
    {
        art.title = t.clone();
        used[i] = true;
    }
    let title_key = fold_key(&art.title);

    // Breadcrumb near the top.
    for (i, l) in lines.iter().enumerate().take(10) {
        if !used[i] && is_trail(l) {
            art.section = split_trail(l)
                .into_iter()
                .filter(|s| !matches!(fold_key(s).as_str(), "home" | "homepage"))
                .collect();
            used[i] = true;
            break;
        }
    }

    // Captions with credits.
    for (i, l) in lines.iter().enumerate() {
        if used[i] || byline_line(l).is_some() {
            continue;
        }
        if let Some(img) = caption_line(l) {
            used[i] = true;
            if !art
                .images
                .iter()
                .any(|o| fold_key(&o.caption) == fold_key(&img.caption))
            {
                art.images.push(img);
            }
        }
    }

    // Byline; where it follows the body, what comes after it is page chrome.
    let mut body_end = lines.len();
    let mut seen_body = false;
    for (i, l) in lines.iter().enumerate() {
        if used[i] {
            continue;
        }
        if let Some((names, emails)) = byline_line(l) {
            used[i] = true;
            art.authors.extend(names);
            art.author_emails.extend(emails);
            if seen_body {
                body_end = i;
                break;
            }
        } else if is_body_line(l, rules) {
            seen_body = true;
        }
    }

    let mut seen = std::collections::HashSet::new();
    for (i, l) in lines.iter().enumerate().take(body_end) {
        if used[i] {
            continue;
        }
        let key = fold_key(l);
        if key == title_key || !is_body_line(l, rules) {
            continue;
        }
        // A line repeated on the page is chrome (captions, teasers), not prose,
        // unless it is long enough to be a real paragraph quoted twice.
        if counts.get(&key).copied().unwrap_or(0) > 1 && word_count(l) < 12 {
            continue;
        }
        if !seen.insert(key) {
            continue;
        }
        art.paragraphs.push(l.clone());
        art.blocks.push(BlockKind::Paragraph);
    }

    if let Some(u) = &opts.url {
        art.publisher = publisher_for_url(u);
        art.published = from_url(u).map(|d| d.iso());
        if art.section.is_empty() {
            art.section = section_from_url(u);
        }
    }
    if art.published.is_none() {
        art.published = lines
            .iter()
            .take(20)
            .filter(|l| word_count(l) <= 12)
            .find_map(|l| crate::date::parse_date(l))
            .map(|d| d.iso());
    }
    if art.publisher.is_none() {
        art.publisher = lines.iter().rev().find_map(|l| rules.publisher_cue(l));
    }
    art
}

/// Reads plain article text verbatim: paragraphs are the blank-line separated blocks.
pub fn read_text(text: &str, opts: &Options) -> Article {
    let mut art = Article {
        input_format: "text".into(),
        url: opts.url.clone(),
        verbatim: Some(text.to_string()),
        ..Article::default()
    };
    for block in text.split("\n\n") {
        let p = block.trim();
        if !p.is_empty() {
            art.paragraphs.push(p.to_string());
            art.blocks.push(BlockKind::Paragraph);
        }
    }
    art.title = art
        .paragraphs
        .first()
        .filter(|p| word_count(p) <= 20 && !p.contains('\n'))
        .cloned()
        .unwrap_or_default();
    if let Some(u) = &opts.url {
        art.publisher = publisher_for_url(u);
        art.published = from_url(u).map(|d| d.iso());
        art.section = section_from_url(u);
    }
    art
}

fn is_trail(l: &str) -> bool {
    let parts = split_trail(l);
    let has_sep = [" > ", " › ", " » ", " / ", " | "]
        .iter()
        .any(|s| l.contains(s));
    has_sep && parts.len() >= 2 && parts.len() <= 8 && parts.iter().all(|p| word_count(p) <= 4)
}

fn is_body_line(l: &str, rules: &Rules) -> bool {
    if rules.widget_line(l) || rules.chrome_phrase(l) {
        return false;
    }
    let words = word_count(l);
    let ends = l.ends_with(['.', '!', '?', '"', '\u{201d}', '\u{2019}', ':', ')']);
    words >= 8 || (words >= 4 && ends)
}

/// A caption line: text followed by a bracketed credit, or a "Photo: X" credit.
fn caption_line(l: &str) -> Option<Image> {
    if !(l.ends_with(']') || l.contains("Photo:") || l.contains("Credit:")) {
        return None;
    }
    let (caption, credit) = split_credit(l);
    let credit = credit?;
    if caption.is_empty() || word_count(&credit) > 6 {
        return None;
    }
    Some(Image {
        src: String::new(),
        caption,
        credit: credit.trim_matches(['[', ']']).trim().to_string(),
    })
}

/// `BY LIM JEONG-WON [lim.jeongwon@joongang.co.kr]`, `By Jane Roe and John Roe`.
fn byline_line(l: &str) -> Option<(Vec<String>, Vec<String>)> {
    let rest = l
        .strip_prefix("BY ")
        .or_else(|| l.strip_prefix("By "))
        .or_else(|| l.strip_prefix("by "))?;
    let mut emails = Vec::new();
    let mut name_part = String::new();
    for w in rest.split_whitespace() {
        let t = w.trim_matches(|c: char| "[]()<>,;".contains(c));
        if t.contains('@') && t.contains('.') {
            emails.push(t.to_string());
        } else {
            name_part.push_str(w);
            name_part.push(' ');
        }
    }
    let name_part = name_part.replace(['[', ']', '(', ')'], " ");
    let mut names = Vec::new();
    for n in name_part
        .split([',', '&'])
        .flat_map(|p| p.split(" and ").collect::<Vec<_>>())
    {
        let n = normalize_ws(n);
        let wc = word_count(&n);
        if wc == 0 {
            continue;
        }
        if wc > 5 || !n.chars().next().is_some_and(char::is_uppercase) {
            return None;
        }
        names.push(name_case(&n));
    }
    if names.is_empty() && emails.is_empty() {
        return None;
    }
    Some((names, emails))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines() {
        let (n, e) = byline_line("BY LIM JEONG-WON [lim.jeongwon@joongang.co.kr]").unwrap();
        assert_eq!(n, vec!["Lim Jeong-won"]);
        assert_eq!(e, vec!["lim.jeongwon@joongang.co.kr"]);
        assert!(
            byline_line("By the end of last year, the drones were in use across the front.")
                .is_none()
        );
    }

    #[test]
    fn captions() {
        let img = caption_line("Leaders meet in Pyongyang on Monday. [YONHAP]").unwrap();
        assert_eq!(img.caption, "Leaders meet in Pyongyang on Monday.");
        assert_eq!(img.credit, "YONHAP");
        assert!(caption_line("The talks [in Geneva] ended.").is_none());
        assert!(caption_line("Talks resumed on Monday [after a year]")
            .is_some_and(|i| i.credit == "after a year"));
    }

    #[test]
    fn scraped_page() {
        let text = "Talks resume in Geneva\n\nHome > World > Europe\n\nshare print\n\nTalks resume in Geneva\n\n\
            Delegates arrive at the venue on Tuesday. [AFP]\n\nDelegates arrive at the venue on Tuesday. [AFP]\n\n\
            Officials from both countries met in Geneva on Tuesday for the first talks in a year.\n\n\
            Related Article\n\nAnother round is planned for next month, the ministry said.\n\n\
            BY JANE ROE [jane.roe@example.com]\nLog in to Twitter or Facebook account to connect\n\
            To write comments, please log in to one of the accounts.\n";
        let a = read_scraped(text, &Options::default());
        assert_eq!(a.title, "Talks resume in Geneva");
        assert_eq!(a.section, vec!["World", "Europe"]);
        assert_eq!(a.images.len(), 1);
        assert_eq!(a.authors, vec!["Jane Roe"]);
        assert_eq!(a.paragraphs.len(), 2, "{:?}", a.paragraphs);
    }
}

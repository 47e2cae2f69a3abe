//! Quantities: numerals and number words with their multipliers ("3.5
//! billion"), vague amounts ("millions of"), ranges ("between 12 and 18"),
//! qualifiers ("about", "more than", "up to"; "exactly" when bare) and the
//! counted noun or unit ("containers", "drones and missiles", `USD`). Words are
//! in `data/language/quantity-words.txt`.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Serialize;

use crate::text::Span;
use crate::tokens::{Token, TokenKind};

/// One quantity.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quantity {
    /// Where it is (bytes), qualifier to unit.
    pub span: Span,
    /// The value (the lower bound of a range).
    pub value: f64,
    /// The upper bound of a range.
    pub max: Option<f64>,
    /// As reported: "about", "more than", "exactly" (bare number), "millions of".
    pub qualifier: String,
    /// Counted noun or unit ("containers", "percent", "USD").
    pub unit: Option<String>,
}

struct Words {
    qualifiers: Vec<Vec<String>>,
    multipliers: HashMap<String, f64>,
    vague: HashMap<String, f64>,
    currencies: HashMap<String, String>,
    numbers: HashMap<&'static str, f64>,
}

fn words() -> &'static Words {
    static W: OnceLock<Words> = OnceLock::new();
    W.get_or_init(|| {
        let mut w = Words {
            qualifiers: Vec::new(),
            multipliers: HashMap::new(),
            vague: HashMap::new(),
            currencies: HashMap::new(),
            numbers: [
                ("one", 1.0),
                ("two", 2.0),
                ("three", 3.0),
                ("four", 4.0),
                ("five", 5.0),
                ("six", 6.0),
                ("seven", 7.0),
                ("eight", 8.0),
                ("nine", 9.0),
                ("ten", 10.0),
                ("eleven", 11.0),
                ("twelve", 12.0),
                ("thirteen", 13.0),
                ("fourteen", 14.0),
                ("fifteen", 15.0),
                ("sixteen", 16.0),
                ("seventeen", 17.0),
                ("eighteen", 18.0),
                ("nineteen", 19.0),
                ("twenty", 20.0),
                ("thirty", 30.0),
                ("forty", 40.0),
                ("fifty", 50.0),
                ("sixty", 60.0),
                ("seventy", 70.0),
                ("eighty", 80.0),
                ("ninety", 90.0),
                ("dozen", 12.0),
            ]
            .into_iter()
            .collect(),
        };
        for (section, l) in
            crate::datafile::entries(include_str!("../../../data/language/quantity-words.txt"))
        {
            let (k, v) = l.rsplit_once(' ').unwrap_or((l, ""));
            match section {
                "qualifiers" => w
                    .qualifiers
                    .push(l.split_whitespace().map(str::to_string).collect()),
                "multipliers" => {
                    w.multipliers
                        .insert(k.to_string(), v.parse().unwrap_or(1.0));
                }
                "vague" => {
                    w.vague.insert(k.to_string(), v.parse().unwrap_or(1.0));
                }
                "currencies" => {
                    w.currencies.insert(k.to_string(), v.to_string());
                }
                _ => {}
            }
        }
        w.qualifiers.sort_by_key(|q| std::cmp::Reverse(q.len()));
        w
    })
}

/// Parses a number token or number word ("6,700", "3.5", "twenty-one", "3.5bn").
fn number_of(word: &str) -> Option<(f64, f64)> {
    let w = words();
    let lw = word.to_lowercase();
    if let Some(&n) = w.numbers.get(lw.as_str()) {
        return Some((n, 1.0));
    }
    if let Some((a, b)) = lw.split_once('-') {
        if let (Some(&x), Some(&y)) = (w.numbers.get(a), w.numbers.get(b)) {
            if x >= 20.0 && y < 10.0 {
                return Some((x + y, 1.0));
            }
        }
    }
    let digits: String = lw
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
        .collect();
    if digits.is_empty() {
        return None;
    }
    let n: f64 = digits.replace(',', "").parse().ok()?;
    let suffix = &lw[digits.len()..];
    if suffix.is_empty() {
        return Some((n, 1.0));
    }
    let m = *w.multipliers.get(suffix)?;
    Some((n, m))
}

/// Finds the quantities of a text, skipping spans already taken (times).
pub fn find_quantities(text: &str, tokens: &[Token], taken: &[Span]) -> Vec<Quantity> {
    let w = words();
    let mut taken = taken.to_vec();
    taken.sort();
    let is_taken = |sp: &Span| {
        let k = taken.partition_point(|c| c.end <= sp.start);
        taken.get(k).is_some_and(|c| c.start < sp.end)
    };
    let lower: Vec<String> = tokens.iter().map(|t| t.text(text).to_lowercase()).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i];
        if is_taken(&t.span) {
            i += 1;
            continue;
        }
        // Vague amounts: "millions of munitions".
        if let Some(&v) = w.vague.get(lower[i].as_str()) {
            if lower.get(i + 1).map(String::as_str) == Some("of") {
                let (unit, end) = unit_after(text, tokens, &lower, i + 2);
                out.push(Quantity {
                    span: Span::new(
                        t.span.start,
                        tokens[end.saturating_sub(1).max(i + 1)].span.end,
                    ),
                    value: v,
                    max: None,
                    qualifier: format!("{} of", lower[i]),
                    unit,
                });
                i = end.max(i + 2);
                continue;
            }
        }
        let currency_before = w.currencies.get(t.text(text)).cloned();
        let k = i + usize::from(currency_before.is_some());
        let Some((n, mut mult)) = tokens.get(k).and_then(|tk| {
            let s = tk.text(text);
            if tk.kind == TokenKind::Number || tk.kind == TokenKind::Word {
                number_of(s)
            } else {
                None
            }
        }) else {
            i += 1;
            continue;
        };
        // "the two nations" refers back; it counts nothing.
        if k == i && i > 0 && lower[i - 1] == "the" && tokens[k].kind == TokenKind::Word {
            i += 1;
            continue;
        }
        let mut j = k + 1;
        if let Some(&m) = lower.get(j).and_then(|l| w.multipliers.get(l.as_str())) {
            if lower[j].len() > 2 {
                mult *= m;
                j += 1;
            }
        }
        // "17.1bn" is 17,100,000,000, not 17,100,000,000.000002.
        let mut value = if mult > 1.0 { (n * mult).round() } else { n };
        let mut max = None;
        // Ranges: "12 to 18", "12-18", "between 12 and 18".
        if matches!(
            lower.get(j).map(String::as_str),
            Some("to" | "-" | "–" | "and")
        ) {
            if let Some((m2, mm)) = lower.get(j + 1).and_then(|l| number_of(l)) {
                let between = i > 0 && lower[i - 1] == "between";
                if lower[j] != "and" || between {
                    max = Some(m2 * mm.max(mult));
                    j += 2;
                }
            }
        }
        // Qualifier before.
        let (qualifier, q_start) = qualifier_before(&lower, i);
        let (mut unit, end) = unit_after(text, tokens, &lower, j);
        if let Some(c) = currency_before {
            unit = Some(c);
        } else if let Some(c) = lower.get(j).and_then(|l| w.currencies.get(l.as_str())) {
            unit = Some(c.clone());
        }
        // Bare small counts without a unit ("one of them", "two said") are noise.
        if unit.is_none() && value < 10.0 && tokens[k].kind != TokenKind::Number {
            i = k + 1;
            continue;
        }
        if lower[k].len() == 4
            && tokens[k].kind == TokenKind::Number
            && (1900.0..=2100.0).contains(&value)
            && unit.is_none()
        {
            i = k + 1;
            continue;
        }
        if value.is_nan() {
            value = 0.0;
        }
        let start = tokens[q_start.unwrap_or(i)].span.start;
        let stop = tokens[end.saturating_sub(1).max(j.saturating_sub(1)).max(k)]
            .span
            .end;
        out.push(Quantity {
            span: Span::new(start, stop),
            value,
            max,
            qualifier: qualifier.unwrap_or_else(|| {
                if max.is_some() {
                    "between".into()
                } else {
                    "exactly".into()
                }
            }),
            unit,
        });
        i = end.max(j);
    }
    out
}

fn qualifier_before(lower: &[String], i: usize) -> (Option<String>, Option<usize>) {
    for q in &words().qualifiers {
        let n = q.len();
        if i >= n && lower[i - n..i].iter().zip(q).all(|(a, b)| a == b) {
            return (Some(q.join(" ")), Some(i - n));
        }
    }
    // "between 12 and 18"
    if i >= 1 && lower[i - 1] == "between" {
        return (Some("between".into()), Some(i - 1));
    }
    (None, None)
}

/// The counted noun after a number: skip up to three modifiers (adjectives,
/// hyphenated words, names), take the first plural or unit word, and a
/// coordinated second noun ("drones and missiles").
fn unit_after(text: &str, tokens: &[Token], lower: &[String], j: usize) -> (Option<String>, usize) {
    const UNITS: &[&str] = &[
        "percent",
        "%",
        "km",
        "kilometers",
        "kilometres",
        "miles",
        "meters",
        "metres",
        "tons",
        "tonnes",
        "kg",
        "mm",
        "people",
        "personnel",
        "troops",
        "rounds",
        "times",
    ];
    let mut k = j;
    let limit = (j + 5).min(tokens.len());
    while k < limit {
        let l = lower[k].as_str();
        if tokens[k].kind == TokenKind::Punct && l != "%" && l != "-" {
            return (None, j);
        }
        if matches!(
            l,
            "of" | "and" | "to" | "in" | "at" | "on" | "for" | "by" | "with" | "from" | "than"
        ) && k > j
        {
            return (None, j);
        }
        let plural = l.ends_with('s')
            && l.len() > 3
            && !l.ends_with("ss")
            && !l.ends_with("'s")
            && !l.ends_with("’s");
        if UNITS.contains(&l) || plural {
            let mut end = k + 1;
            let mut unit = l.to_string();
            // "drones and missiles"
            if lower.get(end).map(String::as_str) == Some("and") {
                if let Some(n2) = lower.get(end + 1) {
                    if n2.ends_with('s') && n2.len() > 3 {
                        unit = format!("{unit} and {n2}");
                        end += 2;
                    }
                }
            }
            let _ = text;
            return (Some(unit), end);
        }
        k += 1;
    }
    (None, j)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    fn q(text: &str) -> Vec<(f64, String, Option<String>)> {
        let toks = tokenize(text);
        find_quantities(text, &toks, &[])
            .into_iter()
            .map(|q| (q.value, q.qualifier, q.unit))
            .collect()
    }

    #[test]
    fn seed_quantities() {
        assert_eq!(
            q("North Korea has delivered about 6,700 containers containing millions of munitions"),
            vec![
                (6700.0, "about".into(), Some("containers".into())),
                (1_000_000.0, "millions of".into(), Some("munitions".into()))
            ]
        );
        assert_eq!(
            q("Russia had launched around 3,700 Iranian-made Shahed-136 drones"),
            vec![(3700.0, "around".into(), Some("drones".into()))]
        );
        assert_eq!(
            q("the launch of more than 300 drones and missiles toward Israel"),
            vec![(
                300.0,
                "more than".into(),
                Some("drones and missiles".into())
            )]
        );
        assert_eq!(
            q("a $17.1bn deal"),
            vec![(17.1e9, "exactly".into(), Some("USD".into()))]
        );
        assert_eq!(
            q("between 12 and 18 months"),
            vec![(12.0, "between".into(), Some("months".into()))]
        );
        assert_eq!(
            q("twenty-one soldiers"),
            vec![(21.0, "exactly".into(), Some("soldiers".into()))]
        );
        assert!(q("one of them said").is_empty());
    }
}

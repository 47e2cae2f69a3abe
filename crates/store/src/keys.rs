//! Keys that make two things the same: a name's spelling key, an article's
//! canonical URL and content hash, an outlet, and days for comparing times.

/// A spelling key for a person's name that ignores how it was romanised:
/// "Yun Jong Ho", "Yun Jung Ho", "Yun Jong-ho" and "YUN JONG HO" share one.
/// It keeps the first letter of each word and every consonant after it (vowels
/// are where romanisations of Korean, Arabic or Persian names differ), with
/// doubled letters made single ("Mohammad"/"Muhammad").
pub fn spelling_key(name: &str) -> String {
    let mut key = String::new();
    for word in name
        .split(|ch: char| !ch.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let mut chars = word.chars().flat_map(char::to_lowercase).map(fold);
        let Some(first) = chars.next() else { continue };
        push_single(&mut key, first);
        for ch in chars {
            if !matches!(ch, 'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'w' | 'h') {
                push_single(&mut key, ch);
            }
        }
    }
    key
}

/// A Latin letter without its diacritic ("ñ" → "n", "ş" → "s").
fn fold(ch: char) -> char {
    match ch {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'é' | 'è' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'í' | 'ì' | 'î' | 'ï' | 'ī' | 'ı' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' | 'ō' | 'ő' => 'o',
        'ú' | 'ù' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
        'ñ' | 'ń' | 'ň' => 'n',
        'ç' | 'č' | 'ć' => 'c',
        'ş' | 'š' | 'ś' => 's',
        'ž' | 'ź' | 'ż' => 'z',
        'ğ' => 'g',
        'ł' => 'l',
        'ý' | 'ÿ' => 'y',
        'đ' | 'ď' => 'd',
        'ř' => 'r',
        'ť' => 't',
        _ => ch,
    }
}

fn push_single(key: &mut String, ch: char) {
    if !key.ends_with(ch) {
        key.push(ch);
    }
}

/// A URL without what does not change the page: scheme, "www.", fragment,
/// tracking parameters and a trailing slash; lower-case host.
pub fn canonical_url(url: &str) -> String {
    let url = url.trim();
    let rest = url
        .split_once("://")
        .map_or(url, |(_, r)| r)
        .split('#')
        .next()
        .unwrap_or("");
    let (host_path, query) = rest.split_once('?').unwrap_or((rest, ""));
    let (host, path) = host_path.split_once('/').unwrap_or((host_path, ""));
    let host = host.to_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    let kept: Vec<&str> = query
        .split('&')
        .filter(|p| {
            let k = p.split('=').next().unwrap_or("");
            !p.is_empty()
                && !k.starts_with("utm_")
                && !matches!(k, "fbclid" | "gclid" | "ref" | "cmpid" | "ocid")
        })
        .collect();
    let path = path.trim_end_matches('/');
    let mut out = format!("{host}/{path}");
    if !kept.is_empty() {
        out.push('?');
        out.push_str(&kept.join("&"));
    }
    out
}

/// The outlet of a page: its host without "www." (the publisher's name when
/// there is no URL).
pub fn outlet(url: Option<&str>, publisher: Option<&str>) -> String {
    match url {
        Some(u) if !u.trim().is_empty() => {
            let c = canonical_url(u);
            c.split('/').next().unwrap_or("").to_string()
        }
        _ => match publisher.map(str::trim).filter(|p| !p.is_empty()) {
            Some(p) => p.to_lowercase(),
            None => "unknown".to_string(),
        },
    }
}

/// A value made safe for a spreadsheet cell: text that a spreadsheet would
/// read as a formula ("=", "+", "-", "@" first) gets a leading apostrophe.
pub fn cell(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

/// A 64-bit FNV-1a hash, printed as 16 hex digits: stable across runs and
/// builds, for telling identical texts and inputs apart.
pub fn content_hash(parts: &[&[u8]]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for &b in *part {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        // (A separator, so that ("ab","c") and ("a","bc") differ.)
        h ^= 0xff;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// Days since 1970-01-01 of a civil date (proleptic Gregorian).
pub fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day number, as `YYYY-MM-DD`.
pub fn civil_from_days(z: i64) -> String {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

fn days_in_month(y: i64, m: i64) -> i64 {
    days_from_civil(y + i64::from(m == 12), if m == 12 { 1 } else { m + 1 }, 1)
        - days_from_civil(y, m, 1)
}

/// The days a time value covers, first and last: `2024-04-24`, `2024-04`,
/// `2024`, and intervals `2023-07/2024-02`. None for anything else.
pub fn day_range(value: &str) -> Option<(i64, i64)> {
    if let Some((a, b)) = value.split_once('/') {
        let (start, _) = day_range(a)?;
        let (_, end) = day_range(b)?;
        return (start <= end).then_some((start, end));
    }
    let parts: Vec<&str> = value.split('-').collect();
    let num = |s: &str, len: usize| -> Option<i64> {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    match parts.as_slice() {
        [y] => {
            let y = num(y, 4)?;
            Some((days_from_civil(y, 1, 1), days_from_civil(y, 12, 31)))
        }
        [y, m] => {
            let (y, m) = (num(y, 4)?, num(m, 2)?);
            if !(1..=12).contains(&m) {
                return None;
            }
            let first = days_from_civil(y, m, 1);
            Some((first, first + days_in_month(y, m) - 1))
        }
        [y, m, d] => {
            let (y, m, d) = (num(y, 4)?, num(m, 2)?, num(d, 2)?);
            if !(1..=12).contains(&m) || d < 1 || d > days_in_month(y, m) {
                return None;
            }
            let day = days_from_civil(y, m, d);
            Some((day, day))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn romanisations_share_a_key() {
        let k = spelling_key("Yun Jong Ho");
        for v in ["Yun Jung Ho", "Yun Jong-ho", "YUN JONG HO", "Yoon Jong-ho"] {
            assert_eq!(spelling_key(v), k, "{v}");
        }
        assert_ne!(spelling_key("Kim Jong Un"), spelling_key("Kim Jong Il"));
        assert_eq!(
            spelling_key("Recep Tayyip Erdoğan"),
            spelling_key("Recep Tayyip Erdogan")
        );
        assert_eq!(
            spelling_key("Mohammad Bagheri"),
            spelling_key("Muhammad Bagheri")
        );
    }

    #[test]
    fn urls_lose_what_does_not_change_the_page() {
        assert_eq!(
            canonical_url("https://www.Example.com/a/b/?utm_source=x&id=3#top"),
            "example.com/a/b?id=3"
        );
        assert_eq!(canonical_url("http://example.com/a/b"), "example.com/a/b");
        assert_eq!(
            outlet(Some("https://www.yna.co.kr/view/1"), None),
            "yna.co.kr"
        );
        assert_eq!(outlet(None, Some("Yonhap")), "yonhap");
    }

    #[test]
    fn time_values_cover_their_days() {
        let d = |s: &str| day_range(s).map(|(a, b)| (civil_from_days(a), civil_from_days(b)));
        assert_eq!(
            d("2024-04-24"),
            Some(("2024-04-24".into(), "2024-04-24".into()))
        );
        assert_eq!(
            d("2024-02"),
            Some(("2024-02-01".into(), "2024-02-29".into()))
        );
        assert_eq!(d("2023"), Some(("2023-01-01".into(), "2023-12-31".into())));
        assert_eq!(
            d("2023-07/2024-02"),
            Some(("2023-07-01".into(), "2024-02-29".into()))
        );
        assert_eq!(d("2024-13"), None);
        assert_eq!(d("PRESENT_REF"), None);
        assert_eq!(d("2024-02-30"), None);
    }

    #[test]
    fn cells_never_start_a_formula() {
        assert_eq!(cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(cell("-5 drones"), "'-5 drones");
        assert_eq!(cell("Iran"), "Iran");
    }

    #[test]
    fn hashes_tell_parts_apart() {
        assert_ne!(content_hash(&[b"ab", b"c"]), content_hash(&[b"a", b"bc"]));
        assert_eq!(content_hash(&[b"x"]), content_hash(&[b"x"]));
    }

    proptest! {
        #[test]
        fn days_round_trip(z in -200_000i64..200_000) {
            let s = civil_from_days(z);
            prop_assert_eq!(day_range(&s), Some((z, z)));
        }

        #[test]
        fn parsers_take_any_text(s in ".{0,40}") {
            let _ = day_range(&s);
            let _ = canonical_url(&s);
            let _ = spelling_key(&s);
        }
    }
}

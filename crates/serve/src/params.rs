//! Query parameters as pairs: forms send a key once per ticked box
//! (`certainty=fact&certainty=reported`), links send it comma-joined.

/// The query's pairs.
pub(crate) type Pairs = Vec<(String, String)>;

/// The first non-empty value of `key`.
pub(crate) fn one(q: &Pairs, key: &str) -> Option<String> {
    q.iter()
        .find(|(k, v)| k == key && !v.trim().is_empty())
        .map(|(_, v)| v.trim().to_string())
}

/// Every value of `key`, comma-joined ones split.
pub(crate) fn all(q: &Pairs, key: &str) -> Vec<String> {
    q.iter()
        .filter(|(k, _)| k == key)
        .flat_map(|(_, v)| v.split(','))
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
        .collect()
}

/// A month (`YYYY-MM`) parameter, checked.
pub(crate) fn month(q: &Pairs, key: &str) -> Result<Option<String>, crate::Error> {
    match one(q, key) {
        None => Ok(None),
        Some(m) => {
            let ok = m.len() == 7
                && m.as_bytes()[4] == b'-'
                && m[..4].bytes().all(|b| b.is_ascii_digit())
                && m[5..].bytes().all(|b| b.is_ascii_digit());
            if ok {
                Ok(Some(m))
            } else {
                Err(crate::Error::BadRequest(format!(
                    "{key}: '{m}' is not a month (YYYY-MM)"
                )))
            }
        }
    }
}

/// A number parameter with a default and a ceiling.
pub(crate) fn number(q: &Pairs, key: &str, default: usize, most: usize) -> usize {
    one(q, key)
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
        .clamp(1, most)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_and_joined_values() {
        let q: Pairs = vec![
            ("certainty".into(), "fact".into()),
            ("certainty".into(), "reported,suspected".into()),
            ("since".into(), "2024-01".into()),
            ("until".into(), "2024-1".into()),
        ];
        assert_eq!(all(&q, "certainty"), ["fact", "reported", "suspected"]);
        assert_eq!(
            month(&q, "since").ok().flatten().as_deref(),
            Some("2024-01")
        );
        assert!(month(&q, "until").is_err());
        assert_eq!(number(&q, "limit", 20, 100), 20);
    }
}

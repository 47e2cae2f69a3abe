//! Every span the language stage reports lies inside the text, on character
//! boundaries, and in order; on any input.

use dyad_language::{annotate, Span};
use proptest::prelude::*;

fn check(text: &str, span: Span) -> Result<(), TestCaseError> {
    prop_assert!(
        span.start <= span.end && span.end <= text.len(),
        "{span:?} outside {}",
        text.len()
    );
    prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
    Ok(())
}

/// Text made of news-like pieces, so that the rules actually fire.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("North Korea ".to_string()),
        Just("sent a delegation to Iran on Tuesday. ".to_string()),
        Just("Defense Minister Shin Won-sik said ".to_string()),
        Just("about 6,700 containers ".to_string()),
        Just("since July 2023, ".to_string()),
        Just("“Kim’s ".to_string()),
        Just("the U.S. Defense Intelligence Agency ".to_string()),
        Just("Shahed-136 drones ".to_string()),
        Just("\n\n".to_string()),
        Just("Pak Chol-min, then vice chairman of the Supreme People’s Assembly, ".to_string()),
        "\\PC{0,12}",
    ];
    proptest::collection::vec(piece, 0..16).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn spans_are_valid(text in newsy(), day in 1u32..28) {
        let a = annotate(&text, Some(&format!("2024-04-{day:02}")));
        let mut last = 0;
        for t in &a.tokens {
            check(&text, t.span)?;
            prop_assert!(t.span.start >= last);
            last = t.span.end;
        }
        for s in &a.sentences {
            check(&text, *s)?;
        }
        for t in &a.times {
            check(&text, t.span)?;
        }
        for q in &a.quantities {
            check(&text, q.span)?;
        }
        for e in &a.entities {
            for m in &e.mentions {
                check(&text, m.span)?;
            }
        }
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,200}") {
        let a = annotate(&text, None);
        for e in &a.entities {
            for m in &e.mentions {
                check(&text, m.span)?;
            }
        }
    }
}

//! Language stage on any text: no panic, every span inside the text and on
//! character boundaries.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let a = dyad_language::annotate(text, Some("2024-04-24"));
    let ok = |s: dyad_language::Span| s.start <= s.end && s.end <= text.len() && text.is_char_boundary(s.start) && text.is_char_boundary(s.end);
    assert!(a.tokens.iter().all(|t| ok(t.span)));
    assert!(a.sentences.iter().all(|s| ok(*s)));
    assert!(a.times.iter().all(|t| ok(t.span)));
    assert!(a.quantities.iter().all(|q| ok(q.span)));
    assert!(a.entities.iter().all(|e| e.mentions.iter().all(|m| ok(m.span))));
    assert!(a.references.iter().all(|r| ok(r.span)));
});

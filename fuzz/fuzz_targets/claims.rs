//! Claims stage on any text: no panic, evidence spans inside the text, actor
//! indices inside the entity list.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let a = dyad_language::annotate(text, Some("2024-04-24"));
    for c in dyad_claims::code(text, &a) {
        assert!(c.evidence.start <= c.evidence.end && c.evidence.end <= text.len());
        assert!(text.is_char_boundary(c.evidence.start) && text.is_char_boundary(c.evidence.end));
        for i in [c.source, c.target, c.attribution].into_iter().flatten() {
            assert!(i < a.entities.len());
        }
    }
});

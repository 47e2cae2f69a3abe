//! Snapshot tests: the article read from every page in `examples/`.
//! Review changes with `cargo insta review` (or `INSTA_UPDATE=always` and git diff).

use std::path::Path;

use dyad_page::{read_article, Options};

#[test]
fn example_articles() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let mut pages: Vec<_> = std::fs::read_dir(&dir)
        .expect("examples/ exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("html" | "txt")))
        .collect();
    pages.sort();
    assert!(pages.len() >= 8, "expected the example pages");
    for page in pages {
        let stem = page
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_string();
        let gold_path = dir.join(format!("{stem}.gold.json"));
        let url = std::fs::read_to_string(&gold_path)
            .ok()
            .and_then(|g| serde_json::from_str::<serde_json::Value>(&g).ok())
            .and_then(|g| g["url"].as_str().map(str::to_string));
        let bytes = std::fs::read(&page).expect("read example");
        let opts = Options {
            url,
            ..Options::default()
        };
        let article = read_article(&bytes, &opts).expect("example reads");
        insta::assert_json_snapshot!(stem, article);
    }
}

//! `dyad analyze`: the JSON the scorers read (`shared/spec/gold-format.md`).

use std::io::Write;
use std::process::{Command, Stdio};

fn analyze(args: &[&str], stdin: Option<&str>) -> serde_json::Value {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .arg("analyze")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run dyad");
    if let Some(s) = stdin {
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(s.as_bytes())
            .expect("write stdin");
    } else {
        drop(child.stdin.take());
    }
    let out = child.wait_with_output().expect("wait");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON on stdout")
}

#[test]
fn example_page_has_the_scored_shape() {
    let page = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/meridianpost-2024-04-24-nk-delegation-iran.html"
    );
    let v = analyze(
        &[page, "--published", "2024-04-24", "--format", "json"],
        None,
    );
    let a = &v["article"];
    for key in [
        "title",
        "section",
        "authors",
        "author_emails",
        "publisher",
        "published",
        "url",
        "images",
        "paragraphs",
    ] {
        assert!(a.get(key).is_some(), "article.{key} missing");
    }
    assert_eq!(a["published"], "2024-04-24");
    assert!(a["paragraphs"].as_array().is_some_and(|p| p.len() > 5));
    for key in ["entities", "times", "claims"] {
        assert!(v[key].is_array(), "{key} is a list");
    }
    // The article text is the paragraphs joined by a blank line.
    let joined = a["paragraphs"]
        .as_array()
        .expect("paragraphs")
        .iter()
        .filter_map(|p| p.as_str())
        .collect::<Vec<_>>()
        .join("\n\n");
    assert_eq!(v["text"].as_str(), Some(joined.as_str()));
}

#[test]
fn text_input_is_kept_verbatim() {
    let text = "North Korea sent a delegation to Iran on Tuesday.\n\n  Iran  welcomed it.\n";
    let v = analyze(&["-", "--input-format", "text"], Some(text));
    assert_eq!(v["text"].as_str(), Some(text));
    assert_eq!(v["article"]["paragraphs"].as_array().map(Vec::len), Some(2));
}

#[test]
fn scraped_seed_like_text_is_cleaned() {
    let text = "Talks resume in Geneva\n\nHome > World > Europe\n\nprint dictionary print\n\n\
        Delegates arrive on Tuesday. [AFP]\n\nDelegates arrive on Tuesday. [AFP]\n\n\
        Officials from both countries met in Geneva on Tuesday for the first talks in a year.\n\n\
        BY JANE ROE [jane.roe@example.com]\nTo write comments, please log in to one of the accounts.\n";
    let v = analyze(
        &[
            "-",
            "--url",
            "https://www.reuters.com/world/europe/2024/04/24/talks/",
        ],
        Some(text),
    );
    let a = &v["article"];
    assert_eq!(a["title"], "Talks resume in Geneva");
    assert_eq!(a["section"], serde_json::json!(["World", "Europe"]));
    assert_eq!(a["publisher"], "Reuters");
    assert_eq!(a["published"], "2024-04-24");
    assert_eq!(a["authors"], serde_json::json!(["Jane Roe"]));
    assert_eq!(a["images"][0]["credit"], "AFP");
    assert_eq!(a["paragraphs"].as_array().map(Vec::len), Some(1));
}

#[test]
fn a_batch_prints_a_line_per_input_and_names_failures() {
    let dir = tempfile::tempdir().expect("tempdir");
    let examples = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/");
    for name in [
        "meridianpost-2024-04-24-nk-delegation-iran.html",
        "northernledger-2024-04-25-yun-iran-visit.html",
    ] {
        std::fs::copy(format!("{examples}{name}"), dir.path().join(name)).expect("copy");
    }
    // A truncated gzip file fails to read; the batch goes on.
    std::fs::write(dir.path().join("broken.html.gz"), [0x1f, 0x8b, 8, 0, 0]).expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(["-j", "2", "analyze", "--format", "jsonl"])
        .arg(dir.path())
        .output()
        .expect("run dyad");
    assert_eq!(out.status.code(), Some(1), "one input failed");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("broken.html.gz"), "{stderr}");
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    assert_eq!(lines.len(), 3);
    let failed: Vec<&serde_json::Value> =
        lines.iter().filter(|v| v.get("error").is_some()).collect();
    assert_eq!(failed.len(), 1);
    for v in lines.iter().filter(|v| v.get("error").is_none()) {
        assert!(v["path"].as_str().is_some_and(|p| p.ends_with(".html")));
        let claims = v["claims"].as_array().expect("claims");
        assert!(
            claims.iter().any(|c| c["type"] == "CONSULT"
                && c["source"]["state"] == "PRK"
                && c["target"]["id"] == "IRN"),
            "the delegation to Iran is coded in {}",
            v["path"]
        );
    }
}

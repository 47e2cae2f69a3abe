//! A directory of hostile inputs: every input gets a result or one stderr line
//! naming it, the batch finishes, the exit code says some failed, nothing panics,
//! and no input takes time out of proportion to its size.

use std::io::Write;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::write(dir.join(name), bytes).expect("write test input");
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(bytes).expect("gzip");
    enc.finish().expect("gzip")
}

fn hostile_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let good = "<html><head><title>Fine page</title></head><body><article>\
        <p>Officials from both countries met in Geneva on Tuesday, the first round of talks in a year.</p>\
        <p>Another round is planned for next month, according to the foreign ministry.</p></article></body></html>";
    write(d, "a-good.html", good.as_bytes());
    write(d, "b-empty.html", b"");
    write(
        d,
        "c-binary.html",
        &(0..4096u32)
            .map(|i| (i * 7919 % 256) as u8)
            .collect::<Vec<_>>(),
    );
    let gz = gzip(good.as_bytes());
    write(d, "d-truncated.html.gz", &gz[..gz.len() / 2]);
    write(d, "e-png.html", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    // 50 MB page.
    let para = "<p>Delegates discussed trade, security and the return of detained citizens, a spokesman said.</p>\n";
    let mut big = String::from("<html><body><div class=\"article-body\">");
    while big.len() < 50 * 1024 * 1024 {
        big.push_str(para);
    }
    big.push_str("</div></body></html>");
    write(d, "f-50mb.html", big.as_bytes());
    drop(big);
    write(
        d,
        "g-nested.html",
        format!(
            "{}deep{}",
            "<div>".repeat(100_000),
            "</div>".repeat(100_000)
        )
        .as_bytes(),
    );
    write(
        d,
        "h-nested-inline.html",
        format!("<p>{}x", "<a><b><i>".repeat(100_000)).as_bytes(),
    );
    write(
        d,
        "i-wide.html",
        format!(
            "<div>{}</div>",
            "Some loose text of a line long enough to count.<br>".repeat(100_000)
        )
        .as_bytes(),
    );
    let mut bad_utf8 = b"<html><body><p>Caf\xc3 na\xffve \xe2\x82 text that goes on for a while, with more words.</p>".to_vec();
    bad_utf8.extend_from_slice(b"</body></html>");
    write(d, "j-invalid-utf8.html", &bad_utf8);
    write(
        d,
        "k-wrong-charset.html",
        "<meta charset=\"shift_jis\"><p>Kyiv \u{2014} the caf\u{e9} was closed on Monday, officials said, after the strike.</p>".as_bytes(),
    );
    write(
        d,
        "l-unclosed-comment.html",
        format!("<p>before</p><!--{}", "x".repeat(1_000_000)).as_bytes(),
    );
    write(
        d,
        "m-attrs.html",
        format!("<div {}>t</div>", "a=b ".repeat(200_000)).as_bytes(),
    );
    write(
        d,
        "n-entities.html",
        "&amp;&#x110000;&#99999999999;&notanentity;"
            .repeat(100_000)
            .as_bytes(),
    );
    write(d, "o-script-only.html", b"<script>while(1){}</script>");
    write(
        d,
        "p-tables.html",
        "<table><tr><td>".repeat(50_000).as_bytes(),
    );
    write(
        d,
        "q-text.txt",
        b"Headline here\n\nA paragraph of scraped text that is long enough to be body text.\n",
    );
    write(
        d,
        "r-nul.html",
        b"<p>a\0b</p>\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0",
    );
    dir
}

#[test]
fn hostile_batch_finishes_and_names_failures() {
    let dir = hostile_dir();
    let started = Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(["extract", "--format", "jsonl"])
        .arg(dir.path())
        .output()
        .expect("run dyad");
    let elapsed = started.elapsed();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "panic: {stderr}");
    assert_eq!(
        out.status.code(),
        Some(1),
        "some inputs fail, so exit 1; stderr: {stderr}"
    );
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    let files: Vec<_> = std::fs::read_dir(dir.path()).expect("list").collect();
    assert_eq!(lines.len(), files.len(), "one line per input");
    for name in [
        "b-empty.html",
        "c-binary.html",
        "d-truncated.html.gz",
        "e-png.html",
    ] {
        let line = lines
            .iter()
            .find(|l| l["path"].as_str().is_some_and(|p| p.ends_with(name)))
            .expect("line for input");
        assert!(line.get("error").is_some(), "{name} should fail: {line}");
        assert!(
            stderr.lines().any(|l| l.contains(name)),
            "stderr names {name}: {stderr}"
        );
    }
    for name in [
        "a-good.html",
        "f-50mb.html",
        "j-invalid-utf8.html",
        "k-wrong-charset.html",
        "q-text.txt",
    ] {
        let line = lines
            .iter()
            .find(|l| l["path"].as_str().is_some_and(|p| p.ends_with(name)))
            .expect("line for input");
        assert!(line.get("error").is_none(), "{name} should be read: {line}");
    }
    let wrong = lines
        .iter()
        .find(|l| {
            l["path"]
                .as_str()
                .is_some_and(|p| p.ends_with("k-wrong-charset.html"))
        })
        .expect("line");
    assert!(
        wrong["text"].as_str().unwrap_or("").contains("caf\u{e9}"),
        "valid UTF-8 wins over a wrong declaration"
    );
    // Generous bound: a quadratic path on any input would blow far past it.
    assert!(elapsed < Duration::from_secs(60), "took {elapsed:?}");
}

#[test]
fn missing_path_is_named_and_others_still_run() {
    let dir = hostile_dir();
    let out = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(["extract", "--format", "jsonl", "/nonexistent/page.html"])
        .arg(dir.path().join("a-good.html"))
        .output()
        .expect("run dyad");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr.contains("/nonexistent/page.html"), "{stderr}");
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 1);
}

#[test]
fn usage_errors_exit_2() {
    let out = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(["analyze", "x.html", "--published", "yesterday"])
        .output()
        .expect("run dyad");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("YYYY-MM-DD"));
}

/// Peak memory of the whole hostile batch (50 MB page included) stays under 500 MB.
/// Needs GNU time (`/usr/bin/time`, Debian package `time`, installed by `.ci/run`).
#[test]
fn hostile_batch_memory_under_500_mb() {
    let time = Path::new("/usr/bin/time");
    if !time.exists() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must provide /usr/bin/time"
        );
        eprintln!("skipped: /usr/bin/time not installed");
        return;
    }
    let dir = hostile_dir();
    let report = dir.path().join("time.out");
    let out = Command::new(time)
        .arg("-f")
        .arg("%M")
        .arg("-o")
        .arg(&report)
        .arg(env!("CARGO_BIN_EXE_dyad"))
        .args(["extract", "--format", "jsonl"])
        .arg(dir.path())
        .output()
        .expect("run dyad under time");
    assert_eq!(out.status.code(), Some(1));
    let kb: u64 = std::fs::read_to_string(&report)
        .expect("time report")
        .lines()
        .filter_map(|l| l.trim().parse().ok())
        .next_back()
        .expect("max RSS in KB");
    assert!(kb < 500 * 1024, "peak RSS {kb} KB");
    eprintln!("peak RSS {} MB", kb / 1024);
}

/// `analyze` on an oversized text finishes quickly, says what it cut, and its
/// offsets stay inside the text.
#[test]
fn analyze_bounds_huge_text() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("huge.txt");
    // Sentences that exercise every stage, claims included (reports, made-by
    // weapons, places): each stage must stay linear in the text.
    let sentence =
        "North Korea sent a delegation to Iran on Tuesday, Defense Minister Shin Won-sik said. \
                    Russia fired North Korean-made missiles at Ukraine near Kharkiv. ";
    std::fs::write(&path, sentence.repeat(35_000)).expect("write");
    let started = Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args([
            "analyze",
            "--input-format",
            "text",
            "--published",
            "2024-04-24",
        ])
        .arg(&path)
        .output()
        .expect("run dyad");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("cover the first"));
    // About 4 s here; a quadratic step took 21 s.
    assert!(started.elapsed() < Duration::from_secs(30));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let chars = v["text"].as_str().map(|t| t.chars().count()).unwrap_or(0);
    for t in v["times"].as_array().into_iter().flatten() {
        assert!(t["end"].as_u64().unwrap_or(u64::MAX) as usize <= chars);
    }
}

//! `dyad ingest` and the store's read commands over the example articles.

use std::path::Path;
use std::process::{Command, Output};

fn dyad(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(args)
        .output()
        .expect("run dyad")
}

fn json_lines(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

const EXAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples");

fn ingest(data: &Path) -> serde_json::Value {
    let out = dyad(&["ingest", EXAMPLES, "--data", data.to_str().expect("path")]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("summary JSON")
}

#[test]
fn ingest_is_idempotent_and_events_merge_across_outlets() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let first = ingest(&data);
    assert_eq!(first["failed"], 0, "{first}");
    assert!(first["new"].as_u64().unwrap_or(0) >= 11, "{first}");
    // A second run reads nothing again and adds nothing.
    let second = ingest(&data);
    assert_eq!(second["new"], 0, "{second}");
    assert_eq!(second["store"], first["store"], "{second}");

    // Three outlets report the delegation's departure for Tehran, one of
    // them spelling the minister "Yun Jung Ho": one event, three articles.
    let d = data.to_str().expect("path");
    let out = dyad(&[
        "events",
        "--between",
        "PRK",
        "IRN",
        "--type",
        "CONSULT",
        "--data",
        d,
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let events = json_lines(&out);
    let delegation: Vec<_> = events
        .iter()
        .filter(|e| e["time"].as_str().is_some_and(|t| t.starts_with("2024-04")))
        .collect();
    assert_eq!(delegation.len(), 1, "{events:#?}");
    let e = delegation[0];
    assert_eq!(e["articles"].as_array().map(Vec::len), Some(3), "{e}");
    assert_eq!(e["source"]["id"], "PRK");
    assert_eq!(e["target"]["id"], "IRN");
    for key in ["type", "certainty", "time"] {
        assert!(e.get(key).is_some(), "{key} in {e}");
    }

    // The spellings are one person.
    let out = dyad(&["entity", "Yun Jung Ho", "--format", "json", "--data", d]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("entity JSON");
    let names: Vec<&str> = v["names"]
        .as_array()
        .map(|a| a.iter().filter_map(|n| n.as_str()).collect())
        .unwrap_or_default();
    assert!(
        names.contains(&"Yun Jong Ho") && names.contains(&"Yun Jung Ho"),
        "{v}"
    );
}

#[test]
fn ties_search_and_exports_answer_from_the_store() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    ingest(&data);
    let d = data.to_str().expect("path");

    let out = dyad(&["ties", "PRK", "IRN", "--data", d]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(
        table.contains("2024-04") && table.contains("trend:"),
        "{table}"
    );
    assert!(
        table.contains("https://"),
        "evidence names its pages: {table}"
    );

    let out = dyad(&[
        "ties",
        "North Korea",
        "Iran",
        "--format",
        "json",
        "--data",
        d,
    ]);
    let t: serde_json::Value = serde_json::from_slice(&out.stdout).expect("ties JSON");
    assert!(!t["months"].as_array().expect("months").is_empty());
    assert!(t["evidence"][0]["evidence"][0].is_string(), "{t}");

    let out = dyad(&[
        "search",
        "delegation",
        "--actor",
        "PRK",
        "--format",
        "json",
        "--data",
        d,
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let hits = json_lines(&out);
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| h["evidence"].as_str().is_some()));

    // Punctuation in a query is no syntax error.
    let out = dyad(&["search", "Shahed-136 Iran's", "--data", d]);
    assert!(
        out.status.code() != Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    for format in ["jsonl", "plover", "ftm"] {
        let out = dyad(&["export", "--format", format, "--data", d]);
        assert!(out.status.success(), "{format}");
        let lines = json_lines(&out);
        assert!(!lines.is_empty(), "{format}");
    }
    let out = dyad(&["export", "--format", "graphml", "--data", d]);
    let xml = String::from_utf8_lossy(&out.stdout);
    assert!(
        xml.contains("<graphml")
            && xml.contains("<edge ")
            && xml.trim_end().ends_with("</graphml>")
    );
    let out = dyad(&["export", "--format", "csv", "--data", d]);
    let csv = String::from_utf8_lossy(&out.stdout);
    assert!(
        csv.starts_with("claim,event,url"),
        "{}",
        &csv[..80.min(csv.len())]
    );
}

#[test]
fn a_missing_store_is_a_clear_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path().join("none");
    let out = dyad(&["ties", "PRK", "IRN", "--data", d.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("dyad ingest"), "{err}");
}

#[test]
fn warc_archives_are_read_record_by_record() {
    // A WARC with one HTML response, one image response and one request.
    let page =
        std::fs::read(Path::new(EXAMPLES).join("meridianpost-2024-04-24-nk-delegation-iran.html"))
            .expect("example page");
    let mut http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n".to_vec();
    http.extend_from_slice(&page);
    let record = |kind: &str, uri: &str, body: &[u8]| -> Vec<u8> {
        let mut r = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-04-24T00:00:00Z\r\nWARC-Record-ID: <urn:uuid:{kind}-{}>\r\nContent-Length: {}\r\n\r\n",
            body.len(),
            body.len()
        )
        .into_bytes();
        r.extend_from_slice(body);
        r.extend_from_slice(b"\r\n\r\n");
        r
    };
    let mut warc = record("response", "https://example.org/a", &http);
    warc.extend(record(
        "response",
        "https://example.org/b.png",
        b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\nPNG",
    ));
    warc.extend(record(
        "request",
        "https://example.org/a",
        b"GET /a HTTP/1.1\r\n\r\n",
    ));
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("crawl.warc");
    std::fs::write(&path, &warc).expect("write warc");
    let data = dir.path().join("data");
    let out = dyad(&[
        "ingest",
        path.to_str().expect("path"),
        "--data",
        data.to_str().expect("path"),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("summary");
    assert_eq!(v["new"], 1, "{v}");
    assert_eq!(v["pages"], 1, "{v}");
}

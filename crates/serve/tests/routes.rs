//! The reader's routes on a small store: every page and API answer, the
//! security headers, and untrusted text rendered as text.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use dyad_store::record::{ArticleMeta, ClaimRecord, EntityRecord, Span, Time};
use dyad_store::{ArticleRecord, Party, Store};
use http_body_util::BodyExt;
use tower::ServiceExt;

const XSS: &str = "<script>window.__xss=1</script><img src=x onerror=\"window.__xss=2\">";

fn state(id: &str) -> Party {
    Party {
        id: id.into(),
        name: format!("{id} state"),
        kind: "state".into(),
        state: Some(id.into()),
    }
}

fn store() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut s = Store::open(dir.path()).expect("open");
    let text = format!("Chile sent aid to Peru. {XSS} Peru thanked Chile.");
    let evidence = "Chile sent aid to Peru.";
    let rec = ArticleRecord {
        article: ArticleMeta {
            title: format!("Aid {XSS}"),
            url: Some("https://example.org/a".into()),
            published: Some("2024-05-02".into()),
            ..ArticleMeta::default()
        },
        text: text.clone(),
        entities: vec![EntityRecord {
            id: "CHL".into(),
            kind: "state".into(),
            name: "CHL state".into(),
            state: Some("CHL".into()),
            known: true,
            mentions: vec![Span {
                start: 0,
                end: 5,
                text: "Chile".into(),
                field: None,
            }],
            ..EntityRecord::default()
        }],
        claims: vec![ClaimRecord {
            kind: "AID".into(),
            source: Some(state("CHL")),
            target: Some(state("PER")),
            certainty: "fact".into(),
            time: Some(Time {
                text: "on May 1".into(),
                value: Some("2024-05-01".into()),
            }),
            evidence: Span {
                start: 0,
                end: evidence.chars().count(),
                text: evidence.into(),
                field: None,
            },
            ..ClaimRecord::default()
        }],
        sentences: Vec::new(),
    };
    s.add(&rec, None).expect("add");
    dir
}

async fn get(dir: &std::path::Path, uri: &str) -> (StatusCode, String, String) {
    let res = dyad_serve::router(dir)
        .oneshot(Request::get(uri).body(Body::empty()).expect("request"))
        .await
        .expect("answer");
    let status = res.status();
    let csp = res
        .headers()
        .get("content-security-policy")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let body = res.into_body().collect().await.expect("body").to_bytes();
    (status, String::from_utf8_lossy(&body).into_owned(), csp)
}

#[tokio::test]
async fn every_page_and_api_answers() {
    let dir = store();
    for uri in [
        "/",
        "/articles/1",
        "/entities/CHL",
        "/ties/CHL/PER",
        "/search?q=aid",
        "/api/",
        "/api/articles/1",
        "/api/entities/CHL",
        "/api/ties/CHL/PER",
        "/api/search?q=aid",
        "/api/network",
        "/api/events/latest",
        "/api/openapi.json",
        "/static/app.js",
        "/static/app.css",
    ] {
        let (status, body, csp) = get(dir.path(), uri).await;
        assert_eq!(status, StatusCode::OK, "{uri}: {body}");
        assert_eq!(csp, dyad_serve::CSP, "{uri}");
    }
    let (_, body, _) = get(dir.path(), "/api/search?q=aid").await;
    let v: serde_json::Value = serde_json::from_str(&body).expect("json");
    assert_eq!(v["results"][0]["id"], 1, "{v}");
    let (_, body, _) = get(dir.path(), "/api/search?q=aid&format=csv").await;
    assert!(body.starts_with("id,title,url,published,outlet"), "{body}");
    let (_, body, _) = get(dir.path(), "/api/openapi.json").await;
    let v: serde_json::Value = serde_json::from_str(&body).expect("openapi json");
    assert!(v["paths"]["/api/ties/{a}/{b}"].is_object());
    let (_, body, _) = get(dir.path(), "/ties/CHL/PER?certainty=denied").await;
    assert!(
        body.contains("No events between them"),
        "a filter that leaves nothing"
    );
}

#[tokio::test]
async fn bad_input_is_a_clear_error() {
    let dir = store();
    for (uri, want) in [
        ("/articles/abc", StatusCode::BAD_REQUEST),
        ("/articles/999", StatusCode::NOT_FOUND),
        ("/entities/nobody-here", StatusCode::NOT_FOUND),
        ("/ties/CHL/PER?since=2024-13x", StatusCode::BAD_REQUEST),
        ("/api/search", StatusCode::BAD_REQUEST),
        ("/api/search?q=aid&format=xml", StatusCode::BAD_REQUEST),
        ("/no/such/page", StatusCode::NOT_FOUND),
    ] {
        let (status, _, csp) = get(dir.path(), uri).await;
        assert_eq!(status, want, "{uri}");
        assert!(!csp.is_empty(), "{uri}");
    }
    // A missing store is an error page, not a crash.
    let empty = tempfile::tempdir().expect("tempdir");
    let (status, _, _) = get(empty.path(), "/").await;
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
}

#[tokio::test]
async fn untrusted_text_renders_as_text() {
    let dir = store();
    for uri in ["/articles/1", "/search?q=aid", "/", "/entities/CHL"] {
        let (_, body, _) = get(dir.path(), uri).await;
        assert!(!body.contains("<script>window"), "{uri} runs stored script");
        assert!(!body.contains("<img src=x"), "{uri} renders a stored tag");
        // The only scripts are the reader's own file.
        assert_eq!(body.matches("<script").count(), 1, "{uri}");
    }
    let (_, body, _) = get(dir.path(), "/articles/1").await;
    assert!(
        body.contains("&lt;script&gt;window.__xss=1&lt;/script&gt;"),
        "shown as text"
    );
    assert!(
        body.contains("href=\"https://example.org/a\""),
        "a web URL is a link"
    );
    // A stored javascript: URL never becomes a link.
    let mut s = Store::open(dir.path()).expect("open");
    let mut rec = ArticleRecord::default();
    rec.article.title = "Other".into();
    rec.article.url = Some("javascript:window.__xss=4".into());
    rec.text = "Another text.".into();
    s.add(&rec, None).expect("add");
    drop(s);
    let (status, body, _) = get(dir.path(), "/articles/2").await;
    assert_eq!(status, StatusCode::OK);
    assert!(!body.contains("href=\"javascript:"), "{body}");
}

//! The JSON API under `/api/`: everything the pages show.

use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::Json;
use dyad_store::{ArticleFilter, Store};
use serde_json::{json, Value};

use crate::params::{all, month, number, one, Pairs};
use crate::{App, Error};

/// The API's endpoints.
pub(crate) async fn index() -> Json<Value> {
    Json(json!({
        "openapi": "/api/openapi.json",
        "endpoints": [
            "/api/articles/{id}", "/api/entities/{id}", "/api/ties/{a}/{b}",
            "/api/search?q=", "/api/network", "/api/events/latest"
        ]
    }))
}

/// The OpenAPI document.
pub(crate) async fn openapi() -> Response {
    (
        [(header::CONTENT_TYPE, "application/json")],
        include_str!("../assets/openapi.json"),
    )
        .into_response()
}

fn article_id(id: &str) -> Result<i64, Error> {
    id.parse()
        .map_err(|_| Error::BadRequest(format!("'{id}' is not an article id")))
}

/// The article a path names, or a clear error.
pub(crate) async fn load_article(app: &App, id: &str) -> Result<dyad_store::ArticleView, Error> {
    let id = article_id(id)?;
    app.with_store(move |s| {
        s.article(id)?
            .ok_or_else(|| Error::NotFound(format!("article {id}")))
    })
    .await
}

/// `/api/articles/{id}`.
pub(crate) async fn article(
    State(app): State<App>,
    Path(id): Path<String>,
) -> Result<Json<Value>, Error> {
    Ok(Json(json!(load_article(&app, &id).await?)))
}

/// An entity with its claims and relations, as the API and the card give it.
pub(crate) fn entity_data(
    s: &Store,
    id: &str,
) -> Result<(dyad_store::EntityInfo, dyad_store::EntityClaims), Error> {
    let info = s
        .entity(id)?
        .ok_or_else(|| Error::NotFound(format!("entity {id}")))?;
    let claims = s.entity_claims(&info.id, 20)?;
    Ok((info, claims))
}

/// `/api/entities/{id}`.
pub(crate) async fn entity(
    State(app): State<App>,
    Path(id): Path<String>,
) -> Result<Json<Value>, Error> {
    let (info, (as_source, as_target, relations)) =
        app.with_store(move |s| entity_data(s, &id)).await?;
    Ok(Json(json!({
        "entity": info,
        "as_source": as_source,
        "as_target": as_target,
        "relations": relations,
    })))
}

/// `/api/ties/{a}/{b}?since=&until=&certainty=&evidence=`.
pub(crate) async fn ties(
    State(app): State<App>,
    Path((a, b)): Path<(String, String)>,
    Query(q): Query<Pairs>,
) -> Result<Json<Value>, Error> {
    let (since, until) = (month(&q, "since")?, month(&q, "until")?);
    let certainty = all(&q, "certainty");
    let evidence = number(&q, "evidence", 20, 200);
    let t = app
        .with_store(move |s| {
            Ok(s.ties_of_certainty(
                &a,
                &b,
                since.as_deref(),
                until.as_deref(),
                evidence,
                &certainty,
            )?)
        })
        .await?;
    Ok(Json(json!(t)))
}

/// The article filter of a search query.
pub(crate) fn article_filter(q: &Pairs) -> ArticleFilter {
    ArticleFilter {
        actor: one(q, "actor"),
        kind: one(q, "type"),
        certainty: one(q, "certainty"),
        since: one(q, "since"),
        until: one(q, "until"),
        limit: number(q, "limit", 50, 1000),
    }
}

/// `/api/search?q=…[&actor&type&certainty&since&until&limit][&format=json|jsonl|csv]`:
/// `{"results": [{"id", "title", "url", "published", "outlet"}]}`, newest first.
pub(crate) async fn search(
    State(app): State<App>,
    Query(q): Query<Pairs>,
) -> Result<Response, Error> {
    let text = one(&q, "q").ok_or_else(|| Error::BadRequest("q: a query is needed".into()))?;
    let f = article_filter(&q);
    let format = one(&q, "format").unwrap_or_else(|| "json".into());
    let results = app
        .with_store(move |s| Ok(s.search_articles(&text, &f)?))
        .await?;
    match format.as_str() {
        "json" => Ok(Json(json!({ "results": results })).into_response()),
        "jsonl" => {
            let mut body = String::new();
            for r in &results {
                body.push_str(&json!(r).to_string());
                body.push('\n');
            }
            Ok((
                [
                    (header::CONTENT_TYPE, "application/x-ndjson"),
                    (
                        header::CONTENT_DISPOSITION,
                        "attachment; filename=\"dyad-search.jsonl\"",
                    ),
                ],
                body,
            )
                .into_response())
        }
        "csv" => {
            let mut w = csv::Writer::from_writer(Vec::new());
            let mut write = || -> Result<Vec<u8>, csv::Error> {
                w.write_record(["id", "title", "url", "published", "outlet"])?;
                for r in &results {
                    let cell = dyad_store::keys::cell;
                    w.write_record([
                        r.id.to_string(),
                        cell(&r.title),
                        cell(r.url.as_deref().unwrap_or_default()),
                        r.published.clone().unwrap_or_default(),
                        cell(&r.outlet),
                    ])?;
                }
                w.flush()?;
                Ok(w.get_ref().clone())
            };
            let body = write().map_err(|e| Error::BadRequest(e.to_string()))?;
            Ok((
                [
                    (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
                    (
                        header::CONTENT_DISPOSITION,
                        "attachment; filename=\"dyad-search.csv\"",
                    ),
                ],
                body,
            )
                .into_response())
        }
        other => Err(Error::BadRequest(format!(
            "format: '{other}' is not json, jsonl or csv"
        ))),
    }
}

/// The period and types of a network query: by default the twelve months up
/// to the latest event.
pub(crate) fn period(s: &Store, q: &Pairs) -> Result<(String, String, Vec<String>), Error> {
    let until = match month(q, "until")? {
        Some(m) => m,
        None => s.latest_month()?.unwrap_or_else(|| "9999-12".into()),
    };
    let since = match month(q, "since")? {
        Some(m) => m,
        None => {
            let y: i64 = until[..4].parse().unwrap_or(0);
            format!("{:04}-{}", y - 1, &until[5..])
        }
    };
    Ok((since, until, all(q, "type")))
}

/// `/api/network?since=&until=&type=`.
pub(crate) async fn network(
    State(app): State<App>,
    Query(q): Query<Pairs>,
) -> Result<Json<Value>, Error> {
    let v = app
        .with_store(move |s| {
            let (since, until, types) = period(s, &q)?;
            let edges = s.network(&since, &until, &types, 60)?;
            Ok(json!({"since": since, "until": until, "types": types, "edges": edges}))
        })
        .await?;
    Ok(Json(v))
}

/// `/api/events/latest?limit=`.
pub(crate) async fn latest(
    State(app): State<App>,
    Query(q): Query<Pairs>,
) -> Result<Json<Value>, Error> {
    let limit = number(&q, "limit", 20, 200);
    let v = app.with_store(move |s| Ok(s.latest_events(limit)?)).await?;
    Ok(Json(json!({ "events": v })))
}

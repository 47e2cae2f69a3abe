//! dyad's reader: server-rendered pages and a JSON API over the store.
//!
//! Every page and API answer reads the store through its own read-only
//! connection on a blocking thread. All stored text is untrusted: pages are
//! built with maud (which escapes everything), scripts come only from
//! `/static/app.js`, and a Content-Security-Policy forbids any other.
//! Nothing here writes.

mod api;
mod pages;
mod params;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use axum::extract::Request;
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use dyad_store::Store;

/// What went wrong answering a request.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The store failed.
    #[error(transparent)]
    Store(#[from] dyad_store::Error),
    /// Nothing there.
    #[error("not found: {0}")]
    NotFound(String),
    /// A bad parameter.
    #[error("bad request: {0}")]
    BadRequest(String),
    /// The worker thread failed.
    #[error("internal error")]
    Join,
}

impl IntoResponse for Error {
    fn into_response(self) -> Response {
        let status = match &self {
            Error::NotFound(_) => StatusCode::NOT_FOUND,
            Error::BadRequest(_) => StatusCode::BAD_REQUEST,
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        };
        (status, pages::error_page(status, &self.to_string())).into_response()
    }
}

/// Shared state: where the store is, and read-only connections to it kept
/// for reuse (each keeps its own page cache warm).
#[derive(Clone)]
pub(crate) struct App {
    data: Arc<PathBuf>,
    pool: Arc<Mutex<Vec<Store>>>,
}

/// Connections kept idle at most.
const IDLE: usize = 8;

impl App {
    /// Runs `f` on a read-only connection to the store, off the async threads.
    pub(crate) async fn with_store<T: Send + 'static>(
        &self,
        f: impl FnOnce(&Store) -> Result<T, Error> + Send + 'static,
    ) -> Result<T, Error> {
        let data = Arc::clone(&self.data);
        let pool = Arc::clone(&self.pool);
        tokio::task::spawn_blocking(move || {
            let idle = pool.lock().ok().and_then(|mut p| p.pop());
            let store = match idle {
                Some(s) => s,
                None => Store::open_read_only(&data)?,
            };
            let out = f(&store);
            if let Ok(mut p) = pool.lock() {
                if p.len() < IDLE {
                    p.push(store);
                }
            }
            out
        })
        .await
        .map_err(|_| Error::Join)?
    }
}

/// The policy every answer carries: scripts and styles from this server only,
/// no inline script, no plugins, no framing.
pub const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; \
    img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; \
    form-action 'self'; frame-ancestors 'none'";

async fn security_headers(req: Request, next: Next) -> Response {
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    res
}

async fn asset(path: &'static str, kind: &'static str) -> Response {
    let body = match path {
        "app.js" => include_str!("../assets/app.js"),
        "app.css" => include_str!("../assets/app.css"),
        _ => "",
    };
    (
        [
            (header::CONTENT_TYPE, kind),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        body,
    )
        .into_response()
}

/// The reader's routes over the store in `data`.
pub fn router(data: &Path) -> Router {
    let app = App {
        data: Arc::new(data.to_path_buf()),
        pool: Arc::new(Mutex::new(Vec::new())),
    };
    Router::new()
        .route("/", get(pages::home))
        .route("/articles/{id}", get(pages::article))
        .route("/entities/{id}", get(pages::entity))
        .route("/ties/{a}/{b}", get(pages::ties))
        .route("/search", get(pages::search))
        .route("/api/", get(api::index))
        .route("/api/openapi.json", get(api::openapi))
        .route("/api/articles/{id}", get(api::article))
        .route("/api/entities/{id}", get(api::entity))
        .route("/api/ties/{a}/{b}", get(api::ties))
        .route("/api/search", get(api::search))
        .route("/api/network", get(api::network))
        .route("/api/events/latest", get(api::latest))
        .route(
            "/static/app.js",
            get(|| asset("app.js", "text/javascript; charset=utf-8")),
        )
        .route(
            "/static/app.css",
            get(|| asset("app.css", "text/css; charset=utf-8")),
        )
        .route("/favicon.ico", get(|| async { StatusCode::NO_CONTENT }))
        .fallback(|| async { Error::NotFound("no such page".into()) })
        .layer(middleware::from_fn(security_headers))
        .with_state(app)
}

/// Serves the reader on `addr` until interrupted (Ctrl-C).
pub async fn serve(data: &Path, addr: &str) -> std::io::Result<()> {
    // Fail early, with the store's own message, when there is no store.
    if let Err(e) = Store::open_read_only(data) {
        return Err(std::io::Error::other(e.to_string()));
    }
    let listener = tokio::net::TcpListener::bind(addr).await?;
    eprintln!(
        "dyad: serving {} on http://{}",
        data.display(),
        listener.local_addr()?
    );
    axum::serve(listener, router(data))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
}

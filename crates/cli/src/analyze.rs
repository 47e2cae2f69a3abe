//! `dyad analyze`: one article through the stages, printed as the JSON the scorers read
//! (`shared/spec/gold-format.md`, "What the project prints for scoring").

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use dyad_page::{read_article, Article, InputFormat, Options};
use serde_json::{json, Value};

use crate::inputs::{self, Input};

/// Runs `analyze` on one input.
pub fn run(
    path: &Path,
    url: Option<String>,
    published: Option<String>,
    format: InputFormat,
) -> anyhow::Result<ExitCode> {
    let input = if path.as_os_str() == "-" {
        Input::Stdin
    } else {
        Input::File(path.to_path_buf())
    };
    let name = input.display_name();
    let bytes = inputs::read(&input).with_context(|| name.clone())?;
    let opts = Options {
        format,
        url,
        published,
        charset: None,
    };
    let article = read_article(&bytes, &opts).with_context(|| name.clone())?;
    let out = analysis_json(&article);
    let stdout = std::io::stdout();
    let mut lock = stdout.lock();
    serde_json::to_writer_pretty(&mut lock, &out)?;
    lock.write_all(b"\n")?;
    Ok(ExitCode::SUCCESS)
}

/// The analysis object: the article, the language stage's time expressions
/// (character offsets into the article text); entities and claims follow as the
/// stages grow.
pub fn analysis_json(a: &Article) -> Value {
    let text = a.text();
    let lang = dyad_language::annotate(&text, a.published.as_deref());
    let ix = dyad_language::CharIndex::new(&text);
    let times: Vec<Value> = lang
        .times
        .iter()
        .map(|t| {
            json!({
                "start": ix.char_offset(t.span.start),
                "end": ix.char_offset(t.span.end),
                "text": &text[t.span.start..t.span.end],
                "type": t.kind,
                "value": t.value,
                "mod": t.modifier,
            })
        })
        .collect();
    json!({
        "article": {
            "title": a.title,
            "section": a.section,
            "authors": a.authors,
            "author_emails": a.author_emails,
            "publisher": a.publisher,
            "published": a.published,
            "modified": a.modified,
            "url": a.url,
            "language": a.language,
            "images": a.images,
            "paragraphs": a.paragraphs,
            "encoding": a.encoding,
            "input_format": a.input_format,
        },
        "text": text,
        "entities": [],
        "times": times,
        "claims": [],
    })
}

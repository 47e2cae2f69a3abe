//! Expanding command-line paths into inputs and reading them.

use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::Context;

/// The most bytes read from one input (a larger file is refused, not truncated).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// One input: a file or standard input.
#[derive(Debug, Clone)]
pub enum Input {
    /// A file.
    File(PathBuf),
    /// Standard input (`-`).
    Stdin,
}

impl Input {
    /// The name used in output and messages.
    pub fn display_name(&self) -> String {
        match self {
            Input::File(p) => p.display().to_string(),
            Input::Stdin => "-".to_string(),
        }
    }
}

const EXTENSIONS: &[&str] = &["html", "htm", "xhtml", "txt", "shtml"];

fn wanted(path: &Path, warc: bool) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    (EXTENSIONS.iter().any(|e| name.ends_with(&format!(".{e}"))) || (warc && is_warc(path)))
        && !name.ends_with(".gold.json")
}

/// Whether a path names a web archive (`.warc`, `.warc.gz`).
pub fn is_warc(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    name.ends_with(".warc") || name.ends_with(".warc.gz")
}

/// Expands paths: files as given, directories recursively (sorted, wanted
/// extensions only), `-` as standard input. Returns the inputs and the number of
/// paths that could not be read (each reported on stderr).
pub fn expand(paths: &[PathBuf]) -> (Vec<Input>, usize) {
    expand_with(paths, false)
}

/// As [`expand`]; with `warc`, directories also yield web archives.
pub fn expand_with(paths: &[PathBuf], warc: bool) -> (Vec<Input>, usize) {
    let mut out = Vec::new();
    let mut failed = 0;
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(Input::Stdin);
        } else if p.is_dir() {
            let mut found = Vec::new();
            if let Err(e) = walk(p, warc, &mut found) {
                eprintln!("dyad: {}: {e}", p.display());
                failed += 1;
            }
            found.sort();
            out.extend(found.into_iter().map(Input::File));
        } else if p.exists() {
            out.push(Input::File(p.clone()));
        } else {
            eprintln!("dyad: {}: no such file or directory", p.display());
            failed += 1;
        }
    }
    (out, failed)
}

fn walk(dir: &Path, warc: bool, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d)? {
            let entry = entry?;
            let path = entry.path();
            let ft = entry.file_type()?;
            if ft.is_dir() {
                stack.push(path);
            } else if wanted(&path, warc) {
                out.push(path);
            }
        }
    }
    Ok(())
}

/// Size on disk of an input (0 for standard input or when unknown).
pub fn size(input: &Input) -> u64 {
    match input {
        Input::File(p) => std::fs::metadata(p).map(|m| m.len()).unwrap_or(0),
        Input::Stdin => 0,
    }
}

/// Reads an input's bytes, refusing inputs over [`MAX_FILE_BYTES`].
pub fn read(input: &Input) -> anyhow::Result<Vec<u8>> {
    let mut buf = Vec::new();
    match input {
        Input::Stdin => {
            std::io::stdin()
                .lock()
                .take(MAX_FILE_BYTES + 1)
                .read_to_end(&mut buf)
                .context("cannot read standard input")?;
        }
        Input::File(p) => {
            let f = std::fs::File::open(p).context("cannot open")?;
            f.take(MAX_FILE_BYTES + 1)
                .read_to_end(&mut buf)
                .context("cannot read")?;
        }
    }
    if buf.len() as u64 > MAX_FILE_BYTES {
        anyhow::bail!("input larger than {MAX_FILE_BYTES} bytes");
    }
    Ok(buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extension_filter() {
        assert!(wanted(Path::new("a/b.html.gz"), false));
        assert!(wanted(Path::new("x.TXT"), false));
        assert!(!wanted(Path::new("x.gold.json"), false));
        assert!(!wanted(Path::new("x.png"), false));
        assert!(!wanted(Path::new("crawl.warc.gz"), false));
        assert!(wanted(Path::new("crawl.warc.gz"), true));
        assert!(wanted(Path::new("crawl.WARC"), true));
    }
}

//! The read stage: turn the paths given on the command line into inputs
//! (files, folders walked recursively, or standard input) and decode each
//! one into text. Nothing here prints; errors are values naming the path.
//!
//! [`read_decoded`] reads any encoding (legacy code pages, UTF-16, damaged
//! UTF-8, see [`crate::read::decode`]).
//!
//! ```no_run
//! use std::path::PathBuf;
//! use mtlint::read::walk::{self, Options};
//! let (inputs, errors) = walk::collect(&[PathBuf::from("articles")], &Options::default());
//! for i in &inputs {
//!     match walk::read_decoded(i) {
//!         Ok(d) => println!("{}: {} bytes of {}", i.display, d.text.len(), d.encoding),
//!         Err(e) => eprintln!("{e}"),
//!     }
//! }
//! # let _ = errors;
//! ```

use std::collections::HashSet;
use std::fmt;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use crate::read::decode::{self, Decoded};

/// The name of the ignore file read in every walked folder, in the syntax of
/// `.gitignore`.
pub const IGNORE_FILE: &str = ".mtlintignore";

/// The extensions of the files taken from folders by default: those of
/// every format mtlint reads (plain text, Markdown, HTML, subtitles,
/// catalogues).
pub const DEFAULT_EXTENSIONS: [&str; 15] = [
    "txt", "text", "md", "markdown", "mdown", "mkd", "html", "htm", "xhtml", "srt", "vtt", "po",
    "pot", "xlf", "xliff",
];

/// What [`collect`] looks for.
#[derive(Debug, Clone)]
pub struct Options {
    /// Extensions (without the dot, compared without case) of the files taken
    /// from walked folders. A file named explicitly is always taken.
    pub extensions: Vec<String>,
    /// Display name of standard input (`-` by default).
    pub stdin_name: Option<String>,
    /// Read no ignore file (`.gitignore`, `.ignore`, [`IGNORE_FILE`], git's
    /// global excludes); hidden files are still skipped.
    pub no_ignore: bool,
    /// Decides which entries of a walk are taken, in place of
    /// [`Options::extensions`] (the configuration's extensions and globs).
    pub filter: Option<WalkFilter>,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            extensions: DEFAULT_EXTENSIONS.iter().map(|e| e.to_string()).collect(),
            stdin_name: None,
            no_ignore: false,
            filter: None,
        }
    }
}

/// `filter(path, is_dir)`: whether a walk takes a file, or enters a folder.
pub type WalkFn = dyn Fn(&Path, bool) -> bool + Send + Sync;

/// A shared [`WalkFn`] for [`Options::filter`].
#[derive(Clone)]
pub struct WalkFilter(pub std::sync::Arc<WalkFn>);

impl fmt::Debug for WalkFilter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("WalkFilter")
    }
}

/// Where an input's bytes come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A file on disk.
    File(PathBuf),
    /// Standard input.
    Stdin,
}

/// One text to scan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// The path shown to the user: as given on the command line, joined with
    /// the path found by the walk, with `/` separators, never made absolute.
    pub display: String,
    /// Where to read it from.
    pub source: Origin,
}

/// What went wrong with one path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ErrorKind {
    /// The path does not exist.
    NotFound,
    /// The file or folder could not be read.
    Io(String),
    /// A NUL byte in the first 8 KiB: not text. Skipped, not an error.
    Binary {
        /// Offset of the first NUL byte.
        offset: usize,
    },
}

/// An input that could not be scanned, with the path as the user sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    /// Display path, as in [`Input::display`].
    pub path: String,
    /// What happened.
    pub kind: ErrorKind,
}

impl InputError {
    fn new(path: impl Into<String>, kind: ErrorKind) -> Self {
        Self {
            path: path.into(),
            kind,
        }
    }

    /// The error of an I/O failure on `path`: `NotFound`, or the OS message.
    pub fn io(path: impl Into<String>, e: &io::Error) -> Self {
        let kind = if e.kind() == io::ErrorKind::NotFound {
            ErrorKind::NotFound
        } else {
            ErrorKind::Io(io_message(e))
        };
        Self::new(path, kind)
    }

    /// Whether the input was skipped on purpose (a binary file) rather than
    /// failed: a note for the user, not an error.
    pub fn is_skip(&self) -> bool {
        matches!(self.kind, ErrorKind::Binary { .. })
    }

    /// The message without the path.
    pub fn message(&self) -> String {
        match &self.kind {
            ErrorKind::NotFound => "no such file or folder".into(),
            ErrorKind::Io(m) => m.clone(),
            ErrorKind::Binary { offset } => {
                format!("skipped: binary file (NUL byte at offset {offset})")
            }
        }
    }
}

impl fmt::Display for InputError {
    /// `PATH: message`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message())
    }
}

impl std::error::Error for InputError {}

/// The OS message without Rust's ` (os error N)` suffix, lowercased like
/// the rest of our messages.
pub fn io_message(e: &io::Error) -> String {
    let s = e.to_string();
    let s = match s.find(" (os error") {
        Some(i) => &s[..i],
        None => &s,
    };
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_lowercase().chain(c).collect(),
        None => "cannot read".into(),
    }
}

/// Expands `paths` into the inputs to scan, sorted by display path, each
/// once, with an error for every path that does not exist or cannot be
/// walked.
///
/// Folders are walked recursively, honouring `.gitignore` (also outside a
/// git repository), `.ignore`, [`IGNORE_FILE`] and git's global excludes,
/// and skipping hidden files and folders; only files with one of
/// [`Options::extensions`] are taken from them. A file named explicitly is
/// always taken. `-` is standard input.
pub fn collect(paths: &[PathBuf], opts: &Options) -> (Vec<Input>, Vec<InputError>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            let display = opts.stdin_name.clone().unwrap_or_else(|| "-".into());
            inputs.push(Input {
                display,
                source: Origin::Stdin,
            });
            continue;
        }
        let given = display_path(path);
        match std::fs::metadata(path) {
            Err(e) => errors.push(InputError::io(given, &e)),
            Ok(m) if m.is_dir() => walk(path, &given, opts, &mut inputs, &mut errors),
            Ok(_) => inputs.push(Input {
                display: given,
                source: Origin::File(path.clone()),
            }),
        }
    }
    inputs.sort_by(|a, b| a.display.cmp(&b.display));
    // The same file reached twice (named and inside a named folder, or two
    // spellings of one path) is scanned once; `-` named twice is read once.
    let mut seen = HashSet::new();
    inputs.retain(|i| {
        let key = match &i.source {
            Origin::Stdin => None,
            Origin::File(p) => Some(std::fs::canonicalize(p).unwrap_or_else(|_| p.clone())),
        };
        seen.insert(key)
    });
    errors.sort_by(|a, b| a.path.cmp(&b.path));
    (inputs, errors)
}

/// Walks one folder into `inputs`.
fn walk(
    root: &Path,
    given: &str,
    opts: &Options,
    inputs: &mut Vec<Input>,
    errors: &mut Vec<InputError>,
) {
    let mut builder = ignore::WalkBuilder::new(root);
    builder
        .standard_filters(!opts.no_ignore)
        .hidden(true)
        // A folder of articles is rarely a git repository; its .gitignore
        // still says what its owner does not want read.
        .require_git(false);
    if !opts.no_ignore {
        builder.add_custom_ignore_filename(IGNORE_FILE);
    }
    if let Some(f) = opts.filter.clone() {
        // Folders the filter refuses are not entered at all; the root is
        // always walked, since it was named.
        builder.filter_entry(move |e| {
            e.depth() == 0 || !e.file_type().is_some_and(|t| t.is_dir()) || (f.0)(e.path(), true)
        });
    }
    let walker = builder.build();
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                errors.push(walk_error(given, root, &e));
                continue;
            }
        };
        if !entry.file_type().is_some_and(|t| t.is_file()) {
            continue;
        }
        let path = entry.path();
        let wanted = match &opts.filter {
            Some(f) => (f.0)(path, false),
            None => path
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| opts.extensions.iter().any(|x| x.eq_ignore_ascii_case(e))),
        };
        if !wanted {
            continue;
        }
        let Ok(rel) = path.strip_prefix(root) else {
            continue;
        };
        inputs.push(Input {
            display: join_display(given, rel),
            source: Origin::File(path.to_path_buf()),
        });
    }
}

/// An error of the walk, naming the path it happened on when the walker says.
fn walk_error(given: &str, root: &Path, e: &ignore::Error) -> InputError {
    fn parts(e: &ignore::Error) -> (Option<&Path>, Option<&io::Error>) {
        match e {
            ignore::Error::WithPath { path, err } => (Some(path.as_path()), parts(err).1),
            ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
                parts(err)
            }
            ignore::Error::Io(io) => (None, Some(io)),
            _ => (None, None),
        }
    }
    let (path, io) = parts(e);
    let display = path
        .and_then(|p| p.strip_prefix(root).ok())
        .map_or_else(|| given.to_string(), |rel| join_display(given, rel));
    let kind = match io {
        Some(io) if io.kind() == io::ErrorKind::NotFound => ErrorKind::NotFound,
        Some(io) => ErrorKind::Io(io_message(io)),
        None => ErrorKind::Io(e.to_string()),
    };
    InputError::new(display, kind)
}

/// A path as typed, with `/` separators.
fn display_path(p: &Path) -> String {
    let s = p.to_string_lossy();
    if std::path::MAIN_SEPARATOR == '/' {
        s.into_owned()
    } else {
        s.replace(std::path::MAIN_SEPARATOR, "/")
    }
}

/// `given` joined with a relative walk path. `.` adds nothing (`a.txt`, not
/// `./a.txt`), and a trailing `/` on `given` is not doubled.
fn join_display(given: &str, rel: &Path) -> String {
    let rel = display_path(rel);
    let base = given.trim_end_matches('/');
    if base == "." || rel.is_empty() {
        return if rel.is_empty() { given.into() } else { rel };
    }
    if base.is_empty() {
        // The root folder itself.
        return format!("/{rel}");
    }
    format!("{base}/{rel}")
}

/// Reads one input in whatever encoding it is in ([`crate::read::decode::decode`]):
/// only a binary file (a skip, see [`InputError::is_skip`]) or an I/O
/// failure is an error.
pub fn read_decoded(input: &Input) -> Result<Decoded, InputError> {
    let bytes = read_bytes(input)?;
    decode::decode_owned(bytes).map_err(|e| match e {
        decode::NotText::Binary { offset } => {
            InputError::new(&input.display, ErrorKind::Binary { offset })
        }
    })
}

/// The bytes of one input.
fn read_bytes(input: &Input) -> Result<Vec<u8>, InputError> {
    Ok(match &input.source {
        Origin::File(p) => std::fs::read(p).map_err(|e| InputError::io(&input.display, &e))?,
        Origin::Stdin => {
            let mut b = Vec::new();
            io::stdin()
                .lock()
                .read_to_end(&mut b)
                .map_err(|e| InputError::io(&input.display, &e))?;
            b
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn displays(inputs: &[Input]) -> Vec<&str> {
        inputs.iter().map(|i| i.display.as_str()).collect()
    }

    #[test]
    fn error_display_names_path_and_offset() {
        let e = InputError::new("news/ar.bin", ErrorKind::Binary { offset: 17 });
        assert_eq!(
            e.to_string(),
            "news/ar.bin: skipped: binary file (NUL byte at offset 17)"
        );
        assert!(!InputError::new("x", ErrorKind::NotFound).is_skip());
        assert!(InputError::new("x", ErrorKind::Binary { offset: 0 }).is_skip());
        assert_eq!(
            InputError::new("gone.txt", ErrorKind::NotFound).to_string(),
            "gone.txt: no such file or folder"
        );
    }

    #[test]
    fn join_display_keeps_what_the_user_typed() {
        let rel = Path::new("sub/a.txt");
        assert_eq!(join_display(".", rel), "sub/a.txt");
        assert_eq!(join_display("./", rel), "sub/a.txt");
        assert_eq!(join_display("docs", rel), "docs/sub/a.txt");
        assert_eq!(join_display("docs/", rel), "docs/sub/a.txt");
        assert_eq!(join_display("../x", rel), "../x/sub/a.txt");
        assert_eq!(join_display("/", rel), "/sub/a.txt");
    }

    #[test]
    fn collect_walks_sorted_filtered_and_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("b/deep")).unwrap();
        fs::create_dir_all(root.join(".hidden")).unwrap();
        fs::create_dir_all(root.join("skipped")).unwrap();
        for f in [
            "z.txt",
            "a.md",
            "b/deep/c.TXT",
            "b/notes.rst",
            "b/img.png",
            ".hidden/h.txt",
            ".dot.txt",
            "skipped/s.txt",
            "drafts.txt",
        ] {
            fs::write(root.join(f), "نص").unwrap();
        }
        fs::write(root.join(".gitignore"), "skipped/\n").unwrap();
        fs::write(root.join(IGNORE_FILE), "drafts.txt\n").unwrap();
        let given = root.to_path_buf();
        let (inputs, errors) = collect(std::slice::from_ref(&given), &Options::default());
        assert!(errors.is_empty(), "{errors:?}");
        let base = display_path(root);
        let want: Vec<String> = ["a.md", "b/deep/c.TXT", "z.txt"]
            .iter()
            .map(|r| format!("{base}/{r}"))
            .collect();
        assert_eq!(displays(&inputs), want);

        // Named explicitly: taken whatever the extension or ignore files say,
        // and a file reached twice is read once.
        let (inputs, _) = collect(
            &[
                root.join("b/notes.rst"),
                root.join("skipped/s.txt"),
                root.join("z.txt"),
                given,
            ],
            &Options::default(),
        );
        let names: Vec<_> = displays(&inputs)
            .iter()
            .map(|d| d.strip_prefix(&format!("{base}/")).unwrap().to_string())
            .collect();
        assert_eq!(
            names,
            [
                "a.md",
                "b/deep/c.TXT",
                "b/notes.rst",
                "skipped/s.txt",
                "z.txt"
            ]
        );
    }

    #[test]
    fn collect_reports_missing_paths_and_stdin_names() {
        let (inputs, errors) = collect(
            &[PathBuf::from("-"), PathBuf::from("no/such/file.txt")],
            &Options {
                stdin_name: Some("article.txt".into()),
                ..Options::default()
            },
        );
        assert_eq!(
            inputs,
            [Input {
                display: "article.txt".into(),
                source: Origin::Stdin
            }]
        );
        assert_eq!(
            errors,
            [InputError::new("no/such/file.txt", ErrorKind::NotFound)]
        );
    }

    #[test]
    fn read_decoded_takes_any_encoding_but_binary() {
        let dir = tempfile::tempdir().unwrap();
        let input = |name: &str, bytes: &[u8]| {
            let p = dir.path().join(name);
            fs::write(&p, bytes).unwrap();
            Input {
                display: name.into(),
                source: Origin::File(p),
            }
        };
        // "Привет, мир" in Windows-1251.
        let ru = input("ru.txt", b"\xCF\xF0\xE8\xE2\xE5\xF2, \xEC\xE8\xF0\n");
        let d = read_decoded(&ru).unwrap();
        assert_eq!(d.text, "Привет, мир\n");
        assert_eq!(d.encoding.name(), "windows-1251");
        let bin = input("img.txt", b"GIF89a\x00\x01");
        let e = read_decoded(&bin).unwrap_err();
        assert!(e.is_skip() && e.path == "img.txt", "{e}");
        let gone = Input {
            display: "gone.txt".into(),
            source: Origin::File(dir.path().join("gone.txt")),
        };
        assert_eq!(read_decoded(&gone).unwrap_err().kind, ErrorKind::NotFound);
    }
}

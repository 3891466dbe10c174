//! Corpora of markup files found on this machine, built at run time and
//! never copied into the repository: the READMEs of the crates in the cargo
//! registry (Markdown), the HTML documentation installed with the Rust
//! toolchain, and the system's gettext catalogues turned back into PO
//! files with `msgunfmt`.
//!
//! Every corpus is read in a fixed order (sorted paths), and sampled the
//! same way on every run ([`sample`]): when there are more files or bytes
//! than the [`Limits`] allow, every k-th file of each group (the top folder
//! of the documentation, the language of a catalogue) is taken, each group
//! having an equal share, then files are read in order until the budget is
//! spent.

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};
use std::process::Command;

use mtlint::extract::Format;
use rayon::prelude::*;

/// How much of a corpus to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// At most this many bytes of text in all.
    pub max_bytes: u64,
    /// At most this many files.
    pub max_files: usize,
    /// Files larger than this are left out.
    pub max_file_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_bytes: 8_000_000,
            max_files: 3000,
            max_file_bytes: 1_000_000,
        }
    }
}

/// One file of a corpus.
#[derive(Debug, Clone)]
pub struct File {
    /// Its name relative to the corpus's folder, with the extension of its
    /// format (`serde-1.0.200/README.md`, `book/ch01-00.html`,
    /// `fr/coreutils.po`).
    pub path: String,
    /// Its text.
    pub text: String,
}

/// A corpus and how it was sampled.
#[derive(Debug, Clone)]
pub struct Corpus {
    /// `markdown`, `html` or `po`.
    pub name: &'static str,
    /// The format its files are in.
    pub format: Format,
    /// Where it was read from.
    pub root: PathBuf,
    /// The files read, in order.
    pub files: Vec<File>,
    /// Files found that could have been read.
    pub candidates: usize,
    /// Files left out for their size ([`Limits::max_file_bytes`]).
    pub too_big: usize,
    /// Sampled files that could not be read, converted or were not UTF-8.
    pub unreadable: usize,
    /// Every k-th candidate of each group (folder, language) was taken.
    pub strides: BTreeMap<String, usize>,
}

impl Corpus {
    /// The bytes of text read.
    pub fn bytes(&self) -> usize {
        self.files.iter().map(|f| f.text.len()).sum()
    }
}

/// A candidate file: where it is, the name it is reported under, its size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// Where it is.
    pub path: PathBuf,
    /// Its name in the corpus.
    pub name: String,
    /// Its size in bytes (on disk; a catalogue's compiled size).
    pub size: u64,
}

/// The candidates to read, in order of name: those not too big, and of
/// each group (a folder, a language) every k-th, k chosen so that every
/// group has an equal share of `max_files` and `max_bytes` and a group that
/// needs less leaves the rest to the others. Returns them with how many
/// were too big and the k of each group.
pub fn sample(
    mut all: Vec<Candidate>,
    limits: &Limits,
    group: impl Fn(&Candidate) -> String,
) -> (Vec<Candidate>, usize, BTreeMap<String, usize>) {
    let before = all.len();
    all.retain(|c| c.size <= limits.max_file_bytes);
    let too_big = before - all.len();
    let mut groups: BTreeMap<String, Vec<Candidate>> = BTreeMap::new();
    for c in all {
        groups.entry(group(&c)).or_default().push(c);
    }
    let mut order: Vec<(u64, String)> = groups
        .iter()
        .map(|(g, v)| (v.iter().map(|c| c.size).sum(), g.clone()))
        .collect();
    order.sort();
    let (mut bytes_left, mut files_left) = (limits.max_bytes, limits.max_files);
    let mut strides = BTreeMap::new();
    let mut picked = Vec::new();
    for (i, (total, g)) in order.iter().enumerate() {
        let mut members = groups.remove(g).unwrap_or_default();
        members.sort_by(|a, b| a.name.cmp(&b.name));
        let left = (order.len() - i) as u64;
        let share_bytes = (bytes_left / left).max(1);
        let share_files = (files_left / left as usize).max(1);
        let k = (total.div_ceil(share_bytes) as usize)
            .max(members.len().div_ceil(share_files))
            .max(1);
        let taken: Vec<Candidate> = members.into_iter().step_by(k).collect();
        bytes_left = bytes_left.saturating_sub(taken.iter().map(|c| c.size).sum());
        files_left = files_left.saturating_sub(taken.len());
        strides.insert(g.clone(), k);
        picked.extend(taken);
    }
    picked.sort_by(|a, b| a.name.cmp(&b.name));
    (picked, too_big, strides)
}

/// The first component of a name (`book` of `book/ch01.html`), or `.` for
/// a name with none.
fn top_folder(c: &Candidate) -> String {
    match c.name.split_once('/') {
        Some((top, _)) => top.to_string(),
        None => ".".to_string(),
    }
}

/// Reads the picked candidates in order until `limits` are reached; with
/// `read` turning a candidate into its text (`None` when it cannot be read
/// or is not UTF-8). Returns the files and how many could not be read.
fn read_in_order(
    picked: &[Candidate],
    limits: &Limits,
    read: impl Fn(&Candidate) -> Option<String> + Sync,
) -> (Vec<File>, usize) {
    // Read in parallel a batch at a time, kept in order.
    let mut files = Vec::new();
    let mut unreadable = 0;
    let mut bytes = 0u64;
    for batch in picked.chunks(64) {
        let texts: Vec<Option<String>> = batch.par_iter().map(&read).collect();
        for (c, text) in batch.iter().zip(texts) {
            let Some(text) = text else {
                unreadable += 1;
                continue;
            };
            if files.len() >= limits.max_files || bytes + text.len() as u64 > limits.max_bytes {
                return (files, unreadable);
            }
            bytes += text.len() as u64;
            files.push(File {
                path: c.name.clone(),
                text,
            });
        }
    }
    (files, unreadable)
}

/// The text of a file, if it reads and is UTF-8.
fn read_utf8(path: &Path) -> Option<String> {
    String::from_utf8(std::fs::read(path).ok()?).ok()
}

/// A version `major.minor.patch[-pre][+build]`, ordered as versions are
/// (a pre-release before its release).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Version {
    numbers: [u64; 3],
    /// `true` for a release, so that it sorts after its pre-releases.
    release: bool,
    pre: String,
}

/// Parses the version part of a registry folder's name.
fn parse_version(s: &str) -> Option<Version> {
    let s = s.split('+').next()?;
    let (core, pre) = s.split_once('-').unwrap_or((s, ""));
    let mut numbers = [0u64; 3];
    let mut parts = core.split('.');
    for n in &mut numbers {
        *n = parts.next()?.parse().ok()?;
    }
    if parts.next().is_some() {
        return None;
    }
    Some(Version {
        numbers,
        release: pre.is_empty(),
        pre: pre.to_string(),
    })
}

/// The crate name and version of a registry folder (`md-5-0.10.6` is
/// `md-5` at 0.10.6): split at the first `-` that a version follows.
///
/// ```
/// use mtlint_eval::markup_corpus::crate_name_version;
/// assert_eq!(crate_name_version("md-5-0.10.6").unwrap().0, "md-5");
/// assert_eq!(crate_name_version("windows-sys-0.59.0").unwrap().0, "windows-sys");
/// assert!(crate_name_version("not-a-crate").is_none());
/// ```
pub fn crate_name_version(dir: &str) -> Option<(&str, Version)> {
    dir.match_indices('-').find_map(|(i, _)| {
        let name = &dir[..i];
        (!name.is_empty())
            .then(|| parse_version(&dir[i + 1..]))
            .flatten()
            .map(|v| (name, v))
    })
}

/// The cargo registry's source folder: `$CARGO_HOME/registry/src`, or
/// `~/.cargo/registry/src`.
pub fn default_registry() -> Option<PathBuf> {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))?;
    Some(home.join("registry/src"))
}

/// The `README.md` of every crate under `registry` (a cargo registry's
/// `src` folder, with one folder per index), the newest version of each
/// crate only, by crate name.
pub fn readmes(registry: &Path, limits: &Limits) -> io::Result<Corpus> {
    let mut newest: std::collections::BTreeMap<String, (Version, PathBuf, String)> =
        Default::default();
    for index in std::fs::read_dir(registry)? {
        let Ok(index) = index else { continue };
        let Ok(crates) = std::fs::read_dir(index.path()) else {
            continue;
        };
        for dir in crates.flatten() {
            let readme = dir.path().join("README.md");
            let name = dir.file_name().to_string_lossy().into_owned();
            let Some((krate, version)) = crate_name_version(&name) else {
                continue;
            };
            if !readme.is_file() {
                continue;
            }
            let newer = newest.get(krate).is_none_or(|(v, _, _)| version > *v);
            if newer {
                newest.insert(
                    krate.to_string(),
                    (version, readme, format!("{name}/README.md")),
                );
            }
        }
    }
    let all: Vec<Candidate> = newest
        .into_values()
        .map(|(_, path, name)| Candidate {
            size: std::fs::metadata(&path).map_or(0, |m| m.len()),
            path,
            name,
        })
        .collect();
    let candidates = all.len();
    let (picked, too_big, strides) = sample(all, limits, |_| ".".to_string());
    let (files, unreadable) = read_in_order(&picked, limits, |c| read_utf8(&c.path));
    Ok(Corpus {
        name: "markdown",
        format: Format::Markdown,
        root: registry.to_path_buf(),
        files,
        candidates,
        too_big,
        unreadable,
        strides,
    })
}

/// The HTML documentation installed with the toolchain:
/// `$(rustc --print sysroot)/share/doc/rust/html`, if it is there.
pub fn default_rust_docs() -> Option<PathBuf> {
    let rustc = std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let out = Command::new(rustc)
        .args(["--print", "sysroot"])
        .output()
        .ok()?;
    let sysroot = String::from_utf8(out.stdout).ok()?;
    let dir = PathBuf::from(sysroot.trim()).join("share/doc/rust/html");
    dir.is_dir().then_some(dir)
}

/// Every `*.html` file under `dir`, recursively, as candidates named by
/// their path relative to `dir`.
fn html_files(dir: &Path) -> Vec<Candidate> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let Ok(kind) = e.file_type() else { continue };
            let path = e.path();
            if kind.is_dir() {
                stack.push(path);
            } else if kind.is_file() && path.extension().is_some_and(|x| x == "html") {
                let name = path
                    .strip_prefix(dir)
                    .unwrap_or(&path)
                    .to_string_lossy()
                    .into_owned();
                let size = e.metadata().map_or(0, |m| m.len());
                out.push(Candidate { path, name, size });
            }
        }
    }
    out
}

/// A sample of the HTML files under `dir` (the Rust documentation).
pub fn rust_docs(dir: &Path, limits: &Limits) -> Corpus {
    let all = html_files(dir);
    let candidates = all.len();
    let (picked, too_big, strides) = sample(all, limits, top_folder);
    let (files, unreadable) = read_in_order(&picked, limits, |c| read_utf8(&c.path));
    Corpus {
        name: "html",
        format: Format::Html,
        root: dir.to_path_buf(),
        files,
        candidates,
        too_big,
        unreadable,
        strides,
    }
}

/// Whether `msgunfmt` (Debian's `gettext`) can be run.
pub fn has_msgunfmt() -> bool {
    Command::new("msgunfmt")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// A sample of the gettext catalogues of `langs` under `locale`
/// (`/usr/share/locale/<lang>/LC_MESSAGES/*.mo`), each turned into a PO
/// file by `msgunfmt` in a temporary folder and read from there. Sampled by
/// compiled size; the byte budget counts the PO text. An error when
/// `msgunfmt` cannot be run.
pub fn catalogues(locale: &Path, langs: &[&str], limits: &Limits) -> Result<Corpus, String> {
    if !has_msgunfmt() {
        return Err(
            "msgunfmt not found: install gettext (`apt-get install -y gettext`) to measure PO"
                .to_string(),
        );
    }
    let mut all = Vec::new();
    for lang in langs {
        let dir = locale.join(lang).join("LC_MESSAGES");
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.flatten() {
            let path = e.path();
            if path.extension().is_some_and(|x| x == "mo") {
                let stem = path
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let size = e.metadata().map_or(0, |m| m.len());
                all.push(Candidate {
                    path,
                    name: format!("{lang}/{stem}.po"),
                    size,
                });
            }
        }
    }
    let candidates = all.len();
    let (picked, too_big, strides) = sample(all, limits, top_folder);
    let tmp = tempfile::tempdir().map_err(|e| format!("no temporary folder: {e}"))?;
    let (files, unreadable) = read_in_order(&picked, limits, |c| {
        let out = tmp.path().join(c.name.replace('/', "_"));
        let ok = Command::new("msgunfmt")
            .arg(&c.path)
            .arg("-o")
            .arg(&out)
            .output()
            .is_ok_and(|o| o.status.success());
        if ok {
            read_utf8(&out)
        } else {
            None
        }
    });
    Ok(Corpus {
        name: "po",
        format: Format::Po,
        root: locale.to_path_buf(),
        files,
        candidates,
        too_big,
        unreadable,
        strides,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidate(name: &str, size: u64) -> Candidate {
        Candidate {
            path: PathBuf::from(name),
            name: name.to_string(),
            size,
        }
    }

    #[test]
    fn versions_order_and_split() {
        let v = |s: &str| crate_name_version(s).unwrap().1;
        assert!(v("a-1.10.0") > v("a-1.9.9"));
        assert!(v("a-1.0.0") > v("a-1.0.0-rc.1"));
        assert_eq!(
            crate_name_version("foo-bar-1.0.0-alpha.1").unwrap().0,
            "foo-bar"
        );
        assert_eq!(crate_name_version("x-2-3.4.5").unwrap().0, "x-2");
        assert!(crate_name_version("-1.0.0").is_none());
        assert!(crate_name_version("a-1.0").is_none());
    }

    #[test]
    fn sample_spreads_and_skips_big_files() {
        let all: Vec<Candidate> = (0..100)
            .map(|i| candidate(&format!("{i:03}"), if i == 7 { 50 } else { 10 }))
            .collect();
        let limits = Limits {
            max_bytes: 250,
            max_files: 1000,
            max_file_bytes: 20,
        };
        let (picked, too_big, k) = sample(all, &limits, |_| String::new());
        assert_eq!((too_big, k[""]), (1, 4));
        assert_eq!(picked.len(), 25);
        assert_eq!(picked[1].name, "004");
        assert!(picked.iter().all(|c| c.name != "007"));
    }

    #[test]
    fn sample_gives_every_group_its_share() {
        // A big folder and two small ones: the small ones are read whole,
        // the big one fills what they leave.
        let mut all: Vec<Candidate> = (0..90)
            .map(|i| candidate(&format!("big/{i:02}"), 10))
            .collect();
        all.extend((0..3).map(|i| candidate(&format!("small/{i}"), 10)));
        all.push(candidate("top.html", 10));
        let limits = Limits {
            max_bytes: 200,
            max_files: 1000,
            max_file_bytes: 100,
        };
        let (picked, _, k) = sample(all, &limits, top_folder);
        assert_eq!((k["."], k["small"], k["big"]), (1, 1, 6));
        assert_eq!(picked.len(), 1 + 3 + 15);
        assert_eq!(picked[0].name, "big/00");
        assert_eq!(picked.last().unwrap().name, "top.html");
    }

    #[test]
    fn reading_stops_at_the_budget_and_counts_failures() {
        let picked: Vec<Candidate> = (0..10).map(|i| candidate(&i.to_string(), 3)).collect();
        let limits = Limits {
            max_bytes: 10,
            max_files: 100,
            max_file_bytes: 100,
        };
        let (files, unreadable) = read_in_order(&picked, &limits, |c| {
            (c.name != "1").then(|| "abc".to_string())
        });
        let names: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(names, ["0", "2", "3"]);
        assert_eq!(unreadable, 1);
    }
}

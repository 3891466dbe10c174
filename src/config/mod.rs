//! Configuration files: `mtlint.toml` or `.mtlint.toml`, found by walking
//! up from each scanned path (the nearest wins), or named with `--config`,
//! or ignored with `--isolated`; merged with the command line into the
//! [`Settings`] of each file.
//!
//! ```toml
//! language = "ar"
//! extend-select = ["unused-suppression"]
//! ignore = ["joined-words"]
//! allowed-terms = ["Telegram", "NATO"]
//! allowed-scripts = ["Latin"]
//! fail-level = "warning"
//! fail-under = 80
//! extensions = ["txt", "md", "markdown"]
//! exclude = ["drafts", "vendor/**"]
//!
//! [severity]
//! repeated-word = "error"
//!
//! [[per-file]]
//! files = ["en/**"]
//! language = "en"
//! ```
//!
//! Rule selection is layered as in ruff: the file, then each matching
//! `[[per-file]]` table, then the command line. In each layer `select`
//! replaces the rules chosen so far, `extend-select` adds to them and
//! `ignore` takes away. Globs are relative to the folder of the
//! configuration file; a glob without `/` matches a name at any depth, and a
//! glob that matches a folder matches everything under it.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use toml::de::{DeTable, DeValue};
use toml::Spanned;
use unicode_script::Script;

use crate::extract::Format;
use crate::report::finding::Severity;
use crate::rules;
pub mod languages;
pub mod scan;

use crate::rules::suggest;
pub use scan::{Config, UnknownRule};

/// The names of a configuration file, in the order they are looked for in
/// each folder.
pub const FILE_NAMES: [&str; 2] = ["mtlint.toml", ".mtlint.toml"];

/// The extensions of the files taken from walked folders by default.
pub use crate::read::walk::DEFAULT_EXTENSIONS;

/// Keys of a configuration file's top level.
pub const TOP_KEYS: &[&str] = &[
    "language",
    "input-format",
    "select",
    "extend-select",
    "ignore",
    "severity",
    "allowed-terms",
    "allowed-scripts",
    "fail-under",
    "fail-level",
    "include",
    "exclude",
    "extensions",
    "per-file",
];

/// Keys of a `[[per-file]]` table.
const PER_FILE_KEYS: &[&str] = &[
    "files",
    "language",
    "input-format",
    "select",
    "extend-select",
    "ignore",
    "severity",
    "allowed-terms",
    "allowed-scripts",
    "fail-under",
    "fail-level",
];

/// Script names offered as suggestions (any Unicode script name or ISO
/// 15924 code is accepted).
const COMMON_SCRIPTS: &[&str] = &[
    "Arabic",
    "Armenian",
    "Bengali",
    "Cyrillic",
    "Devanagari",
    "Ethiopic",
    "Georgian",
    "Greek",
    "Han",
    "Hangul",
    "Hebrew",
    "Hiragana",
    "Katakana",
    "Latin",
    "Mongolian",
    "Syriac",
    "Tamil",
    "Thaana",
    "Thai",
];

/// A configuration error: the file, the 1-based line and column, the key
/// and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// The configuration file, as found or given.
    pub path: PathBuf,
    /// 1-based line (0 when the file could not be read).
    pub line: usize,
    /// 1-based column in characters.
    pub column: usize,
    /// The key concerned (`severity.repeated-word`), empty for a syntax error.
    pub key: String,
    /// What is wrong, with a suggestion where there is one.
    pub message: String,
}

impl fmt::Display for ConfigError {
    /// `path:line:column: message`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path.to_string_lossy().replace('\\', "/");
        if self.line == 0 {
            write!(f, "{path}: {}", self.message)
        } else {
            write!(f, "{path}:{}:{}: {}", self.line, self.column, self.message)
        }
    }
}

impl std::error::Error for ConfigError {}

/// What one layer of configuration says: a file's top level, one
/// `[[per-file]]` table, or the command line.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Layer {
    /// `language`.
    pub language: Option<String>,
    /// `input-format`: the format files are read in, instead of the one
    /// their extension names.
    pub input_format: Option<Format>,
    /// `select`: replaces the rules chosen by the layers below.
    pub select: Option<Vec<String>>,
    /// `extend-select`: rules added.
    pub extend_select: Vec<String>,
    /// `ignore`: rules taken away.
    pub ignore: Vec<String>,
    /// `[severity]`: a severity per rule.
    pub severity: BTreeMap<String, Severity>,
    /// `allowed-terms`, added to those of the layers below.
    pub allowed_terms: Vec<String>,
    /// `allowed-scripts`, added to those of the layers below.
    pub allowed_scripts: Vec<Script>,
    /// `fail-under`: a file scoring below fails the run.
    pub fail_under: Option<f64>,
    /// `fail-level`: a finding at or above fails the run.
    pub fail_level: Option<Severity>,
}

impl Layer {
    /// Checks a layer made from command-line flags: every rule id of
    /// `select`, `extend-select` and `ignore` exists, and `fail-under` is a
    /// score. The message names the flag.
    pub fn validate_flags(&self) -> Result<(), String> {
        let ids = self
            .select
            .iter()
            .flatten()
            .chain(&self.extend_select)
            .chain(&self.ignore);
        for id in ids {
            if rules::find_meta(id).is_none() {
                return Err(rules::unknown_rule_message(id));
            }
        }
        match self.fail_under {
            Some(u) if !(0.0..=100.0).contains(&u) => Err(format!(
                "invalid --fail-under {u}: expected a score from 0 to 100"
            )),
            _ => Ok(()),
        }
    }
}

/// Globs relative to a configuration file's folder.
#[derive(Debug, Clone)]
pub struct Globs {
    patterns: Vec<String>,
    set: GlobSet,
}

impl Globs {
    /// Whether `rel` (a path relative to the configuration's folder, with
    /// `/` separators) or one of the folders above it matches.
    pub fn matches(&self, rel: &Path) -> bool {
        rel.ancestors()
            .filter(|a| !a.as_os_str().is_empty())
            .any(|a| self.set.is_match(a))
    }

    /// The patterns as written.
    pub fn patterns(&self) -> &[String] {
        &self.patterns
    }
}

/// One `[[per-file]]` table.
#[derive(Debug, Clone)]
pub struct PerFile {
    /// `files`: the paths it applies to.
    pub files: Globs,
    /// What it sets.
    pub layer: Layer,
}

/// A configuration file, read and checked.
#[derive(Debug, Clone)]
pub struct ConfigFile {
    /// Where it was found.
    pub path: PathBuf,
    /// The folder its globs are relative to (absolute).
    pub dir: PathBuf,
    /// Its top level.
    pub base: Layer,
    /// `include`: when set, only matching files are taken from folders.
    pub include: Option<Globs>,
    /// `exclude`: files and folders never taken from folders.
    pub exclude: Option<Globs>,
    /// `extensions`: of the files taken from folders.
    pub extensions: Option<Vec<String>>,
    /// `[[per-file]]` tables, in order.
    pub per_file: Vec<PerFile>,
}

/// Where configuration comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Discovery {
    /// The nearest `mtlint.toml` or `.mtlint.toml` above each path.
    Walk,
    /// This file, for every path (`--config`).
    File(PathBuf),
    /// None (`--isolated`).
    Isolated,
}

/// The settings in force for one file.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// The configuration file they come from, if any.
    pub file: Option<PathBuf>,
    /// What the scanner needs.
    pub scanner: Config,
    /// A file scoring below this fails the run.
    pub fail_under: Option<f64>,
    /// A shown finding at or above this level fails the run.
    pub fail_level: Severity,
    /// Extensions of the files taken from folders.
    pub extensions: Vec<String>,
    /// `include` patterns of the configuration file.
    pub include: Vec<String>,
    /// `exclude` patterns of the configuration file.
    pub exclude: Vec<String>,
}

/// The nearest configuration of each folder, for one run.
type DirCache = HashMap<PathBuf, Result<Option<Arc<ConfigFile>>, ConfigError>>;

/// Finds and caches configuration files, and resolves the settings of each
/// path. Shared by the walk (which asks whether to take a file) and the scan.
#[derive(Debug)]
pub struct Resolver {
    discovery: Discovery,
    cli: Layer,
    /// The `--config` file, read once.
    fixed: Option<Arc<ConfigFile>>,
    /// The nearest configuration of each folder seen so far.
    dirs: Mutex<DirCache>,
}

impl Resolver {
    /// A resolver; with [`Discovery::File`], the file is read now.
    pub fn new(discovery: Discovery, cli: Layer) -> Result<Self, ConfigError> {
        let fixed = match &discovery {
            Discovery::File(p) => Some(Arc::new(load(p)?)),
            _ => None,
        };
        Ok(Self {
            discovery,
            cli,
            fixed,
            dirs: Mutex::new(HashMap::new()),
        })
    }

    /// The configuration file in force for `path` (a file or folder).
    pub fn config_for(&self, path: &Path) -> Result<Option<Arc<ConfigFile>>, ConfigError> {
        match self.discovery {
            Discovery::Isolated => Ok(None),
            Discovery::File(_) => Ok(self.fixed.clone()),
            Discovery::Walk => {
                let abs = normalize(path);
                let dir = if abs.is_dir() {
                    abs
                } else {
                    abs.parent().map(Path::to_path_buf).unwrap_or(abs)
                };
                self.nearest(&dir)
            }
        }
    }

    /// The nearest configuration at or above folder `dir` (absolute), cached.
    fn nearest(&self, dir: &Path) -> Result<Option<Arc<ConfigFile>>, ConfigError> {
        if let Some(found) = self.lock().get(dir) {
            return found.clone();
        }
        let here = FILE_NAMES.iter().map(|n| dir.join(n)).find(|p| p.is_file());
        let found = match here {
            // Named in messages relative to the current folder when under it.
            Some(p) => load(&shown(&p)).map(|c| Some(Arc::new(c))),
            None => match dir.parent() {
                Some(parent) => self.nearest(parent),
                None => Ok(None),
            },
        };
        self.lock().insert(dir.to_path_buf(), found.clone());
        found
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, DirCache> {
        self.dirs.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The first configuration error met so far (while walking folders, a
    /// bad file cannot stop the walk: it is reported here), by path.
    pub fn first_error(&self) -> Option<ConfigError> {
        let dirs = self.lock();
        let mut errors: Vec<&ConfigError> =
            dirs.values().filter_map(|r| r.as_ref().err()).collect();
        errors.sort_by(|a, b| a.path.cmp(&b.path));
        errors.first().map(|e| (*e).clone())
    }

    /// The settings in force for the file at `path`.
    pub fn settings(&self, path: &Path) -> Result<Settings, ConfigError> {
        let file = self.config_for(path)?;
        Ok(resolve(file.as_deref(), path, &self.cli))
    }

    /// Whether the `exclude` of the configuration in force for `path`
    /// matches it or a folder above it: what `--force-exclude` applies to
    /// files named on the command line. A configuration error excludes
    /// nothing (it is reported when the file is scanned).
    pub fn excludes(&self, path: &Path) -> bool {
        let Ok(Some(c)) = self.config_for(path) else {
            return false;
        };
        c.exclude
            .as_ref()
            .is_some_and(|g| g.matches(&relative(&c.dir, path)))
    }

    /// Whether a walk takes the entry at `path` (a folder when `is_dir`):
    /// a folder unless excluded; a file when its extension is wanted, it
    /// matches `include` (if set) and no `exclude`. A configuration error
    /// takes the entry, so that the error is reported when it is scanned
    /// (and by [`Resolver::first_error`]).
    pub fn walk_takes(&self, path: &Path, is_dir: bool) -> bool {
        let Ok(file) = self.config_for(path) else {
            return true;
        };
        if self.excludes(path) {
            return false;
        }
        let rel = file.as_deref().map(|c| relative(&c.dir, path));
        if is_dir {
            return true;
        }
        let exts: Vec<&str> = match file.as_deref().and_then(|c| c.extensions.as_ref()) {
            Some(list) => list.iter().map(String::as_str).collect(),
            None => DEFAULT_EXTENSIONS.to_vec(),
        };
        let wanted = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| exts.iter().any(|x| x.eq_ignore_ascii_case(e)));
        wanted
            && match (file.as_deref().and_then(|c| c.include.as_ref()), &rel) {
                (Some(g), Some(rel)) => g.matches(rel),
                _ => true,
            }
    }
}

/// `path` made absolute without touching the file system's links.
fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// `path` relative to the current folder when it lies under it.
fn shown(path: &Path) -> PathBuf {
    std::env::current_dir()
        .ok()
        .and_then(|cwd| {
            path.strip_prefix(normalize(&cwd))
                .ok()
                .map(Path::to_path_buf)
        })
        .unwrap_or_else(|| path.to_path_buf())
}

/// `path` made absolute, with `.` and `..` resolved lexically
/// (`std::path::absolute` keeps `..`).
fn normalize(path: &Path) -> PathBuf {
    let mut clean = PathBuf::new();
    for c in absolute(path).components() {
        match c {
            std::path::Component::ParentDir => {
                clean.pop();
            }
            std::path::Component::CurDir => {}
            other => clean.push(other),
        }
    }
    clean
}

/// `path` relative to `dir` when it lies under it, else absolute.
fn relative(dir: &Path, path: &Path) -> PathBuf {
    let clean = normalize(path);
    clean
        .strip_prefix(dir)
        .map(Path::to_path_buf)
        .unwrap_or(clean)
}

/// Merges the layers in force for `path` into its settings.
pub fn resolve(file: Option<&ConfigFile>, path: &Path, cli: &Layer) -> Settings {
    let mut layers: Vec<&Layer> = Vec::new();
    if let Some(c) = file {
        layers.push(&c.base);
        let rel = relative(&c.dir, path);
        layers.extend(
            c.per_file
                .iter()
                .filter(|p| p.files.matches(&rel))
                .map(|p| &p.layer),
        );
    }
    layers.push(cli);

    let all: BTreeSet<&str> = rules::all_meta().map(|m| m.id).collect();
    let mut chosen = all.clone();
    let mut out = Config::default();
    let mut fail_under = None;
    let mut fail_level = None;
    for l in layers {
        if let Some(sel) = &l.select {
            chosen = sel.iter().map(String::as_str).collect();
        }
        chosen.extend(l.extend_select.iter().map(String::as_str));
        for i in &l.ignore {
            chosen.remove(i.as_str());
        }
        if l.language.is_some() {
            out.language.clone_from(&l.language);
        }
        if l.input_format.is_some() {
            out.input_format = l.input_format;
        }
        out.severity
            .extend(l.severity.iter().map(|(k, v)| (k.clone(), *v)));
        for t in &l.allowed_terms {
            if !out.allowed_terms.contains(t) {
                out.allowed_terms.push(t.clone());
            }
        }
        for s in &l.allowed_scripts {
            if !out.allowed_scripts.contains(s) {
                out.allowed_scripts.push(*s);
            }
        }
        fail_under = l.fail_under.or(fail_under);
        fail_level = l.fail_level.or(fail_level);
    }
    // `select` empty means every rule: say "none" with `ignore`.
    if chosen.is_empty() {
        out.ignore = all.iter().map(|s| s.to_string()).collect();
    } else if chosen != all {
        out.select = chosen.iter().map(|s| s.to_string()).collect();
    }
    Settings {
        file: file.map(|c| c.path.clone()),
        scanner: out,
        fail_under,
        fail_level: fail_level.unwrap_or(Severity::Error),
        extensions: file
            .and_then(|c| c.extensions.clone())
            .unwrap_or_else(|| DEFAULT_EXTENSIONS.iter().map(|s| s.to_string()).collect()),
        include: file
            .and_then(|c| c.include.as_ref())
            .map(|g| g.patterns.clone())
            .unwrap_or_default(),
        exclude: file
            .and_then(|c| c.exclude.as_ref())
            .map(|g| g.patterns.clone())
            .unwrap_or_default(),
    }
}

impl Settings {
    /// The settings of a scan with `config` and no configuration file: the
    /// default fail level (`error`), no `fail-under`, the default
    /// extensions.
    pub fn for_config(config: Config) -> Self {
        let mut s = resolve(None, Path::new("."), &Layer::default());
        s.scanner = config;
        s
    }

    /// Whether `file` fails the run: a finding shown (at or above
    /// `min_level`) reaches `fail-level`, or the score is under `fail-under`.
    pub fn fails(&self, file: &crate::FileReport, min_level: Severity) -> bool {
        let level = self.fail_level.max(min_level);
        file.findings.iter().any(|x| x.severity >= level)
            || self.fail_under.is_some_and(|u| file.score < u)
    }

    /// The settings as a TOML document, for `mtlint config --show`.
    pub fn to_toml(&self) -> String {
        let q = |s: &str| serde_json::to_string(s).unwrap_or_default();
        let list = |v: &[String]| {
            let items: Vec<String> = v.iter().map(|s| q(s)).collect();
            format!("[{}]", items.join(", "))
        };
        let mut s = String::new();
        match &self.file {
            Some(p) => s.push_str(&format!(
                "# configuration file: {}\n",
                p.to_string_lossy().replace('\\', "/")
            )),
            None => s.push_str("# no configuration file\n"),
        }
        match &self.scanner.language {
            Some(l) => s.push_str(&format!("language = {}\n", q(l))),
            None => s.push_str("# language: detected in each file\n"),
        }
        match self.scanner.input_format {
            Some(f) => s.push_str(&format!("input-format = {}\n", q(f.name()))),
            None => s.push_str("# input-format: by each file's extension\n"),
        }
        let running: Vec<String> = rules::all_meta()
            .map(|m| m.id)
            .filter(|id| self.scanner.runs(id))
            .map(str::to_string)
            .collect();
        s.push_str(&format!("select = {}\n", list(&running)));
        let severity: Vec<String> = self
            .scanner
            .severity
            .iter()
            .map(|(k, v)| format!("{k} = {}", q(v.as_str())))
            .collect();
        if severity.is_empty() {
            s.push_str("severity = {}\n");
        } else {
            s.push_str(&format!("severity = {{ {} }}\n", severity.join(", ")));
        }
        s.push_str(&format!(
            "allowed-terms = {}\n",
            list(&self.scanner.allowed_terms)
        ));
        let scripts: Vec<String> = self
            .scanner
            .allowed_scripts
            .iter()
            .map(|s| s.full_name().to_string())
            .collect();
        s.push_str(&format!("allowed-scripts = {}\n", list(&scripts)));
        s.push_str(&format!("fail-level = {}\n", q(self.fail_level.as_str())));
        match self.fail_under {
            Some(u) => s.push_str(&format!("fail-under = {u}\n")),
            None => s.push_str("# fail-under: none\n"),
        }
        s.push_str(&format!("extensions = {}\n", list(&self.extensions)));
        s.push_str(&format!("include = {}\n", list(&self.include)));
        s.push_str(&format!("exclude = {}\n", list(&self.exclude)));
        s
    }
}

/// `--input-format` and `input-format`: a format's name or extension.
pub fn parse_input_format(name: &str) -> Result<Format, String> {
    Format::from_name(name).ok_or_else(|| {
        let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
        let mut m = format!(
            "unknown input format `{name}`: expected one of {}",
            names.join(", ")
        );
        if let Some(n) = rules::suggest::nearest(name, names.iter().copied()) {
            m.push_str(&format!("; did you mean `{n}`?"));
        }
        m
    })
}

/// `--lang` and `language`: an ISO 639-1 or 639-3 code, optionally with a
/// region (`ar-EG`), or an English name (`arabic`), of a language mtlint
/// knows (see [`languages`]), as its ISO 639-1 code.
pub fn parse_language(code: &str) -> Result<String, String> {
    languages::code_for(code).ok_or_else(|| {
        format!(
            "unknown language `{code}`: expected an ISO 639-1 or 639-3 code or the English \
             name of one of: {}",
            languages::known()
        )
    })
}

/// A script by its Unicode name (`Latin`, `old_italic`, any case) or its
/// ISO 15924 code (`Latn`).
pub fn parse_script(name: &str) -> Option<Script> {
    let full: String = name
        .split(['_', ' ', '-'])
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| {
                    f.to_uppercase()
                        .chain(c.flat_map(char::to_lowercase))
                        .collect::<String>()
                })
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join("_");
    Script::from_full_name(&full)
        .or_else(|| Script::from_short_name(&full))
        .filter(|s| !matches!(s, Script::Common | Script::Inherited | Script::Unknown))
}

/// Reads and checks a configuration file.
pub fn load(path: &Path) -> Result<ConfigFile, ConfigError> {
    let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
        path: path.to_path_buf(),
        line: 0,
        column: 0,
        key: String::new(),
        message: format!("cannot read the configuration: {e}"),
    })?;
    parse(path, &text)
}

/// Checks the text of a configuration file found at `path`.
pub fn parse(path: &Path, text: &str) -> Result<ConfigFile, ConfigError> {
    let p = Parser { path, text };
    let table = DeTable::parse(text).map_err(|e| {
        let span = e.span().unwrap_or(0..0);
        p.error(span, "", format!("invalid TOML: {}", e.message().trim()))
    })?;
    let table = table.get_ref();
    let mut base = Layer::default();
    let mut include = None;
    let mut exclude = None;
    let mut extensions = None;
    let mut per_file = Vec::new();
    for (key, value) in in_order(table) {
        let k = key.get_ref().as_ref();
        if p.layer_key(&mut base, k, value)? {
            continue;
        }
        match k {
            "include" => include = Some(p.globs(k, value)?),
            "exclude" => exclude = Some(p.globs(k, value)?),
            "extensions" => {
                let list = p.strings(k, value)?;
                let mut exts = Vec::new();
                for (s, span) in list {
                    let e = s.trim_start_matches('.');
                    if e.is_empty() || e.contains(['/', '\\', '*']) {
                        return Err(p.error(
                            span,
                            k,
                            format!("invalid extension `{s}` in `extensions`: write `md` or `.md`"),
                        ));
                    }
                    exts.push(e.to_string());
                }
                extensions = Some(exts);
            }
            "per-file" => {
                let DeValue::Array(items) = value.get_ref() else {
                    return Err(p.expected(k, value, "an array of tables `[[per-file]]`"));
                };
                for item in items.iter() {
                    let DeValue::Table(t) = item.get_ref() else {
                        return Err(p.expected(k, item, "a table `[[per-file]]`"));
                    };
                    per_file.push(p.per_file(t, item.span())?);
                }
            }
            _ => return Err(p.unknown_key(k, key.span(), TOP_KEYS, "")),
        }
    }
    let dir = normalize(path)
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    Ok(ConfigFile {
        path: path.to_path_buf(),
        dir,
        base,
        include,
        exclude,
        extensions,
        per_file,
    })
}

/// The entries of a table in the order they are written.
fn in_order<'t, 'i>(
    t: &'t DeTable<'i>,
) -> Vec<(
    &'t Spanned<toml::de::DeString<'i>>,
    &'t Spanned<DeValue<'i>>,
)> {
    let mut v: Vec<_> = t.iter().collect();
    v.sort_by_key(|(k, _)| k.span().start);
    v
}

/// Checks one configuration text, with its path for messages.
struct Parser<'a> {
    path: &'a Path,
    text: &'a str,
}

impl Parser<'_> {
    fn error(&self, span: Range<usize>, key: &str, message: String) -> ConfigError {
        let at = span.start.min(self.text.len());
        let at = crate::text::lines::floor_char_boundary(self.text, at);
        // Lines as everywhere else in mtlint (see `text::lines::lines`).
        let (line, column) = crate::text::lines::LineIndex::new(self.text).line_col(self.text, at);
        ConfigError {
            path: self.path.to_path_buf(),
            line,
            column,
            key: key.to_string(),
            message,
        }
    }

    fn unknown_key(&self, k: &str, span: Range<usize>, known: &[&str], table: &str) -> ConfigError {
        let mut m = format!("unknown key `{k}`{table}");
        if let Some(n) = suggest::nearest(k, known.iter().copied()) {
            m.push_str(&format!("; did you mean `{n}`?"));
        } else {
            m.push_str(&format!("; valid keys: {}", known.join(", ")));
        }
        ConfigError {
            key: k.to_string(),
            ..self.error(span, k, m)
        }
    }

    fn expected(&self, key: &str, value: &Spanned<DeValue>, what: &str) -> ConfigError {
        self.error(
            value.span(),
            key,
            format!("`{key}` must be {what}, not {}", value.get_ref().type_str()),
        )
    }

    /// Reads `key` into `layer` if it is a layer key; `Ok(false)` otherwise.
    fn layer_key(
        &self,
        layer: &mut Layer,
        key: &str,
        value: &Spanned<DeValue>,
    ) -> Result<bool, ConfigError> {
        match key {
            "language" => {
                let (s, span) = self.string(key, value)?;
                layer.language = Some(parse_language(&s).map_err(|m| self.error(span, key, m))?);
            }
            "input-format" => {
                let (s, span) = self.string(key, value)?;
                layer.input_format =
                    Some(parse_input_format(&s).map_err(|m| self.error(span, key, m))?);
            }
            "select" => layer.select = Some(self.rules(key, value)?),
            "extend-select" => layer.extend_select = self.rules(key, value)?,
            "ignore" => layer.ignore = self.rules(key, value)?,
            "severity" => {
                let DeValue::Table(t) = value.get_ref() else {
                    return Err(self.expected(key, value, "a table of rule = \"level\""));
                };
                for (rule, level) in in_order(t) {
                    let id = rule.get_ref().as_ref();
                    if rules::find_meta(id).is_none() {
                        return Err(self.unknown_rule(id, rule.span(), &format!("{key}.{id}")));
                    }
                    let full = format!("{key}.{id}");
                    let (s, span) = self.string(&full, level)?;
                    layer
                        .severity
                        .insert(id.to_string(), self.level(&full, &s, span)?);
                }
            }
            "allowed-terms" => {
                layer.allowed_terms = self
                    .strings(key, value)?
                    .into_iter()
                    .map(|(s, _)| s)
                    .filter(|s| !s.trim().is_empty())
                    .collect();
            }
            "allowed-scripts" => {
                let mut v = Vec::new();
                for (s, span) in self.strings(key, value)? {
                    let Some(script) = parse_script(&s) else {
                        let mut m = format!("unknown script `{s}` in `{key}`");
                        if let Some(n) = suggest::nearest(&s, COMMON_SCRIPTS.iter().copied()) {
                            m.push_str(&format!("; did you mean `{n}`?"));
                        } else {
                            m.push_str(": use a Unicode script name such as Latin or Cyrillic");
                        }
                        return Err(self.error(span, key, m));
                    };
                    v.push(script);
                }
                layer.allowed_scripts = v;
            }
            "fail-under" => {
                let n = match value.get_ref() {
                    DeValue::Integer(i) => i.as_str().replace('_', "").parse::<f64>().ok(),
                    DeValue::Float(f) => f.as_str().replace('_', "").parse::<f64>().ok(),
                    _ => return Err(self.expected(key, value, "a number from 0 to 100")),
                };
                match n {
                    Some(n) if (0.0..=100.0).contains(&n) => layer.fail_under = Some(n),
                    _ => {
                        return Err(self.error(
                            value.span(),
                            key,
                            format!("`{key}` must be a score from 0 to 100"),
                        ))
                    }
                }
            }
            "fail-level" => {
                let (s, span) = self.string(key, value)?;
                layer.fail_level = Some(self.level(key, &s, span)?);
            }
            _ => return Ok(false),
        }
        Ok(true)
    }

    fn level(&self, key: &str, s: &str, span: Range<usize>) -> Result<Severity, ConfigError> {
        match s {
            "info" => Ok(Severity::Info),
            "warning" => Ok(Severity::Warning),
            "error" => Ok(Severity::Error),
            _ => Err(self.error(
                span,
                key,
                format!("invalid level `{s}` for `{key}`: expected info, warning or error"),
            )),
        }
    }

    fn unknown_rule(&self, id: &str, span: Range<usize>, key: &str) -> ConfigError {
        let mut m = format!("unknown rule `{id}` in `{key}`");
        if let Some(n) = suggest::nearest(id, rules::all_meta().map(|m| m.id)) {
            m.push_str(&format!("; did you mean `{n}`?"));
        }
        m.push_str(" (see `mtlint rules`)");
        self.error(span, key, m)
    }

    fn string(
        &self,
        key: &str,
        value: &Spanned<DeValue>,
    ) -> Result<(String, Range<usize>), ConfigError> {
        match value.get_ref() {
            DeValue::String(s) => Ok((s.to_string(), value.span())),
            _ => Err(self.expected(key, value, "a string")),
        }
    }

    fn strings(
        &self,
        key: &str,
        value: &Spanned<DeValue>,
    ) -> Result<Vec<(String, Range<usize>)>, ConfigError> {
        let DeValue::Array(items) = value.get_ref() else {
            return Err(self.expected(key, value, "an array of strings"));
        };
        items
            .iter()
            .map(|i| match i.get_ref() {
                DeValue::String(s) => Ok((s.to_string(), i.span())),
                _ => Err(self.expected(key, i, "an array of strings")),
            })
            .collect()
    }

    fn rules(&self, key: &str, value: &Spanned<DeValue>) -> Result<Vec<String>, ConfigError> {
        let mut out = Vec::new();
        for (id, span) in self.strings(key, value)? {
            if rules::find_meta(&id).is_none() {
                return Err(self.unknown_rule(&id, span, key));
            }
            out.push(id);
        }
        Ok(out)
    }

    fn globs(&self, key: &str, value: &Spanned<DeValue>) -> Result<Globs, ConfigError> {
        let mut set = GlobSetBuilder::new();
        let mut patterns = Vec::new();
        for (pat, span) in self.strings(key, value)? {
            let trimmed = pat.trim_start_matches("./").trim_end_matches('/');
            // No `/`: a name matched at any depth, as in .gitignore.
            let full = if trimmed.contains('/') {
                trimmed.to_string()
            } else {
                format!("**/{trimmed}")
            };
            let glob = GlobBuilder::new(&full)
                .literal_separator(true)
                .build()
                .map_err(|e| {
                    let kind = e.kind().to_string();
                    self.error(
                        span.clone(),
                        key,
                        format!("invalid glob `{pat}` in `{key}`: {kind}"),
                    )
                })?;
            set.add(glob);
            patterns.push(pat);
        }
        let set = set
            .build()
            .map_err(|e| self.error(value.span(), key, format!("invalid globs in `{key}`: {e}")))?;
        Ok(Globs { patterns, set })
    }

    fn per_file(&self, t: &DeTable, span: Range<usize>) -> Result<PerFile, ConfigError> {
        let mut layer = Layer::default();
        let mut files = None;
        for (key, value) in in_order(t) {
            let k = key.get_ref().as_ref();
            if k == "files" {
                files = Some(self.globs("per-file.files", value)?);
            } else if !self.layer_key(&mut layer, k, value)? {
                return Err(self.unknown_key(k, key.span(), PER_FILE_KEYS, " in [[per-file]]"));
            }
        }
        let files = files.ok_or_else(|| {
            self.error(
                span,
                "per-file",
                "a `[[per-file]]` table needs `files`, a list of globs".into(),
            )
        })?;
        Ok(PerFile { files, layer })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> String {
        parse(Path::new("cfg/mtlint.toml"), text)
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn errors_name_file_line_key_and_nearest() {
        assert_eq!(
            err("language = \"ar\"\nselct = []\n"),
            "cfg/mtlint.toml:2:1: unknown key `selct`; did you mean `select`?"
        );
        assert_eq!(
            err("[severity]\nrepeated-wrd = \"error\"\n"),
            "cfg/mtlint.toml:2:1: unknown rule `repeated-wrd` in `severity.repeated-wrd`; did you mean `repeated-word`? (see `mtlint rules`)"
        );
        assert_eq!(
            err("[severity]\nrepeated-word = \"fatal\"\n"),
            "cfg/mtlint.toml:2:17: invalid level `fatal` for `severity.repeated-word`: expected info, warning or error"
        );
        assert_eq!(
            err("exclude = [\"a/[b\"]\n"),
            "cfg/mtlint.toml:1:12: invalid glob `a/[b` in `exclude`: unclosed character class; missing ']'"
        );
        assert_eq!(
            err("fail-under = 120\n"),
            "cfg/mtlint.toml:1:14: `fail-under` must be a score from 0 to 100"
        );
        assert_eq!(
            err("allowed-scripts = [\"Latn\", \"Cyrilic\"]\n"),
            "cfg/mtlint.toml:1:28: unknown script `Cyrilic` in `allowed-scripts`; did you mean `Cyrillic`?"
        );
        assert_eq!(
            err("[[per-file]]\nfiles = [\"x\"]\nextensions = [\"md\"]\n"),
            "cfg/mtlint.toml:3:1: unknown key `extensions` in [[per-file]]; valid keys: files, language, input-format, select, extend-select, ignore, severity, allowed-terms, allowed-scripts, fail-under, fail-level"
        );
        assert!(err("select = [").starts_with("cfg/mtlint.toml:1:"));
    }

    #[test]
    fn layers_merge_like_ruff() {
        let c = parse(
            Path::new("/p/mtlint.toml"),
            "select = [\"repeated-word\", \"joined-words\"]\nignore = [\"joined-words\"]\nallowed-terms = [\"NATO\"]\n[[per-file]]\nfiles = [\"en/**\"]\nlanguage = \"en\"\nextend-select = [\"duplicate-line\"]\nallowed-terms = [\"RT\"]\n",
        )
        .unwrap();
        let s = resolve(Some(&c), Path::new("/p/en/a.md"), &Layer::default());
        assert_eq!(s.scanner.select, ["duplicate-line", "repeated-word"]);
        assert_eq!(s.scanner.language.as_deref(), Some("en"));
        assert_eq!(s.scanner.allowed_terms, ["NATO", "RT"]);
        let s = resolve(Some(&c), Path::new("/p/ar/a.md"), &Layer::default());
        assert_eq!(s.scanner.select, ["repeated-word"]);
        assert_eq!(s.scanner.language, None);
        // The command line comes last: its select replaces, its ignore removes.
        let cli = Layer {
            select: Some(vec!["joined-words".into()]),
            ..Layer::default()
        };
        let s = resolve(Some(&c), Path::new("/p/ar/a.md"), &cli);
        assert_eq!(s.scanner.select, ["joined-words"]);
        let cli = Layer {
            ignore: vec!["repeated-word".into()],
            ..Layer::default()
        };
        let s = resolve(Some(&c), Path::new("/p/ar/a.md"), &cli);
        assert!(!s.scanner.runs("repeated-word") && !s.scanner.runs("joined-words"));
        assert!(s.scanner.ignore.len() > 10);
    }

    #[test]
    fn scripts_by_any_name() {
        assert_eq!(parse_script("latin"), Some(Script::Latin));
        assert_eq!(parse_script("Cyrl"), Some(Script::Cyrillic));
        assert_eq!(parse_script("old italic"), Some(Script::Old_Italic));
        assert_eq!(parse_script("Common"), None);
        assert_eq!(parse_script("Klingon"), None);
    }
}

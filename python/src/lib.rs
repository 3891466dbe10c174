//! `mtlint._mtlint`, the extension module of the Python package `mtlint`:
//! the library's [`mtlint::Scanner`] behind a Python class.
//!
//! Every result crosses into Python as the JSON the command line writes
//! (`--format jsonl`, one object a file), parsed by Python's `json`: so a
//! result is the binary's object by construction, floats included. Scans run
//! without the GIL; [`Scanner::scan_many`] spreads a list over a rayon pool.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::sync::GILOnceCell;
use pyo3::types::{PyList, PyString};
use rayon::prelude::*;

use mtlint::check::scanner::Scanners;
use mtlint::config::{self, Config, Discovery, Layer, Resolver};
use mtlint::rules::{self, RuleMeta};
use mtlint::{fix, render, FileReport};

create_exception!(
    mtlint,
    MtlintError,
    PyValueError,
    "A usage or configuration error, with the message the command line gives \
     (an unknown rule, language or input format, a bad configuration file)."
);

fn error(message: impl std::fmt::Display) -> PyErr {
    MtlintError::new_err(message.to_string())
}

/// Python's `json.loads`, looked up once.
fn json_loads<'py>(py: Python<'py>, json: &str) -> PyResult<Bound<'py, PyAny>> {
    static LOADS: GILOnceCell<Py<PyAny>> = GILOnceCell::new();
    let loads = LOADS.get_or_try_init(py, || {
        py.import("json")?.getattr("loads").map(Bound::unbind)
    })?;
    loads.bind(py).call1((json,))
}

/// A list of rule ids: a list of strings, or one comma-separated string as
/// `--select a,b` takes.
fn rule_ids(ids: Option<&Bound<'_, PyAny>>) -> PyResult<Option<Vec<String>>> {
    let Some(ids) = ids else { return Ok(None) };
    let list: Vec<String> = match ids.downcast::<PyString>() {
        Ok(s) => s.to_cow()?.split(',').map(str::to_string).collect(),
        Err(_) => ids.extract()?,
    };
    Ok(Some(list.iter().map(|s| s.trim().to_string()).collect()))
}

/// One text and its path, owned, to cross into the pool without the GIL.
type Doc = (String, String);

/// Scans texts with a fixed set of rules. Build it once and reuse it: it is
/// safe to share between threads, and its scans release the GIL.
///
/// `Scanner(language=None, select=None, ignore=None, config=None,
/// input_format=None)`: `language` is an ISO 639-1 or 639-3 code or an
/// English name (detected per text when `None`); `select` and `ignore` are
/// rule ids (a list, or one comma-separated string), as `--select` and
/// `--ignore`; `config` is the path of an `mtlint.toml`, read as `--config`
/// reads it (no configuration file is read when `None`, as `--isolated`);
/// `input_format` (`text`, `markdown`, `html`, `srt`, `vtt`, `po`, `xliff`)
/// is the format every text is read in, else the one the extension of its
/// `path` names. Errors raise `MtlintError` with the command line's message.
#[pyclass(frozen, module = "mtlint._mtlint")]
struct Scanner {
    config: Config,
    scanner: Arc<mtlint::Scanner>,
    /// Scanners for a `language` given to one call, built on first use.
    others: Mutex<Scanners>,
}

impl Scanner {
    /// The scanner for `language`, or this one.
    fn pick(&self, language: Option<&str>) -> PyResult<Arc<mtlint::Scanner>> {
        let Some(code) = language else {
            return Ok(self.scanner.clone());
        };
        let code = config::parse_language(code).map_err(error)?;
        if self.config.language.as_deref() == Some(code.as_str()) {
            return Ok(self.scanner.clone());
        }
        let config = self.config.clone().language(code);
        let mut others = self.others.lock().unwrap_or_else(PoisonError::into_inner);
        Ok(others.get(&config))
    }

    /// `(path, text)` pairs of `texts` and `paths` (`-` for each when `None`).
    fn docs(texts: &Bound<'_, PyAny>, paths: Option<&Bound<'_, PyAny>>) -> PyResult<Vec<Doc>> {
        let texts: Vec<String> = texts
            .try_iter()?
            .map(|t| t?.extract::<String>())
            .collect::<PyResult<_>>()?;
        let paths: Vec<String> = match paths {
            None => vec!["-".to_string(); texts.len()],
            Some(p) => p
                .try_iter()?
                .map(|p| p?.extract::<String>())
                .collect::<PyResult<_>>()?,
        };
        if paths.len() != texts.len() {
            return Err(error(format!(
                "{} paths for {} texts: give one path a text",
                paths.len(),
                texts.len()
            )));
        }
        Ok(paths.into_iter().zip(texts).collect())
    }

    /// The JSON of every document's report, scanned in parallel without
    /// the GIL on `threads` threads (all cores when `None`), in order.
    fn scan_all(
        &self,
        py: Python<'_>,
        docs: Vec<Doc>,
        language: Option<&str>,
        threads: Option<usize>,
    ) -> PyResult<Vec<String>> {
        let scanner = self.pick(language)?;
        py.allow_threads(|| {
            let run = || {
                docs.par_iter()
                    .map(|(path, text)| to_json(&scanner.scan_file(path, text)))
                    .collect()
            };
            match threads {
                None => Ok(run()),
                Some(n) => rayon::ThreadPoolBuilder::new()
                    .num_threads(n)
                    .build()
                    .map(|pool| pool.install(run))
                    .map_err(|e| error(format!("cannot start threads: {e}"))),
            }
        })
    }
}

/// A file's object of `--format json`, as `--format jsonl` writes it.
fn to_json(file: &FileReport) -> String {
    let mut line = render::jsonl::line(file);
    line.pop();
    line
}

#[pymethods]
impl Scanner {
    #[new]
    #[pyo3(signature = (language=None, select=None, ignore=None, config=None, input_format=None))]
    fn new(
        language: Option<&str>,
        select: Option<&Bound<'_, PyAny>>,
        ignore: Option<&Bound<'_, PyAny>>,
        config: Option<PathBuf>,
        input_format: Option<&str>,
    ) -> PyResult<Self> {
        let language = language
            .map(config::parse_language)
            .transpose()
            .map_err(error)?;
        let input_format = input_format
            .map(config::parse_input_format)
            .transpose()
            .map_err(|m| error(format!("invalid --input-format: {m}")))?;
        let flags = Layer {
            language,
            input_format,
            select: rule_ids(select)?,
            ignore: rule_ids(ignore)?.unwrap_or_default(),
            ..Layer::default()
        };
        flags.validate_flags().map_err(error)?;
        let discovery = match config {
            Some(file) => Discovery::File(file),
            None => Discovery::Isolated,
        };
        let resolver = Resolver::new(discovery, flags).map_err(error)?;
        // The settings of standard input: a text has no place in a tree.
        let settings = resolver.settings(Path::new("-")).map_err(error)?;
        let scanner = mtlint::Scanner::new(settings.scanner.clone()).map_err(error)?;
        Ok(Self {
            config: settings.scanner,
            scanner: Arc::new(scanner),
            others: Mutex::default(),
        })
    }

    /// The report of one text: exactly the object of one file in
    /// `mtlint check --format json` (`path`, `language`, `score`,
    /// `sentences`, `findings`, `format`); with `as_json`, its JSON text,
    /// the line `--format jsonl` writes without its newline. `path` names
    /// the text in the report (it is never read) and, by its extension, its
    /// format; a `language` given here replaces the scanner's for this text.
    #[pyo3(signature = (text, path="-", language=None, as_json=false))]
    fn scan<'py>(
        &self,
        py: Python<'py>,
        text: String,
        path: &str,
        language: Option<&str>,
        as_json: bool,
    ) -> PyResult<Bound<'py, PyAny>> {
        let scanner = self.pick(language)?;
        let json = py.allow_threads(|| to_json(&scanner.scan_file(path, &text)));
        if as_json {
            Ok(PyString::new(py, &json).into_any())
        } else {
            json_loads(py, &json)
        }
    }

    /// The score of one text, 0 to 100 (the `score` of `scan`).
    #[pyo3(signature = (text, path="-", language=None))]
    fn score(
        &self,
        py: Python<'_>,
        text: String,
        path: &str,
        language: Option<&str>,
    ) -> PyResult<f64> {
        let scanner = self.pick(language)?;
        Ok(py.allow_threads(|| scanner.scan_file(path, &text).score))
    }

    /// `scan` on every text of `texts` (any iterable of strings), in
    /// parallel on all cores (or `threads`) without holding the GIL; the
    /// results come back in the order of `texts`. `paths`, when given, names
    /// each text (one a text); else each is `-`. With `as_json`, the
    /// results are the lines of `mtlint check --format jsonl`, without
    /// their newlines.
    #[pyo3(signature = (texts, paths=None, language=None, threads=None, as_json=false))]
    fn scan_many<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        paths: Option<&Bound<'py, PyAny>>,
        language: Option<&str>,
        threads: Option<usize>,
        as_json: bool,
    ) -> PyResult<Bound<'py, PyAny>> {
        let docs = Self::docs(texts, paths)?;
        let lines = self.scan_all(py, docs, language, threads)?;
        if as_json {
            return Ok(PyList::new(py, lines)?.into_any());
        }
        // One parse of one array: far cheaper than one call a text.
        json_loads(py, &format!("[{}]", lines.join(",")))
    }

    /// The text with its safe fixes applied (and the unsafe ones too with
    /// `unsafe=True`), as `mtlint check --fix` (`--unsafe-fixes`) writes
    /// it: fixed and scanned again until nothing more applies.
    #[pyo3(
        signature = (text, r#unsafe=false, path="-", language=None),
        text_signature = "($self, text, unsafe=False, path='-', language=None)"
    )]
    fn fix(
        &self,
        py: Python<'_>,
        text: String,
        r#unsafe: bool,
        path: &str,
        language: Option<&str>,
    ) -> PyResult<String> {
        let scanner = self.pick(language)?;
        let options = fix::Options {
            unsafe_fixes: r#unsafe,
            ..fix::Options::default()
        };
        Ok(py.allow_threads(|| fix::fix_text(&scanner, path, &text, &options).text))
    }

    /// The rules this scanner runs, as `rules()` lists them.
    fn rules<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let metas: Vec<&RuleMeta> = rules::all_meta()
            .filter(|m| self.config.runs(m.id))
            .collect();
        json_loads(py, &render::rules::json(&metas))
    }

    /// The documentation of a rule, as `mtlint explain RULE` prints it.
    #[staticmethod]
    fn explain(rule: &str) -> PyResult<String> {
        explain_rule(rule)
    }

    fn __repr__(&self) -> String {
        let c = &self.config;
        format!(
            "Scanner(language={:?}, select={:?}, ignore={:?}, input_format={:?})",
            c.language,
            c.select,
            c.ignore,
            c.input_format.map(|f| f.name())
        )
    }
}

/// Every rule, as `mtlint rules --format json` lists them: a list of
/// `{"id", "severity", "summary", "explanation"}`.
#[pyfunction(name = "rules")]
fn all_rules(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    let metas: Vec<&RuleMeta> = rules::all_meta().collect();
    json_loads(py, &render::rules::json(&metas))
}

/// The documentation of a rule, as `mtlint explain RULE` prints it; an
/// unknown id raises `MtlintError` naming the nearest one.
#[pyfunction(name = "explain")]
fn explain_rule(rule: &str) -> PyResult<String> {
    rules::find_meta(rule)
        .map(render::rules::explain)
        .ok_or_else(|| error(rules::unknown_rule_message(rule)))
}

/// mtlint finds machine-translation garble in text before it is published.
#[pymodule]
fn _mtlint(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Scanner>()?;
    m.add_function(wrap_pyfunction!(all_rules, m)?)?;
    m.add_function(wrap_pyfunction!(explain_rule, m)?)?;
    m.add("MtlintError", m.py().get_type::<MtlintError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}

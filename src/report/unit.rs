//! The units of a catalogue or of subtitles, which findings name.

use std::ops::Range;

use serde::{Deserialize, Serialize};

/// What kind of unit a format is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum UnitKind {
    /// A gettext entry.
    Entry,
    /// An XLIFF `<trans-unit>` (1.2) or `<unit>`/`<segment>` (2.0).
    Unit,
    /// A subtitle cue.
    Cue,
}

/// One unit of a catalogue or of subtitles: what a finding inside it names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Unit {
    /// Its kind.
    pub kind: UnitKind,
    /// How the file names it: the PO entry's line (of its `msgid`), the
    /// XLIFF unit's `id`, the cue's number or identifier.
    pub id: String,
    /// The 1-based line where it starts.
    pub line: usize,
    /// The source text beside the translation (`msgid`, `<source>`), kept
    /// for source-aware checks; `None` for subtitles.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// `fuzzy`, `obsolete`, or an XLIFF `state` (`needs-translation`, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// Its bytes in the original file.
    #[serde(skip)]
    pub range: Range<usize>,
    /// Its bytes in the prose the rules read.
    #[serde(skip)]
    pub prose: Range<usize>,
}

impl Unit {
    /// A unit of `kind` named `id`, starting on 1-based `line`, spanning
    /// `range` of the original file; its prose range is set by the reader.
    pub fn new(kind: UnitKind, id: impl Into<String>, line: usize, range: Range<usize>) -> Self {
        Self {
            kind,
            id: id.into(),
            line,
            source: None,
            state: None,
            range,
            prose: 0..0,
        }
    }

    /// With the source text beside the translation.
    pub fn with_source(mut self, source: impl Into<String>) -> Self {
        self.source = Some(source.into());
        self
    }

    /// With a state (`fuzzy`, `obsolete`, …).
    pub fn with_state(mut self, state: impl Into<String>) -> Self {
        self.state = Some(state.into());
        self
    }
}

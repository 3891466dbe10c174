//! What fixing did: the `fixes` object of a file and of the summary in the
//! JSON report.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// What fixing did to one file, or to all files of a report (then the
/// counts are sums and `passes` the most any file needed). It is the
/// `fixes` object of a file and of the summary in the JSON report, present
/// only when fixes were applied or asked for.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FixSummary {
    /// Files whose text changed (0 or 1 for one file).
    pub files_changed: usize,
    /// Fixes applied, per rule id.
    pub applied: BTreeMap<String, usize>,
    /// Times a fix was set aside because a more confident or earlier fix
    /// overlapped or touched it. It was looked at again on the next pass,
    /// against the new text: applied then (and counted in `applied` too), or
    /// gone because the winning fix made it moot.
    pub skipped_overlap: usize,
    /// Unsafe fixes left in the fixed text, not applied without
    /// `--unsafe-fixes`.
    pub skipped_unsafe: usize,
    /// Safe fixes left in the fixed text because an unsafe fix planned
    /// over the same text wins over them (see `fix::plan`): `--unsafe-fixes`
    /// applies that one instead, so that a safe fix never leaves half of
    /// what an unsafe one would delete.
    #[serde(default)]
    pub held_back: usize,
    /// Applicable fixes still in the text when `fix::MAX_PASSES` ran out (0 when
    /// the loop settled, which is the rule).
    pub unresolved: usize,
    /// Scan-and-apply passes that changed the text.
    pub passes: usize,
}

impl FixSummary {
    /// The number of fixes applied, all rules together.
    pub fn applied_total(&self) -> usize {
        self.applied.values().sum()
    }

    /// Adds the counts of `other` (for a summary over files).
    pub fn merge(&mut self, other: &FixSummary) {
        self.files_changed += other.files_changed;
        for (rule, n) in &other.applied {
            *self.applied.entry(rule.clone()).or_default() += n;
        }
        self.skipped_overlap += other.skipped_overlap;
        self.skipped_unsafe += other.skipped_unsafe;
        self.held_back += other.held_back;
        self.unresolved += other.unresolved;
        self.passes = self.passes.max(other.passes);
    }
}

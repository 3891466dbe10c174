//! A progress bar on standard error, only when it is a terminal and the job
//! lasts: it appears after a second, so short runs never show it, and it is
//! cleared before anything is written to standard output.

use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How long a job runs before the bar appears.
const DELAY: Duration = Duration::from_secs(1);

/// A bar that may never be drawn.
pub struct Progress {
    bar: Option<ProgressBar>,
    start: Instant,
    shown: bool,
}

impl Progress {
    /// A bar over `total` documents (a spinner when unknown), drawn only
    /// when `enabled` and after [`DELAY`].
    pub fn new(total: Option<u64>, enabled: bool) -> Self {
        let bar = enabled.then(|| {
            let (bar, template) = match total {
                Some(n) => (
                    ProgressBar::with_draw_target(Some(n), ProgressDrawTarget::hidden()),
                    "{spinner} {pos}/{len} files [{bar:30}] {elapsed} (eta {eta})",
                ),
                None => (
                    ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden()),
                    "{spinner} {pos} documents, {per_sec} {elapsed}",
                ),
            };
            if let Ok(style) = ProgressStyle::with_template(template) {
                bar.set_style(style.progress_chars("=> "));
            }
            bar
        });
        Self {
            bar,
            start: Instant::now(),
            shown: false,
        }
    }

    /// Runs `f` with the bar cleared from the terminal, so that output
    /// written meanwhile is never mixed with it.
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        match &self.bar {
            Some(b) if self.shown => b.suspend(f),
            _ => f(),
        }
    }

    /// One more document done.
    pub fn inc(&mut self) {
        let Some(bar) = &self.bar else { return };
        bar.inc(1);
        if !self.shown && self.start.elapsed() >= DELAY {
            bar.set_draw_target(ProgressDrawTarget::stderr());
            bar.enable_steady_tick(Duration::from_millis(200));
            self.shown = true;
        }
    }

    /// Clears the bar.
    pub fn finish(self) {
        if let Some(bar) = self.bar {
            bar.finish_and_clear();
        }
    }
}

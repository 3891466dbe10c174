//! Where the output goes: standard output, or a file given with `-o`,
//! written through [`AtomicFile`] so that a run that fails or is killed
//! never leaves a partial output.

use std::io::{self, StdoutLock, Write};
use std::path::Path;

use anstream::{AutoStream, ColorChoice};

pub use mtlint::read::atomic::AtomicFile;

/// The output of a run.
pub enum Sink {
    /// Standard output, as is.
    Stdout(StdoutLock<'static>),
    /// Standard output through anstream (colours, or their removal).
    Styled(AutoStream<StdoutLock<'static>>),
    /// `-o FILE`.
    File(Box<AtomicFile>),
    /// Nothing: `--format html -o DIR` writes its pages itself.
    Null,
}

impl Sink {
    /// Standard output; `color` is the choice for it (`Never` writes as is).
    pub fn stdout(color: ColorChoice) -> Self {
        let out = io::stdout().lock();
        if color == ColorChoice::Never {
            Sink::Stdout(out)
        } else {
            Sink::Styled(AutoStream::new(out, color))
        }
    }

    /// Makes the output final: renames `-o`'s file into place.
    pub fn commit(self) -> io::Result<()> {
        match self {
            Sink::File(f) => f.commit(),
            Sink::Stdout(mut o) => o.flush(),
            Sink::Styled(mut o) => o.flush(),
            Sink::Null => Ok(()),
        }
    }
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Sink::Stdout(o) => o.write(buf),
            Sink::Styled(o) => o.write(buf),
            Sink::File(f) => f.write(buf),
            Sink::Null => Ok(buf.len()),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match self {
            Sink::Stdout(o) => o.write_all(buf),
            Sink::Styled(o) => o.write_all(buf),
            Sink::File(f) => f.write_all(buf),
            Sink::Null => Ok(()),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Sink::Stdout(o) => o.flush(),
            Sink::Styled(o) => o.flush(),
            Sink::File(f) => f.flush(),
            Sink::Null => Ok(()),
        }
    }
}

/// The columns the source lines of the full format must fit in: the
/// terminal's width when standard output (or standard error, `stderr`) is
/// one, else the `COLUMNS` variable, else 80.
pub fn width(terminal: bool, stderr: bool) -> usize {
    let from_terminal = terminal.then(|| terminal_columns(if stderr { 2 } else { 1 }));
    from_terminal
        .flatten()
        .or_else(|| {
            std::env::var("COLUMNS")
                .ok()
                .and_then(|c| c.trim().parse().ok())
                .filter(|&c: &usize| c > 0)
        })
        .unwrap_or(mtlint::render::DEFAULT_WIDTH)
}

/// The width of the terminal on file descriptor `fd`, if it says.
#[cfg(unix)]
fn terminal_columns(fd: libc::c_int) -> Option<usize> {
    // SAFETY: TIOCGWINSZ writes one `winsize` into the struct we own.
    let mut size: libc::winsize = unsafe { std::mem::zeroed() };
    let ok = unsafe { libc::ioctl(fd, libc::TIOCGWINSZ, &mut size) } == 0;
    (ok && size.ws_col > 0).then_some(usize::from(size.ws_col))
}

#[cfg(not(unix))]
fn terminal_columns(_fd: i32) -> Option<usize> {
    None
}

/// `--format html -o DIR`: whether `-o` names a folder (one that exists,
/// or a path ending in `/`), which then gets an index and pages.
pub fn is_folder(path: &Path) -> bool {
    path.is_dir()
        || path
            .as_os_str()
            .to_string_lossy()
            .ends_with(std::path::MAIN_SEPARATOR)
}

/// Writes each page of a paged HTML report into `dir` (created if need
/// be), each page whole or not at all.
pub fn page_writer(dir: &Path) -> io::Result<mtlint::render::stream::PageSink> {
    std::fs::create_dir_all(dir)?;
    let dir = dir.to_path_buf();
    Ok(Box::new(move |name: &str, page: &str| {
        let mut f = AtomicFile::create(&dir.join(name))?;
        f.write_all(page.as_bytes())?;
        f.commit()
    }))
}

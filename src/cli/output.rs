//! Where the output goes: standard output, or a file given with `-o`,
//! written to a temporary file beside it and renamed over it once complete,
//! so that a run that fails or is killed never leaves a partial output.

use std::fs::{self, File};
use std::io::{self, BufWriter, StdoutLock, Write};
use std::path::{Path, PathBuf};

use anstream::{AutoStream, ColorChoice};

/// A file written whole or not at all.
pub struct AtomicFile {
    path: PathBuf,
    tmp: PathBuf,
    file: Option<BufWriter<File>>,
}

impl AtomicFile {
    /// Creates the temporary file beside `path` (same folder, so the rename
    /// stays on one file system), with the permissions of `path` when it
    /// exists.
    pub fn create(path: &Path) -> io::Result<Self> {
        let name = path
            .file_name()
            .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "not a file name"))?;
        let tmp = path.with_file_name(format!(
            ".{}.mtlint-{}.tmp",
            name.to_string_lossy(),
            std::process::id()
        ));
        let file = File::options().write(true).create_new(true).open(&tmp)?;
        if let Ok(m) = fs::metadata(path) {
            if m.is_dir() {
                let _ = fs::remove_file(&tmp);
                return Err(io::Error::new(io::ErrorKind::InvalidInput, "is a folder"));
            }
            let _ = file.set_permissions(m.permissions());
        }
        Ok(Self {
            path: path.to_path_buf(),
            tmp,
            file: Some(BufWriter::new(file)),
        })
    }

    /// Flushes, syncs and renames the temporary file over the target.
    pub fn commit(mut self) -> io::Result<()> {
        let Some(file) = self.file.take() else {
            return Ok(());
        };
        let file = file.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()?;
        drop(file);
        let renamed = fs::rename(&self.tmp, &self.path);
        if renamed.is_err() {
            let _ = fs::remove_file(&self.tmp);
        }
        renamed
    }
}

impl Drop for AtomicFile {
    /// Not committed: the target is left as it was.
    fn drop(&mut self) {
        if self.file.take().is_some() {
            let _ = fs::remove_file(&self.tmp);
        }
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match &mut self.file {
            Some(f) => f.write(buf),
            None => Err(io::Error::other("already committed")),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.file {
            Some(f) => f.flush(),
            None => Ok(()),
        }
    }
}

/// The output of a run.
pub enum Sink {
    /// Standard output, as is.
    Stdout(StdoutLock<'static>),
    /// Standard output through anstream (colours, or their removal).
    Styled(AutoStream<StdoutLock<'static>>),
    /// `-o FILE`.
    File(AtomicFile),
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
        }
    }
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Sink::Stdout(o) => o.write(buf),
            Sink::Styled(o) => o.write(buf),
            Sink::File(f) => f.write(buf),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match self {
            Sink::Stdout(o) => o.write_all(buf),
            Sink::Styled(o) => o.write_all(buf),
            Sink::File(f) => f.write_all(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Sink::Stdout(o) => o.flush(),
            Sink::Styled(o) => o.flush(),
            Sink::File(f) => f.flush(),
        }
    }
}

//! The one atomic writer, for fixed files and for `-o FILE`: the new bytes
//! go to a hidden temporary file in the same folder, are flushed to disk,
//! get the original's permissions and owner, and are renamed over the
//! original. A process killed at any
//! moment leaves the old file or the new one, never a truncated one.
//!
//! The temporary file is named `.NAME.mtlint-tmp-PID-N`: hidden, and without
//! the `.txt`/`.md` extension, so a folder walk never scans it. A run killed
//! between creating it and renaming it leaves it behind;
//! [`remove_stale_temps`] removes those whose process is gone.

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// The marker in the name of every temporary file.
pub const TEMP_MARKER: &str = ".mtlint-tmp-";

/// Longest file name most file systems accept, in bytes.
const NAME_MAX: usize = 255;

/// A file written whole or not at all: the bytes go to a temporary file
/// beside the target, and [`AtomicFile::commit`] renames it over the target
/// once they are on disk. Dropped without a commit, it leaves the target as
/// it was. Used for fixed files ([`write_bytes`]) and for `-o FILE`.
pub struct AtomicFile {
    target: PathBuf,
    /// The folder of the target and of the temporary file.
    dir: PathBuf,
    tmp: PathBuf,
    file: Option<BufWriter<File>>,
    /// The target's metadata when it existed: its permissions and owner
    /// are given to the new file.
    original: Option<fs::Metadata>,
}

impl AtomicFile {
    /// Creates the temporary file beside `path` (same folder, so the rename
    /// stays on one file system). A symbolic link is written through: its
    /// final target is replaced, the link stays.
    pub fn create(path: &Path) -> io::Result<Self> {
        // Follow every link to the real file, so the link is not replaced by
        // a regular file and a relative link resolves against its own folder.
        let target = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        let original = fs::metadata(&target).ok();
        if original.as_ref().is_some_and(|m| m.is_dir()) {
            return Err(io::Error::new(io::ErrorKind::InvalidInput, "is a folder"));
        }
        let name = target
            .file_name()
            .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "not a file name"))?
            .to_string_lossy()
            .into_owned();
        let dir = match target.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let (tmp, file) = create_temp(&dir, &name)?;
        Ok(Self {
            target,
            dir,
            tmp,
            file: Some(BufWriter::new(file)),
            original,
        })
    }

    /// Flushes and syncs the temporary file, gives it the target's
    /// permissions (and, where allowed, owner), and renames it over the
    /// target.
    pub fn commit(mut self) -> io::Result<()> {
        let Some(file) = self.file.take() else {
            return Ok(());
        };
        let result = (|| {
            let file = file.into_inner().map_err(|e| e.into_error())?;
            if let Some(m) = &self.original {
                keep_metadata(&file, m)?;
            }
            // On disk before the rename: after a crash the new name never
            // points at a file whose data was not written.
            file.sync_all()?;
            drop(file);
            fs::rename(&self.tmp, &self.target)?;
            // Make the rename itself durable. Not every system can open a
            // folder for syncing: that is no reason to report a failed write.
            if let Ok(d) = File::open(&self.dir) {
                let _ = d.sync_all();
            }
            Ok(())
        })();
        if result.is_err() {
            let _ = fs::remove_file(&self.tmp);
        }
        result
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

/// Replaces the contents of the existing regular file at `path` with
/// `bytes`, atomically (see [`AtomicFile`]). Errors name no path: the
/// caller knows which file it asked for.
pub fn write_bytes(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let meta = fs::metadata(path)?;
    if !meta.is_file() {
        return Err(io::Error::other("not a regular file"));
    }
    let mut file = AtomicFile::create(path)?;
    file.write_all(bytes)?;
    file.commit()
}

/// Creates a new, empty temporary file beside `name` in `dir`.
fn create_temp(dir: &Path, name: &str) -> io::Result<(PathBuf, File)> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let pid = std::process::id();
    loop {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let suffix = format!("{TEMP_MARKER}{pid}-{n}");
        // A long name is shortened (on a character boundary) so that the
        // temporary name stays within the file system's limit.
        let room = NAME_MAX.saturating_sub(1 + suffix.len());
        let mut cut = name.len().min(room);
        while !name.is_char_boundary(cut) {
            cut -= 1;
        }
        let path = dir.join(format!(".{}{suffix}", &name[..cut]));
        let mut opts = OpenOptions::new();
        opts.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            // Private until it gets the original's permissions.
            opts.mode(0o600);
        }
        match opts.open(&path) {
            Ok(f) => return Ok((path, f)),
            // Left by an earlier process with the same id: take the next number.
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
}

/// Gives the new file the original's permissions and, when this process may,
/// its owner and group.
fn keep_metadata(file: &File, original: &fs::Metadata) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let new = file.metadata()?;
        if new.uid() != original.uid() || new.gid() != original.gid() {
            // Only root may give a file away; others keep their own files.
            let _ = std::os::unix::fs::fchown(file, Some(original.uid()), Some(original.gid()));
        }
    }
    file.set_permissions(original.permissions())
}

/// Removes the temporary files in `dir` left by mtlint processes that no
/// longer run (killed between writing and renaming). Returns how many were
/// removed. Files of a running process are left alone; where it cannot be
/// told whether a process runs (no `/proc`), nothing is removed.
pub fn remove_stale_temps(dir: &Path) -> usize {
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    let proc = Path::new("/proc/self");
    if !proc.exists() {
        return 0;
    }
    let mut removed = 0;
    for e in entries.flatten() {
        let name = e.file_name();
        let Some(pid) = temp_pid(&name.to_string_lossy()) else {
            continue;
        };
        let alive = pid == std::process::id() || Path::new(&format!("/proc/{pid}")).exists();
        if !alive && e.file_type().is_ok_and(|t| t.is_file()) && fs::remove_file(e.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// The process id in a temporary file's name, or `None` for any other name.
fn temp_pid(name: &str) -> Option<u32> {
    if !name.starts_with('.') {
        return None;
    }
    let at = name.rfind(TEMP_MARKER)?;
    let (pid, n) = name[at + TEMP_MARKER.len()..].split_once('-')?;
    if n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    pid.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_contents_and_keeps_permissions() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        fs::write(&p, "old text\n").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(&p, fs::Permissions::from_mode(0o640)).unwrap();
        }
        write_bytes(&p, b"new\r\ntext").unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"new\r\ntext");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(
                fs::metadata(&p).unwrap().permissions().mode() & 0o777,
                0o640
            );
        }
        // Nothing is left beside it.
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["a.txt"]);
    }

    #[cfg(unix)]
    #[test]
    fn writes_through_symbolic_links() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("real")).unwrap();
        let target = dir.path().join("real/a.txt");
        fs::write(&target, "old").unwrap();
        let link = dir.path().join("link.txt");
        // A relative link, resolved against its own folder.
        std::os::unix::fs::symlink("real/a.txt", &link).unwrap();
        write_bytes(&link, b"new").unwrap();
        assert!(fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(fs::read_to_string(&target).unwrap(), "new");
    }

    #[test]
    fn a_file_removed_meanwhile_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("gone/a.txt");
        let e = write_bytes(&p, b"x").unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::NotFound);
        assert!(!p.exists());
    }

    #[test]
    fn long_names_get_a_short_temporary_name() {
        let dir = tempfile::tempdir().unwrap();
        // 250 bytes: the temporary name must be cut to fit, on a character.
        let name = format!("{}.txt", "ب".repeat(123));
        let p = dir.path().join(&name);
        fs::write(&p, "old").unwrap();
        write_bytes(&p, b"new").unwrap();
        assert_eq!(fs::read_to_string(&p).unwrap(), "new");
    }

    #[test]
    fn stale_temporary_files_are_recognised_and_removed() {
        assert_eq!(temp_pid(".a.txt.mtlint-tmp-123-0"), Some(123));
        assert_eq!(temp_pid("a.txt.mtlint-tmp-123-0"), None);
        assert_eq!(temp_pid(".a.txt.mtlint-tmp-123-"), None);
        assert_eq!(temp_pid(".a.txt"), None);
        if !Path::new("/proc/self").exists() {
            eprintln!("no /proc: skipping the removal check");
            return;
        }
        let dir = tempfile::tempdir().unwrap();
        // No process has id 4294967295 (above Linux's pid_max).
        let stale = dir.path().join(".a.txt.mtlint-tmp-4294967295-7");
        let live = dir
            .path()
            .join(format!(".b.txt.mtlint-tmp-{}-0", std::process::id()));
        fs::write(&stale, "x").unwrap();
        fs::write(&live, "x").unwrap();
        fs::write(dir.path().join("c.txt"), "x").unwrap();
        assert_eq!(remove_stale_temps(dir.path()), 1);
        assert!(!stale.exists() && dir.path().join("c.txt").exists());
        // Our own file is kept: this process still runs.
        assert!(live.exists());
    }
}

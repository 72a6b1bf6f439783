//! Input of the subcommands: files read with their size checked first and a bounded read (so `/dev/zero`
//! or a FIFO cannot grow memory without end), then loaded into a session the way the page loads them.

use super::error::{CliError, Diagnostics};
use crate::ingest::{FileReport, LoadOptions, DEFAULT_MAX_BYTES};
use crate::session::Session;
use std::io::Read;
use std::path::Path;

/// Reads at most `limit` bytes of `path`: refused before reading when the file says it is larger, and
/// refused once more than `limit` bytes have come from a device or a pipe. The error is a message.
pub fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, String> {
    let metadata = std::fs::metadata(path).map_err(|e| format!("cannot read the file: {e}"))?;
    if metadata.is_dir() {
        return Err("cannot read the file: it is a directory".into());
    }
    if metadata.is_file() && metadata.len() > limit {
        return Err(format!("the file is {} bytes, over the limit of {limit} bytes: split it or filter it first", metadata.len()));
    }
    let file = std::fs::File::open(path).map_err(|e| format!("cannot read the file: {e}"))?;
    let expected = if metadata.is_file() { metadata.len().min(limit) } else { 64 * 1024 };
    let mut bytes = Vec::with_capacity(usize::try_from(expected).unwrap_or(0).saturating_add(1));
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes).map_err(|e| format!("cannot read the file: {e}"))?;
    if bytes.len() as u64 > limit {
        return Err(format!("more than {limit} bytes came from it, over the limit: split it or filter it first"));
    }
    Ok(bytes)
}

/// Reads an input file within the ingest's size limit; an input error naming the file otherwise.
pub fn read_input(path: &Path) -> Result<Vec<u8>, CliError> {
    read_bounded(path, DEFAULT_MAX_BYTES).map_err(|message| CliError::input(path.display().to_string(), message))
}

/// Reads a small text file (polarity, comparator codes) as the ingest decodes text: BOMs, UTF-16, Windows-1252.
pub fn read_text(path: &Path) -> Result<String, CliError> {
    let bytes = read_input(path)?;
    crate::ingest::sniff::decode(&bytes)
        .map(|decoded| decoded.text.into_owned())
        .ok_or_else(|| CliError::input(path.display().to_string(), "this is binary data, not text"))
}

/// The name a file is loaded under: its file name (lossily decoded when it is not UTF-8).
pub fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}

/// Loads one file into `session` under `name`; its report, or `None` when it was unreadable or unusable
/// (reported as a failure). Rejected rows are reported without failing the run.
pub fn load_named(session: &mut Session, path: &Path, name: &str, options: &LoadOptions, diagnostics: &mut Diagnostics) -> Option<FileReport> {
    let bytes = match read_input(path) {
        Ok(bytes) => bytes,
        Err(error) => {
            diagnostics.fail(&error);
            return None;
        }
    };
    let report = session.load(name, &bytes, options);
    for reject in &report.rejected {
        // The same `file:line: column: reason` the page's report shows (the reject's own Display).
        let message = if reject.column.is_empty() { reject.reason.clone() } else { format!("{}: {}", reject.column, reject.reason) };
        diagnostics.warn(&CliError::Input { file: reject.file.clone(), line: Some(reject.line), message });
    }
    if let Some(error) = &report.error {
        diagnostics.fail(&CliError::input(path.display().to_string(), error.clone()));
        return None;
    }
    Some(report)
}

/// Loads each file into `session` (computing intervals the files lack), under its file name; false when
/// any file was unreadable or unusable (each problem reported with file and line).
pub fn load_files(session: &mut Session, files: &[impl AsRef<Path>], diagnostics: &mut Diagnostics) -> bool {
    let mut all_good = true;
    for path in files {
        let path = path.as_ref();
        all_good &= load_named(session, path, &file_name(path), &LoadOptions::default(), diagnostics).is_some();
    }
    all_good
}

/// The error of a run whose files gave no observations at all.
pub fn nothing_read(command: &str) -> CliError {
    CliError::input("", format!("{command}: no observations were read from the files"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_size_is_checked_before_reading() {
        let path = std::env::temp_dir().join(format!("il-cli-bounded-{}.csv", std::process::id()));
        std::fs::write(&path, vec![b'x'; 2048]).unwrap();
        assert_eq!(read_bounded(&path, 4096).map(|b| b.len()), Ok(2048));
        let refused = read_bounded(&path, 1024).unwrap_err();
        assert!(refused.contains("the file is 2048 bytes, over the limit of 1024 bytes"), "{refused}");
        let _ = std::fs::remove_file(&path);
        assert!(read_bounded(&std::env::temp_dir(), 1024).unwrap_err().contains("directory"));
        assert!(read_bounded(Path::new("/nonexistent/x.csv"), 1024).unwrap_err().starts_with("cannot read"));
    }

    #[cfg(unix)]
    #[test]
    fn endless_devices_stop_at_the_limit() {
        let refused = read_bounded(Path::new("/dev/zero"), 1 << 20).unwrap_err();
        assert!(refused.contains("more than 1048576 bytes"), "{refused}");
    }

    /// A FIFO fed without end by another thread: the read stops at the limit and the writer sees the pipe close.
    #[cfg(unix)]
    #[test]
    fn endless_fifos_stop_at_the_limit() {
        use std::io::Write;
        let fifo = std::env::temp_dir().join(format!("il-cli-fifo-{}", std::process::id()));
        let _ = std::fs::remove_file(&fifo);
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            eprintln!("mkfifo is not available: skipped");
            return;
        }
        let writer_path = fifo.clone();
        let writer = std::thread::spawn(move || {
            let Ok(mut pipe) = std::fs::OpenOptions::new().write(true).open(&writer_path) else { return };
            let chunk = vec![b'a'; 64 * 1024];
            while pipe.write_all(&chunk).is_ok() {}
        });
        let refused = read_bounded(&fifo, 1 << 20).unwrap_err();
        assert!(refused.contains("over the limit"), "{refused}");
        writer.join().unwrap();
        let _ = std::fs::remove_file(&fifo);
    }
}

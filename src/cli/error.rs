//! `CliError`, the one error type of the command-line tool, and `Diagnostics`, where its messages go.
//!
//! Exit codes are decided here and nowhere else (design §7): 0 success, 1 input rejected (or output
//! not written), 2 usage error.

use std::fmt;
use std::io::Write;

/// Exit code of a run that succeeded.
pub const EXIT_OK: i32 = 0;
/// Exit code of a run whose input was rejected, or whose output could not be written.
pub const EXIT_INPUT: i32 = 1;
/// Exit code of a run with a usage error (unknown flag, bad value, missing argument).
pub const EXIT_USAGE: i32 = 2;

/// What went wrong in a run of the tool.
#[derive(Clone, Debug, PartialEq)]
pub enum CliError {
    /// The command line is wrong; the subcommand's usage follows the message.
    Usage {
        /// The subcommand (empty for the tool itself).
        command: &'static str,
        /// What is wrong, naming the flag and the allowed values.
        message: String,
    },
    /// An input file (or what the files hold together) was rejected.
    Input {
        /// The file as given (empty when no one file is at fault; the message then says where).
        file: String,
        /// The 1-based line, when the problem has one.
        line: Option<u64>,
        /// What is wrong.
        message: String,
    },
    /// The output could not be written.
    Output {
        /// The subcommand.
        command: &'static str,
        /// Why it could not be written.
        message: String,
    },
}

impl CliError {
    /// A usage error of `command`.
    pub fn usage(command: &'static str, message: impl Into<String>) -> CliError {
        CliError::Usage { command, message: message.into() }
    }

    /// An input error of `file` (no line).
    pub fn input(file: impl Into<String>, message: impl Into<String>) -> CliError {
        CliError::Input { file: file.into(), line: None, message: message.into() }
    }

    /// An output error of `command`.
    pub fn output(command: &'static str, message: impl fmt::Display) -> CliError {
        CliError::Output { command, message: message.to_string() }
    }

    /// The exit code this error ends a run with.
    pub fn exit_code(&self) -> i32 {
        match self {
            CliError::Usage { .. } => EXIT_USAGE,
            CliError::Input { .. } | CliError::Output { .. } => EXIT_INPUT,
        }
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CliError::Usage { command: "", message } => write!(f, "{message}"),
            CliError::Usage { command, message } => write!(f, "{command}: {message}"),
            CliError::Input { file, line, message } => match (file.is_empty(), line) {
                (true, _) => write!(f, "{message}"),
                (false, Some(line)) => write!(f, "{file}:{line}: {message}"),
                (false, None) => write!(f, "{file}: {message}"),
            },
            CliError::Output { command, message } => write!(f, "{command}: cannot write output: {message}"),
        }
    }
}

impl std::error::Error for CliError {}

/// The error stream of a run and the exit code its reports so far imply.
pub struct Diagnostics<'a> {
    /// Where messages go (standard error).
    err: &'a mut dyn Write,
    /// The worst exit code reported so far.
    code: i32,
}

impl<'a> Diagnostics<'a> {
    /// Diagnostics written to `err`, starting at success.
    pub fn new(err: &'a mut dyn Write) -> Diagnostics<'a> {
        Diagnostics { err, code: EXIT_OK }
    }

    /// Reports an error that fails the run (its exit code is kept if it is the worst so far).
    pub fn fail(&mut self, error: &CliError) {
        self.code = self.code.max(error.exit_code());
        let _ = writeln!(self.err, "{error}");
    }

    /// Reports a problem that does not fail the run (a rejected row the rest of the file survives).
    pub fn warn(&mut self, error: &CliError) {
        let _ = writeln!(self.err, "{error}");
    }

    /// Writes a line of information (warnings of an analysis, what was assumed).
    pub fn note(&mut self, text: impl fmt::Display) {
        let _ = writeln!(self.err, "{text}");
    }

    /// Writes `text` as it is (a usage text after a usage error).
    pub fn raw(&mut self, text: &str) {
        let _ = writeln!(self.err, "{text}");
    }

    /// True when an error that fails the run has been reported.
    pub fn failed(&self) -> bool {
        self.code != EXIT_OK
    }

    /// The exit code of the run so far.
    pub fn code(&self) -> i32 {
        self.code
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_and_exit_codes() {
        let usage = CliError::usage("spc", "--improvement must be one of increase|decrease|neutral, not `sideways`");
        assert_eq!(usage.exit_code(), EXIT_USAGE);
        assert!(usage.to_string().starts_with("spc: --improvement"));
        let at_line = CliError::Input { file: "a.csv".into(), line: Some(3), message: "2016 oops".into() };
        assert_eq!((at_line.to_string().as_str(), at_line.exit_code()), ("a.csv:3: 2016 oops", EXIT_INPUT));
        assert_eq!(CliError::input("a.csv", "cannot read: gone").to_string(), "a.csv: cannot read: gone");
        assert_eq!(CliError::input("", "benchmark: nothing read").to_string(), "benchmark: nothing read");
        let output = CliError::output("trend", "disk full");
        assert_eq!((output.to_string().as_str(), output.exit_code()), ("trend: cannot write output: disk full", EXIT_INPUT));
    }

    #[test]
    fn diagnostics_keep_the_worst_code() {
        let mut err = Vec::new();
        let mut diagnostics = Diagnostics::new(&mut err);
        diagnostics.warn(&CliError::input("a.csv", "row skipped"));
        assert!(!diagnostics.failed());
        diagnostics.fail(&CliError::usage("x", "bad"));
        diagnostics.fail(&CliError::input("a.csv", "unreadable"));
        assert_eq!(diagnostics.code(), EXIT_USAGE);
        assert_eq!(String::from_utf8(err).unwrap(), "a.csv: row skipped\nx: bad\na.csv: unreadable\n");
    }
}

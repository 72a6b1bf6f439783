//! The native command-line tool: subcommands over the same core the page uses.
//!
//! Every subcommand declares its flags once (`args::Command`); one reader (`args::parse`) checks the
//! arguments against the declaration and builds the usage text from it; a subcommand's body gets checked
//! arguments and returns a `CliError`, whose kind decides the exit code (`error`).

mod args;
mod benchmark;
mod compute;
mod error;
mod generate;
mod input;
mod inspect;
mod kpi_summary;
mod output;
mod polarity;
mod prevalence;
mod spc;
mod summary;
mod targets;
mod trend;
mod view;

pub use args::{Command, Flag, Takes, Word, MAX_TEXT_BYTES};
pub use error::{CliError, EXIT_INPUT, EXIT_OK, EXIT_USAGE};

use args::{shown, Parsed, Request};
use error::Diagnostics;
use std::ffi::{OsStr, OsString};
use std::io::Write;

/// A subcommand's body: runs with arguments already checked against its declaration.
type Body = fn(&Parsed, &mut dyn Write, &mut Diagnostics) -> Result<(), CliError>;

/// Every subcommand: its declaration and its body, in the order the usage lists them.
static SUBCOMMANDS: [(&Command, Body); 12] = [
    (&inspect::COMMAND, inspect::run),
    (&compute::COMMAND, compute::run),
    (&benchmark::COMMAND, benchmark::run),
    (&prevalence::COMMAND, prevalence::run),
    (&trend::COMMAND, trend::run),
    (&targets::COMMAND, targets::run),
    (&spc::COMMAND, spc::run),
    (&summary::COMMAND, summary::run),
    (&view::VIEW_COMMAND, view::run_view),
    (&view::RENDER_COMMAND, view::run_render),
    (&kpi_summary::COMMAND, kpi_summary::run),
    (&generate::COMMAND, generate::run),
];

/// Every subcommand's declaration (for help, and for tests that feed every flag).
pub fn commands() -> Vec<&'static Command> {
    SUBCOMMANDS.iter().map(|(command, _)| *command).collect()
}

/// The subcommand called `name` (or one of its aliases).
fn find(name: &str) -> Option<&'static (&'static Command, Body)> {
    SUBCOMMANDS.iter().find(|(command, _)| command.name == name || command.aliases.contains(&name))
}

/// The tool's usage: one line per subcommand, from the declarations.
pub fn usage() -> String {
    let mut text = String::from("usage: indicator-lens <command> [options]   (indicator-lens <command> --help for one command)\ncommands:");
    for command in commands() {
        text.push_str(&format!("\n  {}\n      {}", command.synopsis(), command.about));
    }
    text
}

/// Runs the CLI with `args` (without the program name; `OsString`, `String` or `&str`), writing results to
/// `out` and messages to `err`; returns the exit code (0 success, 1 input rejected, 2 usage error).
pub fn run<A: AsRef<OsStr>>(args: &[A], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let args: Vec<OsString> = args.iter().map(|a| a.as_ref().to_owned()).collect();
    let mut diagnostics = Diagnostics::new(err);
    let Some(first) = args.first() else {
        diagnostics.fail(&CliError::usage("", "no command given"));
        diagnostics.raw(&usage());
        return diagnostics.code();
    };
    let name = first.to_str().unwrap_or_default();
    let mut rest = &args[1..];
    // `view kpi-summary …` takes the kpi-summary flags.
    let kpi_view = name == "view" && rest.first().and_then(|v| v.to_str()).is_some_and(|v| find(v).is_some_and(|(c, _)| c.name == "kpi-summary"));
    let found = if kpi_view {
        rest = &rest[1..];
        find("kpi-summary")
    } else {
        find(name)
    };
    let Some((command, body)) = found else {
        if matches!(name, "-h" | "--help" | "help") {
            let _ = writeln!(out, "{}", usage());
            return EXIT_OK;
        }
        diagnostics.fail(&CliError::usage("", format!("unknown command `{}`", shown(first))));
        diagnostics.raw(&usage());
        return diagnostics.code();
    };
    let result = match args::parse(command, rest) {
        Ok(Request::Help) => {
            let _ = writeln!(out, "{}", command.usage());
            return EXIT_OK;
        }
        Ok(Request::Run(parsed)) => body(&parsed, out, &mut diagnostics),
        Err(error) => Err(error),
    };
    if let Err(error) = result {
        diagnostics.fail(&error);
        if matches!(error, CliError::Usage { .. }) {
            diagnostics.raw(&command.usage());
        }
    }
    diagnostics.code()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_strs(args: &[&str]) -> (i32, String, String) {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let code = run(args, &mut out, &mut err);
        (code, String::from_utf8_lossy(&out).into_owned(), String::from_utf8_lossy(&err).into_owned())
    }

    #[test]
    fn usage_is_built_from_the_declarations() {
        let (code, out, _) = run_strs(&["--help"]);
        assert_eq!(code, EXIT_OK);
        for command in commands() {
            assert!(out.contains(&command.synopsis()), "{}", command.name);
        }
        let (code, out, _) = run_strs(&["benchmark", "--help"]);
        assert_eq!(code, EXIT_OK);
        assert!(out.starts_with("usage: indicator-lens benchmark FILE... [--against england|parent|AREA_CODE|codes file]"), "{out}");
        let (code, _, err) = run_strs(&["nonsense"]);
        assert_eq!(code, EXIT_USAGE);
        assert!(err.starts_with("unknown command `nonsense`\nusage:"), "{err}");
        assert_eq!(run_strs(&[]).0, EXIT_USAGE);
    }

    #[test]
    fn every_flag_has_help_and_no_name_is_declared_twice() {
        let mut names: Vec<&str> = Vec::new();
        for command in commands() {
            assert!(!command.about.is_empty(), "{}", command.name);
            names.push(command.name);
            names.extend(command.aliases);
            let mut flags: Vec<&str> = command.flags.iter().map(|f| f.name).collect();
            assert!(command.flags.iter().all(|f| f.name.starts_with("--") && !f.help.is_empty()), "{}", command.name);
            flags.sort_unstable();
            flags.dedup();
            assert_eq!(flags.len(), command.flags.len(), "{}", command.name);
        }
        let count = names.len();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), count);
    }

    #[test]
    fn usage_errors_end_with_the_subcommand_usage() {
        let (code, _, err) = run_strs(&["spc", "x.csv", "--improvement", "sideways"]);
        assert_eq!(code, EXIT_USAGE);
        assert!(err.starts_with("spc: --improvement must be one of increase|decrease|neutral, not `sideways`\nusage: indicator-lens spc"), "{err}");
        let (code, _, err) = run_strs(&["view", "kpi-summary", "x.csv", "--sort", "sideways"]);
        assert_eq!(code, EXIT_USAGE);
        assert!(err.contains("--sort must be one of indicator|area|value|"), "{err}");
    }
}

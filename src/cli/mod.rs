//! The native command-line tool: subcommands over the same core the page uses.

mod benchmark;
mod compute;
mod generate;
mod input;
mod inspect;
mod kpi_summary;
mod prevalence;
mod spc;
mod summary;
mod targets;
mod trend;
mod view;

use std::io::Write;

/// Runs the CLI with `args` (without the program name); returns the exit code
/// (0 success, 1 input rejected, 2 usage error).
pub fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let Some(command) = args.first() else {
        let _ = writeln!(err, "{USAGE}");
        return 2;
    };
    let rest = &args[1..];
    // `view kpi-summary …` is served here until the generic `view` command dispatches to it.
    if command == "view" && rest.first().is_some_and(|v| matches!(v.as_str(), "kpi-summary" | "kpi_summary")) {
        return kpi_summary::run(&rest[1..], out, err);
    }
    match command.as_str() {
        "kpi-summary" | "kpi_summary" => kpi_summary::run(rest, out, err),
        "inspect" => inspect::run(rest, out, err),
        "compute" => compute::run(rest, out, err),
        "benchmark" => benchmark::run(rest, out, err),
        "prevalence" => prevalence::run(rest, out, err),
        "trend" => trend::run(rest, out, err),
        "targets" => targets::run(rest, out, err),
        "spc" => spc::run(rest, out, err),
        "summary" => summary::run(rest, out, err),
        "view" => view::run_view(rest, out, err),
        "render" => view::run_render(rest, out, err),
        "generate" => generate::run(rest, out, err),
        "-h" | "--help" | "help" => {
            let _ = writeln!(out, "{USAGE}");
            0
        }
        other => {
            let _ = writeln!(err, "unknown command `{other}`\n{USAGE}");
            2
        }
    }
}

/// One-screen usage text.
pub const USAGE: &str = "usage: indicator-lens <command> [options]
commands:
  inspect FILE... [--json]      detected format and load report
  compute proportion|rate|dsr|isr|israte|mean --input FILE [--group COL] [--multiplier N] [--confidence 0.95,0.998]
  benchmark FILE... [--against england|parent|AREA_CODE|codes.txt] [--level 95|99.8] [--polarity FILE]
  prevalence --rates FILE --population FILE [--bands 2-4,5-16,17-19] [--access FILE] [--target 0.34] [--need N]
  trend FILE... [--polarity FILE] [--threshold PERCENT] [--out FILE]   recent trend and direction of travel
  targets FILE... --schedule FILE [--polarity FILE] [--out FILE]        periods against contract-year targets
  spc FILE [--indicator KEY] [--area AREA] [--improvement increase|decrease|neutral] [--target N] [--out FILE]
  summary FILE... [--polarity FILE] [--threshold PERCENT] [--area AREA] [--csv] [--out FILE]   board-paper sentence and table
  view VIEW FILE... [--indicator ID]... [--period P] [--area CODE] [--area-type TEXT] [--spec JSON] [--json]   the view model the page draws
  render VIEW FILE... --svg OUT.svg [same options as view]            the chart as SVG

  kpi-summary FILE... [--area CODE]... [--indicator KEY]... [--period P] [--sort COLUMN] [--json]   KPI rows with icons and why
  view kpi-summary FILE... [--area CODE] --json   the same

  generate --rows N --out FILE [--seed N]   a synthetic Fingertips-layout file (for benchmarks)";

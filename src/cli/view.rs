//! `indicator-lens view` (the view model as JSON, or its table as CSV) and `render` (the chart as SVG).

use super::input::{load_files, write_output};
use crate::session::Session;
use crate::view::ViewSpec;
use std::io::Write;

const VIEW_USAGE: &str = "usage: indicator-lens view VIEW FILE... [--indicator ID]... [--period P] [--area CODE] [--area-type TEXT] [--spec JSON] [--json] [--out FILE]";
const RENDER_USAGE: &str = "usage: indicator-lens render VIEW FILE... --svg OUT.svg [--indicator ID]... [--period P] [--area CODE] [--area-type TEXT] [--spec JSON]";

/// The parsed command line of `view` and `render`.
struct ViewArgs {
    spec: ViewSpec,
    files: Vec<String>,
    json: bool,
    out: Option<String>,
    svg: Option<String>,
}

/// Reads the arguments after the subcommand name; Err is a usage message.
fn parse(args: &[String]) -> Result<ViewArgs, String> {
    let mut iter = args.iter();
    let view = iter.next().filter(|v| !v.starts_with("--")).ok_or("no view named")?.clone();
    let mut parsed = ViewArgs { spec: ViewSpec::default(), files: Vec::new(), json: false, out: None, svg: None };
    let mut base: Option<ViewSpec> = None;
    let (mut indicators, mut period, mut area, mut area_type) = (Vec::new(), None, None, None);
    while let Some(arg) = iter.next() {
        let mut value = || iter.next().cloned().ok_or_else(|| format!("{arg} needs a value"));
        match arg.as_str() {
            "--indicator" => indicators.push(value()?),
            "--period" => period = Some(value()?),
            "--area" => area = Some(value()?),
            "--area-type" => area_type = Some(value()?),
            "--spec" => base = Some(serde_json::from_str(&value()?).map_err(|e| format!("--spec is not a view spec: {e}"))?),
            "--json" => parsed.json = true,
            "--out" => parsed.out = Some(value()?),
            "--svg" => parsed.svg = Some(value()?),
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            file => parsed.files.push(file.to_owned()),
        }
    }
    if parsed.files.is_empty() {
        return Err("no input file".into());
    }
    let mut spec = base.unwrap_or_default();
    spec.view = view;
    if let Some(first) = indicators.first() {
        spec.indicator = Some(first.clone());
        spec.indicators = indicators;
    }
    spec.period = period.or(spec.period);
    spec.area = area.or(spec.area);
    spec.area_type = area_type.or(spec.area_type);
    parsed.spec = spec;
    Ok(parsed)
}

/// Loads the files; the session, or the exit code when nothing usable was loaded.
fn session_for(files: &[String], err: &mut dyn Write) -> Result<Session, i32> {
    let mut session = Session::new();
    let all_good = load_files(&mut session, files, err);
    if !all_good {
        return Err(1);
    }
    Ok(session)
}

/// Runs `view`: the view model the page draws, as JSON (`--json`) or its table as CSV.
pub fn run_view(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let parsed = match parse(args) {
        Ok(parsed) => parsed,
        Err(message) => {
            let _ = writeln!(err, "view: {message}\n{VIEW_USAGE}");
            return 2;
        }
    };
    let mut session = match session_for(&parsed.files, err) {
        Ok(session) => session,
        Err(code) => return code,
    };
    session.choose_value_types(&parsed.spec.value_types);
    let output = match session.view(&parsed.spec) {
        Ok(output) => output,
        Err(e) => {
            let _ = writeln!(err, "view {}: {e}", parsed.spec.view);
            return 1;
        }
    };
    let text = if parsed.json {
        match serde_json::to_string_pretty(&output.model) {
            Ok(json) => json + "\n",
            Err(e) => {
                let _ = writeln!(err, "view: cannot write JSON: {e}");
                return 1;
            }
        }
    } else {
        output.table.to_csv()
    };
    if write_output("view", &text, parsed.out.as_deref(), out, err) { 0 } else { 1 }
}

/// Runs `render`: the chart as SVG at the view's preferred size.
pub fn run_render(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let parsed = match parse(args) {
        Ok(parsed) if parsed.svg.is_some() => parsed,
        Ok(_) => {
            let _ = writeln!(err, "render: --svg OUT.svg is needed\n{RENDER_USAGE}");
            return 2;
        }
        Err(message) => {
            let _ = writeln!(err, "render: {message}\n{RENDER_USAGE}");
            return 2;
        }
    };
    let mut session = match session_for(&parsed.files, err) {
        Ok(session) => session,
        Err(code) => return code,
    };
    session.choose_value_types(&parsed.spec.value_types);
    let model = match session.view(&parsed.spec) {
        Ok(output) => output.model,
        Err(e) => {
            let _ = writeln!(err, "render {}: {e}", parsed.spec.view);
            return 1;
        }
    };
    let (width, height) = crate::chart::preferred_size(&model);
    let svg = match crate::chart::render_svg(&model, width, height) {
        Ok(svg) => svg,
        Err(e) => {
            let _ = writeln!(err, "render: {e}");
            return 1;
        }
    };
    if write_output("render", &svg, parsed.svg.as_deref(), out, err) { 0 } else { 1 }
}

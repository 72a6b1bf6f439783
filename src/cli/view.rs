//! `indicator-lens view` (the view model as JSON, or its table as CSV) and `render` (the chart as SVG).

use super::args::{Command, Flag, Parsed, Takes, Word};
use super::error::{CliError, Diagnostics};
use super::input::load_files;
use super::output::write_output;
use crate::session::Session;
use crate::view::{find_view, view_ids, ViewSpec};
use std::io::Write;

/// The views `VIEW` names (aliases read too).
fn views() -> String {
    view_ids().join("|")
}

/// The leading word of `view` and `render`.
const VIEW: Word = Word { name: "VIEW", takes: Takes::Matching { placeholder: Some("VIEW"), allowed: views, accepts: |v| find_view(v).is_some() } };

/// Flags `view` and `render` share: what to show.
macro_rules! spec_flags {
    ($($extra:expr),* $(,)?) => {
        &[
            Flag::new("--indicator", Takes::Text("ID"), "the indicator (id or name); repeat for views of several").repeats(),
            Flag::new("--period", Takes::Text("P"), "the period (default: the latest)"),
            Flag::new("--area", Takes::Text("CODE"), "the area (code or name)"),
            Flag::new("--area-type", Takes::Text("TEXT"), "the type of the areas compared"),
            Flag::new("--spec", Takes::Text("JSON"), "a whole view spec as the page sends it; the flags above override its fields"),
            $($extra),*
        ]
    };
}

/// The declaration of `view`.
pub static VIEW_COMMAND: Command = Command {
    name: "view",
    aliases: &[],
    word: Some(VIEW),
    files: Some("FILE..."),
    flags: spec_flags![
        Flag::new("--json", Takes::Nothing, "the view model as JSON (the default is its table as CSV)"),
        Flag::new("--out", Takes::Path("FILE"), "write here instead of to standard output"),
    ],
    about: "the view model the page draws (or its table as CSV); `view kpi-summary` takes the kpi-summary flags",
};

/// The declaration of `render`.
pub static RENDER_COMMAND: Command = Command {
    name: "render",
    aliases: &[],
    word: Some(VIEW),
    files: Some("FILE..."),
    flags: spec_flags![Flag::new("--svg", Takes::Path("OUT.svg"), "where to write the SVG").required()],
    about: "the chart as SVG, drawn by the same code as the page",
};

/// The spec the arguments ask for.
fn spec(parsed: &Parsed) -> Result<ViewSpec, CliError> {
    let mut spec: ViewSpec = match parsed.text("--spec") {
        Some(json) => serde_json::from_str(&json).map_err(|e| parsed.command().refuse(format!("--spec is not a view spec: {e}")))?,
        None => ViewSpec::default(),
    };
    spec.view = parsed.word().to_owned();
    let indicators = parsed.texts("--indicator");
    if let Some(first) = indicators.first() {
        spec.indicator = Some(first.clone());
        spec.indicators = indicators;
    }
    spec.period = parsed.text("--period").or(spec.period);
    spec.area = parsed.text("--area").or(spec.area);
    spec.area_type = parsed.text("--area-type").or(spec.area_type);
    Ok(spec)
}

/// Loads the files, as the page would; `None` when any file was unreadable or unusable (reported).
fn session_for(parsed: &Parsed, diagnostics: &mut Diagnostics) -> Option<Session> {
    let mut session = Session::new();
    load_files(&mut session, &parsed.files(), diagnostics).then_some(session)
}

/// Runs `view`: the view model the page draws, as JSON (`--json`) or its table as CSV.
pub fn run_view(parsed: &Parsed, out: &mut dyn Write, diagnostics: &mut Diagnostics) -> Result<(), CliError> {
    let spec = spec(parsed)?;
    let Some(mut session) = session_for(parsed, diagnostics) else { return Ok(()) };
    session.choose_value_types(&spec.value_types);
    let output = session.view(&spec).map_err(|e| CliError::input("", format!("view {}: {e}", spec.view)))?;
    let text = if parsed.has("--json") {
        serde_json::to_string_pretty(&output.model).map(|json| json + "\n").map_err(|e| CliError::output("view", e))?
    } else {
        output.table.to_csv()
    };
    write_output("view", &text, parsed.path("--out").as_deref(), out)
}

/// Runs `render`: the chart as SVG at the view's preferred size.
pub fn run_render(parsed: &Parsed, out: &mut dyn Write, diagnostics: &mut Diagnostics) -> Result<(), CliError> {
    let spec = spec(parsed)?;
    let Some(mut session) = session_for(parsed, diagnostics) else { return Ok(()) };
    session.choose_value_types(&spec.value_types);
    let model = session.view(&spec).map_err(|e| CliError::input("", format!("render {}: {e}", spec.view)))?.model;
    let (width, height) = crate::chart::preferred_size(&model);
    let svg = crate::chart::render_svg(&model, width, height).map_err(|e| CliError::input("", format!("render: {e}")))?;
    write_output("render", &svg, parsed.path("--svg").as_deref(), out)
}

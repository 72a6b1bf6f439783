//! The WebAssembly binding: a stateful `Session` for the page's worker and chart drawing for the page.
//!
//! No logic lives here: every method forwards to the core and turns results into serde values
//! and errors into JS exceptions.

use crate::ingest::LoadOptions;
use crate::share::{decode_fragment, encode_fragment, ShareState, SharedFile, LINK_LIMIT};
use crate::view::{ViewModel, ViewSpec};
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Converts any displayable error into a JS exception value.
fn js_error(error: impl std::fmt::Display) -> JsError {
    JsError::new(&error.to_string())
}

/// A view as the page holds it: the JSON text `Session::view` returned (only its model is read here).
#[derive(serde::Deserialize)]
struct DrawnView {
    model: ViewModel,
}

/// The view model inside a view's JSON text.
fn model_of(view_json: &str) -> Result<ViewModel, JsError> {
    serde_json::from_str::<DrawnView>(view_json).map(|view| view.model).map_err(js_error)
}

/// Serialises a core value for JS (maps become plain objects).
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    value.serialize(&serializer).map_err(js_error)
}

/// The page's analysis session: loaded data, reports and views.
#[wasm_bindgen]
pub struct Session {
    inner: crate::session::Session,
}

#[wasm_bindgen]
impl Session {
    /// An empty session.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Session {
        Session { inner: crate::session::Session::new() }
    }

    /// Loads one file's bytes; returns its load report. `options` may be undefined.
    pub fn load(&mut self, name: &str, bytes: &[u8], options: JsValue) -> Result<JsValue, JsError> {
        let options: LoadOptions =
            if options.is_undefined() || options.is_null() { LoadOptions::default() } else { serde_wasm_bindgen::from_value(options).map_err(js_error)? };
        to_js(&self.inner.load(name, bytes, &options))
    }

    /// Starts streaming in a file of `size` bytes (wasm memory for its rows is grown once, now);
    /// feed it with `push_chunk`, end it with `finish_load`. `options` may be undefined.
    pub fn begin_load(&mut self, name: &str, size: f64, options: JsValue) -> Result<(), JsError> {
        let options: LoadOptions =
            if options.is_undefined() || options.is_null() { LoadOptions::default() } else { serde_wasm_bindgen::from_value(options).map_err(js_error)? };
        self.inner.begin_load(name, size.max(0.0) as u64, options);
        Ok(())
    }

    /// Reads the next chunk of the streamed file; returns the rows read so far.
    pub fn push_chunk(&mut self, chunk: &[u8]) -> f64 {
        self.inner.push_chunk(chunk) as f64
    }

    /// Ends the streamed file; returns its load report (null when none was open).
    pub fn finish_load(&mut self) -> Result<JsValue, JsError> {
        to_js(&self.inner.finish_load())
    }

    /// Areas' 95% intervals against England's value, tallied: `{ higher, similar, lower }`.
    pub fn england_counts(&self) -> Result<JsValue, JsError> {
        to_js(&self.inner.england_counts())
    }

    /// Reports of every file loaded so far.
    pub fn reports(&self) -> Result<JsValue, JsError> {
        to_js(&self.inner.reports)
    }

    /// What is loaded: indicators, periods, areas, area types.
    pub fn catalogue(&self) -> Result<JsValue, JsError> {
        to_js(&crate::catalogue::catalogue(&self.inner.dataset))
    }

    /// Builds the view a spec asks for, as the JSON text of `{ model, table, caption, width, height, polarity_needed }`.
    pub fn view(&mut self, spec: JsValue) -> Result<String, JsError> {
        let spec: ViewSpec = serde_wasm_bindgen::from_value(spec).map_err(js_error)?;
        // JSON text: one string crosses to the page (and back to the drawing functions) far faster than an object graph.
        self.inner.choose_value_types(&spec.value_types);
        serde_json::to_string(&self.inner.view(&spec).map_err(js_error)?).map_err(js_error)
    }

    /// The view's table as injection-safe CSV text, counts below `suppress_below` suppressed (0 = off).
    pub fn export_csv(&mut self, spec: JsValue, suppress_below: u32) -> Result<String, JsError> {
        let spec: ViewSpec = serde_wasm_bindgen::from_value(spec).map_err(js_error)?;
        self.inner.choose_value_types(&spec.value_types);
        self.inner.export_csv(&spec, suppress_below).map_err(js_error)
    }

    /// Forgets every file loaded.
    pub fn clear(&mut self) {
        self.inner = crate::session::Session::new();
    }
}

impl Default for Session {
    fn default() -> Self {
        Session::new()
    }
}

/// Compiles the hot code on a small generated file (call once in a fresh worker); returns the
/// page's first view of it as JSON text, for `draw_view` to warm the drawing code.
#[wasm_bindgen]
pub fn warm_up() -> Result<String, JsError> {
    serde_json::to_string(&crate::session::Session::warm_up().map_err(js_error)?).map_err(js_error)
}

/// Draws a view (the JSON text `Session::view` returned) on a canvas, on the page's main thread.
#[wasm_bindgen]
pub fn draw_view(view_json: &str, canvas: web_sys::HtmlCanvasElement) -> Result<(), JsError> {
    let model = model_of(view_json)?;
    let backend = CanvasBackend::with_canvas_object(canvas).ok_or_else(|| JsError::new("no 2D context on the canvas"))?;
    let root = backend.into_drawing_area();
    crate::chart::draw_view(&root, &model).map_err(js_error)?;
    root.present().map_err(js_error)
}

/// Renders a view (its JSON text) as SVG text (main thread: text is measured through the document).
#[wasm_bindgen]
pub fn svg_of_view(view_json: &str, width: u32, height: u32) -> Result<String, JsError> {
    let model = model_of(view_json)?;
    crate::chart::render_svg(&model, width, height).map_err(js_error)
}

/// Encodes the view state and files as a share fragment (`v=1&s=…&d=…`); errors say when it is too large.
#[wasm_bindgen]
pub fn encode_share(state: JsValue, names: Vec<String>, contents: js_sys::Array, limit: usize) -> Result<String, JsError> {
    let state: ShareState = serde_wasm_bindgen::from_value(state).map_err(js_error)?;
    let files: Vec<SharedFile> =
        names.into_iter().zip(contents.iter()).map(|(name, bytes)| SharedFile { name, bytes: js_sys::Uint8Array::new(&bytes).to_vec() }).collect();
    encode_fragment(&state, &files, limit).map_err(js_error)
}

/// Decodes a share fragment strictly: `{ state, files: [{ name, bytes }] }`, or an error message.
#[wasm_bindgen]
pub fn decode_share(fragment: &str) -> Result<JsValue, JsError> {
    let page = decode_fragment(fragment).map_err(js_error)?;
    let files = js_sys::Array::new();
    for file in &page.files {
        let entry = js_sys::Object::new();
        js_sys::Reflect::set(&entry, &"name".into(), &JsValue::from_str(&file.name)).map_err(|_| JsError::new("cannot build result"))?;
        js_sys::Reflect::set(&entry, &"bytes".into(), &js_sys::Uint8Array::from(file.bytes.as_slice())).map_err(|_| JsError::new("cannot build result"))?;
        files.push(&entry);
    }
    let result = js_sys::Object::new();
    js_sys::Reflect::set(&result, &"state".into(), &to_js(&page.state)?).map_err(|_| JsError::new("cannot build result"))?;
    js_sys::Reflect::set(&result, &"files".into(), &files).map_err(|_| JsError::new("cannot build result"))?;
    Ok(result.into())
}

/// The longest fragment offered as a link.
#[wasm_bindgen]
pub fn share_link_limit() -> usize {
    LINK_LIMIT
}

/// The registry's views, in tab order: `[{ id, label, aliases, controls, summary }]` (the page builds its tabs from it).
#[wasm_bindgen]
pub fn view_registry() -> Result<JsValue, JsError> {
    to_js(&crate::view::VIEWS)
}

/// What each named control is: `{ name: { name, label, kind, choices, source } }` for every control of every view.
#[wasm_bindgen]
pub fn control_infos() -> Result<JsValue, JsError> {
    let mut infos = std::collections::BTreeMap::new();
    for view in crate::view::VIEWS {
        for name in view.controls {
            if let Some(info) = crate::view::controls::control_info(name) {
                infos.insert(*name, info);
            }
        }
    }
    to_js(&infos)
}

/// The view spec for `view` from the page's control values (text) and indicator choices; an error names the bad control.
#[wasm_bindgen]
pub fn spec_from_controls(view: &str, values: JsValue, choices: JsValue) -> Result<JsValue, JsError> {
    let values: std::collections::BTreeMap<String, String> = serde_wasm_bindgen::from_value(values).map_err(js_error)?;
    let choices: crate::view::controls::IndicatorChoices = serde_wasm_bindgen::from_value(choices).map_err(js_error)?;
    to_js(&crate::view::controls::spec_from_controls(view, &values, &choices).map_err(js_error)?)
}

/// The control values a spec (from a link, a snapshot or attributes) holds, after the spec is read strictly.
#[wasm_bindgen]
pub fn controls_from_spec(spec: JsValue) -> Result<JsValue, JsError> {
    let spec: ViewSpec = serde_wasm_bindgen::from_value(spec).map_err(js_error)?;
    to_js(&crate::view::controls::controls_from_spec(&spec))
}

/// The layouts and column roles a user may pick when correcting a file's detection.
#[wasm_bindgen]
pub fn detection_choices() -> Result<JsValue, JsError> {
    to_js(&crate::ingest::detection_choices())
}

/// Every mark of a drawn view (its JSON text) with its pixel box and tooltip text: `[{ x0, y0, x1, y1, text }]`.
#[wasm_bindgen]
pub fn marks_of_view(view_json: &str, width: u32, height: u32) -> Result<JsValue, JsError> {
    let model = model_of(view_json)?;
    to_js(&crate::chart::marks(&model, width, height).map_err(js_error)?)
}

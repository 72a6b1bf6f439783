//! The WebAssembly binding: a stateful `Session` for the page's worker and chart drawing for the page.
//!
//! No logic lives here: every method forwards to the core and turns results into serde values
//! and errors into JS exceptions.

use crate::ingest::LoadOptions;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Converts any displayable error into a JS exception value.
fn js_error(error: impl std::fmt::Display) -> JsError {
    JsError::new(&error.to_string())
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
        let options: LoadOptions = if options.is_undefined() || options.is_null() {
            LoadOptions::default()
        } else {
            serde_wasm_bindgen::from_value(options).map_err(js_error)?
        };
        to_js(&self.inner.load(name, bytes, &options))
    }

    /// Reports of every file loaded so far.
    pub fn reports(&self) -> Result<JsValue, JsError> {
        to_js(&self.inner.reports)
    }

    /// What is loaded: indicators, periods, areas, area types.
    pub fn catalogue(&self) -> Result<JsValue, JsError> {
        to_js(&crate::catalogue::catalogue(&self.inner.dataset))
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

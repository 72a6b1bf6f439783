//! Browser tests of the wasm binding, run by wasm-bindgen-test in headless Chromium.
#![cfg(target_arch = "wasm32")]

use indicator_lens::wasm::Session;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const FINGERTIPS_SNIPPET: &str = "\u{feff}\"Indicator ID\",\"Indicator Name\",\"Parent Code\",\"Parent Name\",\"Area Code\",\"Area Name\",\"Area Type\",\"Sex\",\"Age\",\"Category Type\",\"Category\",\"Time period\",\"Value\",\"Lower CI 95.0 limit\",\"Upper CI 95.0 limit\",\"Lower CI 99.8 limit\",\"Upper CI 99.8 limit\",\"Count\",\"Denominator\",\"Value note\",\"Recent Trend\",\"Compared to England value or percentiles\",\"Compared to Region value or percentiles\",\"Time period Sortable\",\"New data\",\"Compared to goal\",\"Time period range\"
\"93106\",\"Reception overweight\",\"\",\"\",\"E92000001\",\"England\",\"England\",\"Persons\",\"4-5 yrs\",\"\",\"\",\"2022/23 - 24/25\",\"22.27767\",\"22.21471\",\"22.34076\",\"22.17846\",\"22.3772\",\"<div class=\"\"no-data\"\">-</div>\",\"1674376\",\"\",\"Cannot be calculated\",\"\",\"\",\"20220000\",\"\",\"\",\"3y\"
\"93106\",\"Reception overweight\",\"E92000001\",\"England\",\"E10000015\",\"Hertfordshire\",\"Upper tier local authorities (4/21-3/23)\",\"Persons\",\"4-5 yrs\",\"\",\"\",\"2022/23 - 24/25\",\"19.3323\",\"18.94368\",\"19.73119\",\"18.72116\",\"19.96277\",\"7470\",\"38640\",\"\",\"Cannot be calculated\",\"Better\",\"\",\"20220000\",\"\",\"\",\"3y\"
";

fn field(value: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(value, &JsValue::from_str(name)).expect("field present")
}

#[wasm_bindgen_test]
fn loads_a_fingertips_download_and_reports_it() {
    let mut session = Session::new();
    let report = session.load("ft.csv", FINGERTIPS_SNIPPET.as_bytes(), JsValue::UNDEFINED).unwrap();
    assert_eq!(field(&report, "format").as_string().as_deref(), Some("fingertips"));
    assert_eq!(field(&report, "rows_read").as_f64(), Some(2.0));
    assert_eq!(field(&report, "observations").as_f64(), Some(2.0));
    let catalogue = session.catalogue().unwrap();
    assert_eq!(field(&catalogue, "observations").as_f64(), Some(2.0));
}

#[wasm_bindgen_test]
fn binary_input_gives_a_message_not_a_crash() {
    let mut session = Session::new();
    let png = [0x89u8, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13];
    let report = session.load("image.png", &png, JsValue::UNDEFINED).unwrap();
    assert!(field(&report, "error").as_string().is_some());
    // A second load still works after bad input.
    let report = session.load("ft.csv", FINGERTIPS_SNIPPET.as_bytes(), JsValue::UNDEFINED).unwrap();
    assert_eq!(field(&report, "observations").as_f64(), Some(2.0));
}

//! indicator-lens: public-health indicator analysis (benchmarks, trends, prevalence) from CSV files.
//!
//! Data flows one way: `ingest` (bytes → `Dataset` + `LoadReport`) → `analysis` (comparisons,
//! trends, targets, prevalence, using `stats`) → `view` (plain view models) → `chart`
//! (plotters drawing, generic over the backend). `wasm` binds a `Session` for the page;
//! `cli` backs the native command-line tool.

#![deny(missing_docs)]

pub mod analysis;
pub mod catalogue;
pub mod chart;
pub mod geo;
pub mod ingest;
pub mod model;
pub mod session;
pub mod share;
pub mod stats;
pub mod synthetic;
pub mod view;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

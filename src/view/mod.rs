//! View models: plain structs holding exactly what a chart or table needs.

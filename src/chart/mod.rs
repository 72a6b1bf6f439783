//! Chart drawing with plotters, generic over the backend (canvas in the page, SVG for export).

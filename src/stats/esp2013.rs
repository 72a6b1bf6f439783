//! The European Standard Population 2013 in the package's 19 bands (0–4, 5–9, …, 85–89, 90+).

/// ESP2013 weights in band order, as the package's `esp2013` vector (sums to 100 000).
pub const ESP2013: [f64; 19] =
    [5000.0, 5500.0, 5500.0, 5500.0, 6000.0, 6000.0, 6500.0, 7000.0, 7000.0, 7000.0, 7000.0, 6500.0, 6000.0, 5500.0, 5000.0, 4000.0, 2500.0, 1500.0, 1000.0];

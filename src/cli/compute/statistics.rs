//! The statistics of `compute` over an input table: per row (proportions and rates without `--group`) or
//! per group, with multipliers and confidence levels taken from the rows' own cells where they have them.

use super::table::{cell, fmt_num, Table};
use super::{parse_confidence, Kind, Options};
use crate::stats::{self, Estimate, StatsError};

/// The output table of `opts`' statistic over `t`; `Err` when the input lacks a column it needs.
pub fn compute(opts: &Options, t: &Table) -> Result<Table, String> {
    match opts.kind {
        Kind::Proportion | Kind::Rate if opts.group.is_none() => per_row(opts, t),
        Kind::Proportion | Kind::Rate => grouped_crude(opts, t),
        Kind::Dsr => grouped(opts, t, dsr_group),
        Kind::Isr | Kind::IsRate => grouped(opts, t, isr_group),
        Kind::Mean => grouped(opts, t, mean_group),
    }
}

/// Output column names of the limits for the requested levels.
fn limit_headers(levels: &[f64]) -> Vec<String> {
    let names: &[&str] = if levels.len() == 2 { &["lower95_0cl", "upper95_0cl", "lower99_8cl", "upper99_8cl"] } else { &["lowercl", "uppercl"] };
    names.iter().map(|s| s.to_string()).collect()
}

/// Value + limits cells for one computation per level (empty when it failed).
fn estimate_cells(ests: &[Result<Estimate, StatsError>]) -> (Vec<String>, Option<String>) {
    let mut cells = vec![String::new()];
    let mut reason = None;
    for (k, e) in ests.iter().enumerate() {
        match e {
            Ok(e) => {
                if k == 0 {
                    cells[0] = fmt_num(e.value);
                }
                cells.push(fmt_num(e.lower));
                cells.push(fmt_num(e.upper));
            }
            Err(err) => {
                reason.get_or_insert_with(|| err.to_string());
                cells.push(String::new());
                cells.push(String::new());
            }
        }
    }
    if reason.is_some() {
        cells.iter_mut().for_each(String::clear);
    }
    (cells, reason)
}

/// The statistic's multiplier when neither a `multiplier` cell nor --multiplier gives one (the package's defaults).
fn default_multiplier(kind: Kind) -> f64 {
    match kind {
        Kind::Proportion | Kind::Isr | Kind::Mean => 1.0,
        Kind::Rate | Kind::Dsr | Kind::IsRate => 100_000.0,
    }
}

/// A row's own `multiplier` cell, when the input has the column and the cell is not empty.
fn multiplier_cell(t: &Table, row: &[String]) -> Result<Option<f64>, String> {
    let Some(i) = t.col("multiplier") else { return Ok(None) };
    let m = cell(row, i, "multiplier")?;
    if m.is_nan() {
        return Ok(None);
    }
    if !(m.is_finite() && m > 0.0) {
        return Err(format!("multiplier must be positive, got `{}`", row[i].trim()));
    }
    Ok(Some(m))
}

/// Multiplier of a row: its own `multiplier` cell, else --multiplier, else the statistic's default.
fn row_multiplier(opts: &Options, t: &Table, row: &[String]) -> Result<f64, String> {
    Ok(multiplier_cell(t, row)?.or(opts.multiplier).unwrap_or_else(|| default_multiplier(opts.kind)))
}

/// Multiplier of a group: the one its rows' `multiplier` cells give (empty cells left out), else --multiplier,
/// else the statistic's default. Rows that disagree are settled by --multiplier, else the group is an error.
fn group_multiplier(opts: &Options, t: &Table, rows: &[&Vec<String>]) -> Result<f64, String> {
    let mut found: Vec<f64> = Vec::new();
    for row in rows {
        if let Some(m) = multiplier_cell(t, row)? {
            if !found.contains(&m) {
                found.push(m);
            }
        }
    }
    match (found.as_slice(), opts.multiplier) {
        ([m], _) => Ok(*m),
        ([], flag) => Ok(flag.unwrap_or_else(|| default_multiplier(opts.kind))),
        (_, Some(flag)) => Ok(flag),
        (many, None) => Err(format!(
            "the rows of this group have different multipliers ({}): give one per group, or --multiplier",
            many.iter().map(|&m| stats::format_multiplier(m)).collect::<Vec<_>>().join(", ")
        )),
    }
}

/// Levels of a row: its own `confidence` cell (single-level runs only), else --confidence.
fn row_levels(opts: &Options, t: &Table, row: &[String]) -> Result<Vec<f64>, String> {
    if opts.levels.len() == 1 {
        if let Some(s) = t.col("confidence").and_then(|i| row.get(i)).filter(|s| !s.trim().is_empty()) {
            return parse_confidence(s).map(|c| vec![c]).map_err(|e| format!("confidence `{s}`: {e}"));
        }
    }
    Ok(opts.levels.clone())
}

/// Proportion or rate cells (value, limits, statistic, method, reason) for x/n.
fn crude_cells(opts: &Options, x: f64, n: f64, m: f64, levels: &[f64]) -> Vec<String> {
    let ests: Vec<_> = levels
        .iter()
        .map(|&c| match opts.kind {
            Kind::Proportion => stats::wilson_proportion(x, n, c, m),
            _ => stats::poisson_rate(x, n, c, m),
        })
        .collect();
    let (mut cells, reason) = estimate_cells(&ests);
    let (statistic, method) = match opts.kind {
        Kind::Proportion => (stats::proportion_statistic(m), "Wilson"),
        _ => (stats::rate_statistic(m), if x.is_nan() { "" } else { stats::rate_method_name(x) }),
    };
    cells.extend([statistic, method.to_string(), reason.unwrap_or_default()]);
    cells
}

/// The last output columns of every statistic.
const TAIL: [&str; 3] = ["statistic", "method", "reason"];

/// Ungrouped proportion / rate: one output row per input row, input columns passed through.
fn per_row(opts: &Options, t: &Table) -> Result<Table, String> {
    let (xi, ni) = (t.need("numerator")?, t.need("denominator")?);
    let mut out_cols = vec!["value".to_string()];
    out_cols.extend(limit_headers(&opts.levels));
    out_cols.extend(TAIL.map(String::from));
    // Input columns with an output name are replaced by the computed ones.
    let keep: Vec<usize> = (0..t.headers.len()).filter(|&i| !out_cols.iter().any(|o| o.eq_ignore_ascii_case(&t.headers[i]))).collect();
    let mut headers: Vec<String> = keep.iter().map(|&i| t.headers[i].clone()).collect();
    headers.extend(out_cols.iter().cloned());
    let width = out_cols.len();
    let rows = t
        .rows
        .iter()
        .map(|row| {
            let mut r: Vec<String> = keep.iter().map(|&i| row.get(i).cloned().unwrap_or_default()).collect();
            let parsed = (|| -> Result<_, String> {
                Ok((cell(row, xi, "numerator")?, cell(row, ni, "denominator")?, row_multiplier(opts, t, row)?, row_levels(opts, t, row)?))
            })();
            match parsed {
                Ok((x, n, m, lv)) => r.extend(crude_cells(opts, x, n, m, &lv)),
                Err(reason) => r.extend((0..width).map(|k| if k == width - 1 { reason.clone() } else { String::new() })),
            }
            r
        })
        .collect();
    Ok(Table { headers, rows })
}

/// Group column index (if any) and each group's key with its row indices.
type Groups = (Option<usize>, Vec<(String, Vec<usize>)>);

/// Groups row indices by the --group column (first-appearance order); one group when absent.
fn groups(opts: &Options, t: &Table) -> Result<Groups, String> {
    let Some(name) = &opts.group else {
        return Ok((None, vec![(String::new(), (0..t.rows.len()).collect())]));
    };
    let gi = t.need(name)?;
    let mut out: Vec<(String, Vec<usize>)> = Vec::new();
    for (k, row) in t.rows.iter().enumerate() {
        let key = row.get(gi).cloned().unwrap_or_default();
        match out.iter_mut().find(|(g, _)| *g == key) {
            Some((_, v)) => v.push(k),
            None => out.push((key, vec![k])),
        }
    }
    Ok((Some(gi), out))
}

/// Grouped proportion / rate: numerators and denominators summed per group first (as the package).
fn grouped_crude(opts: &Options, t: &Table) -> Result<Table, String> {
    let (xi, ni) = (t.need("numerator")?, t.need("denominator")?);
    grouped_with(opts, t, &["numerator", "denominator"], &|rows: &[&Vec<String>]| {
        let mut x = 0.0;
        let mut n = 0.0;
        for r in rows {
            x += cell(r, xi, "numerator")?;
            n += cell(r, ni, "denominator")?;
        }
        let m = group_multiplier(opts, t, rows)?;
        let mut cells = vec![fmt_num(x), fmt_num(n)];
        cells.extend(crude_cells(opts, x, n, m, &opts.levels));
        Ok(cells)
    })
}

/// A statistic over one group's rows.
type GroupFn<'a> = dyn Fn(&[&Vec<String>]) -> Result<Vec<String>, String> + 'a;

/// Runs `f` per group; output = group column, `lead` columns, value, limits, statistic, method, reason.
fn grouped_with(opts: &Options, t: &Table, lead: &[&str], f: &GroupFn) -> Result<Table, String> {
    let (gi, gs) = groups(opts, t)?;
    let mut headers: Vec<String> = gi.map(|i| t.headers[i].clone()).into_iter().collect();
    headers.extend(lead.iter().map(|s| s.to_string()));
    headers.push("value".into());
    headers.extend(limit_headers(&opts.levels));
    headers.extend(TAIL.map(String::from));
    let width = headers.len() - usize::from(gi.is_some());
    let mut rows = Vec::new();
    for (key, idx) in gs {
        let members: Vec<&Vec<String>> = idx.iter().map(|&k| &t.rows[k]).collect();
        let mut r: Vec<String> = gi.map(|_| key).into_iter().collect();
        match f(&members) {
            Ok(cells) => r.extend(cells),
            Err(reason) => r.extend((0..width).map(|k| if k == width - 1 { reason.clone() } else { String::new() })),
        }
        rows.push(r);
    }
    Ok(Table { headers, rows })
}

/// A per-group statistic: the cells after the group column.
type GroupStat = fn(&Options, &Table, &[&Vec<String>]) -> Result<Vec<String>, String>;

/// Dispatches the per-group statistics that need named columns.
fn grouped(opts: &Options, t: &Table, f: GroupStat) -> Result<Table, String> {
    let lead: &[&str] = match opts.kind {
        Kind::Dsr => {
            t.need("count")?;
            t.need("pop")?;
            &["total_count", "total_pop"]
        }
        Kind::Isr | Kind::IsRate => {
            for c in ["count", "pop", "refcount", "refpop"] {
                t.need(c)?;
            }
            if opts.kind == Kind::IsRate {
                &["observed", "expected", "ref_rate"]
            } else {
                &["observed", "expected"]
            }
        }
        _ => {
            t.need("value")?;
            &["value_sum", "value_count", "stdev"]
        }
    };
    grouped_with(opts, t, lead, &|rows: &[&Vec<String>]| f(opts, t, rows))
}

/// The numbers of column `name` in `rows`.
fn column(t: &Table, rows: &[&Vec<String>], name: &str) -> Result<Vec<f64>, String> {
    let i = t.need(name)?;
    rows.iter().map(|r| cell(r, i, name)).collect()
}

/// Directly standardised rate of one group (ESP2013 weights unless a `stdpop` column gives them).
fn dsr_group(opts: &Options, t: &Table, rows: &[&Vec<String>]) -> Result<Vec<String>, String> {
    let (x, n) = (column(t, rows, "count")?, column(t, rows, "pop")?);
    // Without a stdpop column the bands are taken to be the 19 ESP2013 bands, in order.
    let w = if t.col("stdpop").is_some() { column(t, rows, "stdpop")? } else { stats::ESP2013.to_vec() };
    let m = group_multiplier(opts, t, rows)?;
    let res: Vec<_> = opts.levels.iter().map(|&c| stats::dsr(&x, &n, &w, c, m)).collect();
    let first = res[0].as_ref().map_err(|e| e.to_string())?;
    let ests: Vec<_> = res.iter().map(|r| r.as_ref().map(|d| d.estimate).map_err(Clone::clone)).collect();
    let (cells, _) = estimate_cells(&ests);
    let mut out = vec![fmt_num(first.total_count), fmt_num(first.total_pop)];
    out.extend(cells);
    let reason = if first.statistic == stats::DSR_NA_STATISTIC { first.statistic.clone() } else { String::new() };
    out.extend([first.statistic.clone(), first.method.to_string(), reason]);
    Ok(out)
}

/// Indirectly standardised ratio or rate of one group.
fn isr_group(opts: &Options, t: &Table, rows: &[&Vec<String>]) -> Result<Vec<String>, String> {
    let (x, n) = (column(t, rows, "count")?, column(t, rows, "pop")?);
    let (xr, nr) = (column(t, rows, "refcount")?, column(t, rows, "refpop")?);
    let o: f64 = x.iter().filter(|v| !v.is_nan()).sum();
    let e = stats::expected_count(&n, &xr, &nr).map_err(|e| e.to_string())?;
    let mut out = vec![fmt_num(o), fmt_num(e)];
    let (ests, statistic): (Vec<_>, String) = if opts.kind == Kind::IsRate {
        let m = group_multiplier(opts, t, rows)?;
        let rr = stats::reference_rate(&xr, &nr, m).map_err(|e| e.to_string())?;
        out.push(fmt_num(rr));
        let label = format!("indirectly standardised rate per {}", stats::format_multiplier(m));
        (opts.levels.iter().map(|&c| stats::israte(o, e, rr, c)).collect(), label)
    } else {
        let rv = group_multiplier(opts, t, rows)?;
        let label = format!("indirectly standardised ratio x {}", stats::format_multiplier(rv));
        (opts.levels.iter().map(|&c| stats::isratio(o, e, c, rv)).collect(), label)
    };
    let (cells, reason) = estimate_cells(&ests);
    out.extend(cells);
    out.extend([statistic, stats::rate_method_name(o).to_string(), reason.unwrap_or_default()]);
    Ok(out)
}

/// Mean of one group's values, with Student's t limits.
fn mean_group(opts: &Options, t: &Table, rows: &[&Vec<String>]) -> Result<Vec<String>, String> {
    // calculate_mean has no multiplier: a group that asks for one is refused rather than left unscaled.
    let m = group_multiplier(opts, t, rows)?;
    if m != 1.0 {
        return Err(format!("the mean takes no multiplier (as PHEindicatormethods' calculate_mean), got {}", stats::format_multiplier(m)));
    }
    let v = column(t, rows, "value")?;
    let res: Vec<_> = opts.levels.iter().map(|&c| stats::mean_t(&v, c)).collect();
    let first = res[0].as_ref().map_err(|e| e.to_string())?;
    let mut out = vec![fmt_num(first.value_sum), first.value_count.to_string(), fmt_num(first.stdev)];
    let ests: Vec<_> = res.iter().map(|r| r.as_ref().map(|d| d.estimate).map_err(Clone::clone)).collect();
    let (cells, reason) = estimate_cells(&ests);
    out.extend(cells);
    out.extend(["mean".to_string(), "Student's t-distribution".to_string(), reason.unwrap_or_default()]);
    Ok(out)
}

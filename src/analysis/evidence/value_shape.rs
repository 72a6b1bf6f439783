//! Value type and multiplier read from the rows' own numbers: value = count ÷ denominator × 10^k, and the shape of the intervals.

use crate::ingest::value_type_text;
use crate::model::{Dataset, Decision, EvidenceSource, IntervalSource, ValueType};
use crate::stats::{poisson_rate, wilson_proportion};

/// Multipliers a crude value is tried against (a fraction, a percentage, per 1,000 … per 1,000,000).
const MULTIPLIERS: [f64; 6] = [1.0, 100.0, 1_000.0, 10_000.0, 100_000.0, 1_000_000.0];

/// Share of the rows with all three numbers that must agree on one multiplier.
const AGREEMENT: f64 = 0.9;

/// What the numbers of one indicator's rows show.
#[derive(Clone, Debug, Default)]
pub struct ShapeTally {
    /// Rows with a value, a count and a positive denominator.
    crude_rows: usize,
    /// Of those, rows whose value is count ÷ denominator × each multiplier.
    multiplier_hits: [usize; 6],
    /// Rows whose published 95% interval could be recomputed (a count or one implied by the value).
    interval_rows: usize,
    /// Of those, rows whose interval is Wilson's, and rows whose interval is Byars' / exact Poisson.
    wilson_hits: usize,
    poisson_hits: usize,
}

/// True when `a` and `b` agree to the precision a download prints (0.5% of the value, or 0.05 for small values).
fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= (0.005 * a.abs().max(b.abs())).max(0.05)
}

/// True when a published interval matches a recomputed one (each limit within 2% of the interval's width).
fn same_interval(lower: f64, upper: f64, other_lower: f64, other_upper: f64) -> bool {
    let tolerance = 0.02 * (upper - lower).abs() + 1e-9;
    (lower - other_lower).abs() <= tolerance && (upper - other_upper).abs() <= tolerance
}

/// Counts, for every indicator, what its rows' numbers show.
pub fn tally_shapes(dataset: &Dataset) -> Vec<ShapeTally> {
    let mut tallies = vec![ShapeTally::default(); dataset.indicators.len()];
    for row in dataset.rows() {
        let Some(tally) = tallies.get_mut(row.indicator as usize) else { continue };
        if !(row.value.is_finite() && row.denominator.is_finite() && row.denominator > 0.0) {
            continue;
        }
        if row.count.is_finite() {
            tally.crude_rows += 1;
            let crude = row.count / row.denominator;
            for (hits, multiplier) in tally.multiplier_hits.iter_mut().zip(MULTIPLIERS) {
                *hits += usize::from(close(row.value, crude * multiplier));
            }
        }
    }
    // The interval shape is tested at the multiplier each indicator's rows (or its name) show.
    let multipliers: Vec<Option<f64>> =
        tallies.iter().zip(&dataset.indicators).map(|(t, i)| t.multiplier().or(Some(i.multiplier).filter(|m| m.is_finite()))).collect();
    for row in dataset.rows() {
        let Some(Some(multiplier)) = multipliers.get(row.indicator as usize).copied() else { continue };
        let published = row.interval_source == IntervalSource::Published && row.lower95.is_finite() && row.upper95.is_finite();
        if !(published && row.value.is_finite() && row.denominator.is_finite() && row.denominator > 0.0) {
            continue;
        }
        // Fingertips often withholds the count: the value and denominator imply it.
        let count = if row.count.is_finite() { row.count } else { row.value * row.denominator / multiplier };
        if !(count.is_finite() && count >= 0.0) {
            continue;
        }
        let tally = &mut tallies[row.indicator as usize];
        tally.interval_rows += 1;
        let wilson = wilson_proportion(count.min(row.denominator), row.denominator, 0.95, multiplier)
            .ok()
            .filter(|_| count <= row.denominator)
            .is_some_and(|e| same_interval(row.lower95, row.upper95, e.lower, e.upper));
        let poisson = poisson_rate(count, row.denominator, 0.95, multiplier).ok().is_some_and(|e| same_interval(row.lower95, row.upper95, e.lower, e.upper));
        // Where both fit (small proportions) the row tells nothing apart.
        if wilson && !poisson {
            tally.wilson_hits += 1;
        } else if poisson && !wilson {
            tally.poisson_hits += 1;
        }
    }
    tallies
}

impl ShapeTally {
    /// The multiplier at least 90% of the crude rows agree on.
    fn multiplier(&self) -> Option<f64> {
        if self.crude_rows == 0 {
            return None;
        }
        let (best, hits) = self.multiplier_hits.iter().enumerate().max_by_key(|(_, h)| **h)?;
        (*hits as f64 >= AGREEMENT * self.crude_rows as f64).then_some(MULTIPLIERS[best])
    }

    /// What the interval test found when it decided nothing, for the rule of the decision made otherwise.
    pub fn inconclusive_note(&self) -> Option<String> {
        (self.interval_rows > 0).then(|| {
            format!(
                "the published 95% intervals were tested and are not conclusive: Wilson on {} of {} rows, Byars on {}",
                self.wilson_hits, self.interval_rows, self.poisson_hits
            )
        })
    }

    /// The interval method most published intervals reproduce, with its hits, when it is a clear majority.
    fn interval_method(&self) -> Option<(ValueType, usize)> {
        let decided = self.wilson_hits + self.poisson_hits;
        if decided == 0 || (decided as f64) < 0.5 * self.interval_rows as f64 {
            return None;
        }
        if self.wilson_hits as f64 >= AGREEMENT * decided as f64 {
            Some((ValueType::Proportion, self.wilson_hits))
        } else if self.poisson_hits as f64 >= AGREEMENT * decided as f64 {
            Some((ValueType::Rate, self.poisson_hits))
        } else {
            None
        }
    }
}

/// The value type and multiplier the rows show, with the rule; None when they show nothing.
/// `named` is what the indicator already holds (from its name or a column), kept where the numbers are silent.
pub fn decide_value_type(tally: &ShapeTally, named: (ValueType, f64)) -> Option<(ValueType, f64, Decision)> {
    let multiplier = tally.multiplier();
    let method = tally.interval_method();
    let per = |m: f64| crate::ingest::multiplier_text(m);
    let crude_rule = |m: f64| {
        let hits = MULTIPLIERS.iter().position(|&x| x == m).map(|i| tally.multiplier_hits[i]).unwrap_or(0);
        format!("value = count ÷ denominator × {} on {hits} of {} rows", per(m), tally.crude_rows)
    };
    let shape_rule = |kind: ValueType, hits: usize| {
        let name = if kind == ValueType::Proportion { "Wilson score" } else { "Byars / exact Poisson on the count" };
        format!("the 95% intervals are {name} intervals on {hits} of {} rows", tally.interval_rows)
    };
    let (value_type, multiplier, rule) = match (multiplier, method) {
        (Some(m), Some((kind, hits))) => (kind, m, format!("{}; {}", crude_rule(m), shape_rule(kind, hits))),
        (None, Some((kind, hits))) if named.1.is_finite() => (kind, named.1, format!("{} (at the multiplier the name gives)", shape_rule(kind, hits))),
        (Some(m), None) => {
            let kind = match named.0 {
                ValueType::Proportion | ValueType::Rate => named.0,
                _ if m <= 100.0 => ValueType::Proportion,
                _ => ValueType::Rate,
            };
            let why = if matches!(named.0, ValueType::Proportion | ValueType::Rate) {
                "the name says which"
            } else {
                "the intervals do not tell a rate from a proportion (none published, or too alike at these values): ×1 and ×100 read as proportions, ×1,000 and above as rates"
            };
            (kind, m, format!("{} ({why})", crude_rule(m)))
        }
        (None, None) if tally.crude_rows >= 3 && matches!(named.0, ValueType::Proportion | ValueType::Rate) => {
            // The name says crude, but the numbers are not count ÷ denominator: standardised or modelled.
            return Some((
                ValueType::Unknown,
                f64::NAN,
                Decision::new(
                    value_type_text(ValueType::Unknown, f64::NAN),
                    EvidenceSource::Data,
                    format!("the value is not count ÷ denominator × 10^k on {} rows (standardised, modelled or other)", tally.crude_rows),
                ),
            ));
        }
        _ => return None,
    };
    Some((value_type, multiplier, Decision::new(value_type_text(value_type, multiplier), EvidenceSource::Data, rule)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closeness_follows_printed_precision() {
        assert!(close(22.3, 22.27767));
        assert!(!close(22.3, 23.0));
        assert!(same_interval(10.0, 20.0, 10.1, 19.9));
        assert!(!same_interval(10.0, 20.0, 10.5, 20.0));
    }

    #[test]
    fn multiplier_needs_agreement() {
        let mut tally = ShapeTally { crude_rows: 10, ..ShapeTally::default() };
        tally.multiplier_hits[3] = 10;
        assert_eq!(tally.multiplier(), Some(10_000.0));
        tally.multiplier_hits[3] = 8;
        assert_eq!(tally.multiplier(), None);
    }

    #[test]
    fn byars_intervals_make_a_rate() {
        let tally = ShapeTally { crude_rows: 20, multiplier_hits: [0, 0, 0, 20, 0, 0], interval_rows: 20, wilson_hits: 0, poisson_hits: 19 };
        let (kind, multiplier, decision) = decide_value_type(&tally, (ValueType::Unknown, f64::NAN)).unwrap();
        assert_eq!((kind, multiplier), (ValueType::Rate, 10_000.0));
        assert_eq!(decision.choice, "crude rate per 10,000");
        assert!(decision.rule.contains("Byars"), "{}", decision.rule);
    }
}

//! The rank of a deprivation category from its Fingertips label (most deprived = 1), to keep the published order.

/// True for a category type of ordered deprivation groups (deciles, quintiles of IMD).
pub fn is_deprivation_type(category_type: &str) -> bool {
    let lower = category_type.to_lowercase();
    lower.contains("deprivation") || lower.contains("imd")
}

/// 1-based rank from the most deprived of a label among `groups` categories: `Most deprived decile (IMD2019)` = 1,
/// `Second most …` = 2, `Third more …` = 3, `Fifth less …` = 6 of 10, `Second least …` = groups − 1,
/// `Least …` = groups; a leading number (`1 - most deprived`, `Decile 3`) is taken as the rank.
pub fn deprivation_rank(label: &str, groups: usize) -> Option<usize> {
    let lower = label.to_lowercase();
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let ordinal = |w: &str| match w {
        "first" => Some(1),
        "second" => Some(2),
        "third" => Some(3),
        "fourth" => Some(4),
        "fifth" => Some(5),
        _ => None,
    };
    let step = words.iter().find_map(|w| ordinal(w));
    let most_side = words.iter().any(|w| *w == "most" || *w == "more");
    let least_side = words.iter().any(|w| *w == "least" || *w == "less");
    let rank = match (step, most_side, least_side) {
        (None, true, false) => Some(1),
        (None, false, true) => Some(groups),
        (Some(k), true, false) => Some(k),
        (Some(k), false, true) => groups.checked_sub(k - 1),
        (Some(k), false, false) => Some(k),
        _ => words.iter().find_map(|w| w.parse::<usize>().ok()).filter(|n| *n >= 1 && *n <= groups && words.len() <= 4),
    };
    rank.filter(|r| *r >= 1 && *r <= groups)
}

/// The labels' order from most to least deprived, when every label has a distinct rank 1..=n; else None.
pub fn deprivation_order(labels: &[&str]) -> Option<Vec<usize>> {
    let n = labels.len();
    let ranks: Vec<usize> = labels.iter().map(|l| deprivation_rank(l, n)).collect::<Option<_>>()?;
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&i| ranks[i]);
    let distinct = order.iter().enumerate().all(|(position, &i)| ranks[i] == position + 1);
    distinct.then_some(order)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingertips_decile_and_quintile_labels() {
        let deciles = [
            "Least deprived decile (IMD2019)",
            "Most deprived decile (IMD2019)",
            "Second most deprived decile (IMD2019)",
            "Third more deprived decile (IMD2019)",
            "Fourth more deprived decile (IMD2019)",
            "Fifth more deprived decile (IMD2019)",
            "Fifth less deprived decile (IMD2019)",
            "Fourth less deprived decile (IMD2019)",
            "Third less deprived decile (IMD2019)",
            "Second least deprived decile (IMD2019)",
        ];
        let order = deprivation_order(&deciles).unwrap();
        assert_eq!(order, [1, 2, 3, 4, 5, 6, 7, 8, 9, 0]);
        let quintiles =
            ["Most deprived quintile", "Second most deprived quintile", "Third quintile", "Second least deprived quintile", "Least deprived quintile"];
        assert_eq!(deprivation_order(&quintiles).unwrap(), [0, 1, 2, 3, 4]);
        assert_eq!(deprivation_order(&["White", "Asian", "Black"]), None);
        assert_eq!(deprivation_order(&["Most deprived", "Most deprived"]), None);
        assert!(is_deprivation_type("County & UA deprivation deciles in England (IMD2019, 4/21 geography)"));
        assert!(!is_deprivation_type("Ethnic groups"));
    }
}

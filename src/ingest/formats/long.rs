//! Long KPI returns: one row per area × indicator × period, columns matched by synonyms.

use super::{cell_number, ColumnMap};
use crate::ingest::areas;
use crate::ingest::cells::{self, Cell};
use crate::ingest::columns::Role;
use crate::ingest::sink::Sink;
use crate::ingest::table::Table;
use crate::ingest::RejectKind;
use crate::model::Polarity;

/// Reads each row as one observation (plus its target text, when the file has a target column).
pub fn read(table: &Table, sink: &mut Sink) {
    let map = ColumnMap::new(table.headers(), sink);
    map.report(sink, |_| "ignored".into());
    let has = |r: Role| map.index(r).is_some();
    if !(has(Role::AreaCode) || has(Role::AreaName)) || !(has(Role::IndicatorId) || has(Role::IndicatorName)) {
        sink.report.error = Some("long layout needs an area column and an indicator column; map them in the load options".into());
        return;
    }
    if !(has(Role::Value) || has(Role::Count) || has(Role::Denominator)) {
        sink.report.error = Some("long layout needs a value, numerator or denominator column".into());
        return;
    }
    let fixed_period = if has(Role::Period) { None } else { Some(sink.period_from_file_name()) };
    let mut unknown_polarities: Vec<String> = Vec::new();
    let mut rows = table.rows();
    while let Some(row) = rows.next_row() {
        sink.report.rows_read += 1;
        let get = |role: Role| map.index(role).map(|i| row.get(i)).unwrap_or("");
        let (id, name) = (get(Role::IndicatorId), get(Role::IndicatorName));
        if id.is_empty() && name.is_empty() {
            sink.report.reject(row.line, map.header(Role::IndicatorName), RejectKind::NoIndicator, "no indicator on this row");
            continue;
        }
        let (code, area_name) = (get(Role::AreaCode), get(Role::AreaName));
        if code.is_empty() && area_name.is_empty() {
            sink.report.reject(row.line, map.header(Role::AreaName), RejectKind::NoArea, "no area on this row");
            continue;
        }
        let all_percent = matches!(cells::parse(get(Role::Value)), Cell::Number(n) if n.percent);
        let indicator = sink.indicator(id, name, all_percent);
        let polarity_text = get(Role::Polarity).trim();
        if let Some(polarity) = polarity(polarity_text) {
            let known = &mut sink.dataset.indicators[indicator as usize];
            if known.polarity == Polarity::Unknown {
                known.polarity = polarity;
                let rule = format!("the `{}` column says `{polarity_text}`", map.header(Role::Polarity));
                known.evidence.polarity = Some(crate::model::Decision::new(polarity_text, crate::model::EvidenceSource::File, rule));
            }
        } else if !polarity_text.is_empty() && !unknown_polarities.iter().any(|w: &String| w.eq_ignore_ascii_case(polarity_text)) {
            unknown_polarities.push(polarity_text.to_owned());
            let message = format!("polarity `{polarity_text}` not understood (high is good, low is good, no judgement): left unknown, to be set by the user");
            sink.report.warn(row.line, map.header(Role::Polarity), message);
        }
        let area = if code.is_empty() {
            sink.area_by_name(area_name)
        } else {
            let a = areas::from_code_and_name(code, area_name);
            sink.dataset.area_id(a)
        };
        let period = match fixed_period {
            Some(p) => p,
            None => {
                let header = map.header(Role::Period).to_owned();
                sink.period(get(Role::Period), "", row.line, &header)
            }
        };
        let mut obs = sink.observation(indicator, area, period, row.line);
        obs.sex = sink.sym(get(Role::Sex));
        obs.age = sink.sym(get(Role::Age));
        obs.category_type = sink.sym(get(Role::CategoryType));
        obs.category = sink.sym(get(Role::Category));
        let mut note = get(Role::Note).to_owned();
        let mut usable = false;
        for (role, slot) in [
            (Role::Value, &mut obs.value),
            (Role::Count, &mut obs.count),
            (Role::Denominator, &mut obs.denominator),
            (Role::Lower95, &mut obs.lower95),
            (Role::Upper95, &mut obs.upper95),
            (Role::Lower998, &mut obs.lower998),
            (Role::Upper998, &mut obs.upper998),
        ] {
            let raw = get(role);
            let header = map.header(role).to_owned();
            let cell = cells::parse(raw);
            if cell == Cell::Text {
                sink.report.reject(row.line, &header, RejectKind::NotANumber, format!("`{raw}` is not a number: left empty"));
            }
            usable |= matches!(cell, Cell::Number(_) | Cell::Missing { .. });
            // Only the value's marker is the observation's note; others would mislabel it.
            let mut cell_note = String::new();
            let target = if role == Role::Value { &mut note } else { &mut cell_note };
            *slot = cell_number(&cell, sink, row.line, &header, target);
        }
        let target = get(Role::Target);
        if !target.is_empty() {
            sink.target(indicator, Some(area), period, target, row.line);
        }
        if !usable {
            if target.is_empty() {
                sink.report.reject(row.line, "", RejectKind::NoValue, "no value, numerator or denominator on this row");
            }
            continue;
        }
        obs.note = sink.sym(&note);
        sink.push(obs);
    }
}

/// Polarity from the words files use (`High is good`, `Lower is better`, `Higher is worse`, `BOB` …); None for
/// words it does not understand (reported, never guessed).
pub fn polarity(text: &str) -> Option<Polarity> {
    let t = text.trim().to_lowercase();
    let words: Vec<&str> = t.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let has = |set: &[&str]| words.iter().any(|w| set.contains(w));
    if words.is_empty() {
        return None;
    }
    if has(&["bob", "neither", "neutral"]) || t.contains("no judgement") || t.contains("not applicable") {
        return Some(Polarity::NoJudgement);
    }
    let high = has(&["high", "higher", "up", "increase", "increasing", "more"]);
    let low = has(&["low", "lower", "down", "decrease", "decreasing", "less", "fewer"]);
    let bad = has(&["worse", "bad", "worst"]);
    match (high, low) {
        (true, false) => Some(if bad { Polarity::LowIsGood } else { Polarity::HighIsGood }),
        (false, true) => Some(if bad { Polarity::HighIsGood } else { Polarity::LowIsGood }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn polarity_words() {
        assert_eq!(polarity("High is good"), Some(Polarity::HighIsGood));
        assert_eq!(polarity("  RAG - Low is good "), Some(Polarity::LowIsGood));
        assert_eq!(polarity("Higher is worse"), Some(Polarity::LowIsGood));
        assert_eq!(polarity("up"), Some(Polarity::HighIsGood));
        assert_eq!(polarity("Neither high nor low"), Some(Polarity::NoJudgement));
        assert_eq!(polarity("BOB"), Some(Polarity::NoJudgement));
        assert_eq!(polarity("sideways"), None);
        assert_eq!(polarity("supply"), None);
        assert_eq!(polarity(""), None);
    }
}

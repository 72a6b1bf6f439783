//! Period labels (`2017/18`, `2012-14`, `2018/19 Q2`, `Apr 2018`, `31/12/2016` …) parsed into spans.

use crate::model::{CalendarDate, Period, PeriodKind};

/// Parses a period label; `hint` is Fingertips' `Time period range` (`1y`, `3y`, `1q`, `1m`).
/// Returns `None` for a label that is not a period (keep it with `Period::unknown`).
pub fn parse(label: &str, hint: Option<&str>) -> Option<Period> {
    let text = label.trim();
    let (start, end, kind) = span(text, hint.unwrap_or("").trim())?;
    (start <= end).then(|| Period { label: text.to_owned(), start, end, kind })
}

type Span = (CalendarDate, CalendarDate, PeriodKind);

fn span(text: &str, hint: &str) -> Option<Span> {
    // `Year 1 (2017/18)`, `Year 0 (Oct 2016 - Mar 2017)`: a contract year named by its bracket.
    if let (Some(open), Some(inner)) = (text.find('('), text.strip_suffix(')')) {
        if text[..open].trim().to_lowercase().starts_with("year") {
            return span_of_tokens(&inner[open + 1..], hint);
        }
    }
    span_of_tokens(text, hint)
}

/// The span of a label without a contract-year wrapper (no recursion: input depth is untrusted).
fn span_of_tokens(text: &str, hint: &str) -> Option<Span> {
    let tokens = tokenize(text);
    match tokens.as_slice() {
        [Tok::Num(y, 4)] => year(*y).map(|y| calendar_years(y, y)),
        [Tok::Num(a, la), Tok::Slash, Tok::Num(b, lb)] if is_year_pair(*a, *la, *b, *lb) => {
            let y = full_year(*a, *la)?;
            Some(financial_years(y, y))
        }
        [Tok::Num(d, _), Tok::Slash, Tok::Num(m, _), Tok::Slash, Tok::Num(y, 4)] => date(*y, *m, *d),
        [Tok::Num(y, 4), Tok::Dash, Tok::Num(m, 2), Tok::Dash, Tok::Num(d, 2)] => date(*y, *m, *d),
        // `2012-14`, `2011-2013`, `2011 - 13`.
        [Tok::Num(a, 4), Tok::Dash, Tok::Num(b, lb)] => {
            let first = year(*a)?;
            let last = later_year(first, *b, *lb)?;
            if last - first == 1 && (hint == "1y" || (hint.is_empty() && !text.contains(' ') && *lb == 2)) {
                // `2017-18` is how UK reports write a financial year.
                return Some(financial_years(first, first));
            }
            Some((CalendarDate::new(first, 1, 1), CalendarDate::new(last, 12, 31), PeriodKind::MultiYear))
        }
        // `2022/23 - 24/25`: several financial years.
        [Tok::Num(a, la), Tok::Slash, Tok::Num(b, lb), Tok::Dash, Tok::Num(c, lc), Tok::Slash, Tok::Num(d, ld)]
            if is_year_pair(*a, *la, *b, *lb) && is_year_pair(*c, *lc, *d, *ld) =>
        {
            let first = full_year(*a, *la)?;
            let last = later_year(first, *c, *lc)?;
            let (start, _, _) = financial_years(first, first);
            let (_, end, _) = financial_years(last, last);
            Some((start, end, PeriodKind::MultiYear))
        }
        // `2018/19 Q2` (financial quarters: Q1 is April to June) and `Q2 2018/19`.
        [Tok::Num(a, la), Tok::Slash, Tok::Num(b, lb), Tok::Word(q)] if is_year_pair(*a, *la, *b, *lb) => financial_quarter(full_year(*a, *la)?, q),
        [Tok::Word(q), Tok::Num(a, la), Tok::Slash, Tok::Num(b, lb)] if is_year_pair(*a, *la, *b, *lb) => financial_quarter(full_year(*a, *la)?, q),
        // `Apr 2018`, `April 2018`, `Apr-18`.
        [Tok::Word(m), Tok::Num(y, ly)] | [Tok::Word(m), Tok::Dash, Tok::Num(y, ly)] => {
            let (y, m) = (full_year(*y, *ly)?, month(m)?);
            Some((CalendarDate::new(y, m, 1), CalendarDate::new(y, m, days_in_month(y, m)), PeriodKind::Month))
        }
        // `Oct 2016 - Mar 2017`: a span of months.
        [Tok::Word(m1), Tok::Num(y1, l1), Tok::Dash, Tok::Word(m2), Tok::Num(y2, l2)] => {
            let (y1, m1, y2, m2) = (full_year(*y1, *l1)?, month(m1)?, full_year(*y2, *l2)?, month(m2)?);
            let kind = if (y2 - y1) * 12 + m2 as i32 - m1 as i32 == 0 { PeriodKind::Month } else { PeriodKind::MultiYear };
            Some((CalendarDate::new(y1, m1, 1), CalendarDate::new(y2, m2, days_in_month(y2, m2)), kind))
        }
        _ => None,
    }
}

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    /// A number with its digit count (so `17` and `2017` differ).
    Num(i32, usize),
    Slash,
    Dash,
    Word(String),
}

fn tokenize(text: &str) -> Vec<Tok> {
    let mut tokens = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_ascii_digit() {
            let mut digits = String::new();
            while let Some(&d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                digits.push(d);
                chars.next();
            }
            if digits.len() > 8 {
                return Vec::new();
            }
            tokens.push(Tok::Num(digits.parse().unwrap_or(0), digits.len()));
        } else if c.is_alphabetic() {
            let mut word = String::new();
            while let Some(&d) = chars.peek().filter(|d| d.is_alphanumeric()) {
                word.push(d.to_ascii_lowercase());
                chars.next();
            }
            tokens.push(Tok::Word(word));
        } else {
            chars.next();
            match c {
                '/' => tokens.push(Tok::Slash),
                '-' | '–' | '—' => tokens.push(Tok::Dash),
                ' ' | '\u{a0}' | '\t' | '.' | ',' => {}
                _ => return Vec::new(),
            }
        }
    }
    tokens
}

fn year(y: i32) -> Option<i32> {
    (1900..=2100).contains(&y).then_some(y)
}

/// A year written with 2 or 4 digits (`17` → 2017).
fn full_year(y: i32, digits: usize) -> Option<i32> {
    match digits {
        4 => year(y),
        2 => Some(2000 + y),
        _ => None,
    }
}

/// The year `b` written after `first` (`2012-14` → 2014; `2011-2013` → 2013), if later.
fn later_year(first: i32, b: i32, digits: usize) -> Option<i32> {
    let last = match digits {
        4 => year(b)?,
        2 => first - first % 100 + b + if b < first % 100 { 100 } else { 0 },
        _ => return None,
    };
    (last > first && last - first <= 20).then_some(last)
}

/// `2017/18`, `17/18`, `2017/2018`: consecutive years.
fn is_year_pair(a: i32, la: usize, b: i32, lb: usize) -> bool {
    match (la, lb) {
        (4, 2) | (2, 2) => (a + 1) % 100 == b,
        (4, 4) => a + 1 == b,
        _ => false,
    }
}

fn calendar_years(first: i32, last: i32) -> Span {
    (CalendarDate::new(first, 1, 1), CalendarDate::new(last, 12, 31), PeriodKind::CalendarYear)
}

fn financial_years(first: i32, last: i32) -> Span {
    (CalendarDate::new(first, 4, 1), CalendarDate::new(last + 1, 3, 31), PeriodKind::FinancialYear)
}

fn financial_quarter(first_year: i32, word: &str) -> Option<Span> {
    let q: i32 = word.strip_prefix('q')?.parse().ok()?;
    if !(1..=4).contains(&q) {
        return None;
    }
    let start_month = 4 + (q - 1) * 3; // 4, 7, 10, 13
    let (y, m) = if start_month > 12 { (first_year + 1, start_month - 12) } else { (first_year, start_month) };
    let (m, end_m) = (m as u8, (m + 2) as u8);
    Some((CalendarDate::new(y, m, 1), CalendarDate::new(y, end_m, days_in_month(y, end_m)), PeriodKind::Quarter))
}

fn month(word: &str) -> Option<u8> {
    const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    let word = if word == "sept" { "sep" } else { word };
    if word.len() < 3 {
        return None;
    }
    let position = MONTHS.iter().position(|m| word.starts_with(m))?;
    const FULL: [&str; 12] = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
    (word.len() == 3 || FULL[position].starts_with(word)).then_some(position as u8 + 1)
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn date(y: i32, m: i32, d: i32) -> Option<Span> {
    let y = year(y)?;
    let m = u8::try_from(m).ok().filter(|m| (1..=12).contains(m))?;
    let d = u8::try_from(d).ok().filter(|d| *d >= 1 && *d <= days_in_month(y, m))?;
    let day = CalendarDate::new(y, m, d);
    Some((day, day, PeriodKind::Date))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(label: &str, start: (i32, u8, u8), end: (i32, u8, u8), kind: PeriodKind) {
        let p = parse(label, None).unwrap_or_else(|| panic!("{label} did not parse"));
        assert_eq!(p.label, label);
        assert_eq!(p.start, CalendarDate::new(start.0, start.1, start.2), "{label}");
        assert_eq!(p.end, CalendarDate::new(end.0, end.1, end.2), "{label}");
        assert_eq!(p.kind, kind, "{label}");
    }

    #[test]
    fn every_listed_form() {
        use PeriodKind::*;
        check("2017", (2017, 1, 1), (2017, 12, 31), CalendarYear);
        check("2017/18", (2017, 4, 1), (2018, 3, 31), FinancialYear);
        check("17/18", (2017, 4, 1), (2018, 3, 31), FinancialYear);
        check("12/13", (2012, 4, 1), (2013, 3, 31), FinancialYear);
        check("2012-14", (2012, 1, 1), (2014, 12, 31), MultiYear);
        check("2011-2013", (2011, 1, 1), (2013, 12, 31), MultiYear);
        check("2011 - 13", (2011, 1, 1), (2013, 12, 31), MultiYear);
        check("2022/23 - 24/25", (2022, 4, 1), (2025, 3, 31), MultiYear);
        check("2018/19 Q2", (2018, 7, 1), (2018, 9, 30), Quarter);
        check("2019/20 Q4", (2020, 1, 1), (2020, 3, 31), Quarter);
        check("Apr 2018", (2018, 4, 1), (2018, 4, 30), Month);
        check("February 2020", (2020, 2, 1), (2020, 2, 29), Month);
        check("31/12/2016", (2016, 12, 31), (2016, 12, 31), Date);
        check("Year 1 (2017/18)", (2017, 4, 1), (2018, 3, 31), FinancialYear);
        check("Year 3+ (2019/20)", (2019, 4, 1), (2020, 3, 31), FinancialYear);
        check("Year 0 (Oct 2016 - Mar 2017)", (2016, 10, 1), (2017, 3, 31), MultiYear);
        check("2017-18", (2017, 4, 1), (2018, 3, 31), FinancialYear);
    }

    #[test]
    fn hints_and_unknowns() {
        assert_eq!(parse("2016 - 17", Some("2y")).unwrap().kind, PeriodKind::MultiYear);
        for bad in ["", "England", "Year 1 (Year 2 (2017/18))", "Q5 2018/19", "31/02/2017", "2017/19", "Indicator", "Year", "99999999999", "13/2017"] {
            assert!(parse(bad, None).is_none(), "{bad}");
        }
    }
}

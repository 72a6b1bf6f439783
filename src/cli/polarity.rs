//! `--polarity FILE` of the analysis subcommands: lines of `indicator,polarity` read into overrides.

use super::error::CliError;
use super::input::read_text;
use crate::analysis::polarity::parse_polarity;
use crate::analysis::PolarityOverrides;
use crate::model::Polarity;
use std::path::Path;

/// Help line of every `--polarity` flag.
pub const HELP: &str = "a file of `indicator,polarity` lines (high, low or none) for indicators the data do not settle";

/// Reads polarity overrides: lines of `indicator,polarity` (a header line is skipped when unreadable).
pub fn read_polarity(path: &Path) -> Result<PolarityOverrides, CliError> {
    let text = read_text(path)?;
    let file = path.display().to_string();
    let mut overrides = PolarityOverrides::new();
    for (number, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let at = |message: String| CliError::Input { file: file.clone(), line: Some(number as u64 + 1), message };
        let Some((key, value)) = line.rsplit_once([',', '\t']) else {
            return Err(at("expected `indicator,polarity`".into()));
        };
        match parse_polarity(value) {
            Some(polarity) => {
                overrides.insert(key.trim().trim_matches('"').to_owned(), polarity);
            }
            None if number == 0 => {} // header
            None => return Err(at(format!("cannot read polarity `{}` (high, low or none)", value.trim()))),
        }
    }
    Ok(overrides)
}

/// The word `parse_polarity` reads back for a polarity.
pub fn polarity_word(polarity: Polarity) -> &'static str {
    match polarity {
        Polarity::HighIsGood => "high",
        Polarity::LowIsGood => "low",
        Polarity::NoJudgement => "none",
        Polarity::Unknown => "unknown",
    }
}

/// Overrides as a view spec carries them (indicator → polarity word).
pub fn spec_polarity<C: FromIterator<(String, String)>>(overrides: PolarityOverrides) -> C {
    overrides.into_iter().map(|(key, polarity)| (key, polarity_word(polarity).to_owned())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_of_indicator_and_polarity() {
        let path = std::env::temp_dir().join(format!("il-cli-polarity-{}.csv", std::process::id()));
        std::fs::write(&path, "\u{feff}indicator,polarity\n93106,none\n\"A, B\",high\n").unwrap();
        let overrides = read_polarity(&path).unwrap();
        assert_eq!(overrides.get("93106"), Some(&Polarity::NoJudgement));
        assert_eq!(overrides.get("A, B"), Some(&Polarity::HighIsGood));
        std::fs::write(&path, "indicator,polarity\n93106,sideways\n").unwrap();
        let refused = read_polarity(&path).unwrap_err();
        assert!(refused.to_string().ends_with(":2: cannot read polarity `sideways` (high, low or none)"), "{refused}");
        let _ = std::fs::remove_file(&path);
    }
}

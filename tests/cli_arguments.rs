//! The argument reader on hostile input: every flag of every subcommand (read from the declarations) fed
//! non-UTF-8, empty, very long and unknown values never panics and ends in exit 1 or 2 with a message;
//! non-UTF-8 file names are read; files over the size limit are refused before they are read.

use indicator_lens::cli::{commands, run, Command, Takes, EXIT_INPUT, EXIT_USAGE};
use std::ffi::OsString;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;

const SAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/samples/");
const PROPORTIONS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/oracle/pheim/xlsx_sheets/testdata_Proportion__testdata_Prop.csv");
const RETURN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/illustrative-hcp-kpi-return.csv");
const MISSING: &str = "/nonexistent-indicator-lens/in.csv";

/// Runs the CLI in-process; a panic fails the test naming the arguments.
fn cli(args: &[OsString]) -> (i32, String, String) {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = catch_unwind(AssertUnwindSafe(|| run(args, &mut out, &mut err))).unwrap_or_else(|_| panic!("panicked on {args:?}"));
    (code, String::from_utf8_lossy(&out).into_owned(), String::from_utf8_lossy(&err).into_owned())
}

fn os(items: &[&str]) -> Vec<OsString> {
    items.iter().map(OsString::from).collect()
}

fn sample(name: &str) -> String {
    format!("{SAMPLES}{name}")
}

/// A scratch directory of this test process, one per test.
fn scratch(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("il-cli-arguments-{}", std::process::id())).join(test);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

/// A run of `command` that can succeed (real files), or one whose input files are missing.
fn base(command: &Command, real: bool) -> Vec<String> {
    let file = |name: &str| if real { sample(name) } else { MISSING.to_owned() };
    let out = |name: &str| if real { scratch("flags").join(name).display().to_string() } else { format!("/nonexistent-indicator-lens/{name}") };
    let fingertips = file("fingertips/ncmp_reception_prev_overweight_dist.csv");
    let args: Vec<String> = match command.name {
        "inspect" | "benchmark" | "kpi-summary" => vec![fingertips],
        "compute" => vec!["proportion".into(), "--input".into(), if real { PROPORTIONS.into() } else { MISSING.into() }],
        "prevalence" => vec![
            "--rates".into(),
            file("cyp-mental-health-prevalence-rates-2017.csv"),
            "--population".into(),
            file("derby-derbyshire-population-by-age-band-2017.csv"),
        ],
        "trend" | "summary" => vec![file("warwickshire-outcomes-calendar-years.csv")],
        "targets" => vec![if real { RETURN.into() } else { MISSING.into() }, "--schedule".into(), file("healthy-child-programme-kpi-targets.csv")],
        "spc" => vec![file("eating-disorder-service-monthly-2018-19.csv")],
        "view" => vec!["compare-areas".into(), fingertips],
        "render" => vec!["compare-areas".into(), fingertips, "--svg".into(), out("chart.svg")],
        "generate" => vec!["--rows".into(), "3".into(), "--out".into(), out("generated.csv")],
        other => panic!("no base run for `{other}`: add one here"),
    };
    std::iter::once(command.name.to_owned()).chain(args).collect()
}

/// Bytes that are not UTF-8 (a Latin-1 `é`).
#[cfg(unix)]
fn latin1(prefix: &str) -> OsString {
    use std::os::unix::ffi::OsStringExt;
    let mut bytes = prefix.as_bytes().to_vec();
    bytes.extend(b"caf\xe9.csv");
    OsString::from_vec(bytes)
}

/// The bad values of one kind of value: (non-UTF-8, empty, very long, unknown), paths in a missing directory.
#[cfg(unix)]
fn bad_values(takes: &Takes) -> [(&'static str, OsString); 4] {
    let dir = if matches!(takes, Takes::Path(_)) { "/nonexistent-indicator-lens/" } else { "" };
    [
        ("non-UTF-8", latin1(dir)),
        ("empty", OsString::new()),
        ("100k characters", OsString::from(format!("{dir}{}", "x".repeat(100_000)))),
        ("unknown", OsString::from(format!("{dir}nope"))),
    ]
}

#[cfg(unix)]
#[test]
fn every_flag_of_every_subcommand_refuses_bad_values_without_panicking() {
    let mut runs = 0;
    for command in commands() {
        for real in [false, true] {
            let base = base(command, real);
            assert_eq!(cli(&os(&base.iter().map(String::as_str).collect::<Vec<_>>())).0 == 0, real, "{base:?} runs only with real files");
            for flag in command.flags {
                for (kind, value) in bad_values(&flag.takes) {
                    let mut args = os(&base.iter().map(String::as_str).collect::<Vec<_>>());
                    args.push(flag.name.into());
                    args.push(value);
                    let (code, _, err) = cli(&args);
                    runs += 1;
                    let said: String = err.chars().take(300).collect();
                    let case = format!("{} {} ({kind}, real files: {real}) → {code}: {said}", command.name, flag.name);
                    assert!((0..=2).contains(&code), "{case}");
                    if code != 0 {
                        assert!(!err.trim().is_empty(), "a failure says why: {case}");
                    }
                    // Only an unknown but well-formed text (an area, a period no file has) may be found harmless, or
                    // a value after a switch, which is one more input file (inspect reports it and reads the rest).
                    let may_pass =
                        real && ((kind == "unknown" && matches!(flag.takes, Takes::Text(_))) || (kind != "empty" && matches!(flag.takes, Takes::Nothing)));
                    assert!(code != 0 || may_pass, "{case}");
                    if kind == "empty" || (kind != "unknown" && !matches!(flag.takes, Takes::Path(_) | Takes::Nothing)) {
                        assert_eq!(code, EXIT_USAGE, "{case}");
                    }
                }
            }
            // The leading word and the input files, replaced by each bad value.
            for (kind, value) in bad_values(&Takes::Path("FILE")) {
                let mut args = os(&base.iter().map(String::as_str).collect::<Vec<_>>());
                let at = 1 + usize::from(command.word.is_some());
                if command.files.is_some() {
                    args[at] = value.clone();
                    let (code, _, err) = cli(&args);
                    assert!(matches!(code, EXIT_INPUT | EXIT_USAGE) && !err.is_empty(), "{} FILE {kind}: {code} {err}", command.name);
                }
                if command.word.is_some() {
                    let mut args = os(&base.iter().map(String::as_str).collect::<Vec<_>>());
                    args[1] = value;
                    let (code, _, err) = cli(&args);
                    assert!(code == EXIT_USAGE && err.contains("usage: indicator-lens"), "{} word {kind}: {code} {err}", command.name);
                }
                runs += 1;
            }
        }
        let unknown = [command.name, "--no-such-flag"].map(OsString::from);
        let (code, _, err) = cli(&unknown);
        assert!(code == EXIT_USAGE && err.contains("unknown option `--no-such-flag`") && err.contains("usage: indicator-lens"), "{err}");
    }
    assert!(runs > 400, "{runs} runs");
    let _ = std::fs::remove_dir_all(scratch("flags"));
}

#[test]
fn against_nope_is_refused_with_the_allowed_benchmarks() {
    let file = sample("fingertips/ncmp_reception_prev_overweight_dist.csv");
    let (code, out, err) = cli(&os(&["benchmark", &file, "--against", "nope"]));
    assert_eq!(code, EXIT_USAGE, "{out}");
    assert!(err.contains("--against must be one of england|parent|AREA_CODE|codes file, not `nope`"), "{err}");
    assert!(out.is_empty(), "nothing is compared with an area the files do not hold");
    let (code, _, err) = cli(&os(&["benchmark", &file, "--against", "E99999999"]));
    assert_eq!(code, EXIT_USAGE, "{err}");
    for known in ["england", "parent", "region", "E10000015"] {
        let (code, _, err) = cli(&os(&["benchmark", &file, "--against", known]));
        assert_eq!(code, 0, "{known}: {err}");
    }
    let (code, _, err) = cli(&os(&["kpi-summary", &file, "--against", "nope"]));
    assert!(code == EXIT_USAGE && err.contains("england|parent|AREA_CODE"), "{err}");
}

#[test]
fn improvement_sideways_lists_the_improvement_words() {
    let file = sample("eating-disorder-service-monthly-2018-19.csv");
    let (code, _, err) = cli(&os(&["spc", &file, "--improvement", "sideways"]));
    assert_eq!(code, EXIT_USAGE);
    assert!(err.contains("--improvement must be one of increase|decrease|neutral, not `sideways`"), "{err}");
    assert_eq!(cli(&os(&["spc", &file, "--improvement", "UP"])).0, 0, "synonyms are still read");
    let (code, _, err) = cli(&os(&["benchmark", &file, "--level", "90"]));
    assert!(code == EXIT_USAGE && err.contains("--level must be one of 95|99.8|auto, not `90`"), "{err}");
}

#[cfg(unix)]
#[test]
fn non_utf8_file_names_are_read() {
    let dir = scratch("latin1");
    let mut data = dir.clone().into_os_string();
    data.push("/");
    data.push(latin1(""));
    std::fs::copy(sample("fingertips/ncmp_reception_prev_overweight_dist.csv"), &data).expect("copy");
    let (code, out, err) = cli(&[OsString::from("inspect"), data.clone()]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("caf\u{fffd}.csv") && out.contains("format fingertips"), "{out}");
    let (code, out, err) = cli(&[OsString::from("benchmark"), data.clone()]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.lines().count(), 13);
    let mut input = dir.into_os_string();
    input.push("/");
    input.push(latin1("input-"));
    std::fs::copy(PROPORTIONS, &input).expect("copy");
    let mut args = os(&["compute", "proportion", "--input"]);
    args.push(input);
    let (code, _, err) = cli(&args);
    assert_eq!(code, 0, "{err}");
    let _ = std::fs::remove_dir_all(scratch("latin1"));
}

#[test]
fn files_over_the_size_limit_are_refused_before_reading() {
    let path = scratch("huge").join("huge.csv");
    let file = std::fs::File::create(&path).expect("create");
    // Sparse: the size is claimed, no byte is written (or read: the refusal comes from the metadata).
    file.set_len(indicator_lens::ingest::DEFAULT_MAX_BYTES + 1).expect("set_len");
    let path = path.to_str().expect("path");
    for args in [vec!["inspect", path], vec!["benchmark", path], vec!["compute", "rate", "--input", path]] {
        let (code, _, err) = cli(&os(&args));
        assert_eq!(code, EXIT_INPUT, "{args:?}");
        assert!(err.contains("over the limit of 1073741824 bytes"), "{args:?}: {err}");
    }
    let _ = std::fs::remove_dir_all(scratch("huge"));
}

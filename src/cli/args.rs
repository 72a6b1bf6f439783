//! The one argument reader of every subcommand: each declares its flags once (`Command`, `Flag`, `Takes`),
//! and `parse` reads arguments (as `OsString`, so file names need not be UTF-8) against that declaration,
//! refusing unknown flags and values with the allowed list; `Command::usage` builds the usage text from it.

use super::error::CliError;
use std::ffi::{OsStr, OsString};
use std::path::PathBuf;

/// Text values (not file paths) longer than this many bytes are refused: no area, indicator or view spec is that long.
pub const MAX_TEXT_BYTES: usize = 64 * 1024;

/// What a flag (or a subcommand's leading word) takes.
#[derive(Clone, Copy, Debug)]
pub enum Takes {
    /// Nothing: the flag is a switch.
    Nothing,
    /// A file path, any bytes the system allows (the placeholder shown in the usage, `FILE`).
    Path(&'static str),
    /// UTF-8 text the subcommand reads (the placeholder, `AREA`, `N`).
    Text(&'static str),
    /// One word of a closed set, matched without regard to case.
    OneOf(&'static [&'static str]),
    /// A value of a closed set with synonyms, or of a set known at run time.
    Matching {
        /// Placeholder in the usage line; `None` shows the allowed values there.
        placeholder: Option<&'static str>,
        /// The allowed values, as refusals list them (`increase|decrease|neutral`).
        allowed: fn() -> String,
        /// Whether a (trimmed, non-empty) value is allowed.
        accepts: fn(&str) -> bool,
    },
}

impl Takes {
    /// What the usage shows after the flag (empty for a switch).
    pub fn placeholder(&self) -> String {
        match self {
            Takes::Nothing => String::new(),
            Takes::Path(p) | Takes::Text(p) => (*p).to_owned(),
            Takes::OneOf(words) => words.join("|"),
            Takes::Matching { placeholder: Some(p), .. } => (*p).to_owned(),
            Takes::Matching { placeholder: None, allowed, .. } => allowed(),
        }
    }

    /// The values a refusal lists.
    pub fn allowed(&self) -> String {
        match self {
            Takes::OneOf(words) => words.join("|"),
            Takes::Matching { allowed, .. } => allowed(),
            other => other.placeholder(),
        }
    }
}

/// One flag of a subcommand as declared.
#[derive(Clone, Copy, Debug)]
pub struct Flag {
    /// The flag as typed (`--against`).
    pub name: &'static str,
    /// What it takes.
    pub takes: Takes,
    /// Whether the subcommand cannot run without it.
    pub required: bool,
    /// Whether it may be given more than once (each value kept); otherwise the last one counts.
    pub repeats: bool,
    /// One line saying what it is for.
    pub help: &'static str,
}

impl Flag {
    /// An optional flag given at most once.
    pub const fn new(name: &'static str, takes: Takes, help: &'static str) -> Flag {
        Flag { name, takes, required: false, repeats: false, help }
    }

    /// The same flag, required.
    pub const fn required(self) -> Flag {
        Flag { required: true, ..self }
    }

    /// The same flag, repeatable.
    pub const fn repeats(self) -> Flag {
        Flag { repeats: true, ..self }
    }

    /// `--name PLACEHOLDER` (or `--name` for a switch).
    fn synopsis(&self) -> String {
        match self.takes {
            Takes::Nothing => self.name.to_owned(),
            takes => format!("{} {}", self.name, takes.placeholder()),
        }
    }
}

/// The leading word some subcommands take before their files (`compute proportion`, `view trend`).
#[derive(Clone, Copy, Debug)]
pub struct Word {
    /// Its name in the usage and in refusals (`STATISTIC`, `VIEW`).
    pub name: &'static str,
    /// The words allowed (`OneOf` or `Matching`).
    pub takes: Takes,
}

/// One subcommand as declared: everything the reader and the usage text need.
#[derive(Clone, Copy, Debug)]
pub struct Command {
    /// The name typed after `indicator-lens`.
    pub name: &'static str,
    /// Other names accepted for it.
    pub aliases: &'static [&'static str],
    /// The leading word, if the subcommand takes one.
    pub word: Option<Word>,
    /// Placeholder of its input files (`FILE...`, at least one), or `None` when it takes none.
    pub files: Option<&'static str>,
    /// Its flags.
    pub flags: &'static [Flag],
    /// What it does, in one line.
    pub about: &'static str,
}

impl Command {
    /// The declaration of `name`, if the subcommand has that flag.
    pub fn flag(&self, name: &str) -> Option<&'static Flag> {
        self.flags.iter().find(|f| f.name == name)
    }

    /// The one-line synopsis: `benchmark FILE... [--against …] [--out FILE]`.
    pub fn synopsis(&self) -> String {
        let mut parts = vec![self.name.to_owned()];
        if let Some(word) = &self.word {
            parts.push(word.takes.placeholder());
        }
        parts.extend(self.files.map(str::to_owned));
        for flag in self.flags {
            let mut text = if flag.required { flag.synopsis() } else { format!("[{}]", flag.synopsis()) };
            if flag.repeats {
                text.push_str("...");
            }
            parts.push(text);
        }
        parts.join(" ")
    }

    /// The usage text: the synopsis, what the subcommand does, then one line per flag.
    pub fn usage(&self) -> String {
        let mut text = format!("usage: indicator-lens {}\n  {}", self.synopsis(), self.about);
        let width = self.flags.iter().map(|f| f.synopsis().chars().count()).max().unwrap_or(0);
        for flag in self.flags {
            text.push_str(&format!("\n  {:width$}  {}", flag.synopsis(), flag.help));
        }
        text
    }

    /// A usage error of this subcommand.
    pub fn refuse(&self, message: impl Into<String>) -> CliError {
        CliError::usage(self.name, message)
    }
}

/// What the reader found: a request for help, or arguments to run with.
#[derive(Debug)]
pub enum Request {
    /// `-h` or `--help` was given.
    Help,
    /// Arguments that match the declaration.
    Run(Parsed),
}

/// Arguments read against a declaration, every value already checked against it.
#[derive(Debug)]
pub struct Parsed {
    /// The declaration read against.
    command: &'static Command,
    /// The leading word (canonical), or empty.
    word: String,
    /// The input files.
    files: Vec<OsString>,
    /// Each flag given, in order, with its value (empty for a switch).
    values: Vec<(&'static str, OsString)>,
}

impl Parsed {
    /// The leading word (canonical for a closed set; empty when the subcommand takes none).
    pub fn word(&self) -> &str {
        &self.word
    }

    /// The input files, in the order given.
    pub fn files(&self) -> Vec<PathBuf> {
        self.files.iter().map(PathBuf::from).collect()
    }

    /// Whether the switch (or any flag) `name` was given.
    pub fn has(&self, name: &str) -> bool {
        debug_assert!(self.command.flag(name).is_some(), "{name} is not declared");
        self.values.iter().any(|(n, _)| *n == name)
    }

    /// Every value of `name`, in order.
    pub fn os_values(&self, name: &str) -> Vec<&OsStr> {
        debug_assert!(self.command.flag(name).is_some(), "{name} is not declared");
        self.values.iter().filter(|(n, _)| *n == name).map(|(_, v)| v.as_os_str()).collect()
    }

    /// The last path given to `name`.
    pub fn path(&self, name: &str) -> Option<PathBuf> {
        self.os_values(name).last().map(PathBuf::from)
    }

    /// Every path given to `name`.
    pub fn paths(&self, name: &str) -> Vec<PathBuf> {
        self.os_values(name).into_iter().map(PathBuf::from).collect()
    }

    /// The last text given to `name` (checked to be UTF-8 when read; canonical for a closed set).
    pub fn text(&self, name: &str) -> Option<String> {
        self.texts(name).pop()
    }

    /// Every text given to `name`.
    pub fn texts(&self, name: &str) -> Vec<String> {
        self.os_values(name).into_iter().map(|v| v.to_string_lossy().into_owned()).collect()
    }

    /// Reads the last value of `name` with `read`; a usage error saying it must be `what` when `read` refuses it.
    pub fn read<T>(&self, name: &str, what: &str, read: impl Fn(&str) -> Option<T>) -> Result<Option<T>, CliError> {
        match self.text(name) {
            None => Ok(None),
            Some(text) => read(&text).map(Some).ok_or_else(|| self.command.refuse(format!("{name} must be {what}, not `{}`", shown(text.as_ref())))),
        }
    }

    /// A usage error refusing `value` of `name`, listing the declared allowed values, with why it was refused.
    pub fn refuse(&self, name: &str, value: &OsStr, why: &str) -> CliError {
        let allowed = self.command.flag(name).map(|f| f.takes.allowed()).unwrap_or_default();
        let why = if why.is_empty() { String::new() } else { format!(" ({why})") };
        self.command.refuse(format!("{name} must be one of {allowed}, not `{}`{why}", shown(value)))
    }

    /// The declaration these arguments were read against.
    pub fn command(&self) -> &'static Command {
        self.command
    }
}

/// A value for a message: lossily decoded and cut to 60 characters.
pub fn shown(value: &OsStr) -> String {
    let text = value.to_string_lossy();
    if text.chars().count() <= 60 {
        return text.into_owned();
    }
    let head: String = text.chars().take(60).collect();
    format!("{head}… ({} bytes)", value.len())
}

/// Checks one value against what its flag (or word) takes; the value to keep (canonical for `OneOf`).
fn check_value(command: &Command, name: &str, takes: &Takes, value: &OsStr) -> Result<OsString, CliError> {
    if let Takes::Path(placeholder) = takes {
        if value.is_empty() {
            return Err(command.refuse(format!("{name} needs a {placeholder}, not an empty value")));
        }
        return Ok(value.to_owned());
    }
    let Some(text) = value.to_str() else {
        return Err(command.refuse(format!("{name}: `{}` is not UTF-8 text", shown(value))));
    };
    if text.len() > MAX_TEXT_BYTES {
        return Err(command.refuse(format!("{name}: the value is {} bytes long, over the limit of {MAX_TEXT_BYTES}", text.len())));
    }
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(command.refuse(format!("{name} needs {}, not an empty value", takes.placeholder())));
    }
    let refused = || command.refuse(format!("{name} must be one of {}, not `{}`", takes.allowed(), shown(value)));
    match takes {
        Takes::OneOf(words) => words.iter().find(|w| w.eq_ignore_ascii_case(trimmed)).map(OsString::from).ok_or_else(refused),
        Takes::Matching { accepts, .. } if !accepts(trimmed) => Err(refused()),
        _ => Ok(value.to_owned()),
    }
}

/// True for arguments that are flags (`--…`); `-h` is handled apart.
fn is_flag(arg: &OsStr) -> bool {
    arg.as_encoded_bytes().starts_with(b"--")
}

/// Reads `args` (after the subcommand's name) against `command`'s declaration.
pub fn parse(command: &'static Command, args: &[OsString]) -> Result<Request, CliError> {
    let (mut operands, mut values) = (Vec::new(), Vec::new());
    let mut iter = args.iter();
    let mut only_operands = false;
    while let Some(arg) = iter.next() {
        if only_operands || !(is_flag(arg) || arg == "-h") {
            operands.push(arg.clone());
            continue;
        }
        match arg.to_str() {
            Some("--") => only_operands = true,
            Some("-h" | "--help") => return Ok(Request::Help),
            text => {
                let flag = text.and_then(|t| command.flag(t)).ok_or_else(|| command.refuse(format!("unknown option `{}`", shown(arg))))?;
                let value = match flag.takes {
                    Takes::Nothing => OsString::new(),
                    takes => {
                        let value = iter.next().ok_or_else(|| command.refuse(format!("{} needs a value ({})", flag.name, takes.placeholder())))?;
                        check_value(command, flag.name, &takes, value)?
                    }
                };
                values.push((flag.name, value));
            }
        }
    }
    let mut operands = operands.into_iter();
    let word = match &command.word {
        None => String::new(),
        Some(word) => {
            let given = operands.next().ok_or_else(|| command.refuse(format!("no {} given: one of {}", word.name, word.takes.allowed())))?;
            check_value(command, word.name, &word.takes, &given)?.to_string_lossy().into_owned()
        }
    };
    let files: Vec<OsString> = operands.collect();
    match (command.files, files.first()) {
        (None, Some(extra)) => return Err(command.refuse(format!("unexpected argument `{}`", shown(extra)))),
        (Some(placeholder), None) => return Err(command.refuse(format!("no input file given ({placeholder})"))),
        _ => {}
    }
    if files.iter().any(|f| f.is_empty()) {
        return Err(command.refuse("an input file name is empty"));
    }
    if let Some(missing) = command.flags.iter().find(|f| f.required && !values.iter().any(|(n, _)| *n == f.name)) {
        return Err(command.refuse(format!("{} is required", missing.synopsis())));
    }
    Ok(Request::Run(Parsed { command, word, files, values }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn levels() -> String {
        "95|99.8|auto".into()
    }

    const FLAGS: &[Flag] = &[
        Flag::new("--json", Takes::Nothing, "as JSON"),
        Flag::new("--out", Takes::Path("FILE"), "where to write"),
        Flag::new("--area", Takes::Text("AREA"), "an area").repeats(),
        Flag::new("--sort", Takes::OneOf(&["value", "name"]), "the order"),
        Flag::new("--level", Takes::Matching { placeholder: None, allowed: levels, accepts: |v| ["95", "99.8", "auto"].contains(&v) }, "level"),
        Flag::new("--rates", Takes::Path("FILE"), "rates").required(),
    ];
    static COMMAND: Command = Command {
        name: "demo",
        aliases: &[],
        word: Some(Word { name: "KIND", takes: Takes::OneOf(&["one", "two"]) }),
        files: Some("FILE..."),
        flags: FLAGS,
        about: "a demonstration",
    };

    fn args(items: &[&str]) -> Vec<OsString> {
        items.iter().map(OsString::from).collect()
    }

    fn run(items: &[&str]) -> Result<Parsed, String> {
        match parse(&COMMAND, &args(items)) {
            Ok(Request::Run(parsed)) => Ok(parsed),
            Ok(Request::Help) => Err("help".into()),
            Err(e) => Err(e.to_string()),
        }
    }

    #[test]
    fn reads_what_is_declared() {
        let parsed = run(&["ONE", "a.csv", "--json", "--area", "X", "--area", "Y", "--sort", "Name", "--rates", "r.csv", "--", "--b.csv"]).unwrap();
        assert_eq!(parsed.word(), "one");
        assert_eq!(parsed.files(), [PathBuf::from("a.csv"), PathBuf::from("--b.csv")]);
        assert!(parsed.has("--json") && !parsed.has("--out"));
        assert_eq!(parsed.texts("--area"), ["X", "Y"]);
        assert_eq!(parsed.text("--sort").as_deref(), Some("name"));
        assert_eq!(parsed.path("--rates"), Some(PathBuf::from("r.csv")));
        assert!(matches!(parse(&COMMAND, &args(&["one", "--help"])), Ok(Request::Help)));
    }

    #[test]
    fn refuses_with_the_allowed_values() {
        let refusal = |items: &[&str]| run(items).err().unwrap_or_default();
        assert!(refusal(&["one", "a.csv", "--rates", "r", "--bogus"]).contains("unknown option `--bogus`"));
        assert!(refusal(&["one", "a.csv", "--rates", "r", "--sort", "up"]).contains("--sort must be one of value|name, not `up`"));
        assert!(refusal(&["one", "a.csv", "--rates", "r", "--level", "90"]).contains("--level must be one of 95|99.8|auto"));
        assert!(refusal(&["three", "a.csv", "--rates", "r"]).contains("KIND must be one of one|two"));
        assert!(refusal(&["one", "--rates", "r"]).contains("no input file"));
        assert!(refusal(&["one", "a.csv"]).contains("--rates FILE is required"));
        assert!(refusal(&["one", "a.csv", "--rates"]).contains("--rates needs a value"));
        assert!(refusal(&["one", "a.csv", "--rates", ""]).contains("not an empty value"));
        assert!(refusal(&["one", "a.csv", "--rates", "r", "--area", " "]).contains("not an empty value"));
        let long = "x".repeat(MAX_TEXT_BYTES + 1);
        assert!(refusal(&["one", "a.csv", "--rates", "r", "--area", &long]).contains("over the limit"));
        let usage = COMMAND.usage();
        assert!(
            usage.starts_with(
                "usage: indicator-lens demo one|two FILE... [--json] [--out FILE] [--area AREA]... [--sort value|name] [--level 95|99.8|auto] --rates FILE"
            ),
            "{usage}"
        );
        assert!(usage.contains("--area AREA") && usage.contains("an area"));
    }

    #[cfg(unix)]
    #[test]
    fn file_names_need_not_be_utf8_but_text_values_must_be() {
        use std::os::unix::ffi::OsStrExt;
        let latin1 = OsStr::from_bytes(b"caf\xe9.csv").to_owned();
        let mut items = args(&["one", "--rates"]);
        items.extend([latin1.clone(), latin1.clone()]);
        let Ok(Request::Run(parsed)) = parse(&COMMAND, &items) else { panic!("a Latin-1 file name is a file name") };
        assert_eq!(parsed.files(), [PathBuf::from(&latin1)]);
        items.extend([OsString::from("--area"), latin1.clone()]);
        let refused = parse(&COMMAND, &items).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(refused.contains("--area: `caf\u{fffd}.csv` is not UTF-8 text"), "{refused}");
        let mut flag = OsString::from("--");
        flag.push(&latin1);
        let refused = parse(&COMMAND, &[OsString::from("one"), flag]).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(refused.contains("unknown option"), "{refused}");
    }
}

//! The `indicator-lens` command-line tool (native only; the wasm build has the page instead).

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    // Arguments as the system gives them: a file name need not be UTF-8.
    let args: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    let code = indicator_lens::cli::run(&args, &mut stdout.lock(), &mut stderr.lock());
    std::process::exit(code);
}

#[cfg(target_arch = "wasm32")]
fn main() {}

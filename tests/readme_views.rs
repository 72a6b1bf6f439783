//! The README's list of views is the registry's: every view, with its label and summary, in tab order.

#[test]
fn readme_lists_every_view() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("README");
    let listed: Vec<&str> = readme.lines().filter(|l| l.starts_with("- `")).collect();
    let expected: Vec<String> = indicator_lens::view::VIEWS.iter().map(|v| format!("- `{}` ({}): {}", v.id, v.label, v.summary)).collect();
    for line in &expected {
        assert!(listed.contains(&line.as_str()), "README lacks the line:\n{line}\n(the registry's list:\n{})", expected.join("\n"));
    }
}

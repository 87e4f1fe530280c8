// Shared by build.rs and tests/locales.rs (both `include!` it).
//
// leptos_i18n only warns about a key that one language lacks, and then shows the English text in
// the German interface. This runs the parser leptos_i18n_build runs (so it understands nesting
// and plural forms) and lists those problems, one sentence each.

/// Keys missing in a language or present only in one: e.g. `Missing key "a.b" in locale "de"`.
fn key_problems(root: &std::path::Path, locales_dir: &'static str) -> Vec<String> {
    use leptos_i18n_parser::parse_locales::{error::Warning, options::Config, parse_locales};
    let config = Config::new("en")
        .and_then(|c| c.add_locale("de"))
        .map(|c| c.locales_path(locales_dir));
    let parsed = match config.map(|c| parse_locales(Some(root.to_path_buf()), c)) {
        Ok(Ok(parsed)) => parsed,
        Ok(Err(e)) => return vec![format!("{locales_dir}: {e}")],
        Err(e) => return vec![format!("{locales_dir}: {e}")],
    };
    let warnings = parsed.diag.warnings();
    let problems = warnings
        .iter()
        .filter(|w| matches!(w, Warning::MissingKey { .. } | Warning::SurplusKey { .. }))
        .map(ToString::to_string)
        .collect();
    problems
}

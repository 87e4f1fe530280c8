//! Generates the `i18n` module (the translation keys as Rust) from `locales/en.json` and
//! `locales/de.json`, and fails the build when a key is in one language but not the other.

use leptos_i18n_build::{Config, ParseOptions, TranslationsInfos};
use std::{env, error::Error, path::PathBuf};

include!("build/locale_check.rs");

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=build/locale_check.rs");
    let config = Config::new("en")?
        .add_locale("de")?
        .locales_path("locales")
        // `td_string!` on keys that interpolate values (the Markdown summary) needs this.
        .parse_options(ParseOptions::default().interpolate_display(true));
    let infos = TranslationsInfos::parse(config)?;
    infos.rerun_if_locales_changed();
    infos.emit_diagnostics();
    let root = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").ok_or("no CARGO_MANIFEST_DIR")?);
    let problems = key_problems(&root, "locales");
    if !problems.is_empty() {
        return Err(format!(
            "the languages' keys differ (locales/en.json, locales/de.json):\n{}",
            problems.join("\n")
        )
        .into());
    }
    let out = PathBuf::from(env::var_os("OUT_DIR").ok_or("no OUT_DIR")?);
    infos.generate_i18n_module(out.join("i18n"))?;
    Ok(())
}

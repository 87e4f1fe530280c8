//! Turns `locales/en.json` and `locales/de.json` into Rust (a function per key, included by
//! `src/ui/i18n.rs`), and fails the build on a text it does not understand or a key that is not
//! in both languages alike.

use std::{env, error::Error, path::PathBuf};

include!("build/locales.rs");

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=build/locales.rs");
    println!("cargo::rerun-if-changed=locales");
    for language in LANGUAGES {
        println!("cargo::rerun-if-changed=locales/{language}.json");
    }
    let root = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").ok_or("no CARGO_MANIFEST_DIR")?);
    let source = read_locales(&root, "locales")
        .and_then(|catalogues| rust_source(&catalogues))
        .map_err(|problems| {
            format!(
                "the interface's texts (locales/en.json, locales/de.json) cannot be used:\n{}",
                problems.join("\n")
            )
        })?;
    let out = PathBuf::from(env::var_os("OUT_DIR").ok_or("no OUT_DIR")?);
    std::fs::write(out.join("texts.rs"), source)?;
    Ok(())
}

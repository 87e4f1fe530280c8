// Shared by build.rs (which turns the locale files into Rust) and tests/locales.rs (which runs
// the same checks on made-up files); both `include!` it.
//
// A text may hold, of leptos_i18n's syntax, what the interface uses and no more; anything else
// is a problem that fails the build rather than a text shown differently:
// - `{{ name }}`: a value given by name where the text is used;
// - one tag, `<name>…</name>` or `<name />`, that the view draws around (or in place of) a part;
// - a plural as two keys, `key_one` (a count of exactly 1) and `key_other`, chosen by `count`.
//   A key with only one of the two is a key of its own under its full name.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

/// The interface's languages; every key of the first must be in the others, and no other.
const LANGUAGES: [&str; 2] = ["en", "de"];

/// Where the generated code finds `Locale`, `Count`, `Tagged`, `fill` and `plural`.
const RUNTIME: &str = "crate::ui::i18n";

/// A piece of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    Literal(String),
    Value(String),
    /// `<name>`, `</name>`, `<name />`.
    Open(String),
    Close(String),
    Empty(String),
}

/// A text's tag, which the call site draws: `<a>…</a>` (around) or `<figure />` (in place).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Tag {
    name: String,
    empty: bool,
}

impl std::fmt::Display for Tag {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.empty {
            write!(f, "<{} />", self.name)
        } else {
            write!(f, "<{0}>…</{0}>", self.name)
        }
    }
}

#[derive(Debug, Clone)]
struct Text {
    source: String,
    parts: Vec<Part>,
    tag: Option<Tag>,
}

impl Text {
    fn values(&self) -> impl Iterator<Item = &str> {
        self.parts.iter().filter_map(|p| match p {
            Part::Value(name) => Some(name.as_str()),
            _ => None,
        })
    }

    /// The text as `ui::i18n::fill` reads it: a value as `\u{1}` and its index among `values`,
    /// the tag's edges as `\u{2}` (an empty tag as two, so that the part inside is empty).
    fn template(&self, values: &[String]) -> String {
        let mut template = String::with_capacity(self.source.len());
        for part in &self.parts {
            match part {
                Part::Literal(text) => template.push_str(text),
                Part::Value(name) => {
                    let index = values.iter().position(|v| v == name).unwrap_or(0);
                    template.push('\u{1}');
                    template.push(char::from(b'0' + index as u8));
                }
                Part::Open(_) | Part::Close(_) => template.push('\u{2}'),
                Part::Empty(_) => template.push_str("\u{2}\u{2}"),
            }
        }
        template
    }
}

#[derive(Debug, Clone)]
enum Entry {
    Text(Text),
    Plural { one: Text, other: Text },
}

impl Entry {
    fn forms(&self) -> Vec<&Text> {
        match self {
            Entry::Text(text) => vec![text],
            Entry::Plural { one, other } => vec![one, other],
        }
    }

    fn tag(&self) -> Option<&Tag> {
        self.forms()[0].tag.as_ref()
    }
}

/// One language's texts by their dotted key (`item.missing`; a plural by its base, `welcome.ratings`).
type Catalogue = BTreeMap<String, Entry>;

/// Rust's keywords, which cannot name a key's function.
const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern",
    "false", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut",
    "pub", "ref", "return", "self", "static", "struct", "super", "trait", "true", "type", "unsafe",
    "use", "where", "while", "abstract", "become", "box", "do", "final", "macro", "override",
    "priv", "try", "typeof", "unsized", "virtual", "yield",
];

fn is_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c == '_')
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// Cuts a text into its parts, or says what in it is not understood.
fn parse_text(source: &str) -> Result<Text, String> {
    if source.contains(['\u{1}', '\u{2}']) {
        return Err("it holds a control character (U+0001 or U+0002)".into());
    }
    let mut parts = Vec::new();
    let mut literal = String::new();
    let mut rest = source;
    while let Some(at) = rest.find(['{', '<']) {
        let (before, from) = rest.split_at(at);
        literal.push_str(before);
        let part;
        if let Some(inner) = from.strip_prefix("{{") {
            let end = inner.find("}}").ok_or("a `{{` without its `}}`")?;
            let name = inner[..end].trim();
            if !is_name(name) {
                return Err(format!(
                    "`{{{{{}}}}}` is not a value: write `{{{{ name }}}}` (lower-case letters, digits, `_`; no formatters)",
                    &inner[..end]
                ));
            }
            part = Part::Value(name.to_owned());
            rest = &inner[end + 2..];
        } else if let Some(inner) = from.strip_prefix('<') {
            let end = inner.find('>').ok_or("a `<` that starts no tag")?;
            let tag = &inner[..end];
            let (name, part_of): (&str, fn(String) -> Part) =
                if let Some(name) = tag.strip_prefix('/') {
                    (name, Part::Close)
                } else if let Some(name) = tag.strip_suffix('/') {
                    (name.trim_end(), Part::Empty)
                } else {
                    (tag, Part::Open)
                };
            if !is_name(name) {
                return Err(format!(
                    "`<{tag}>` is not a tag: write `<name>…</name>` or `<name />` (no attributes)"
                ));
            }
            part = part_of(name.to_owned());
            rest = &inner[end + 1..];
        } else {
            // A single `{`.
            literal.push('{');
            rest = &from[1..];
            continue;
        }
        if !literal.is_empty() {
            parts.push(Part::Literal(std::mem::take(&mut literal)));
        }
        parts.push(part);
    }
    literal.push_str(rest);
    if !literal.is_empty() {
        parts.push(Part::Literal(literal));
    }
    let tags: Vec<&Part> = parts
        .iter()
        .filter(|p| matches!(p, Part::Open(_) | Part::Close(_) | Part::Empty(_)))
        .collect();
    let tag = match tags.as_slice() {
        [] => None,
        [Part::Empty(name)] => Some(Tag {
            name: name.clone(),
            empty: true,
        }),
        [Part::Open(open), Part::Close(close)] if open == close => Some(Tag {
            name: open.clone(),
            empty: false,
        }),
        _ => {
            return Err(
                "its tags do not pair up: a text holds one tag, `<name>…</name>` or `<name />`"
                    .into(),
            )
        }
    };
    Ok(Text {
        source: source.to_owned(),
        parts,
        tag,
    })
}

/// Reads one locale file into its catalogue, with every problem found (`file` names it in them).
fn read_catalogue(json: &str, file: &str) -> (Catalogue, Vec<String>) {
    let mut catalogue = Catalogue::new();
    let mut problems = Vec::new();
    match serde_json::from_str::<serde_json::Value>(json) {
        Ok(serde_json::Value::Object(root)) => {
            read_group(&root, "", file, &mut catalogue, &mut problems)
        }
        Ok(_) => problems.push(format!("{file}: the file is not a JSON object")),
        Err(e) => problems.push(format!("{file}: not JSON: {e}")),
    }
    (catalogue, problems)
}

/// The base of a plural's form, and whether it is the `_one`: both forms are texts.
fn plural_form<'a>(
    group: &serde_json::Map<String, serde_json::Value>,
    name: &'a str,
) -> Option<(&'a str, bool)> {
    let is_text = |key: String| group.get(&key).is_some_and(serde_json::Value::is_string);
    if !is_text(name.to_owned()) {
        return None;
    }
    match (name.strip_suffix("_one"), name.strip_suffix("_other")) {
        (Some(base), _) if is_text(format!("{base}_other")) => Some((base, true)),
        (_, Some(base)) if is_text(format!("{base}_one")) => Some((base, false)),
        _ => None,
    }
}

fn read_group(
    group: &serde_json::Map<String, serde_json::Value>,
    prefix: &str,
    file: &str,
    catalogue: &mut Catalogue,
    problems: &mut Vec<String>,
) {
    for (name, value) in group {
        let key = format!("{prefix}{name}");
        let form = plural_form(group, name);
        let base = form.map_or(name.as_str(), |(base, _)| base);
        if !is_name(base) || KEYWORDS.contains(&base) {
            problems.push(format!(
                "{file}: key \"{key}\": a key is lower-case letters, digits and `_`, and not a Rust keyword"
            ));
            continue;
        }
        let source = match value {
            serde_json::Value::String(source) => source,
            serde_json::Value::Object(inner) => {
                read_group(inner, &format!("{key}."), file, catalogue, problems);
                continue;
            }
            _ => {
                problems.push(format!(
                    "{file}: key \"{key}\": a value is a text or a group of keys"
                ));
                continue;
            }
        };
        let text = match parse_text(source) {
            Ok(text) => text,
            Err(why) => {
                problems.push(format!("{file}: key \"{key}\": {why}"));
                continue;
            }
        };
        let entry = match form {
            None => Entry::Text(text),
            Some((base, true)) => {
                let other = group.get(&format!("{base}_other")).and_then(|v| v.as_str());
                match other.map(parse_text) {
                    Some(Ok(other)) => Entry::Plural { one: text, other },
                    // Said where `_other` is read.
                    _ => continue,
                }
            }
            // Read with its `_one`.
            Some((_, false)) => continue,
        };
        if catalogue.insert(format!("{prefix}{base}"), entry).is_some() {
            problems.push(format!(
                "{file}: key \"{prefix}{base}\" is both a text and a plural ({base}_one, {base}_other)"
            ));
        }
    }
}

/// The catalogues of [`LANGUAGES`] in `root/locales_dir`, in that order, or what is wrong in
/// them: a text not understood, a key missing in a language or present only in one, a key shaped
/// differently (a plural in one language only, another tag).
fn read_locales(root: &std::path::Path, locales_dir: &str) -> Result<Vec<Catalogue>, Vec<String>> {
    let mut problems = Vec::new();
    let mut catalogues = Vec::new();
    for language in LANGUAGES {
        let file = format!("{locales_dir}/{language}.json");
        match std::fs::read_to_string(root.join(&file)) {
            Ok(json) => {
                let (catalogue, found) = read_catalogue(&json, &file);
                problems.extend(found);
                catalogues.push(catalogue);
            }
            Err(e) => {
                problems.push(format!("{file}: cannot be read: {e}"));
                catalogues.push(Catalogue::new());
            }
        }
    }
    let (first, others) = catalogues.split_first().expect("LANGUAGES is not empty");
    for (language, catalogue) in LANGUAGES[1..].iter().zip(others) {
        for (key, entry) in first {
            let Some(other) = catalogue.get(key) else {
                problems.push(format!("Missing key \"{key}\" in locale \"{language}\""));
                continue;
            };
            let plural = |e: &Entry| matches!(e, Entry::Plural { .. });
            if plural(entry) != plural(other) {
                let (is, is_not) = if plural(entry) {
                    (LANGUAGES[0], *language)
                } else {
                    (*language, LANGUAGES[0])
                };
                problems.push(format!(
                    "Key \"{key}\" is a plural ({key}_one, {key}_other) in locale \"{is}\" but not in \"{is_not}\""
                ));
            }
        }
        for key in catalogue.keys().filter(|k| !first.contains_key(*k)) {
            problems.push(format!(
                "Key \"{key}\" is in locale \"{language}\" but not in \"{}\"",
                LANGUAGES[0]
            ));
        }
    }
    // The call site draws the tag, so every form in every language has the same one.
    for (key, entry) in first {
        let described =
            |tag: Option<&Tag>| tag.map_or("no tag".to_owned(), |t| format!("the tag {t}"));
        let expected = entry.tag();
        for (language, catalogue) in LANGUAGES.iter().zip(&catalogues) {
            for form in catalogue.get(key).map(Entry::forms).unwrap_or_default() {
                if form.tag.as_ref() != expected {
                    problems.push(format!(
                        "Key \"{key}\" has {} in locale \"{}\" but {} in \"{language}\"",
                        described(expected),
                        LANGUAGES[0],
                        described(form.tag.as_ref())
                    ));
                }
            }
        }
    }
    if problems.is_empty() {
        Ok(catalogues)
    } else {
        problems.dedup();
        Err(problems)
    }
}

/// The Rust for the checked catalogues: a module per group of keys and, per key, a function of
/// the language (and of a struct of the key's values, named as the key).
fn rust_source(catalogues: &[Catalogue]) -> Result<String, Vec<String>> {
    #[derive(Default)]
    struct Module<'a> {
        keys: Vec<(&'a str, &'a str)>,
        modules: BTreeMap<&'a str, Module<'a>>,
    }
    let mut root = Module::default();
    for key in catalogues[0].keys() {
        let mut path: Vec<&str> = key.split('.').collect();
        let name = path.pop().unwrap_or_default();
        let module = path
            .into_iter()
            .fold(&mut root, |m, group| m.modules.entry(group).or_default());
        module.keys.push((name, key));
    }
    let mut out = String::from(
        "// Written by build.rs (build/locales.rs) from the locale files; do not edit.\n",
    );
    let mut problems = Vec::new();
    fn write_module(
        module: &Module,
        catalogues: &[Catalogue],
        out: &mut String,
        problems: &mut Vec<String>,
    ) {
        for (name, key) in &module.keys {
            if module.modules.contains_key(name) {
                problems.push(format!("Key \"{key}\" is both a text and a group of keys"));
            }
            match key_source(name, key, catalogues) {
                Ok(source) => out.push_str(&source),
                Err(problem) => problems.push(problem),
            }
        }
        for (name, inner) in &module.modules {
            let _ = writeln!(out, "pub mod {name} {{");
            write_module(inner, catalogues, out, problems);
            out.push_str("}\n");
        }
    }
    write_module(&root, catalogues, &mut out, &mut problems);
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

/// One key's struct of values (if it has any) and its function.
fn key_source(name: &str, key: &str, catalogues: &[Catalogue]) -> Result<String, String> {
    let entries: Vec<&Entry> = catalogues.iter().filter_map(|c| c.get(key)).collect();
    let plural = matches!(entries[0], Entry::Plural { .. });
    let mut values: BTreeSet<String> = entries
        .iter()
        .flat_map(|e| e.forms())
        .flat_map(|t| t.values().map(str::to_owned).collect::<Vec<_>>())
        .collect();
    if plural {
        values.insert("count".to_owned());
    }
    let values: Vec<String> = values.into_iter().collect();
    if values.len() > 10 {
        return Err(format!("Key \"{key}\" has more than 10 values"));
    }
    let tagged = entries[0].tag().is_some();
    let lit = |t: &Text| format!("{:?}", t.template(&values));
    let texts: Vec<String> = entries
        .iter()
        .map(|e| match e {
            Entry::Text(t) => lit(t),
            Entry::Plural { one, other } => format!("[{}, {}]", lit(one), lit(other)),
        })
        .collect();
    let [en, de] = texts.as_slice() else {
        return Err(format!("Key \"{key}\" is not in every language"));
    };
    let chosen = if plural {
        format!("{RUNTIME}::plural(l, a.count, {en}, {de})")
    } else {
        format!("l.pick({en}, {de})")
    };
    let mut out = String::new();
    let _ = writeln!(out, "// {key}: {:?}", entries[0].forms()[0].source);
    if values.is_empty() {
        let (ty, body) = if tagged {
            (
                format!("{RUNTIME}::Tagged<&'static str>"),
                format!("{RUNTIME}::Tagged::split({chosen})"),
            )
        } else {
            ("&'static str".to_owned(), chosen)
        };
        let _ = writeln!(
            out,
            "pub fn {name}(l: {RUNTIME}::Locale) -> {ty} {{ {body} }}"
        );
        return Ok(out);
    }
    let fields: Vec<String> = values
        .iter()
        .map(|v| match v.as_str() {
            "count" if plural => format!("pub count: &'a dyn {RUNTIME}::Count"),
            _ => format!("pub {v}: &'a dyn ::std::fmt::Display"),
        })
        .collect();
    let args: Vec<String> = values.iter().map(|v| format!("a.{v}")).collect();
    let (ty, body) = if tagged {
        (
            format!("{RUNTIME}::Tagged<String>"),
            format!("{RUNTIME}::Tagged::fill({chosen}, &[{}])", args.join(", ")),
        )
    } else {
        (
            "String".to_owned(),
            format!("{RUNTIME}::fill({chosen}, &[{}])", args.join(", ")),
        )
    };
    let _ = writeln!(
        out,
        "#[allow(non_camel_case_types)]\npub struct {name}<'a> {{ {} }}",
        fields.join(", ")
    );
    let _ = writeln!(
        out,
        "pub fn {name}(l: {RUNTIME}::Locale, a: {name}<'_>) -> {ty} {{ {body} }}"
    );
    Ok(out)
}

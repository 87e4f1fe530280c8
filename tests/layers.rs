//! The domain's modules depend on each other in one order, the one `ARCHITECTURE.md` lists under
//! "Layers": each module uses only modules listed before it (or its own submodules' declarations),
//! so there is no cycle. The domain uses nothing of the interface or the browser, and the browser
//! glue nothing of the interface.
//!
//! Dependencies are read from the source: every path through `crate::domain::…` or `super::…`
//! outside comments and test modules, use trees expanded. A module's `pub mod` declarations of
//! its submodules are not dependencies; anything else it names is.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The order ARCHITECTURE.md states: the lines of the fenced block after the "## Layers"
/// heading, lowest first.
fn stated_order() -> Vec<String> {
    let text =
        fs::read_to_string(Path::new(ROOT).join("ARCHITECTURE.md")).expect("ARCHITECTURE.md");
    let layers = text
        .split("\n## Layers")
        .nth(1)
        .expect("ARCHITECTURE.md has a \"## Layers\" section");
    let block = layers
        .split("```")
        .nth(1)
        .expect("the Layers section has a fenced block of module names");
    block
        .lines()
        .skip(1) // the fence's info string
        .map(|line| line.split('#').next().unwrap_or("").trim())
        .filter(|line| !line.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Every `.rs` file below `dir`, as its module path (`candidate::progress::restore`).
fn modules(dir: &Path, prefix: &str, out: &mut BTreeMap<String, PathBuf>) {
    let mut entries: Vec<_> = fs::read_dir(dir)
        .expect("reads src/domain")
        .flatten()
        .collect();
    entries.sort_by_key(|e| e.path());
    for entry in entries {
        let path = entry.path();
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_owned();
        let joined = |name: &str| {
            if prefix.is_empty() {
                name.to_owned()
            } else {
                format!("{prefix}::{name}")
            }
        };
        if path.is_dir() {
            modules(&path, &joined(&name), out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let module = if name == "mod" {
                prefix.to_owned()
            } else {
                joined(&name)
            };
            out.insert(module, path);
        }
    }
}

/// The code of a file without comments, strings' contents, and its `#[cfg(test)]` module.
fn code(text: &str) -> String {
    let text = match text.find("#[cfg(test)]\nmod tests") {
        Some(at) => &text[..at],
        None => text,
    };
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        out.push('\n');
                        break;
                    }
                }
            }
            '"' => {
                let mut escaped = false;
                for c in chars.by_ref() {
                    if escaped {
                        escaped = false;
                    } else if c == '\\' {
                        escaped = true;
                    } else if c == '"' {
                        break;
                    }
                }
                out.push_str("\"\"");
            }
            _ => out.push(c),
        }
    }
    out
}

/// The paths a use tree names: `a::{b, c::{d, e}}` → `a::b`, `a::c::d`, `a::c::e`.
fn expand(tree: &str) -> Vec<String> {
    let tree: String = tree.chars().filter(|c| !c.is_whitespace()).collect();
    let Some(open) = tree.find('{') else {
        return vec![tree];
    };
    let (head, rest) = tree.split_at(open);
    let inner = &rest[1..rest.len() - 1];
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[start..]);
    parts
        .into_iter()
        .filter(|p| !p.is_empty())
        .flat_map(|p| expand(p).into_iter().map(move |e| format!("{head}{e}")))
        .collect()
}

/// The domain paths `code` of module `module` names, as segments below `crate::domain`.
fn named_paths(module: &str, code: &str) -> Vec<Vec<String>> {
    let mut paths = Vec::new();
    for statement in code.split(';') {
        // Attributes and visibility before a `use` do not change what it names.
        let mut words = statement.trim();
        while let Some(rest) = words.strip_prefix("#[") {
            words = rest
                .split_once(']')
                .map_or("", |(_, after)| after)
                .trim_start();
        }
        let words = words
            .strip_prefix("pub(crate) ")
            .or_else(|| words.strip_prefix("pub(super) "))
            .or_else(|| words.strip_prefix("pub "))
            .unwrap_or(words);
        if let Some(tree) = words.strip_prefix("use ") {
            paths.extend(expand(tree));
            continue;
        }
        // Paths written in code.
        for (at, _) in statement
            .match_indices("crate::domain::")
            .chain(statement.match_indices("super::"))
        {
            let preceded = statement[..at].chars().next_back();
            if preceded.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                continue;
            }
            let path: String = statement[at..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            paths.push(path);
        }
    }
    // `super` is the module's parent, for a folder's `mod.rs` as for a file.
    let base: Vec<String> = module
        .split("::")
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect();
    paths
        .into_iter()
        .filter_map(|path| {
            let segments: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
            if let Some(rest) = path.strip_prefix("crate::domain::") {
                return Some(rest.split("::").map(str::to_owned).collect());
            }
            if segments.first() == Some(&"super") {
                let mut resolved = base.clone();
                let mut rest = &segments[..];
                while rest.first() == Some(&"super") {
                    resolved.pop();
                    rest = &rest[1..];
                }
                // super of a top-level domain module is the domain itself
                resolved.extend(rest.iter().map(|s| s.to_string()));
                return Some(resolved);
            }
            None
        })
        .collect()
}

/// The module a path lands in: its longest prefix that is a module.
fn module_of(path: &[String], known: &BTreeMap<String, PathBuf>) -> Option<String> {
    (1..=path.len())
        .rev()
        .map(|n| path[..n].join("::"))
        .find(|m| known.contains_key(m))
}

fn dependencies() -> BTreeMap<String, BTreeSet<String>> {
    let mut known = BTreeMap::new();
    modules(&Path::new(ROOT).join("src/domain"), "", &mut known);
    let mut graph = BTreeMap::new();
    for (module, path) in &known {
        if module.is_empty() || module == "testing" {
            continue; // the domain's root and the unit tests' fixtures
        }
        let text = fs::read_to_string(path).expect("reads a module");
        let uses: BTreeSet<String> = named_paths(module, &code(&text))
            .iter()
            .filter_map(|p| module_of(p, &known))
            .filter(|m| m != module && !m.is_empty())
            .collect();
        graph.insert(module.clone(), uses);
    }
    graph
}

#[test]
fn every_domain_module_is_in_the_stated_order_once() {
    let order = stated_order();
    let listed: BTreeSet<&String> = order.iter().collect();
    assert_eq!(
        listed.len(),
        order.len(),
        "a module is listed twice: {order:?}"
    );
    let graph = dependencies();
    let found: BTreeSet<&String> = graph.keys().collect();
    assert_eq!(
        found, listed,
        "ARCHITECTURE.md's layers must list exactly the domain's modules"
    );
}

#[test]
fn each_domain_module_uses_only_those_below_it() {
    let order = stated_order();
    let place: BTreeMap<&str, usize> = order
        .iter()
        .enumerate()
        .map(|(i, m)| (m.as_str(), i))
        .collect();
    let mut against = Vec::new();
    for (module, uses) in dependencies() {
        let Some(&here) = place.get(module.as_str()) else {
            continue; // reported by the test above
        };
        for used in uses {
            if place.get(used.as_str()).is_some_and(|&there| there > here) {
                against.push(format!("{module} uses {used}, which is listed above it"));
            }
        }
    }
    assert!(
        against.is_empty(),
        "dependencies against the stated order:\n{}",
        against.join("\n")
    );
}

#[test]
fn the_domain_has_no_module_cycle() {
    let graph = dependencies();
    // Depth-first search for a back edge.
    fn visit<'a>(
        m: &'a str,
        graph: &'a BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<&'a str, bool>,
        stack: &mut Vec<&'a str>,
    ) -> Option<Vec<String>> {
        match state.get(m) {
            Some(true) => return None,
            Some(false) => {
                let from = stack.iter().position(|s| *s == m).unwrap_or(0);
                let mut cycle: Vec<String> = stack[from..].iter().map(|s| s.to_string()).collect();
                cycle.push(m.to_owned());
                return Some(cycle);
            }
            None => {}
        }
        state.insert(m, false);
        stack.push(m);
        for next in graph.get(m).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, state, stack) {
                return Some(cycle);
            }
        }
        stack.pop();
        state.insert(m, true);
        None
    }
    let mut state = BTreeMap::new();
    for module in graph.keys() {
        let cycle = visit(module, &graph, &mut state, &mut Vec::new());
        assert!(
            cycle.is_none(),
            "a module cycle: {}",
            cycle.unwrap_or_default().join(" → ")
        );
    }
}

/// Files under `dir` that name any of `forbidden`, outside comments.
fn naming(dir: &Path, forbidden: &[&str]) -> Vec<String> {
    let mut files = BTreeMap::new();
    modules(dir, "", &mut files);
    files
        .values()
        .filter_map(|path| {
            let code = code(&fs::read_to_string(path).ok()?);
            let names: Vec<&str> = forbidden
                .iter()
                .copied()
                .filter(|f| code.contains(f))
                .collect();
            (!names.is_empty()).then(|| format!("{} names {}", path.display(), names.join(", ")))
        })
        .collect()
}

#[test]
fn the_domain_knows_nothing_of_the_interface_or_the_browser() {
    let found = naming(
        &Path::new(ROOT).join("src/domain"),
        &[
            "crate::ui",
            "crate::browser",
            "leptos",
            "web_sys",
            "js_sys",
            "wasm_bindgen",
            "gloo",
        ],
    );
    assert!(found.is_empty(), "{found:#?}");
    let browser =
        code(&fs::read_to_string(Path::new(ROOT).join("src/browser.rs")).expect("browser.rs"));
    assert!(
        !browser.contains("crate::ui"),
        "the browser glue names the interface"
    );
}

/// The reader finds what it must: a test that cannot fail is no test.
#[test]
fn the_reader_sees_dependencies_through_use_trees_super_and_paths() {
    let code = code(
        "use super::{a::X, b::{c, d::Y}};\nuse crate::domain::e::f::Z; // crate::domain::not::this\nfn g() { crate::domain::h::i(); let s = \"crate::domain::no\"; }\n#[cfg(test)]\nmod tests { use crate::domain::j; }",
    );
    let mut paths: Vec<String> = named_paths("k::l", &code)
        .iter()
        .map(|p| p.join("::"))
        .collect();
    paths.sort();
    paths.dedup();
    assert_eq!(
        paths,
        ["e::f::Z", "h::i", "k::a::X", "k::b::c", "k::b::d::Y"]
    );
}

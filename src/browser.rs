//! The thin glue between Fitcheck and the browser: fetching files next to the app, and
//! localStorage. Everything the UI needs from web APIs goes through these functions, and every
//! failure comes back as a sentence for the candidate, never as a panic.

use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Fetches a file relative to the document's base URL (so the app works under any sub-path).
/// The browser's HTTP cache is revalidated so a new deploy's profile is seen at once.
pub async fn fetch_text(path: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no browser window is available")?;
    let init = web_sys::RequestInit::new();
    init.set_cache(web_sys::RequestCache::NoCache);
    let response = JsFuture::from(window.fetch_with_str_and_init(path, &init))
        .await
        .map_err(|_| format!("could not download `{path}`: the network request failed"))?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| format!("could not download `{path}`: the browser returned no response"))?;
    if !response.ok() {
        return Err(format!(
            "could not download `{path}`: the server answered {} {}",
            response.status(),
            response.status_text()
        ));
    }
    let text = response
        .text()
        .map_err(|_| format!("could not read `{path}`"))?;
    let text = JsFuture::from(text)
        .await
        .map_err(|_| format!("could not read `{path}`: the download was interrupted"))?;
    text.as_string()
        .ok_or_else(|| format!("`{path}` is not a text file"))
}

/// The raw text stored under `key`, or `None` when there is none (or storage is unavailable).
pub fn load(key: &str) -> Option<String> {
    let storage = LocalStorage::raw();
    storage.get_item(key).ok().flatten()
}

/// Stores `value` under `key` as it is.
pub fn save(key: &str, value: &str) -> Result<(), String> {
    LocalStorage::raw().set_item(key, value).map_err(|_| {
        "Your browser refused to save progress. Private browsing or a full storage quota can \
             cause this; answers given from now on may be lost on reload."
            .to_owned()
    })
}

pub fn remove(key: &str) {
    LocalStorage::delete(key);
}

/// Milliseconds since the epoch, for backup keys.
pub fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// The path the app is served under, from `<base href>` (e.g. `/fitcheck`), without a trailing
/// slash; empty when served from the root.
pub fn base_path() -> String {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("base[href]").ok().flatten())
        .and_then(|b| b.get_attribute("href"))
        .unwrap_or_default();
    let path = match base.find("://") {
        Some(scheme_end) => {
            let rest = &base[scheme_end + 3..];
            rest.find('/')
                .map(|i| rest[i..].to_owned())
                .unwrap_or_default()
        }
        None => base,
    };
    path.trim_end_matches('/').to_owned()
}

/// Moves keyboard focus to the element with `id`, if it exists (used after navigation so screen
/// readers announce the new item).
pub fn focus(id: &str) {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}

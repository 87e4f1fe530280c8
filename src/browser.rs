//! The thin glue between Fitcheck and the browser: fetching files next to the app, and
//! localStorage. Everything the UI needs from web APIs goes through these functions, and every
//! failure comes back as a [`BrowserError`] value, never as a panic; the interface words it.

use std::fmt;

use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// What went wrong in the browser.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BrowserError {
    /// The browser gives this site no storage (site data blocked, some embedded views).
    StorageBlocked,
    /// The browser refused to store a value (a full quota, private browsing).
    SaveRefused,
    /// A file next to the app could not be downloaded.
    Fetch { path: String, failure: FetchFailure },
    /// The browser did not allow a download.
    DownloadRefused,
    /// The file the candidate chose could not be read.
    File(FileFailure),
}

/// Why a file next to the app could not be downloaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchFailure {
    NoWindow,
    Network,
    NoResponse,
    Status { code: u16, text: String },
    Interrupted,
    NotText,
}

/// Why a chosen file could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileFailure {
    NoneChosen,
    TooLarge,
    Unreadable,
    NotText,
}

/// For logs and developers; the candidate reads `ui::text`'s wording.
impl fmt::Display for BrowserError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BrowserError::StorageBlocked => write!(f, "localStorage is not available"),
            BrowserError::SaveRefused => write!(f, "localStorage refused a write"),
            BrowserError::Fetch { path, failure } => write!(f, "fetching `{path}`: {failure:?}"),
            BrowserError::DownloadRefused => write!(f, "the download was not allowed"),
            BrowserError::File(failure) => write!(f, "reading the chosen file: {failure:?}"),
        }
    }
}

impl std::error::Error for BrowserError {}

/// Fetches a file relative to the document's base URL (so the app works under any sub-path).
/// The browser's HTTP cache is revalidated so a new deploy's profile is seen at once. A file the
/// page carries itself (see [`carried_file`]) is read from the page; one public/boot.js began to
/// fetch early (see [`prefetched`]) is taken from that fetch.
pub async fn fetch_text(path: &str) -> Result<String, BrowserError> {
    if let Some(text) = carried_file(path) {
        return Ok(text);
    }
    let failed = |failure| BrowserError::Fetch {
        path: path.to_owned(),
        failure,
    };
    let window = web_sys::window().ok_or_else(|| failed(FetchFailure::NoWindow))?;
    let response = match prefetched(&window, path) {
        Some(early) => JsFuture::from(early).await.ok().filter(|r| !r.is_null()),
        None => None,
    };
    let response = match response {
        Some(response) => response,
        None => {
            let init = web_sys::RequestInit::new();
            init.set_cache(web_sys::RequestCache::NoCache);
            JsFuture::from(window.fetch_with_str_and_init(path, &init))
                .await
                .map_err(|_| failed(FetchFailure::Network))?
        }
    };
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| failed(FetchFailure::NoResponse))?;
    if !response.ok() {
        return Err(failed(FetchFailure::Status {
            code: response.status(),
            text: response.status_text(),
        }));
    }
    let text = response
        .text()
        .map_err(|_| failed(FetchFailure::Interrupted))?;
    let text = JsFuture::from(text)
        .await
        .map_err(|_| failed(FetchFailure::Interrupted))?;
    text.as_string()
        .ok_or_else(|| failed(FetchFailure::NotText))
}

/// The answer to the fetch of `path` that public/boot.js started early (a promise of the
/// response, or of null where it failed), taken once.
fn prefetched(window: &web_sys::Window, path: &str) -> Option<js_sys::Promise> {
    let fetched = js_sys::Reflect::get(window, &"fitcheckFetched".into()).ok()?;
    take_property(fetched.dyn_ref()?, path)?.dyn_into().ok()
}

/// `target[key]`, deleted from `target`: what public/boot.js left for the app, taken once.
fn take_property(target: &js_sys::Object, key: &str) -> Option<wasm_bindgen::JsValue> {
    let key = wasm_bindgen::JsValue::from_str(key);
    let value = js_sys::Reflect::get(target, &key).ok()?;
    let _ = js_sys::Reflect::delete_property(target, &key);
    Some(value)
}

/// A file the page carries in a `<script type="application/json" data-file="<path>">` element:
/// the single-file edition holds its role profile and the index of roles that way.
fn carried_file(path: &str) -> Option<String> {
    let list = web_sys::window()?
        .document()?
        .query_selector_all("script[data-file]")
        .ok()?;
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok())
        .find(|element| element.get_attribute("data-file").as_deref() == Some(path))
        .and_then(|element| element.text_content())
}

/// Which edition of Fitcheck this page is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edition {
    /// Served by a web host from `dist/`.
    Hosted,
    /// One HTML file holding the app and one role (`./scripts/build --single-file`), which may be
    /// opened from disk. `home` is the hosted address it was built with, for share links.
    SingleFile { home: Option<String> },
}

/// This page's edition, from the `<meta name="fitcheck-edition">` and `fitcheck-home` elements
/// the single-file build writes.
pub fn edition() -> Edition {
    let meta = |name: &str| {
        web_sys::window()?
            .document()?
            .query_selector(&format!("meta[name=\"{name}\"]"))
            .ok()
            .flatten()?
            .get_attribute("content")
            .filter(|content| !content.is_empty())
    };
    match meta("fitcheck-edition").as_deref() {
        Some("single-file") => Edition::SingleFile {
            home: meta("fitcheck-home"),
        },
        _ => Edition::Hosted,
    }
}

/// Whether this page can reach localStorage. gloo-storage's `LocalStorage` panics where it
/// cannot (site data blocked by privacy settings, some embedded views throw on access), which
/// would stop the whole app, so every call to it below comes after this probe.
fn reachable() -> Result<(), BrowserError> {
    web_sys::window()
        .and_then(|window| window.local_storage().ok().flatten())
        .map(drop)
        .ok_or(BrowserError::StorageBlocked)
}

/// Whether `area` (from a `storage` event) is this page's localStorage, not sessionStorage.
pub fn is_local_storage(area: Option<web_sys::Storage>) -> bool {
    match (area, reachable()) {
        (Some(area), Ok(())) => JsValue::from(area) == JsValue::from(LocalStorage::raw()),
        _ => false,
    }
}

/// Whether the app can keep anything between visits.
pub fn storage_available() -> Result<(), BrowserError> {
    reachable()
}

/// The text stored under `key` as it is, or `None` when there is none (or storage is
/// unavailable). Stored text is read and written as text, not through `LocalStorage::get` and
/// `set`: the domain encodes and decodes it (saved progress migrates from older versions, and
/// unreadable text is kept under a backup key), so each format has one reader and one writer.
pub fn load(key: &str) -> Option<String> {
    reachable().ok()?;
    LocalStorage::raw().get_item(key).ok().flatten()
}

/// Stores `value` under `key` as it is.
pub fn save(key: &str, value: &str) -> Result<(), BrowserError> {
    reachable()?;
    LocalStorage::raw()
        .set_item(key, value)
        .map_err(|_| BrowserError::SaveRefused)
}

pub fn remove(key: &str) {
    if reachable().is_ok() {
        LocalStorage::delete(key);
    }
}

/// Calls `navigator.storage.<method>()` (`persist` or `persisted`) and awaits its answer;
/// `None` where the browser lacks the API (older browsers, insecure origins) or it fails.
async fn storage_manager_call(method: &str) -> Option<bool> {
    let navigator = web_sys::window()?.navigator();
    let manager = js_sys::Reflect::get(&navigator, &JsValue::from_str("storage")).ok()?;
    if !manager.is_object() {
        return None;
    }
    let function: js_sys::Function = js_sys::Reflect::get(&manager, &JsValue::from_str(method))
        .ok()?
        .dyn_into()
        .ok()?;
    let promise: js_sys::Promise = function.call0(&manager).ok()?.dyn_into().ok()?;
    JsFuture::from(promise).await.ok()?.as_bool()
}

/// Whether the browser keeps this site's storage until the candidate deletes it.
pub async fn storage_persisted() -> Option<bool> {
    storage_manager_call("persisted").await
}

/// Asks the browser to keep this site's storage (it may ask the candidate, or decide itself).
pub async fn request_persistent_storage() -> Option<bool> {
    storage_manager_call("persist").await
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// `console.error`.
    #[wasm_bindgen(js_namespace = console, js_name = error)]
    fn console_error(value: &wasm_bindgen::JsValue);
}

/// Writes `what` to the browser's console as an error, with the stack of the place it was
/// written from (a JavaScript `Error`, which the console shows with its stack). Called from the
/// panic hook, so it must not panic itself.
pub fn log_error(what: &str) {
    console_error(&js_sys::Error::new(what).into());
}

/// Replaces the page with the crash page from `boot.js`, saying `what` happened. Called from
/// the panic hook, so it must not panic itself.
pub fn show_crash_page(what: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let crash = js_sys::Reflect::get(&window, &JsValue::from_str("fitcheckCrash"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let Some(crash) = crash {
        let _ = crash.call1(&JsValue::NULL, &JsValue::from_str(what));
    }
}

/// The page's `<html>` element.
fn root_element() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.document_element()
}

/// Whether public/boot.js shows the start page drawn at build time (scripts/lib/prerender.mjs)
/// in place of the loading line.
pub fn prerendered() -> bool {
    root_element().is_some_and(|root| root.has_attribute("data-prerender"))
}

/// The browser's languages, most wanted first (`navigator.languages`; none without a window).
pub fn languages() -> Vec<String> {
    web_sys::window()
        .map(|w| w.navigator().languages())
        .map(|tags| tags.iter().filter_map(|tag| tag.as_string()).collect())
        .unwrap_or_default()
}

/// Says in `<html lang>` which language the page is in.
pub fn set_document_language(tag: &str) {
    if let Some(root) = root_element() {
        let _ = root.set_attribute("lang", tag);
    }
}

/// What the keyboard reaches, in document order: how a control of the drawn start page is found
/// again in the app's page, which has the same controls in the same order.
const FOCUSABLE: &str = "a[href], button, input, select, textarea, [tabindex]";

/// The app takes over from index.html's placeholder: the loading line and the start page drawn
/// at build time leave. A control the candidate had focused in the drawn page is focused again in
/// the app's (the one at the same place among the controls), once the app has drawn it. Later
/// calls do nothing.
pub fn end_boot() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let focused = document.active_element().and_then(|active| {
        let copy = active.closest(".prerender").ok().flatten()?;
        let controls = copy.query_selector_all(FOCUSABLE).ok()?;
        (0..controls.length()).find(|&i| {
            controls
                .item(i)
                .is_some_and(|c| c.is_same_node(Some(active.unchecked_ref())))
        })
    });
    if let Some(root) = document.document_element() {
        let _ = root.remove_attribute("data-prerender");
    }
    if let Ok(list) = document.query_selector_all("#boot, .prerender") {
        for i in 0..list.length() {
            if let Some(element) = list
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            {
                element.remove();
            }
        }
    }
    if let Some(place) = focused {
        leptos::prelude::request_animation_frame(move || {
            if let Some(element) = document
                .query_selector_all(FOCUSABLE)
                .ok()
                .and_then(|controls| controls.item(place))
                .and_then(|c| c.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = element.focus();
            }
        });
    }
}

/// The start button the candidate pressed in the start page drawn at build time, before the app
/// ran: "full" or "quick" (public/boot.js keeps it). Taken once.
pub fn take_pending_start() -> Option<String> {
    take_property(web_sys::window()?.as_ref(), "fitcheckStart")?.as_string()
}

/// Tells the page's scripts that the app has started and loaded what it needs (public/offline.js
/// registers the service worker then, so that it can reuse what the page downloaded).
pub fn announce_ready() {
    let event = web_sys::CustomEvent::new("fitcheck-ready");
    if let (Some(window), Ok(event)) = (web_sys::window(), event) {
        let _ = window.dispatch_event(&event);
    }
}

/// Reloads the page (the service worker answers with the newest build it has).
pub fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

/// A random seed (for the candidate's option order), of at most 53 bits so that it survives any
/// JSON reader (`seed::JSON_SAFE_MAX`); the quality of `Math.random` is plenty for shuffling.
pub fn random_seed() -> u64 {
    let high = (js_sys::Math::random() * 4_294_967_296.0) as u64;
    let low = (js_sys::Math::random() * 4_294_967_296.0) as u64;
    crate::domain::candidate::seed::json_safe((high << 32) | low)
}

/// Milliseconds since the epoch, for backup keys.
pub fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// Today in the candidate's time zone, as `YYYY-MM-DD` (the day an attempt is kept under).
pub fn today() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
}

/// The path the app is served under, from `<base href>` (e.g. `/fitcheck`), without a trailing
/// slash; empty when served from the root or when the page has no `<base href>`.
pub fn base_path() -> String {
    let base = || {
        let document = web_sys::window()?.document()?;
        let href = document
            .query_selector("base[href]")
            .ok()??
            .get_attribute("href")?;
        // Resolved against the page's address, as the browser resolves it (it may be relative).
        let url = web_sys::Url::new_with_base(&href, &document.url().ok()?).ok()?;
        Some(url.pathname())
    };
    base().unwrap_or_default().trim_end_matches('/').to_owned()
}

/// Offers `text` as a file download named `name`, made in the page (nothing is uploaded).
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), BrowserError> {
    let failed = |_| BrowserError::DownloadRefused;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(failed)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(failed)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(BrowserError::DownloadRefused)?;
    let link: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(failed)?
        .dyn_into()
        .map_err(|_| BrowserError::DownloadRefused)?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// The text of the first file chosen in `input` (emptied afterwards, so that choosing the same
/// file again is noticed).
pub async fn read_chosen_file(input: &web_sys::HtmlInputElement) -> Result<String, BrowserError> {
    let failed = BrowserError::File;
    let file = input
        .files()
        .and_then(|files| files.get(0))
        .ok_or(failed(FileFailure::NoneChosen))?;
    // Progress files are a few kilobytes; anything huge is not one.
    if file.size() > 5_000_000.0 {
        return Err(failed(FileFailure::TooLarge));
    }
    let text = JsFuture::from(file.text())
        .await
        .map_err(|_| failed(FileFailure::Unreadable))?;
    input.set_value("");
    text.as_string().ok_or(failed(FileFailure::NotText))
}

/// The page address's fragment, without `#`.
pub fn location_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .map(|h| h.trim_start_matches('#').to_owned())
        .unwrap_or_default()
}

/// The value of `name` in the page address's query string.
pub fn query_param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get(name)
}

/// The absolute address of `path` inside the app (e.g. `shared`), for links to copy.
pub fn app_url(path: &str) -> String {
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    format!("{origin}{}/{path}", base_path())
}

/// The address of the page that shows shared results: the hosted app's own, or for the single
/// file the hosted address it was built with. `None` for a single file built without one (a
/// `file:` address means nothing on another device).
pub fn shared_page_url() -> Option<String> {
    match edition() {
        Edition::Hosted => Some(app_url("shared")),
        Edition::SingleFile { home } => {
            home.map(|home| format!("{}/shared", home.trim_end_matches('/')))
        }
    }
}

/// The page address's path (`location.pathname`).
pub fn location_path() -> String {
    web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default()
}

/// Adds `href` (a path, or `#` and a fragment) to the session history as the page's address,
/// without loading anything.
pub fn push_address(href: &str) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href));
    }
}

/// Moves focus to `element` without scrolling to it: for a page's heading or an item's prompt,
/// which are at the top, where a new page starts anyway ([`scroll_to_top`]). Scrolling into view
/// would lay the page out at once, a second time in the same frame.
pub fn focus_in_place(element: &web_sys::HtmlElement) {
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = element.focus_with_options(&options);
}

/// The app places the page itself when Back or Forward opens one (at its top, see
/// `ui::route`); the browser's own restoring would move it after that.
pub fn place_pages_myself() {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
    }
}

/// Scrolls to the top of the page, as a newly opened page starts.
pub fn scroll_to_top() {
    if let Some(window) = web_sys::window() {
        window.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// Opens every folded section (`<details>`) of the page, so that a print shows all of it.
pub fn open_all_details() {
    let Some(list) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector_all("details:not([open])").ok())
    else {
        return;
    };
    for i in 0..list.length() {
        if let Some(element) = list
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        {
            let _ = element.set_attribute("open", "");
        }
    }
}

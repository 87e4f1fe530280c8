//! The Leptos components. They render the domain's state and dispatch to [`Session`]; the
//! decisions live in `crate::domain`.

mod components;
pub mod i18n;
mod language;
pub mod markdown;
mod pages;
pub mod route;
mod session;
pub mod text;

use leptos::prelude::*;

use crate::browser;
use crate::domain::load_profile;
use crate::domain::profile::problem::Problem;
use crate::domain::profile::{parse_index, ProfileIndexEntry};
use pages::{
    ErrorPage, EvidencePage, ItemPage, NotFound, PracticePage, ResultsPage, ReviewPage, SharedPage,
    UnknownRole, WelcomePage,
};
use route::{Navigator, Page};
pub use session::{Imported, Persistence, Session};

use i18n::{t, use_i18n, I18n};

/// Where the app is while it starts.
#[derive(Clone)]
enum Load {
    Loading,
    Failed {
        file: String,
        failure: LoadFailure,
    },
    /// The link asked for a role the index does not list.
    Unknown {
        requested: String,
        roles: Vec<ProfileIndexEntry>,
    },
    Ready(Session),
}

/// Why a profile file cannot be used.
#[derive(Clone)]
pub enum LoadFailure {
    /// It did not arrive.
    Download(browser::BrowserError),
    /// It arrived and breaks these rules.
    Problems(Vec<Problem>),
}

#[component]
pub fn App() -> impl IntoView {
    I18n::provide(language::starting_language());
    view! {
        <language::LanguageSwitch />
        <Start />
    }
}

/// Loads the profile, then shows the pages.
#[component]
fn Start() -> impl IntoView {
    let i18n = use_i18n();
    let state = RwSignal::new(Load::Loading);
    // A start that takes long says what it waits for.
    let slow = RwSignal::new(false);
    set_timeout(move || slow.set(true), std::time::Duration::from_secs(20));
    // A start page drawn at build time stays while the profile loads, unless that takes long:
    // then the loading page says what it waits for.
    Effect::new(move |_| {
        if slow.get() {
            browser::end_boot();
        }
    });
    // The test hook for the crash page: the browser tests dispatch this event to force a panic
    // (it can do nothing a candidate's own browser could not do to its own page).
    let test_panic = window_event_listener_untyped(TEST_PANIC_EVENT, |_| {
        panic!("forced by the `{TEST_PANIC_EVENT}` test hook")
    });
    on_cleanup(move || test_panic.remove());
    // The session lives under its own owner, held as long as the app is: its signals and its
    // storage listener go when the app goes (the task below runs outside any owner).
    let keep = StoredValue::new(Owner::new());
    leptos::task::spawn_local(async move {
        state.set(match open_profile().await {
            Ok(Opened::Profile(profile)) => {
                let owner = keep.get_value();
                Load::Ready(owner.with(|| Session::open(*profile)))
            }
            Ok(Opened::Unknown { requested, roles }) => Load::Unknown { requested, roles },
            Err((file, failure)) => Load::Failed { file, failure },
        });
        browser::announce_ready();
    });

    move || {
        let state = state.get();
        // The drawn start page leaves in the same task as the app's own page arrives: one paint.
        if !matches!(state, Load::Loading) {
            browser::end_boot();
        }
        match state {
            Load::Loading => view! {
                <main class="page loading" aria-busy="true">
                    <p role="status" id="loading-status">
                        <Show when=move || slow.get() fallback=move || t!(i18n, loading.profile)>
                            {t!(i18n, loading.slow)}
                        </Show>
                    </p>
                </main>
            }
            .into_any(),
            Load::Failed { file, failure } => view! { <ErrorPage file failure /> }.into_any(),
            Load::Unknown { requested, roles } => {
                view! { <UnknownRole requested roles /> }.into_any()
            }
            Load::Ready(session) => {
                provide_context(session);
                view! { <Pages /> }.into_any()
            }
        }
    }
}

/// The page the address names. A page stays while only its item changes (the next question),
/// as it follows the item itself.
#[component]
fn Pages() -> impl IntoView {
    provide_context(components::FocusHeading(RwSignal::new(0)));
    let route = Navigator::provide().route;
    let page = Memo::new(move |_| route.with(|r| r.page));
    move || match page.get() {
        Page::Welcome => view! { <WelcomePage /> }.into_any(),
        Page::Item => view! { <ItemPage /> }.into_any(),
        Page::Results => view! { <ResultsPage /> }.into_any(),
        Page::Review => view! { <ReviewPage /> }.into_any(),
        Page::Evidence => view! { <EvidencePage /> }.into_any(),
        Page::Practice => view! { <PracticePage /> }.into_any(),
        Page::Shared => view! { <SharedPage /> }.into_any(),
        Page::NotFound => view! { <NotFound /> }.into_any(),
    }
}

/// The event the crash-page browser test dispatches on `window` to force a panic.
const TEST_PANIC_EVENT: &str = "fitcheck-test-panic";

/// Remembers the role chosen by `?profile=`, so links inside the app (which drop the query)
/// and later visits stay with it.
const CHOSEN_PROFILE_KEY: &str = "fitcheck.profile";

enum Opened {
    Profile(Box<crate::domain::profile::Profile>),
    Unknown {
        requested: String,
        roles: Vec<ProfileIndexEntry>,
    },
}

/// Fetches the profile index, then the role the link asks for (`?profile=<id>`), the one chosen
/// before, or the default, and checks it.
async fn open_profile() -> Result<Opened, (String, LoadFailure)> {
    let index_file = "profiles/index.json".to_owned();
    let index_text = browser::fetch_text(&index_file)
        .await
        .map_err(|e| (index_file.clone(), LoadFailure::Download(e)))?;
    let index =
        parse_index(&index_text).map_err(|p| (index_file.clone(), LoadFailure::Problems(p)))?;
    let find = |id: &str| index.profiles.iter().find(|p| p.id == id);
    let requested = browser::query_param("profile").filter(|id| !id.is_empty());
    let entry = match &requested {
        Some(id) => match find(id) {
            Some(entry) => {
                let _ = browser::save(CHOSEN_PROFILE_KEY, id);
                entry
            }
            None => {
                return Ok(Opened::Unknown {
                    requested: id.clone(),
                    roles: index.profiles.clone(),
                })
            }
        },
        None => browser::load(CHOSEN_PROFILE_KEY)
            .and_then(|id| find(&id))
            .or_else(|| find(&index.default))
            .expect("parse_index guarantees the default is listed"),
    };
    let file = format!("profiles/{}", entry.file);
    let text = browser::fetch_text(&file)
        .await
        .map_err(|e| (file.clone(), LoadFailure::Download(e)))?;
    load_profile(&text)
        .map(|p| Opened::Profile(Box::new(p)))
        .map_err(|p| (file, LoadFailure::Problems(p)))
}

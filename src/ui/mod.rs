//! The Leptos components. They render the domain's state and dispatch to [`Session`]; the
//! decisions live in `crate::domain`.

mod common;
mod item;
mod results;
mod session;
mod welcome;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::browser;
use crate::domain::profile::parse_index;
use crate::domain::{load_profile, Problem};
use common::{ErrorPage, NotFound};
use item::ItemPage;
use results::ResultsPage;
pub use session::Session;
use welcome::WelcomePage;

/// Where the app is while it starts.
#[derive(Clone)]
enum Load {
    Loading,
    Failed { file: String, problems: Vec<String> },
    Ready(Session),
}

#[component]
pub fn App() -> impl IntoView {
    let state = RwSignal::new(Load::Loading);
    leptos::task::spawn_local(async move {
        state.set(match open_default_profile().await {
            Ok(profile) => Load::Ready(Session::open(profile)),
            Err((file, problems)) => Load::Failed {
                file,
                problems: problems.iter().map(Problem::to_string).collect(),
            },
        });
    });

    move || match state.get() {
        Load::Loading => view! {
            <main class="page loading" aria-busy="true">
                <p role="status">"Loading the role profile\u{2026}"</p>
            </main>
        }
        .into_any(),
        Load::Failed { file, problems } => view! { <ErrorPage file problems /> }.into_any(),
        Load::Ready(session) => {
            provide_context(session);
            view! { <Pages /> }.into_any()
        }
    }
}

#[component]
fn Pages() -> impl IntoView {
    view! {
        <Router base=browser::base_path()>
            <Routes fallback=NotFound>
                <Route path=path!("/") view=WelcomePage />
                <Route path=path!("/check/:item") view=ItemPage />
                <Route path=path!("/results") view=ResultsPage />
            </Routes>
        </Router>
    }
}

/// Fetches the profile index, then the default profile, and checks it.
async fn open_default_profile() -> Result<crate::domain::Profile, (String, Vec<Problem>)> {
    let index_file = "profiles/index.json".to_owned();
    let index_text = browser::fetch_text(&index_file)
        .await
        .map_err(|e| (index_file.clone(), vec![Problem::new("download", e)]))?;
    let index = parse_index(&index_text).map_err(|p| (index_file.clone(), p))?;
    let entry = index
        .profiles
        .iter()
        .find(|p| p.id == index.default)
        .expect("parse_index guarantees the default is listed");
    let file = format!("profiles/{}", entry.file);
    let text = browser::fetch_text(&file)
        .await
        .map_err(|e| (file.clone(), vec![Problem::new("download", e)]))?;
    load_profile(&text).map_err(|p| (file, p))
}

//! Pages for what cannot be shown: a profile that cannot be used, a role the site does not
//! offer, an address with nothing at it.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::profile::ProfileIndexEntry;

/// Shown when the role profile cannot be used; lists every problem found.
#[component]
pub fn ErrorPage(file: String, problems: Vec<String>) -> impl IntoView {
    let count = problems.len();
    view! {
        <main class="page error-page">
            <h1>"This role profile can\u{2019}t be used"</h1>
            <p role="alert">
                "Fitcheck found " {count} {if count == 1 { " problem" } else { " problems" }}
                " in " <code>{file}</code> ":"
            </p>
            <ul class="problems">
                {problems.into_iter().map(|p| view! { <li><code>{p}</code></li> }).collect_view()}
            </ul>
            <p>
                "If you are a candidate, please tell the person who shared this link. "
                "If you maintain this profile, fix the problems above and reload; "
                <code>"docs/profile-format.md"</code> " describes the format."
            </p>
        </main>
    }
}

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <main class="page">
            <h1>"Page not found"</h1>
            <p>"There is nothing at this address. " <A href="/">"Go to the start page"</A> "."</p>
        </main>
    }
}

/// The link named a role this site does not have: list the ones it has.
#[component]
pub fn UnknownRole(requested: String, roles: Vec<ProfileIndexEntry>) -> impl IntoView {
    view! {
        <main class="page unknown-role">
            <h1>"This role isn\u{2019}t available here"</h1>
            <p role="alert">
                "The link asks for the role \u{201c}" {requested} "\u{201d}, which this site doesn\u{2019}t "
                "offer. Perhaps the link was cut short. These roles are available:"
            </p>
            <ul class="roles" id="roles">
                {roles
                    .into_iter()
                    .map(|r| view! {
                        <li>
                            <a href=format!("?profile={}", r.id)>{r.title}</a>
                            " \u{b7} " {r.company}
                        </li>
                    })
                    .collect_view()}
            </ul>
        </main>
    }
}

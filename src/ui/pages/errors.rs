//! Pages for what cannot be shown: a profile that cannot be used, a role the site does not
//! offer, an address with nothing at it.

use leptos::prelude::*;

use crate::domain::profile::ProfileIndexEntry;
use crate::ui::components::PageHeading;
use crate::ui::i18n::{t, td_string, use_i18n, I18n, Locale, Tagged};
use crate::ui::route::A;
use crate::ui::{text, LoadFailure};

/// Shown when the role profile cannot be used; lists every problem found.
#[component]
pub fn ErrorPage(file: String, failure: LoadFailure) -> impl IntoView {
    let i18n = use_i18n();
    // A download failure is worded in the interface's language; the rules a profile breaks are
    // for its author, and are written in English.
    let (problems, download) = match failure {
        LoadFailure::Problems(problems) => (problems, None),
        LoadFailure::Download(error) => (Vec::new(), Some(error)),
    };
    let count = problems.len().max(1);
    let by_rules = download.is_none();
    let listed = problems
        .iter()
        .map(|p| view! { <li><code lang="en">{p.to_string()}</code></li> })
        .collect_view();
    let downloaded = download.map(|error| {
        view! { <li><code>{move || text::browser_error(i18n.get_locale(), &error)}</code></li> }
    });
    let in_english =
        by_rules.then(|| view! { <p class="muted">{t!(i18n, errors.details_language)}</p> });
    view! {
        <main class="page error-page">
            <h1>{t!(i18n, errors.profile_title)}</h1>
            <p role="alert">
                {move || in_code(td_string!(i18n.get_locale(), errors.found, count, file))}
            </p>
            <ul class="problems">{listed}{downloaded}</ul>
            {in_english}
            <p>{move || in_code(td_string!(i18n.get_locale(), errors.advice))}</p>
        </main>
    }
}

#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <main class="page">
            <PageHeading>{t!(i18n, errors.not_found_title)}</PageHeading>
            <p>{linked_to_start(i18n, |l| td_string!(l, errors.not_found))}</p>
        </main>
    }
}

/// A text whose tag marks code (a file name, a path): its `<code>…</code>`.
fn in_code<S: IntoView + 'static>(text: Tagged<S>) -> impl IntoView {
    view! { {text.before}<code>{text.inside}</code>{text.after} }
}

/// A text with a link to the start page (its `<a>…</a>`), following the language.
pub fn linked_to_start(i18n: I18n, text: fn(Locale) -> Tagged<&'static str>) -> impl IntoView {
    move || {
        let text = text(i18n.get_locale());
        view! { {text.before}<A href="/">{text.inside}</A>{text.after} }
    }
}

/// The link named a role this site does not have: list the ones it has.
#[component]
pub fn UnknownRole(requested: String, roles: Vec<ProfileIndexEntry>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <main class="page unknown-role">
            <h1>{t!(i18n, errors.unknown_role_title)}</h1>
            <p role="alert">{t!(i18n, errors.unknown_role, id = requested.clone())}</p>
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

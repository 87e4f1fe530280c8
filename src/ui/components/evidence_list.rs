//! A candidate's evidence links, by requirement: on the results, the evidence page and a shared
//! page. Links open in a new tab and tell the page they lead to nothing about Fitcheck.

use leptos::prelude::*;

use crate::domain::candidate::evidence::Evidence;
use crate::domain::report::rows::EvidenceGroup;
use crate::ui::i18n::{t, use_i18n};

/// The links of each requirement, kept by requirement and address as links come and go; with
/// `on_remove`, each has a button that removes it.
#[component]
pub fn EvidenceList(
    #[prop(into)] groups: Signal<Vec<EvidenceGroup>>,
    /// The profile's language, for the requirement texts.
    lang: String,
    #[prop(optional)] on_remove: Option<Callback<(String, String)>>,
) -> impl IntoView {
    view! {
        <ul class="evidence">
            <For
                each=move || groups.get()
                key=|group| group.requirement_id.clone()
                let(group)
            >
                <RequirementEvidence
                    requirement_id=group.requirement_id
                    requirement=group.requirement
                    groups
                    lang=lang.clone()
                    on_remove
                />
            </For>
        </ul>
    }
}

/// One requirement's text and its links, which follow `groups`.
#[component]
fn RequirementEvidence(
    requirement_id: String,
    requirement: String,
    groups: Signal<Vec<EvidenceGroup>>,
    lang: String,
    on_remove: Option<Callback<(String, String)>>,
) -> impl IntoView {
    let links = {
        let requirement_id = requirement_id.clone();
        move || {
            groups.with(|groups| {
                groups
                    .iter()
                    .find(|g| g.requirement_id == requirement_id)
                    .map(|g| g.links.clone())
                    .unwrap_or_default()
            })
        }
    };
    let remove = {
        let requirement_id = requirement_id.clone();
        move |url: String| {
            let requirement_id = requirement_id.clone();
            on_remove.map(|remove| {
                Callback::new(move |()| remove.run((requirement_id.clone(), url.clone())))
            })
        }
    };
    view! {
        <li data-requirement=requirement_id.clone()>
            <span class="evidence-requirement" lang=lang>{requirement}</span>
            <ul class="evidence-links">
                <For each=links key=|link| link.url.clone() let(link)>
                    <EvidenceLink on_remove=remove(link.url.clone()) link />
                </For>
            </ul>
        </li>
    }
}

/// A link with its note; with `on_remove`, a button that removes it.
#[component]
fn EvidenceLink(link: Evidence, on_remove: Option<Callback<()>>) -> impl IntoView {
    let i18n = use_i18n();
    let host = link.host().to_owned();
    let note = (!link.note.is_empty())
        .then(|| view! { <span class="evidence-note">{link.note.clone()}</span> });
    let remove = on_remove.map(|remove| {
        view! {
            <button
                class="link-button remove-evidence"
                type="button"
                aria-label=t!(i18n, evidence.remove, host)
                on:click=move |_| remove.run(())
            >
                {t!(i18n, evidence.remove_short)}
            </button>
        }
    });
    view! {
        <li>
            <a href=link.url.clone() target="_blank" rel="noopener noreferrer nofollow">
                {link.url.trim_start_matches("https://").to_owned()}
            </a>
            {note}
            {remove}
        </li>
    }
}

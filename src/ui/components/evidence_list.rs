//! A candidate's evidence links, by requirement: on the results, the evidence page and a shared
//! page. Links open in a new tab and tell the page they lead to nothing about Fitcheck.

use leptos::prelude::*;

use crate::domain::report::rows::EvidenceGroup;
use crate::ui::i18n::{t_string, td_string, use_i18n};
use crate::ui::{tr, CollectAny};

/// The links of each requirement; with `on_remove`, each has a button that removes it.
#[component]
pub fn EvidenceList(
    groups: Vec<EvidenceGroup>,
    /// The profile's language, for the requirement texts.
    lang: String,
    #[prop(optional)] on_remove: Option<Callback<(String, String)>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let items = groups
        .into_iter()
        .map(|group| {
            let requirement_id = group.requirement_id.clone();
            let links = group
                .links
                .into_iter()
                .map(|link| {
                    let host = link.host().to_owned();
                    let remove = on_remove.map(|remove| {
                        let (requirement_id, url) = (requirement_id.clone(), link.url.clone());
                        let host = host.clone();
                        view! {
                            <button
                                class="link-button remove-evidence"
                                type="button"
                                aria-label=move || t_string!(i18n, evidence.remove, host)
                                on:click=move |_| remove.run((requirement_id.clone(), url.clone()))
                            >
                                {tr(i18n, |l| td_string!(l, evidence.remove_short))}
                            </button>
                        }
                    });
                    let note = (!link.note.is_empty()).then(|| {
                        view! { <span class="evidence-note">{link.note.clone()}</span> }
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
                })
                .collect_any();
            view! {
                <li data-requirement=group.requirement_id.clone()>
                    <span class="evidence-requirement" lang=lang.clone()>{group.requirement}</span>
                    <ul class="evidence-links">{links}</ul>
                </li>
            }
        })
        .collect_any();
    view! { <ul class="evidence">{items}</ul> }
}

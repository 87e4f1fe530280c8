//! Evidence of the candidate's work: up to three links per requirement, each with a short note,
//! added through one form and listed by requirement.

use leptos::html;
use leptos::prelude::*;

use crate::domain::candidate::evidence::{Evidence, MAX_NOTE_CHARS};
use crate::ui::components::*;
use crate::ui::i18n::{t, td_string, use_i18n};
use crate::ui::route::A;
use crate::ui::{text, Session};

#[component]
pub fn EvidencePage() -> impl IntoView {
    let session = expect_context::<Session>();
    let i18n = use_i18n();
    let profile = session.profile();
    let lang = profile.language.clone();
    // The message after "Add link": which field it is about goes with an error.
    let outcome: Outcome = RwSignal::new(None);
    let url_invalid = RwSignal::new(false);

    let options = profile
        .areas
        .iter()
        .map(|area| {
            let requirements = profile
                .requirements
                .iter()
                .filter(|r| r.area == area.id)
                .map(|r| view! { <option value=r.id.clone() lang=lang.clone()>{r.text.clone()}</option> })
                .collect_view();
            view! { <optgroup label=area.title.clone() lang=lang.clone()>{requirements}</optgroup> }
        })
        .collect_view();

    let requirement = NodeRef::<html::Select>::new();
    let url = NodeRef::<html::Input>::new();
    let note = NodeRef::<html::Input>::new();
    let add = {
        let profile = profile.clone();
        move |event: leptos::ev::SubmitEvent| {
            event.prevent_default();
            let (Some(requirement), Some(url), Some(note)) = (
                requirement.get_untracked(),
                url.get_untracked(),
                note.get_untracked(),
            ) else {
                return;
            };
            let locale = i18n.get_locale_untracked();
            let requirement_id = requirement.value();
            let added = Evidence::new(&url.value(), &note.value())
                .and_then(|link| session.add_evidence(&requirement_id, link));
            match added {
                Ok(()) => {
                    url.set_value("");
                    note.set_value("");
                    url_invalid.set(false);
                    let text = profile
                        .requirements
                        .iter()
                        .find(|r| r.id == requirement_id)
                        .map_or(requirement_id, |r| r.text.clone());
                    outcome.set(Some(Ok(td_string!(
                        locale,
                        evidence.added,
                        requirement = text
                    ))));
                }
                Err(error) => {
                    url_invalid.set(true);
                    outcome.set(Some(Err(text::evidence_error(locale, error))));
                }
            }
            // The next link, or this one corrected, is typed where the last one was.
            let _ = url.focus();
        }
    };

    let groups = Memo::new(move |_| session.evidence());
    let on_remove = Callback::new(move |(requirement, url): (String, String)| {
        session.remove_evidence(&requirement, &url);
        outcome.set(None);
    });

    view! {
        <main class="page evidence-page">
            <Notices />
            <PageHeading>{t!(i18n, evidence.title)}</PageHeading>
            <p>{t!(i18n, evidence.intro)}</p>
            <form class="evidence-form" novalidate on:submit=add>
                <label for=REQUIREMENT_ID>{t!(i18n, evidence.requirement)}</label>
                <select id=REQUIREMENT_ID node_ref=requirement>{options}</select>
                <label for=URL_ID>{t!(i18n, evidence.url)}</label>
                <input
                    id=URL_ID
                    node_ref=url
                    type="url"
                    inputmode="url"
                    autocomplete="url"
                    spellcheck="false"
                    placeholder="https://github.com/…"
                    aria-invalid=move || url_invalid.get().then_some("true")
                    aria-describedby=move || url_invalid.get().then_some("evidence-outcome")
                />
                <label for=NOTE_ID>
                    {t!(i18n, evidence.note, max = MAX_NOTE_CHARS)}
                </label>
                <input id=NOTE_ID node_ref=note type="text" maxlength=MAX_NOTE_CHARS />
                <button class="primary" type="submit" id="add-link">{t!(i18n, evidence.add)}</button>
            </form>
            <OutcomeMessage outcome id="evidence-outcome" />
            <Show
                when=move || groups.with(|g| !g.is_empty())
                fallback=move || view! { <p id="evidence-none">{t!(i18n, evidence.none)}</p> }
            >
                <EvidenceList groups lang=lang.clone() on_remove />
            </Show>
            <p><A href="/results">{t!(i18n, evidence.back)}</A></p>
        </main>
    }
}

/// The form's fields, named by their labels.
const REQUIREMENT_ID: &str = "evidence-requirement";
const URL_ID: &str = "evidence-url";
const NOTE_ID: &str = "evidence-note";

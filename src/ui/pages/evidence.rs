//! Evidence of the candidate's work: up to three links per requirement, each with a short note,
//! added through one form and listed by requirement.

use leptos::prelude::*;

use crate::browser;
use crate::domain::candidate::evidence::{Evidence, MAX_NOTE_CHARS};
use crate::ui::components::*;
use crate::ui::i18n::{t_string, td_string, use_i18n};
use crate::ui::route::A;
use crate::ui::{follow, text, tr, CollectAny, Session};

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
                .collect_any();
            view! { <optgroup label=area.title.clone() lang=lang.clone()>{requirements}</optgroup> }
        })
        .collect_any();

    let add = {
        let profile = profile.clone();
        move |event: leptos::ev::SubmitEvent| {
            event.prevent_default();
            let locale = i18n.get_locale_untracked();
            let requirement_id = browser::field_value(REQUIREMENT_ID);
            let added = Evidence::new(
                &browser::field_value(URL_ID),
                &browser::field_value(NOTE_ID),
            )
            .and_then(|link| session.add_evidence(&requirement_id, link));
            match added {
                Ok(()) => {
                    browser::clear_field(URL_ID);
                    browser::clear_field(NOTE_ID);
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
                    browser::focus_id(URL_ID, false);
                }
                Err(error) => {
                    url_invalid.set(true);
                    outcome.set(Some(Err(text::evidence_error(locale, error))));
                    browser::focus_id(URL_ID, false);
                }
            }
        }
    };

    let list = {
        let profile = profile.clone();
        follow(move || {
            let groups = session.evidence();
            if groups.is_empty() {
                return view! { <p id="evidence-none">{tr(i18n, |l| td_string!(l, evidence.none))}</p> }
                    .into_any();
            }
            let on_remove = Callback::new(move |(requirement, url): (String, String)| {
                session.remove_evidence(&requirement, &url);
                outcome.set(None);
            });
            view! { <EvidenceList groups lang=profile.language.clone() on_remove /> }.into_any()
        })
    };

    view! {
        <main class="page evidence-page">
            <Notices />
            <PageHeading>{tr(i18n, |l| td_string!(l, evidence.title))}</PageHeading>
            <p>{tr(i18n, |l| td_string!(l, evidence.intro))}</p>
            <form class="evidence-form" novalidate on:submit=add>
                <label for=REQUIREMENT_ID>{tr(i18n, |l| td_string!(l, evidence.requirement))}</label>
                <select id=REQUIREMENT_ID>{options}</select>
                <label for=URL_ID>{tr(i18n, |l| td_string!(l, evidence.url))}</label>
                <input
                    id=URL_ID
                    type="url"
                    inputmode="url"
                    autocomplete="url"
                    spellcheck="false"
                    placeholder="https://github.com/…"
                    aria-invalid=move || url_invalid.get().then_some("true")
                    aria-describedby=move || url_invalid.get().then_some("evidence-outcome")
                />
                <label for=NOTE_ID>
                    {move || t_string!(i18n, evidence.note, max = MAX_NOTE_CHARS)}
                </label>
                <input id=NOTE_ID type="text" maxlength=MAX_NOTE_CHARS />
                <button class="primary" type="submit" id="add-link">{tr(i18n, |l| td_string!(l, evidence.add))}</button>
            </form>
            <OutcomeMessage outcome id="evidence-outcome" />
            {list}
            <p><A href="/results">{tr(i18n, |l| td_string!(l, evidence.back))}</A></p>
        </main>
    }
}

/// The form's fields, which the submit handler reads by id.
const REQUIREMENT_ID: &str = "evidence-requirement";
const URL_ID: &str = "evidence-url";
const NOTE_ID: &str = "evidence-note";

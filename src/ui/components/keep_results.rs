//! Download, print and share the results.

use leptos::prelude::*;

use crate::browser;
use crate::domain::report::rows::summary_file_name;
use crate::domain::report::scoring::Assessment;
use crate::domain::report::share::SharedSummary;
use crate::ui::components::*;
use crate::ui::i18n::{t, td_string, use_i18n};
use crate::ui::markdown::markdown_summary;
use crate::ui::{text, Session};

/// Download, print and share the results.
#[component]
pub fn KeepResults(#[prop(into)] assessment: Signal<Assessment>) -> impl IntoView {
    let session = expect_context::<Session>();
    let i18n = use_i18n();
    let outcome: Outcome = RwSignal::new(None);
    // The link, and how many evidence links did not fit in it.
    let link = RwSignal::new(None::<(String, usize)>);
    let download = move |_| {
        let profile = session.profile();
        let locale = i18n.get_locale_untracked();
        let text = session.progress.with_untracked(|p| {
            assessment.with_untracked(|a| markdown_summary(locale, &profile, a, p))
        });
        outcome.set(Some(
            browser::download(&summary_file_name(&profile), "text/markdown", &text)
                .map(|()| td_string!(locale, keep.downloaded).to_string())
                .map_err(|e| text::as_sentence(&text::browser_error(locale, &e))),
        ));
    };
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    // A single file built without a hosted address has nowhere for a link to point.
    let shared_page = browser::shared_page_url();
    let shareable = shared_page.is_some();
    let share = move |_| {
        let Some(shared_page) = &shared_page else {
            return;
        };
        let profile = session.profile();
        let summary = assessment.with_untracked(|a| SharedSummary::from_assessment(&profile.id, a));
        let (summary, left_out) = session
            .progress
            .with_untracked(|p| summary.with_evidence(p.evidence_in_order(&profile)));
        link.set(Some((
            format!("{shared_page}?profile={}#{}", profile.id, summary.encode()),
            left_out,
        )));
    };
    // The link is there to be copied: focusing it selects all of it.
    let select_all = |event: leptos::ev::FocusEvent| {
        event_target::<web_sys::HtmlInputElement>(&event).select();
    };
    view! {
        <section aria-labelledby="keep" class="keep no-print">
            <h2 id="keep">{t!(i18n, keep.heading)}</h2>
            <div class="actions">
                <button class="secondary" id="download-summary" on:click=download>{t!(i18n, keep.download)}</button>
                <button class="secondary" id="print" on:click=print>{t!(i18n, keep.print)}</button>
                {shareable.then(|| view! {
                    <button class="secondary" id="share" on:click=share>{t!(i18n, keep.share)}</button>
                })}
            </div>
            {(!shareable).then(|| view! {
                <p class="muted" id="no-share-link">{t!(i18n, single_file.no_share_link)}</p>
            })}
            <OutcomeMessage outcome id="keep-outcome" />
            {move || link.get().map(|(href, left_out)| view! {
                <div class="share-link">
                    <label for="share-link">{t!(i18n, keep.link_label)}</label>
                    <input
                        id="share-link"
                        type="text"
                        readonly
                        value=href.clone()
                        on:focus=select_all
                    />
                    <p class="muted">{t!(i18n, keep.link_note)}</p>
                    {(left_out > 0).then(|| view! {
                        <p class="muted" id="share-left-out">
                            {t!(i18n, evidence.left_out, count = left_out)}
                        </p>
                    })}
                </div>
            })}
        </section>
    }
}

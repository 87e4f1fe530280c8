//! "Start over", with a confirmation step.

use leptos::prelude::*;

use crate::browser;
use crate::ui::components::FocusHeading;
use crate::ui::i18n::{t_string, td_string, use_i18n};
use crate::ui::route::use_navigate;
use crate::ui::{shown_or, tr, Session};

/// "Start over" with a confirmation step: deleting answers is never one click away.
#[component]
pub fn StartOver() -> impl IntoView {
    let session = expect_context::<Session>();
    let i18n = use_i18n();
    let navigate = use_navigate();
    let asking = RwSignal::new(false);
    let answered = move || session.progress.with(|p| p.answers.len());
    let heading = use_context::<FocusHeading>();
    let confirm = move |_| {
        session.restart();
        asking.set(false);
        // The confirmation goes, and on the start page the button with it: focus the heading.
        if let Some(heading) = heading {
            heading.request();
        }
        navigate("/");
    };
    view! {
        {shown_or(
            move || asking.get(),
            move || view! {
            <div
                class="confirm"
                role="alertdialog"
                aria-labelledby="confirm-title"
                aria-describedby="confirm-text"
            >
                <p id="confirm-title"><strong>{tr(i18n, |l| td_string!(l, start_over.title))}</strong></p>
                <p id="confirm-text">
                    {move || t_string!(i18n, start_over.text, count = answered())}
                </p>
                <button class="danger" id="confirm-start-over" on:click=confirm.clone()>
                    {tr(i18n, |l| td_string!(l, start_over.confirm))}
                </button>
                <button
                    class="secondary"
                    id=CANCEL_ID
                    on:click=move |_| asking.set(false)
                >
                    {tr(i18n, |l| td_string!(l, start_over.cancel))}
                </button>
            </div>
            }.into_any(),
            move || view! {
                <button class="secondary" id="start-over" on:click=move |_| {
                    asking.set(true);
                    // A button added after load does not take `autofocus`: focus moves to the
                    // safe choice once it is there.
                    browser::focus_after_render(CANCEL_ID, false);
                }>
                    {tr(i18n, |l| td_string!(l, start_over.button))}
                </button>
            }.into_any(),
        )}
    }
}

/// The confirmation's safe choice, which takes focus.
const CANCEL_ID: &str = "cancel-start-over";

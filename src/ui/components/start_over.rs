//! "Start over", with a confirmation step.

use leptos::html;
use leptos::prelude::*;

use crate::ui::components::FocusHeading;
use crate::ui::i18n::{t, t_string, use_i18n};
use crate::ui::route::use_navigate;
use crate::ui::Session;

/// "Start over" with a confirmation step: deleting answers is never one click away.
#[component]
pub fn StartOver() -> impl IntoView {
    let session = expect_context::<Session>();
    let i18n = use_i18n();
    let navigate = use_navigate();
    let asking = RwSignal::new(false);
    let heading = use_context::<FocusHeading>();
    let confirm = Callback::new(move |()| {
        session.restart();
        asking.set(false);
        // The confirmation goes, and on the start page the button with it: focus the heading.
        if let Some(heading) = heading {
            heading.request();
        }
        navigate("/");
    });
    let cancel = Callback::new(move |()| asking.set(false));
    view! {
        <Show
            when=move || asking.get()
            fallback=move || view! {
                <button class="secondary" id="start-over" on:click=move |_| asking.set(true)>
                    {t!(i18n, start_over.button)}
                </button>
            }
        >
            <ConfirmStartOver on_confirm=confirm on_cancel=cancel />
        </Show>
    }
}

/// The question before the answers go: how many would be deleted, and the two choices.
#[component]
fn ConfirmStartOver(on_confirm: Callback<()>, on_cancel: Callback<()>) -> impl IntoView {
    let session = expect_context::<Session>();
    let i18n = use_i18n();
    let answered = move || session.progress.with(|p| p.answers.len());
    let cancel = NodeRef::<html::Button>::new();
    // A button added after load does not take `autofocus`: focus moves to the safe choice once
    // it is on the page.
    cancel.on_load(|button| {
        let _ = button.focus();
    });
    view! {
        <div
            class="confirm"
            role="alertdialog"
            aria-labelledby="confirm-title"
            aria-describedby="confirm-text"
        >
            <p id="confirm-title"><strong>{t!(i18n, start_over.title)}</strong></p>
            <p id="confirm-text">
                {move || t_string!(i18n, start_over.text, count = answered())}
            </p>
            <button class="danger" id="confirm-start-over" on:click=move |_| on_confirm.run(())>
                {t!(i18n, start_over.confirm)}
            </button>
            <button
                class="secondary"
                id="cancel-start-over"
                node_ref=cancel
                on:click=move |_| on_cancel.run(())
            >
                {t!(i18n, start_over.cancel)}
            </button>
        </div>
    }
}

//! "Start over", with a confirmation step.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::ui::Session;

/// "Start over" with a confirmation step: deleting answers is never one click away.
#[component]
pub fn StartOver() -> impl IntoView {
    let session = expect_context::<Session>();
    let navigate = use_navigate();
    let asking = RwSignal::new(false);
    let answered = move || session.progress.with(|p| p.answers.len());
    // A button added after load does not take `autofocus`; move focus to the safe choice once
    // it is there.
    let cancel = NodeRef::<leptos::html::Button>::new();
    Effect::new(move || {
        if let (true, Some(button)) = (asking.get(), cancel.get()) {
            let _ = button.focus();
        }
    });
    let confirm = move |_| {
        session.restart();
        asking.set(false);
        navigate("/", Default::default());
    };
    view! {
        <Show
            when=move || asking.get()
            fallback=move || view! {
                <button class="secondary" id="start-over" on:click=move |_| asking.set(true)>
                    "Start over"
                </button>
            }
        >
            <div
                class="confirm"
                role="alertdialog"
                aria-labelledby="confirm-title"
                aria-describedby="confirm-text"
            >
                <p id="confirm-title"><strong>"Start over?"</strong></p>
                <p id="confirm-text">
                    "This deletes your " {answered} " saved answer(s) for this role. It can\u{2019}t be undone."
                </p>
                <button class="danger" id="confirm-start-over" on:click=confirm.clone()>
                    "Yes, delete my answers"
                </button>
                <button
                    class="secondary"
                    id="cancel-start-over"
                    node_ref=cancel
                    on:click=move |_| asking.set(false)
                >
                    "Keep my answers"
                </button>
            </div>
        </Show>
    }
}

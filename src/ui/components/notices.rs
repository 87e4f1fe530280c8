//! The storage notices and the out-of-date banner.

use leptos::prelude::*;

use crate::browser;
use crate::ui::i18n::{td_string, use_i18n};
use crate::ui::{shown, text, tr, CollectAny, Session};

/// Storage messages for the candidate, each dismissable.
#[component]
pub fn Notices() -> impl IntoView {
    let session = expect_context::<Session>();
    let i18n = use_i18n();
    let notices = session.notices;
    view! {
        {shown(move || session.out_of_date(), move || view! {
            <div class="notices out-of-date" role="alert" id="out-of-date">
                <p class="stale-notice">
                    <span>{tr(i18n, |l| td_string!(l, notice.out_of_date))}</span>
                    <button type="button" id="reload-tab" on:click=|_| browser::reload()>
                        {tr(i18n, |l| td_string!(l, notice.reload))}
                    </button>
                </p>
            </div>
        }.into_any())}
        {shown(move || notices.with(|n| !n.is_empty()), move || view! {
            <div class="notices" role="alert">
                {move || {
                    notices
                        .get()
                        .into_iter()
                        .enumerate()
                        .map(|(i, text)| {
                            view! {
                                <p class="notice">
                                    <span>{move || text::notice(i18n.get_locale(), &text)}</span>
                                    <button
                                        class="link-button"
                                        on:click=move |_| notices.update(|n| {
                                            if i < n.len() {
                                                n.remove(i);
                                            }
                                        })
                                    >
                                        {tr(i18n, |l| td_string!(l, notice.dismiss))}
                                    </button>
                                </p>
                            }
                        })
                        .collect_any()
                }}
            </div>
        }.into_any())}
    }
}

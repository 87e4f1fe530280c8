//! The storage notices and the out-of-date banner.

use leptos::prelude::*;

use crate::browser;
use crate::ui::i18n::{t, use_i18n};
use crate::ui::{text, Session};

/// Storage messages for the candidate, each dismissable.
#[component]
pub fn Notices() -> impl IntoView {
    let session = expect_context::<Session>();
    let i18n = use_i18n();
    let notices = session.notices;
    view! {
        <Show when=move || session.out_of_date()>
            <div class="notices out-of-date" role="alert" id="out-of-date">
                <p class="stale-notice">
                    <span>{t!(i18n, notice.out_of_date)}</span>
                    <button type="button" id="reload-tab" on:click=|_| browser::reload()>
                        {t!(i18n, notice.reload)}
                    </button>
                </p>
            </div>
        </Show>
        <Show when=move || notices.with(|n| !n.is_empty())>
            <div class="notices" role="alert">
                <For each=move || notices.get() key=|(number, _)| *number let((number, notice))>
                    <p class="notice">
                        <span>{move || text::notice(i18n.get_locale(), &notice)}</span>
                        <button class="link-button" on:click=move |_| session.dismiss(number)>
                            {t!(i18n, notice.dismiss)}
                        </button>
                    </p>
                </For>
            </div>
        </Show>
    }
}

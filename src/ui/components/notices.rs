//! The storage notices and the out-of-date banner.

use leptos::prelude::*;

use crate::browser;
use crate::ui::text::{self};
use crate::ui::Session;

/// Storage messages for the candidate, each dismissable.
#[component]
pub fn Notices() -> impl IntoView {
    let session = expect_context::<Session>();
    let notices = session.notices;
    view! {
        <Show when=move || session.out_of_date()>
            <div class="notices out-of-date" role="alert" id="out-of-date">
                <p class="stale-notice">
                    <span>
                        "This tab is out of date \u{2014} reload. Your progress was saved since by "
                        "another tab or a newer Fitcheck, in a form this tab cannot read. So that "
                        "it never overwrites those answers, this tab no longer saves anything."
                    </span>
                    <button type="button" id="reload-tab" on:click=|_| browser::reload()>
                        "Reload"
                    </button>
                </p>
            </div>
        </Show>
        <Show when=move || notices.with(|n| !n.is_empty())>
            <div class="notices" role="alert">
                {move || {
                    notices
                        .get()
                        .into_iter()
                        .enumerate()
                        .map(|(i, text)| {
                            view! {
                                <p class="notice">
                                    <span>{text::notice(&text)}</span>
                                    <button
                                        class="link-button"
                                        on:click=move |_| notices.update(|n| {
                                            if i < n.len() {
                                                n.remove(i);
                                            }
                                        })
                                    >
                                        "Dismiss"
                                    </button>
                                </p>
                            }
                        })
                        .collect_view()
                }}
            </div>
        </Show>
    }
}

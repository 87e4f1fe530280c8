//! Small pieces shared by the pages.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use super::text;
use super::Session;
use crate::browser;
use crate::domain::report::{
    calibration_words, shown_answered, shown_row_level, shown_row_verdict, AreaRow,
};
use crate::domain::walk::Count;

/// Shown when the role profile cannot be used; lists every problem found.
#[component]
pub fn ErrorPage(file: String, problems: Vec<String>) -> impl IntoView {
    let count = problems.len();
    view! {
        <main class="page error-page">
            <h1>"This role profile can\u{2019}t be used"</h1>
            <p role="alert">
                "Fitcheck found " {count} {if count == 1 { " problem" } else { " problems" }}
                " in " <code>{file}</code> ":"
            </p>
            <ul class="problems">
                {problems.into_iter().map(|p| view! { <li><code>{p}</code></li> }).collect_view()}
            </ul>
            <p>
                "If you are a candidate, please tell the person who shared this link. "
                "If you maintain this profile, fix the problems above and reload; "
                <code>"docs/profile-format.md"</code> " describes the format."
            </p>
        </main>
    }
}

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <main class="page">
            <h1>"Page not found"</h1>
            <p>"There is nothing at this address. " <A href="/">"Go to the start page"</A> "."</p>
        </main>
    }
}

/// A labelled progress bar; `count` is read reactively.
#[component]
pub fn ProgressBar(
    label: String,
    #[prop(into)] count: Signal<Count>,
    #[prop(optional)] id: &'static str,
) -> impl IntoView {
    view! {
        <div class="progress" id=id>
            <span class="progress-label">
                {label.clone()} ": "
                <span class="progress-figures">
                    {move || { let c = count.get(); format!("{} of {}", c.done, c.total) }}
                </span>
            </span>
            <progress
                max=move || count.get().total
                value=move || count.get().done
                aria-label=label
            ></progress>
        </div>
    }
}

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

/// One area's row of the results table, the same on the results page and the shared page; the
/// self-rating column only where the candidate's own answers are at hand.
#[component]
pub fn AreaRowView(row: AreaRow, self_rating: bool) -> impl IntoView {
    let calibration = row.self_rating.and_then(|(_, c)| c);
    view! {
        <tr data-area=row.area_id.clone()>
            <th scope="row">{row.title.clone()}</th>
            <td>{format!("{:.1}", row.asked)}</td>
            <td class="shown">{shown_row_level(&row.shown)}</td>
            {self_rating.then(|| view! {
                <td>
                    {row.self_rating.map_or_else(|| "\u{2014}".to_owned(), |(s, _)| format!("{s:.1}"))}
                    <span class="calibration" data-calibration=format!("{calibration:?}")>
                        {calibration.map(|c| format!(" \u{2014} {}", calibration_words(c)))}
                    </span>
                </td>
            })}
            <td
                class="verdict"
                data-verdict=row.verdict_kind()
                data-gap=row.gap.map(|g| format!("{g:.2}")).unwrap_or_default()
            >
                {shown_row_verdict(&row)}
            </td>
            <td>{shown_answered(&row)}</td>
        </tr>
    }
}

/// The per-area results table: the same columns wherever results are shown, the self-rating
/// only where the candidate's own answers are at hand.
#[component]
pub fn AreasTable(
    label: &'static str,
    #[prop(optional)] id: Option<&'static str>,
    self_rating: bool,
    children: Children,
) -> impl IntoView {
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label=label>
            <table class="areas-table" id=id>
                <thead>
                    <tr>
                        <th scope="col">"Area"</th>
                        <th scope="col">"Asked"</th>
                        <th scope="col">"Shown"</th>
                        {self_rating.then(|| view! { <th scope="col">"Self-rating"</th> })}
                        <th scope="col">"Verdict"</th>
                        <th scope="col">"Answered"</th>
                    </tr>
                </thead>
                <tbody>{children()}</tbody>
            </table>
        </div>
    }
}

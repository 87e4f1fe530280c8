//! A results link opened: the summary it carries, read-only.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::browser;
use crate::domain::report::AreaRow;
use crate::domain::share::SharedSummary;
use crate::ui::components::*;
use crate::ui::Session;

/// A results summary someone shared: read-only, from the link alone.
#[component]
pub fn SharedPage() -> impl IntoView {
    let session = expect_context::<Session>();
    let profile = session.profile();
    let decoded = SharedSummary::decode(&browser::location_hash());
    let body = match decoded {
        Err(e) => view! {
            <h1>"This results link can\u{2019}t be read"</h1>
            <p role="alert" id="shared-error">{as_sentence(&e.to_string())}</p>
        }
        .into_any(),
        Ok(summary) if summary.profile_id != profile.id => view! {
            <h1>"This results link is for another role"</h1>
            <p role="alert" id="shared-error">
                "The link holds results for the role \u{201c}" {summary.profile_id} "\u{201d}, which this "
                "site does not offer."
            </p>
        }
        .into_any(),
        Ok(summary) => {
            let rows = AreaRow::from_shared(&profile, &summary)
                .into_iter()
                .map(|row| view! { <AreaRowView row self_rating=false /> })
                .collect_view();
            view! {
                <p class="eyebrow">"Shared results \u{b7} read-only"</p>
                <h1>{profile.role.title.clone()}</h1>
                <p class="readiness" id="shared-readiness">
                    {match (summary.readiness, summary.readiness_range) {
                        (Some(_), Some((low, high))) if low != high => format!("{low}\u{2013}{high}% ready for this role\u{2019}s requirements (95% range)."),
                        (Some(r), _) => format!("{r}% ready for this role\u{2019}s requirements."),
                        (None, _) => "Not enough answers yet for a readiness figure.".to_owned(),
                    }}
                </p>
                <AreasTable label="Shared results by area" id="shared-table" self_rating=false>
                    {rows}
                </AreasTable>
                <p class="muted">
                    "These figures came inside the link; no answers are included and nothing was "
                    "sent to a server."
                </p>
            }
            .into_any()
        }
    };
    view! {
        <main class="page shared">
            {body}
            <p><A href="/">"Take the check yourself"</A></p>
        </main>
    }
}

/// A message that starts in lower case (to follow other words) as a sentence of its own.
pub fn as_sentence(text: &str) -> String {
    let mut chars = text.chars();
    let first = chars.next().map(|c| c.to_uppercase().collect::<String>());
    format!("{}{}.", first.unwrap_or_default(), chars.as_str())
}

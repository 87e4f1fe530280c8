//! One step of the learning plan.

use leptos::prelude::*;

use crate::domain::profile::Profile;
use crate::domain::scoring::Gap;

#[component]
pub fn PlanStep(gap: Gap, profile: std::sync::Arc<Profile>) -> impl IntoView {
    let requirement = profile.requirement(&gap.requirement_id).cloned();
    let text = requirement
        .as_ref()
        .map(|r| r.text.clone())
        .unwrap_or_default();
    let area = requirement
        .as_ref()
        .and_then(|r| profile.area(&r.area))
        .map(|a| a.title.clone())
        .unwrap_or_default();
    let missed = gap
        .missed
        .iter()
        .filter_map(|id| profile.question(id))
        .map(|q| {
            let links = q
                .references
                .iter()
                .map(|r| view! { <li><a href=r.url.clone() rel="noopener noreferrer" target="_blank">{r.title.clone()}</a></li> })
                .collect_view();
            let correct = q
                .options
                .iter()
                .filter(|o| o.correct)
                .map(|o| o.text.clone())
                .collect::<Vec<_>>()
                .join(" \u{00b7} ");
            view! {
                <li>
                    <details>
                        <summary>{q.prompt.clone()}</summary>
                        <p><strong>"Answer: "</strong>{correct}</p>
                        <p>{q.explanation.clone()}</p>
                        <ul class="references">{links}</ul>
                    </details>
                </li>
            }
        })
        .collect_view();
    view! {
        <li class="plan-step" data-requirement=gap.requirement_id.clone()>
            <p>
                <strong>{text}</strong>
                <span class="muted">{format!(" \u{2014} {area}, gap of about {:.1}", gap.size)}</span>
            </p>
            <ul class="missed">{missed}</ul>
        </li>
    }
}

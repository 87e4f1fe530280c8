//! The results at a glance: one line per area (verdict, level shown against level asked) and
//! the first steps of the learning plan, sized to fit one phone screen.

use leptos::prelude::*;

use crate::domain::profile::Profile;
use crate::domain::report::rows::AreaRow;
use crate::domain::report::scoring::Gap;
use crate::ui::i18n::{t_string, use_i18n};
use crate::ui::text;

/// One line per area: its title, its verdict in a word, and the level shown against the level
/// asked.
#[component]
pub fn AreaGlance(rows: Vec<AreaRow>, #[prop(optional)] id: Option<&'static str>) -> impl IntoView {
    let i18n = use_i18n();
    let lines = rows
        .into_iter()
        .map(|row| {
            let kind = row.verdict_kind();
            let (id, title) = (row.area_id.clone(), row.title.clone());
            let verdict_row = row.clone();
            let levels = move || {
                let locale = i18n.get_locale();
                t_string!(
                    i18n,
                    results.area_line,
                    shown = text::glance_level(locale, &row.shown),
                    asked = text::decimal(locale, row.asked, 1)
                )
            };
            view! {
                <li data-area=id data-verdict=kind>
                    <span class="glance-area">{title}</span>
                    <span class="glance-verdict">
                        {move || text::verdict_short(i18n.get_locale(), &verdict_row)}
                    </span>
                    <span class="glance-levels muted">{levels}</span>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="area-glance" id=id>{lines}</ul> }
}

/// The first `count` steps of the plan: what to learn, its area and the size of the gap.
#[component]
pub fn TopSteps(steps: Vec<Gap>, profile: std::sync::Arc<Profile>) -> impl IntoView {
    let i18n = use_i18n();
    let language = profile.language.clone();
    let items = steps
        .into_iter()
        .map(|gap| {
            let (what, area) = profile.requirement_and_area(&gap.requirement_id);
            let size = gap.size;
            view! {
                <li data-requirement=gap.requirement_id.clone()>
                    <span lang=language.clone()>{what}</span>
                    <span class="muted">" \u{2014} " {move || {
                        let gap = text::decimal(i18n.get_locale(), size, 1);
                        t_string!(i18n, plan.gap, area, gap)
                    }}</span>
                </li>
            }
        })
        .collect_view();
    view! { <ol class="top-steps" id="top-steps">{items}</ol> }
}

//! The per-area results table and its rows.

use leptos::prelude::*;

use crate::domain::report::rows::AreaRow;
use crate::ui::i18n::{t, t_string, use_i18n};
use crate::ui::text;

/// One area's row of the results table, the same on the results page and the shared page; the
/// self-rating column only where the candidate's own answers are at hand.
#[component]
pub fn AreaRowView(row: AreaRow, self_rating: bool) -> impl IntoView {
    let i18n = use_i18n();
    let calibration = row.self_rating.and_then(|(_, c)| c);
    let locale = move || i18n.get_locale();
    let (asked, rating) = (row.asked, row.self_rating);
    let shown = row.shown;
    let verdict_row = row.clone();
    let answered_row = row.clone();
    view! {
        <tr data-area=row.area_id.clone()>
            <th scope="row">{row.title.clone()}</th>
            <td>{move || text::decimal(locale(), asked, 1)}</td>
            <td class="shown">{move || text::row_level(locale(), &shown)}</td>
            {self_rating.then(|| view! {
                <td>
                    {move || rating.map_or_else(|| "\u{2014}".to_owned(), |(s, _)| text::decimal(locale(), s, 1))}
                    <span class="calibration">
                        {move || calibration.map(|c| format!(" \u{2014} {}", text::calibration(locale(), c)))}
                    </span>
                </td>
            })}
            <td
                class="verdict"
                data-verdict=row.verdict_kind()
                data-gap=row.gap.map(|g| text::figure(g, 2)).unwrap_or_default()
            >
                {move || text::row_verdict(locale(), &verdict_row)}
            </td>
            <td>{move || text::answered(locale(), &answered_row)}</td>
        </tr>
    }
}

/// Which table: the candidate's own results or a shared link's.
#[derive(Clone, Copy, PartialEq)]
pub enum TableOf {
    Own,
    Shared,
}

/// The per-area results table: the same columns wherever results are shown, the self-rating
/// only where the candidate's own answers are at hand.
#[component]
pub fn AreasTable(
    of: TableOf,
    #[prop(optional)] id: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let label = move || match of {
        TableOf::Own => t_string!(i18n, results.table_label),
        TableOf::Shared => t_string!(i18n, shared.table_label),
    };
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label=label>
            <table class="areas-table" id=id>
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, table.area)}</th>
                        <th scope="col">{t!(i18n, table.asked)}</th>
                        <th scope="col">{t!(i18n, table.shown)}</th>
                        {(of == TableOf::Own).then(|| view! { <th scope="col">{t!(i18n, table.self_rating)}</th> })}
                        <th scope="col">{t!(i18n, table.verdict)}</th>
                        <th scope="col">{t!(i18n, table.answered)}</th>
                    </tr>
                </thead>
                <tbody>{children()}</tbody>
            </table>
        </div>
    }
}

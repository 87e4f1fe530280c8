//! The per-area results table and its rows.

use leptos::prelude::*;

use crate::domain::report::{
    calibration_words, shown_answered, shown_row_level, shown_row_verdict, AreaRow,
};

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

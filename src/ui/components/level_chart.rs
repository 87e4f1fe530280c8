//! The chart of levels asked and shown, with the table as its alternative.

use leptos::prelude::*;

use crate::domain::report::scoring::AreaResult;
use crate::ui::i18n::{t, use_i18n};

/// Asked against shown level per area, drawn as SVG: a bar for the estimate with whiskers for
/// its 95 % range, a tick for the level asked, a ring for the self-rating. The table
/// below it carries the same figures for screen readers.
#[component]
pub fn LevelChart(areas: Vec<AreaResult>) -> impl IntoView {
    let i18n = use_i18n();
    // Each area's name sits above its bar, so long names never squeeze the scale on a phone.
    // Whole units of a 480-wide drawing (half a unit is a thousandth of its width), so that no
    // float is written into the page.
    const LEFT: i32 = 12;
    const WIDTH: i32 = 480;
    const ROW: i32 = 52;
    const TOP: i32 = 24;
    let x = |level: f64| {
        let span = f64::from(WIDTH - LEFT - 12);
        LEFT + (span * level.clamp(0.0, 4.0) / 4.0).round() as i32
    };
    let height = TOP + ROW * areas.len() as i32 + 8;
    let grid = (0..=4)
        .map(|l| {
            let gx = x(f64::from(l));
            view! {
                <line class="chart-grid" x1=gx x2=gx y1=TOP - 6 y2=height - 8 />
                <text class="chart-axis" x=gx y=14 text-anchor="middle">{l}</text>
            }
        })
        .collect_view();
    let rows = areas
        .iter()
        .enumerate()
        .map(|(i, area)| {
            let y = TOP + ROW * i as i32;
            let mid = y + 34;
            let estimate = area.shown().map(|k| {
                view! {
                    <rect class="chart-bar" x=LEFT y=mid - 7 width=(x(k.level) - LEFT).max(0) height=14 rx=3 />
                    <line class="chart-error" x1=x(k.low) x2=x(k.high) y1=mid y2=mid />
                    <line class="chart-error" x1=x(k.low) x2=x(k.low) y1=mid - 5 y2=mid + 5 />
                    <line class="chart-error" x1=x(k.high) x2=x(k.high) y1=mid - 5 y2=mid + 5 />
                }
            });
            let rating = area
                .self_rating
                .map(|s| view! { <circle class="chart-self" cx=x(s) cy=mid r="5.5" /> });
            view! {
                <text class="chart-label" x=LEFT y=y + 16>{area.title.clone()}</text>
                <line class="chart-track" x1=LEFT x2=x(4.0) y1=mid y2=mid />
                {estimate}
                <line class="chart-required" x1=x(area.required) x2=x(area.required) y1=mid - 12 y2=mid + 12 />
                {rating}
            }
        })
        .collect_view();
    view! {
        <figure class="chart">
            <svg
                viewBox=format!("0 0 {WIDTH} {height}")
                role="img"
                aria-labelledby="chart-title"
            >
                <title id="chart-title">{t!(i18n, chart.title)}</title>
                {grid}
                {rows}
            </svg>
            <figcaption class="chart-legend">
                <span><span class="key key-bar"></span>" " {t!(i18n, chart.key_shown)}</span>
                <span><span class="key key-required"></span>" " {t!(i18n, chart.key_asked)}</span>
                <span><span class="key key-self"></span>" " {t!(i18n, chart.key_self)}</span>
            </figcaption>
        </figure>
    }
}

//! A results link opened: the summary it carries, read-only.

use leptos::prelude::*;

use crate::browser;
use crate::domain::report::rows::{evidence_groups, AreaRow};
use crate::domain::report::share::SharedSummary;
use crate::ui::components::*;
use crate::ui::i18n::{t, t_string, use_i18n};
use crate::ui::route::A;
use crate::ui::{text, Session};

/// A results summary someone shared: read-only, from the link alone.
#[component]
pub fn SharedPage() -> impl IntoView {
    let session = expect_context::<Session>();
    let i18n = use_i18n();
    let profile = session.profile();
    let decoded = SharedSummary::decode(&browser::location_hash());
    let body = match decoded {
        Err(e) => view! {
            <PageHeading>{t!(i18n, shared.unreadable_title)}</PageHeading>
            <p role="alert" id="shared-error">
                {move || text::as_sentence(&text::share_error(i18n.get_locale(), &e))}
            </p>
        }
        .into_any(),
        Ok(summary) if summary.profile_id != profile.id => view! {
            <PageHeading>{t!(i18n, shared.other_role_title)}</PageHeading>
            <p role="alert" id="shared-error">
                {t!(i18n, shared.other_role, id = summary.profile_id.clone())}
            </p>
        }
        .into_any(),
        Ok(summary) => {
            let groups = evidence_groups(
                &profile,
                summary
                    .evidence
                    .iter()
                    .map(|e| (e.requirement_id.as_str(), &e.link)),
            );
            let evidence = (!groups.is_empty()).then(|| {
                view! {
                    <section aria-labelledby="shared-evidence-heading" id="shared-evidence">
                        <h2 id="shared-evidence-heading">{t!(i18n, shared.evidence_heading)}</h2>
                        <EvidenceList groups lang=profile.language.clone() />
                    </section>
                }
            });
            let rows = AreaRow::from_shared(&profile, &summary)
                .into_iter()
                .map(|row| view! { <AreaRowView row self_rating=false /> })
                .collect_view();
            let readiness = move || {
                let locale = i18n.get_locale();
                match (summary.readiness, summary.readiness_range) {
                    (Some(_), Some((low, high))) if low != high => t_string!(
                        i18n,
                        shared.readiness_range,
                        low = text::decimal(locale, f64::from(low), 0),
                        high = text::decimal(locale, f64::from(high), 0)
                    ),
                    (Some(r), _) => t_string!(
                        i18n,
                        shared.readiness,
                        value = text::decimal(locale, f64::from(r), 0)
                    ),
                    (None, _) => t_string!(i18n, shared.readiness_none).to_string(),
                }
            };
            view! {
                <p class="eyebrow">{t!(i18n, shared.eyebrow)}</p>
                <PageHeading lang=profile.language.clone()>{profile.role.title.clone()}</PageHeading>
                <p class="readiness" id="shared-readiness">{readiness}</p>
                <AreasTable of=TableOf::Shared id="shared-table">
                    {rows}
                </AreasTable>
                {evidence}
                <p class="muted">{t!(i18n, shared.note)}</p>
            }
            .into_any()
        }
    };
    view! {
        <main class="page shared">
            {body}
            <p><A href="/">{t!(i18n, shared.take_check)}</A></p>
        </main>
    }
}

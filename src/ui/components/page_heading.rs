//! A page's main heading, which takes focus when the page opens.

use leptos::prelude::*;

/// Asks the page's heading to take focus again, for an action that removes the focused control
/// without leaving the page (starting over on the start page).
#[derive(Clone, Copy)]
pub struct FocusHeading(pub RwSignal<u32>);

impl FocusHeading {
    pub fn request(self) {
        self.0.update(|n| *n += 1);
    }
}

/// The page's `h1`. It takes focus when the page opens (and on a [`FocusHeading`] request), so
/// after any navigation focus is on the new page, never left on the body, and a screen reader
/// announces where the candidate is.
#[component]
pub fn PageHeading(
    children: Children,
    #[prop(optional, into)] lang: Option<String>,
) -> impl IntoView {
    let requests = use_context::<FocusHeading>();
    Effect::new(move |opened: Option<()>| {
        if let Some(FocusHeading(n)) = requests {
            n.track();
        }
        // The heading is on the page by the time an effect runs (it stays while the page does).
        // A page opens at its top; a request may come with the page scrolled.
        crate::browser::focus_id(HEADING_ID, opened.is_none());
    });
    view! { <h1 class="page-heading" id=HEADING_ID tabindex="-1" lang=lang>{children()}</h1> }
}

/// The page's `h1`, which takes focus (one on each page).
const HEADING_ID: &str = "page-heading";

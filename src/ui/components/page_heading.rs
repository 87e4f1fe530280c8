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
    let heading = NodeRef::<leptos::html::H1>::new();
    let requests = use_context::<FocusHeading>();
    Effect::new(move |opened: Option<()>| {
        if let Some(FocusHeading(n)) = requests {
            n.track();
        }
        if let Some(h1) = heading.get() {
            // A page opens at its top; a request may come with the page scrolled.
            match opened {
                None => crate::browser::focus_in_place(&h1),
                Some(()) => {
                    let _ = h1.focus();
                }
            }
        }
    });
    view! { <h1 class="page-heading" tabindex="-1" node_ref=heading lang=lang>{children()}</h1> }
}

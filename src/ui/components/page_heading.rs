//! A page's main heading, which takes focus when the page opens.

use leptos::html;
use leptos::prelude::*;

use crate::browser;

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
    let heading = NodeRef::<html::H1>::new();
    let requests = use_context::<FocusHeading>();
    // An effect runs once the view is drawn, so the heading is on the page by then.
    Effect::new(move |opened: Option<()>| {
        if let Some(FocusHeading(n)) = requests {
            n.track();
        }
        if let Some(h1) = heading.get() {
            // A page opens at its top; a request may come with the page scrolled.
            match opened {
                None => browser::focus_in_place(&h1),
                Some(()) => {
                    let _ = h1.focus();
                }
            }
        }
    });
    view! { <h1 class="page-heading" id="page-heading" tabindex="-1" node_ref=heading lang=lang>{children()}</h1> }
}

/// An item's prompt, the `h1` of the item page. Every item draws its own, which takes focus
/// once it is on the page, so that a screen reader announces each new item.
#[component]
pub fn ItemPrompt(
    children: Children,
    #[prop(optional, into)] lang: Option<String>,
) -> impl IntoView {
    let prompt = NodeRef::<html::H1>::new();
    // In place: a new item opens at the top of the page, where its prompt is.
    prompt.on_load(|h1| browser::focus_in_place(&h1));
    view! { <h1 id=super::PROMPT_ID tabindex="-1" node_ref=prompt lang=lang>{children()}</h1> }
}

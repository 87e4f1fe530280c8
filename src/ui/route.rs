//! The app's pages and how the page's address names them.
//!
//! Hosted, a page is a path under the base path (`/fitcheck/check/<id>`), kept with the history
//! API, so that a reload or a shared deep link asks the host for it. The single-file edition may
//! be a local file: a browser lets a `file:` page change only the query and the fragment of its
//! address, and a reload would ask the disk for the path. There the page is named after `#`
//! (`fitcheck-<role>.html#/check/<id>`). leptos_router 0.8 reads and pushes paths only (no
//! fragment mode), so the app keeps this small router of its own: the same pages and links in
//! both editions, told apart only by [`Addressing`].

use leptos::ev;
use leptos::prelude::*;

use crate::browser;

/// A page of the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    Welcome,
    Item,
    Results,
    Review,
    Evidence,
    Practice,
    Shared,
    NotFound,
}

/// The page an address names, with the item or question it names (`/check/<item>`,
/// `/practice/<question>`; empty for the other pages).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Route {
    pub page: Page,
    pub item: String,
}

impl Route {
    /// The route of an app path such as `/check/python-basics`. A path must start with `/`; one
    /// trailing `/` is allowed.
    pub fn at(path: &str) -> Route {
        let route = |page| Route {
            page,
            item: String::new(),
        };
        let Some(rest) = path.strip_prefix('/') else {
            return route(Page::NotFound);
        };
        let rest = match rest.strip_suffix('/') {
            Some(shorter) if !shorter.is_empty() => shorter,
            _ => rest,
        };
        let mut parts = rest.split('/');
        match (parts.next(), parts.next(), parts.next()) {
            (Some(""), None, _) => route(Page::Welcome),
            (Some("results"), None, _) => route(Page::Results),
            (Some("review"), None, _) => route(Page::Review),
            (Some("evidence"), None, _) => route(Page::Evidence),
            (Some("shared"), None, _) => route(Page::Shared),
            (Some(kind @ ("check" | "practice")), Some(item), None) if !item.is_empty() => Route {
                page: if kind == "check" {
                    Page::Item
                } else {
                    Page::Practice
                },
                item: item.to_owned(),
            },
            _ => route(Page::NotFound),
        }
    }
}

/// Where the page's address names the app's page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Addressing {
    /// The path under `base` (e.g. `/fitcheck`, empty at the site root): the hosted edition.
    Path { base: String },
    /// The fragment, after `#`: the single-file edition.
    Fragment,
}

impl Addressing {
    /// The addressing of this page's edition.
    pub fn of_page() -> Addressing {
        match browser::edition() {
            browser::Edition::Hosted => Addressing::Path {
                base: browser::base_path(),
            },
            browser::Edition::SingleFile { .. } => Addressing::Fragment,
        }
    }

    /// The app path an address names, from its `pathname` and its `fragment` (without `#`).
    /// A path outside the base names no page (the empty path).
    pub fn app_path(&self, pathname: &str, fragment: &str) -> String {
        match self {
            Addressing::Path { base } => match pathname.strip_prefix(base.as_str()) {
                Some("") => "/".to_owned(),
                Some(rest) if rest.starts_with('/') => rest.to_owned(),
                _ => String::new(),
            },
            Addressing::Fragment if fragment.is_empty() => "/".to_owned(),
            Addressing::Fragment => fragment.to_owned(),
        }
    }

    /// The address to link to for the app path `path`.
    pub fn href(&self, path: &str) -> String {
        match self {
            Addressing::Path { base } => format!("{base}{path}"),
            Addressing::Fragment => format!("#{path}"),
        }
    }
}

/// The app's place: the path the address names and its route. In context inside
/// [`Navigator::provide`]; pages move with [`use_navigate`] and [`A`].
#[derive(Clone, Copy)]
pub struct Navigator {
    addressing: StoredValue<Addressing>,
    here: RwSignal<String>,
    pub route: Memo<Route>,
}

impl Navigator {
    /// Reads the address, follows the browser's back and forward buttons (and an edited
    /// fragment), and provides the navigator to the pages.
    pub fn provide() -> Navigator {
        let addressing = Addressing::of_page();
        let read = {
            let addressing = addressing.clone();
            move || addressing.app_path(&browser::location_path(), &browser::location_hash())
        };
        let here = RwSignal::new(read());
        let navigator = Navigator {
            addressing: StoredValue::new(addressing),
            here,
            route: Memo::new(move |_| here.with(|path| Route::at(path))),
        };
        // Back and forward open a page at its top, as a link does (its heading takes focus there).
        browser::place_pages_myself();
        let history = window_event_listener(ev::popstate, move |_| {
            here.set(read());
            browser::scroll_to_top();
        });
        on_cleanup(move || history.remove());
        provide_context(navigator);
        navigator
    }

    /// Opens the page at `path` (`/results`, `/check/<id>`) and adds it to the history.
    pub fn go(self, path: &str) {
        if self.here.with_untracked(|here| here != path) {
            browser::push_address(&self.href(path));
        }
        self.here.set(path.to_owned());
        browser::scroll_to_top();
    }

    /// The address of `path`, for a link.
    pub fn href(self, path: &str) -> String {
        self.addressing.with_value(|a| a.href(path))
    }
}

/// The navigator of the pages. Pages and their links exist only inside [`Navigator::provide`]
/// (`ui::Pages`), so it is always there.
pub fn use_navigator() -> Navigator {
    expect_context::<Navigator>()
}

/// A function that opens the page at an app path.
pub fn use_navigate() -> impl Fn(&str) + Clone + Send + Sync + 'static {
    let navigator = use_navigator();
    move |path| navigator.go(path)
}

/// The item or question the address names (empty on other pages).
pub fn use_item() -> Memo<String> {
    let route = use_navigator().route;
    Memo::new(move |_| route.with(|r| r.item.clone()))
}

/// A link to the app path `href`: opened in place, as a page of the app, unless the candidate
/// asks the browser for something else (a new tab, a download).
#[component]
pub fn A(#[prop(into)] href: Signal<String>, children: Children) -> impl IntoView {
    let navigator = use_navigator();
    let follow = move |event: web_sys::MouseEvent| {
        let plain = event.button() == 0
            && !(event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key());
        if plain && !event.default_prevented() {
            event.prevent_default();
            navigator.go(&href.get_untracked());
        }
    };
    view! { <a href=move || navigator.href(&href.get()) on:click=follow>{children()}</a> }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(path: &str) -> (Page, String) {
        let route = Route::at(path);
        (route.page, route.item)
    }

    #[test]
    fn each_page_has_its_path() {
        assert_eq!(page("/"), (Page::Welcome, String::new()));
        assert_eq!(page("/results"), (Page::Results, String::new()));
        assert_eq!(page("/results/"), (Page::Results, String::new()));
        assert_eq!(page("/review"), (Page::Review, String::new()));
        assert_eq!(page("/evidence"), (Page::Evidence, String::new()));
        assert_eq!(page("/shared"), (Page::Shared, String::new()));
        assert_eq!(page("/check/py-1"), (Page::Item, "py-1".to_owned()));
        assert_eq!(page("/practice/py-1"), (Page::Practice, "py-1".to_owned()));
    }

    #[test]
    fn anything_else_is_not_found() {
        for path in [
            "",
            "results",
            "/nowhere/at/all",
            "/check",
            "/check/",
            "/check/a/b",
            "/practice//",
            "//",
            "/results/more",
        ] {
            assert_eq!(page(path).0, Page::NotFound, "{path:?}");
        }
    }

    #[test]
    fn hosted_pages_are_paths_under_the_base() {
        let root = Addressing::Path {
            base: String::new(),
        };
        assert_eq!(root.app_path("/", ""), "/");
        assert_eq!(root.app_path("/check/a", "x"), "/check/a");
        assert_eq!(root.href("/results"), "/results");
        let sub = Addressing::Path {
            base: "/fitcheck".to_owned(),
        };
        assert_eq!(sub.app_path("/fitcheck", ""), "/");
        assert_eq!(sub.app_path("/fitcheck/", ""), "/");
        assert_eq!(sub.app_path("/fitcheck/results", ""), "/results");
        assert_eq!(sub.href("/results"), "/fitcheck/results");
        // Outside the base, or a longer name that starts like it: no page.
        assert_eq!(
            Route::at(&sub.app_path("/results", "")).page,
            Page::NotFound
        );
        assert_eq!(
            Route::at(&sub.app_path("/fitcheckers", "")).page,
            Page::NotFound
        );
    }

    #[test]
    fn single_file_pages_are_fragments() {
        let file = Addressing::Fragment;
        assert_eq!(file.app_path("/home/me/fitcheck-role.html", ""), "/");
        assert_eq!(
            file.app_path("/home/me/fitcheck-role.html", "/check/a"),
            "/check/a"
        );
        assert_eq!(
            Route::at(&file.app_path("/x.html", "top")).page,
            Page::NotFound
        );
        assert_eq!(file.href("/check/a"), "#/check/a");
        assert_eq!(file.href("/"), "#/");
    }
}

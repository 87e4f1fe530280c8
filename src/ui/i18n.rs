//! The interface's two languages: which one is chosen ([`I18n`], in context), and the texts of
//! `locales/*.json`, which build.rs (build/locales.rs) turns into a function per key in [`keys`]:
//! of the language alone for a fixed text (`&'static str`), and of the key's values for one that
//! holds values (`String`) or a tag ([`Tagged`]). The macros keep the call sites short:
//! `td_string!(locale, item.back)`, `td_string!(locale, welcome.ratings, count = n)`, and
//! `t_string!(i18n, …)` / `t!(i18n, …)` for the language chosen now / as it changes (`t!` is the
//! way a view writes a text: a closure Leptos redraws when the language changes).
//!
//! English and German need no more than this: plurals choose between a count of exactly 1 and
//! any other, and numbers come already written (`ui::text::decimal`).

use std::fmt::{Display, Write as _};
use std::str::FromStr;

use leptos::prelude::*;

use crate::browser;

/// The texts, a module per group of keys (`keys::item::back`).
pub mod keys {
    include!(concat!(env!("OUT_DIR"), "/texts.rs"));
}

/// A language of the interface.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Locale {
    #[default]
    En,
    De,
}

impl Locale {
    /// The language's tag, as `<html lang>` and the saved choice have it.
    pub fn as_str(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::De => "de",
        }
    }

    /// The one of `en` and `de` that is in this language (the generated keys' tables).
    pub fn pick<T>(self, en: T, de: T) -> T {
        match self {
            Locale::En => en,
            Locale::De => de,
        }
    }

    /// The first of the browser's languages (`navigator.languages`, most wanted first) that the
    /// interface speaks, whatever its region ("de-AT" is German); English when none is.
    pub fn preferred<T: AsRef<str>>(wanted: &[T]) -> Locale {
        wanted
            .iter()
            .find_map(|tag| {
                let language = tag.as_ref().split(['-', '_']).next()?;
                language.to_ascii_lowercase().parse().ok()
            })
            .unwrap_or_default()
    }
}

impl FromStr for Locale {
    type Err = ();

    /// A language's own tag ("en", "de"), as [`Locale::as_str`] writes it.
    fn from_str(tag: &str) -> Result<Self, ()> {
        match tag.trim() {
            "en" => Ok(Locale::En),
            "de" => Ok(Locale::De),
            _ => Err(()),
        }
    }
}

/// The interface language, chosen now and as it changes: one signal in context.
#[derive(Clone, Copy)]
pub struct I18n(RwSignal<Locale>);

impl I18n {
    /// The language now, followed by the caller.
    pub fn get_locale(self) -> Locale {
        self.0.get()
    }

    /// The language now, not followed (an event handler's).
    pub fn get_locale_untracked(self) -> Locale {
        self.0.get_untracked()
    }

    pub fn set_locale(self, locale: Locale) {
        self.0.set(locale);
    }

    /// Provides the language to everything below, starting in `initial`, and keeps
    /// `<html lang>` in step with it (screen readers' pronunciation, public/boot.js's crash page).
    pub fn provide(initial: Locale) -> I18n {
        let i18n = I18n(RwSignal::new(initial));
        provide_context(i18n);
        Effect::new(move |_| browser::set_document_language(i18n.get_locale().as_str()));
        i18n
    }
}

/// The interface language provided by [`I18n::provide`].
pub fn use_i18n() -> I18n {
    expect_context()
}

/// A count that chooses a plural's form: English and German say "one" of exactly 1 (and of -1),
/// and "other" of every other whole number.
pub trait Count: Display {
    fn is_one(&self) -> bool;
}

macro_rules! counts {
    ($($unsigned:ty),* ; $($signed:ty),*) => {
        $(impl Count for $unsigned {
            fn is_one(&self) -> bool {
                *self == 1
            }
        })*
        $(impl Count for $signed {
            fn is_one(&self) -> bool {
                self.unsigned_abs() == 1
            }
        })*
    };
}
counts!(u8, u16, u32, u64, usize; i32, i64);

/// A plural's form for `count`, of the texts `[one, other]` in each language.
pub fn plural(
    locale: Locale,
    count: &dyn Count,
    en: [&'static str; 2],
    de: [&'static str; 2],
) -> &'static str {
    let [one, other] = locale.pick(en, de);
    if count.is_one() {
        one
    } else {
        other
    }
}

/// `template` with its values written in: build.rs marks each as `\u{1}` and its index (one
/// digit) in `values`. The generated functions are its only callers, so an index always fits.
pub fn fill(template: &str, values: &[&dyn Display]) -> String {
    let mut text = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(at) = rest.find('\u{1}') {
        text.push_str(&rest[..at]);
        let index = rest
            .as_bytes()
            .get(at + 1)
            .map_or(0, |digit| digit.wrapping_sub(b'0'));
        if let Some(value) = values.get(usize::from(index)) {
            let _ = write!(text, "{value}");
        }
        rest = rest.get(at + 2..).unwrap_or_default();
    }
    text.push_str(rest);
    text
}

/// A text with a tag, cut at it, for the view to draw the tag: `<a>` around `inside`, or an
/// empty tag (`<figure />`) between `before` and `after` (and `inside` empty).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tagged<S> {
    pub before: S,
    pub inside: S,
    pub after: S,
}

impl Tagged<&'static str> {
    /// Cuts a fixed text at the tag's edges, which build.rs marks as `\u{2}`.
    pub fn split(template: &'static str) -> Self {
        let mut parts = template.splitn(3, '\u{2}');
        let mut next = move || parts.next().unwrap_or_default();
        Tagged {
            before: next(),
            inside: next(),
            after: next(),
        }
    }
}

impl Tagged<String> {
    /// Cuts a text at the tag's edges and writes its values into each part.
    pub fn fill(template: &'static str, values: &[&dyn Display]) -> Self {
        let Tagged {
            before,
            inside,
            after,
        } = Tagged::split(template);
        Tagged {
            before: fill(before, values),
            inside: fill(inside, values),
            after: fill(after, values),
        }
    }
}

/// A key's text in `locale`: `td_string!(locale, group.key)` for a fixed text, and
/// `td_string!(locale, group.key, name = value, other)` for one with values (`other` for
/// `other = other`); a plural's count is `count`.
macro_rules! td_string {
    ($locale:expr, $($key:ident).+) => {
        $crate::ui::i18n::keys::$($key)::+($locale)
    };
    ($locale:expr, $($key:ident).+, $($name:ident $(= $value:expr)?),+ $(,)?) => {
        $crate::ui::i18n::keys::$($key)::+(
            $locale,
            $crate::ui::i18n::keys::$($key)::+ {
                $($name: &$crate::ui::i18n::value!($name $(, $value)?)),+
            },
        )
    };
}

/// [`td_string!`] in the language chosen now (followed where the caller is reactive).
macro_rules! t_string {
    ($i18n:expr, $($text:tt)+) => {
        $crate::ui::i18n::td_string!($i18n.get_locale(), $($text)+)
    };
}

/// A key's text in a view, following the language: `{t!(i18n, item.back)}`, or as an
/// attribute, `aria-label=t!(i18n, item.nav_label)`. The values are taken once, here; a text
/// whose values change is `{move || t_string!(i18n, …)}`.
macro_rules! t {
    ($i18n:expr, $($key:ident).+ $(, $name:ident $(= $value:expr)?)* $(,)?) => {{
        let i18n = $i18n;
        $(let $name = $crate::ui::i18n::value!($name $(, $value)?);)*
        $crate::ui::i18n::following(move || {
            $crate::ui::i18n::td_string!(i18n.get_locale(), $($key).+ $(, $name)*)
        })
    }};
}

/// A text that follows the chosen language, as a derived signal: every fixed text of the
/// interface is then the same kind of view (a `Signal` of a text) rather than a closure type of
/// its own at each of its 180 places, each with a renderer of its own. Measured on the release
/// wasm: 925,269 → 897,223 B raw, 276,207 → 272,696 B brotli.
pub fn following<T: Send + Sync + 'static>(
    text: impl Fn() -> T + Send + Sync + 'static,
) -> Signal<T> {
    Signal::derive(text)
}

/// A value given by name alone (`count`) or as `name = value`.
macro_rules! value {
    ($name:ident) => {
        $name
    };
    ($name:ident, $value:expr) => {
        $value
    };
}

pub(crate) use {t, t_string, td_string, value};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_browser_s_first_language_the_interface_speaks_is_chosen() {
        assert_eq!(Locale::preferred(&["de-DE"]), Locale::De);
        assert_eq!(Locale::preferred(&["fr-FR", "de-AT", "en"]), Locale::De);
        assert_eq!(Locale::preferred(&["en-GB", "de"]), Locale::En);
        assert_eq!(Locale::preferred(&["DE"]), Locale::De);
        assert_eq!(Locale::preferred(&["fr", "it"]), Locale::En);
        assert_eq!(Locale::preferred::<&str>(&[]), Locale::En);
    }

    #[test]
    fn a_saved_choice_is_read_back_and_nothing_else_is() {
        for locale in [Locale::En, Locale::De] {
            assert_eq!(locale.as_str().parse(), Ok(locale));
        }
        assert_eq!(" de\n".parse(), Ok(Locale::De));
        assert_eq!("de-DE".parse::<Locale>(), Err(()));
        assert_eq!("".parse::<Locale>(), Err(()));
    }

    #[test]
    fn exactly_one_is_singular_in_both_languages() {
        let form = |count: &dyn Count| plural(Locale::De, count, ["a", "b"], ["1", "n"]);
        assert_eq!(form(&1usize), "1");
        assert_eq!(form(&-1i32), "1");
        for other in [0u64, 2, 11, 21, 101] {
            assert_eq!(form(&other), "n", "{other}");
        }
        assert_eq!(plural(Locale::En, &1u32, ["a", "b"], ["1", "n"]), "a");
    }

    #[test]
    fn values_are_written_where_the_template_marks_them() {
        let (count, key): (usize, &str) = (3, "fitcheck.backup");
        assert_eq!(
            fill("\u{1}1 kept under “\u{1}0” (\u{1}1)", &[&key, &count]),
            "3 kept under “fitcheck.backup” (3)"
        );
        assert_eq!(fill("no values", &[]), "no values");
    }

    #[test]
    fn a_tagged_text_is_cut_at_its_tag() {
        assert_eq!(
            Tagged::split("Nothing here. \u{2}Go to the start page\u{2}."),
            Tagged {
                before: "Nothing here. ",
                inside: "Go to the start page",
                after: "."
            }
        );
        let empty = Tagged::split("\u{2}\u{2} ready");
        assert_eq!(
            (empty.before, empty.inside, empty.after),
            ("", "", " ready")
        );
        assert_eq!(
            Tagged::fill("found \u{1}0 in \u{2}\u{1}1\u{2}:", &[&2, &"a.json"]),
            Tagged {
                before: "found 2 in ".to_owned(),
                inside: "a.json".to_owned(),
                after: ":".to_owned()
            }
        );
    }

    #[test]
    fn the_generated_keys_word_texts_in_both_languages() {
        assert_eq!(keys::item::back(Locale::En), "Back");
        assert_eq!(keys::item::back(Locale::De), "Zurück");
        assert_eq!(
            td_string!(Locale::En, welcome.ratings, count = 1),
            "1 self-rating"
        );
        let n = 2;
        assert_eq!(
            td_string!(Locale::En, welcome.ratings, count = n),
            "2 self-ratings"
        );
        assert_eq!(
            td_string!(Locale::En, item.missing).inside,
            "Go to the start page"
        );
    }
}

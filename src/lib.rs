//! Fitcheck: measure yourself against a real job's requirements, privately, in the browser.
//!
//! `domain` is the pure model; `ui` renders it with Leptos; `browser` is the thin glue to web
//! APIs (fetch, localStorage). See ARCHITECTURE.md.

pub mod browser;
pub mod domain;
pub mod ui;

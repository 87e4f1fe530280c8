//! The app's pages, one per route (and the pages for what cannot be shown).

mod errors;
mod item;
mod results;
mod shared;
mod welcome;

pub use errors::*;
pub use item::*;
pub use results::*;
pub use shared::*;
pub use welcome::*;

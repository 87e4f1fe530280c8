//! The app's pages, one per route (and the pages for what cannot be shown).

mod errors;
mod evidence;
mod item;
mod practice;
mod results;
mod review;
mod shared;
mod welcome;

pub use errors::*;
pub use evidence::*;
pub use item::*;
pub use practice::*;
pub use results::*;
pub use review::*;
pub use shared::*;
pub use welcome::*;

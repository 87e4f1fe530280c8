//! Small components the pages are made of; each renders and dispatches to the session.

mod areas_table;
mod evidence_list;
mod glance;
mod history;
mod keep_results;
mod level_chart;
mod notices;
mod outcome;
mod page_heading;
mod plan_step;
mod progress_bar;
mod progress_file;
mod question;
mod review_item;
mod self_ratings;
mod start_over;

pub use areas_table::*;
pub use evidence_list::*;
pub use glance::*;
pub use history::*;
pub use keep_results::*;
pub use level_chart::*;
pub use notices::*;
pub use outcome::*;
pub use page_heading::*;
pub use plan_step::*;
pub use progress_bar::*;
pub use progress_file::*;
pub use question::*;
pub use review_item::*;
pub use self_ratings::*;
pub use start_over::*;

/// The id of the item prompt, which takes focus on every new item.
pub const PROMPT_ID: &str = "item-prompt";

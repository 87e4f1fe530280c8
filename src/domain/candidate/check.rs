//! What a check is, apart from the answers given in it: its mode (every item, or the quick
//! check's adaptive choice), the areas it covers (every area, or a retake's), and the ids of its
//! self-rating screens. Saved progress and the history store these; the walk reads them.

use serde::{Deserialize, Serialize};

/// How the candidate goes through the items.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// Every item of the profile.
    #[default]
    Full,
    /// Self-ratings, then per area the most informative questions until the estimate is precise
    /// enough (see `measure::select`).
    Quick,
}

impl Mode {
    /// The mode of this name, as progress stores it ("full", "quick").
    pub fn named(name: &str) -> Option<Mode> {
        Mode::deserialize(&serde_json::Value::from(name)).ok()
    }
}

/// The prefix of an area's self-rating screen id. Item ids are slugs (no underscore), so a step id
/// with it never collides with an item.
const RATINGS_PREFIX: &str = "self-ratings_";

/// The id of the screen with all self-ratings of `area_id` (also its address).
pub fn ratings_step_id(area_id: &str) -> String {
    format!("{RATINGS_PREFIX}{area_id}")
}

/// The area of a self-rating screen id, or `None` for any other id.
pub fn ratings_step_area(step_id: &str) -> Option<&str> {
    step_id.strip_prefix(RATINGS_PREFIX)
}

/// Whether a check that covers `focus` (empty: every area) asks in `area_id`.
pub fn covers(focus: &[String], area_id: &str) -> bool {
    focus.is_empty() || focus.iter().any(|a| a == area_id)
}

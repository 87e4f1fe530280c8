//! The measurement, in one place: what an answer says about a candidate's level in an area, and
//! what the check may conclude from the answers it has.
//!
//! - [`area`]: an area's answers as scored responses, its posterior and the level it asks for;
//! - [`model`]: the item model (three-parameter logistic on the level scale, guessing included);
//! - [`posterior`]: the ability estimate (a grid posterior: level, sd, 90 % interval);
//! - [`select`]: the next question of a quick check and when an area stops;
//! - [`verdict`]: meets / below / not clear yet against a required level, and readiness;
//! - [`guessing`]: the rule that tells a candidate their answers look like guessing.
//!
//! The model is one-dimensional per area: a requirement's level is read from its area's
//! posterior, against the requirement's own required level.

pub mod area;
pub mod guessing;
pub mod model;
pub mod posterior;
pub mod select;
pub mod verdict;

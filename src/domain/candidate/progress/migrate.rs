//! Older saved progress brought up to the schema this build writes, one version at a time.
//! The steps work on the JSON value as it was saved: each version's document is the one before
//! it with fields added, and version 3's option seed is drawn from the saved text itself.

use serde_json::{json, Value};

use crate::domain::candidate::seed::{fnv1a, json_safe};

use super::error::ProgressError;
use super::PROGRESS_SCHEMA_VERSION;

/// Brings an older saved value up to [`PROGRESS_SCHEMA_VERSION`], one version at a time.
pub(super) fn migrate(mut value: Value) -> Result<Value, ProgressError> {
    loop {
        let version = value
            .get("schema_version")
            .and_then(Value::as_u64)
            .ok_or(ProgressError::NoVersion)?;
        match version {
            v if v == u64::from(PROGRESS_SCHEMA_VERSION) => return Ok(value),
            v if v > u64::from(PROGRESS_SCHEMA_VERSION) => {
                return Err(ProgressError::FromTheFuture(v))
            }
            // Version 2 added the mode; everything saved before it was a full check.
            1 => {
                let Value::Object(map) = &mut value else {
                    return Err(ProgressError::Malformed("not an object".into()));
                };
                map.insert("mode".into(), json!("full"));
                map.insert("schema_version".into(), json!(2));
            }
            // Version 4 keeps answers aside instead of dropping them, and fingerprints the options
            // each question was answered with; reconcile fills those in for the answers there.
            3 => {
                let Value::Object(map) = &mut value else {
                    return Err(ProgressError::Malformed("not an object".into()));
                };
                map.insert("options".into(), json!({}));
                map.insert("kept_aside".into(), json!({}));
                map.insert("schema_version".into(), json!(4));
            }
            // Version 5 keeps the history of attempts, retakes and evidence links; progress
            // before it is the first attempt, with no history and no links.
            4 => {
                let Value::Object(map) = &mut value else {
                    return Err(ProgressError::Malformed("not an object".into()));
                };
                map.insert("run".into(), json!(1));
                map.insert("attempts".into(), json!([]));
                map.insert("focus".into(), json!([]));
                map.insert("seen".into(), json!([]));
                map.insert("evidence".into(), json!({}));
                map.insert("schema_version".into(), json!(5));
            }
            // Version 3 shuffles options per candidate. Answers always stored the profile's
            // option indices, so they keep their meaning; the seed is drawn from the saved text
            // itself, so it differs between candidates and stays put once written.
            2 => {
                let seed = json_safe(fnv1a(value.to_string().as_bytes()));
                let Value::Object(map) = &mut value else {
                    return Err(ProgressError::Malformed("not an object".into()));
                };
                map.insert("option_seed".into(), json!(seed));
                map.insert("continued".into(), json!([]));
                map.insert("schema_version".into(), json!(3));
            }
            v => {
                return Err(ProgressError::Malformed(format!(
                    "schema version {v} never existed"
                )))
            }
        }
    }
}

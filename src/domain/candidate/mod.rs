//! The candidate's side: what they answered and how ([`answer`], [`check`]), the screens they
//! move through ([`walk`]), their saved progress with its migrations ([`progress`]), the checks
//! they finished ([`history`]), practice apart from the check ([`practice`]), links to their work
//! ([`evidence`]), moving progress as a file ([`transfer`]) and what they are told about storage
//! ([`notice`]). `seed` holds the small hashes behind their option order and the quick check's
//! draws.

pub mod answer;
pub mod check;
pub mod evidence;
pub mod history;
pub mod notice;
pub mod practice;
pub mod progress;
pub mod seed;
pub mod transfer;
pub mod walk;

//! What the results say, from a candidate's answers: the measurement gathered per area and
//! requirement with verdicts, readiness and the learning plan ([`scoring`]), one row per area for
//! every view of the results ([`rows`]), the answers looked back at ([`review`]), and the summary a
//! share link carries and the history keeps ([`share`]).

pub mod review;
pub mod rows;
pub mod scoring;
pub mod share;

//! The English table, part by part (see [`crate::text`]).

mod course;

pub const PARTS: &[super::Part] = &[course::PART];

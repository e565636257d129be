//! The English table, part by part (see [`crate::text`]).

mod course;
mod exercises;

pub const PARTS: &[super::Part] = &[course::PART, exercises::PART];

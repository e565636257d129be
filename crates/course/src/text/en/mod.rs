//! The English table, part by part (see [`crate::text`]).

mod course;
mod demo;

pub const PARTS: &[super::Part] = &[course::PART, demo::PART];

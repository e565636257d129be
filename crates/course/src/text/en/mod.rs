//! The English table, part by part (see [`crate::text`]).

mod course;
mod demo;
mod wire;

pub const PARTS: &[super::Part] = &[course::PART, demo::PART, wire::PART];

//! A tabela em português (Brasil), parte por parte (veja [`crate::text`]).

mod course;
mod exercises;

pub const PARTS: &[super::Part] = &[course::PART, exercises::PART];

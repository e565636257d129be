//! A tabela em português (Brasil), parte por parte (veja [`crate::text`]).

mod course;
mod demo;

pub const PARTS: &[super::Part] = &[course::PART, demo::PART];

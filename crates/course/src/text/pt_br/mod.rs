//! A tabela em português (Brasil), parte por parte (veja [`crate::text`]).

mod course;
mod demo;
mod wire;

pub const PARTS: &[super::Part] = &[course::PART, demo::PART, wire::PART];

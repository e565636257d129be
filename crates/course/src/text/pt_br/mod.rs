//! A tabela em português (Brasil), parte por parte (veja [`crate::text`]).

mod course;

pub const PARTS: &[super::Part] = &[course::PART];

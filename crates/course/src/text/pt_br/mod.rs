//! A tabela em português (Brasil), parte por parte (veja [`crate::text`]).

mod course;
mod demo;
mod socket_lab;
mod wire;

pub const PARTS: &[super::Part] = &[course::PART, demo::PART, socket_lab::PART, wire::PART];

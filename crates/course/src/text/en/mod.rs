//! The English table, part by part (see [`crate::text`]).

mod course;
mod demo;
mod socket_lab;
mod wire;

pub const PARTS: &[super::Part] = &[course::PART, demo::PART, socket_lab::PART, wire::PART];

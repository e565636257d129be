//! A tabela em português (Brasil), parte por parte (veja [`crate::text`]).

mod course;
mod multicast_listener;
mod multicast_sender;

pub const PARTS: &[super::Part] = &[
    course::PART,
    multicast_listener::PART,
    multicast_sender::PART,
];

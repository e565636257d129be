//! A tabela em português (Brasil), parte por parte (veja [`crate::text`]).

mod course;
mod udp_receiver;
mod udp_relay;
mod udp_sender;

pub const PARTS: &[super::Part] = &[
    course::PART,
    udp_receiver::PART,
    udp_relay::PART,
    udp_sender::PART,
];

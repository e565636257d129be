//! A tabela em português (Brasil), parte por parte (veja [`crate::text`]).

mod course;
mod tcp_client;
mod tcp_echo_server;

pub const PARTS: &[super::Part] = &[course::PART, tcp_echo_server::PART, tcp_client::PART];

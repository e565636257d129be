//! A tabela em português (Brasil), parte por parte (veja [`crate::text`]).

mod address;
mod course;
mod datagram;
mod demo;
mod exercises;
mod multicast_listener;
mod multicast_sender;
mod running;
mod socket_lab;
mod tcp_client;
mod tcp_echo_server;
mod trouble;
mod udp_receiver;
mod udp_relay;
mod udp_sender;
mod wire;

pub const PARTS: &[super::Part] = &[
    course::PART,
    address::PART,
    trouble::PART,
    running::PART,
    datagram::PART,
    multicast_listener::PART,
    multicast_sender::PART,
    tcp_client::PART,
    tcp_echo_server::PART,
    udp_receiver::PART,
    udp_relay::PART,
    udp_sender::PART,
    demo::PART,
    socket_lab::PART,
    wire::PART,
    exercises::PART,
];

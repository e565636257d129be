//! The spec of the echo desk: real TCP connections on loopback, port 0, with deadlines, so a
//! wrong handler fails and never hangs.

use std::io::{self, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use tcp1_echo_handler::handle;

const DEADLINE: Duration = Duration::from_secs(5);

/// Connects a client to a fresh listener and runs `handle` on the accepted stream, in a thread.
/// Returns the client and where `handle`'s result arrives.
fn echo_desk() -> (TcpStream, mpsc::Receiver<io::Result<u64>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let client = TcpStream::connect(listener.local_addr().unwrap()).unwrap();
    let (server, _) = listener.accept().unwrap();
    let (result_tx, result_rx) = mpsc::channel();
    thread::spawn(move || {
        let _ = result_tx.send(handle(server));
    });
    client.set_read_timeout(Some(DEADLINE)).unwrap();
    client.set_write_timeout(Some(DEADLINE)).unwrap();
    (client, result_rx)
}

fn read_echo(client: &mut TcpStream, len: usize) -> Vec<u8> {
    let mut echo = vec![0u8; len];
    client
        .read_exact(&mut echo)
        .unwrap_or_else(|e| panic!("expected {len} bytes of echo, the read failed: {e}"));
    echo
}

/// Waits for `handle` to return, within the deadline.
fn handler_result(result_rx: &mpsc::Receiver<io::Result<u64>>) -> u64 {
    match result_rx.recv_timeout(DEADLINE) {
        Ok(Ok(echoed)) => echoed,
        Ok(Err(e)) => panic!("handle returned an error: {e}"),
        Err(mpsc::RecvTimeoutError::Timeout) => {
            panic!("handle did not return within {DEADLINE:?} after the client closed its side")
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => panic!("handle panicked"),
    }
}

/// After the handler returned, the client must see the end of the stream and nothing else.
fn assert_nothing_more(client: &mut TcpStream) {
    let mut rest = Vec::new();
    client.read_to_end(&mut rest).expect("reading to the end");
    assert!(
        rest.is_empty(),
        "the echo desk sent {} bytes more than it received: {:?}",
        rest.len(),
        String::from_utf8_lossy(&rest)
    );
}

#[test]
fn echoes_one_message_and_returns_its_length() {
    let (mut client, result) = echo_desk();
    let message = b"ping from the chat client\n";
    client.write_all(message).unwrap();
    assert_eq!(read_echo(&mut client, message.len()), message);
    client.shutdown(Shutdown::Write).unwrap();
    assert_eq!(handler_result(&result), message.len() as u64);
    assert_nothing_more(&mut client);
}

#[test]
fn keeps_echoing_message_after_message_on_one_connection() {
    let (mut client, result) = echo_desk();
    let messages: [&[u8]; 3] = [b"hello\n", b"are you there?\n", b"bye\n"];
    for message in messages {
        // Wait for each echo before writing the next, so that they arrive as separate reads.
        client.write_all(message).unwrap();
        assert_eq!(read_echo(&mut client, message.len()), message);
    }
    client.shutdown(Shutdown::Write).unwrap();
    let total: usize = messages.iter().map(|m| m.len()).sum();
    assert_eq!(handler_result(&result), total as u64);
    assert_nothing_more(&mut client);
}

#[test]
fn returns_as_soon_as_the_peer_closes_its_side() {
    let (mut client, result) = echo_desk();
    client.shutdown(Shutdown::Write).unwrap();
    assert_eq!(handler_result(&result), 0);
    assert_nothing_more(&mut client);
}

#[test]
fn echoes_a_megabyte_written_while_the_echo_is_read() {
    let (mut client, result) = echo_desk();
    let data: Vec<u8> = (0..1_048_576u32).map(|i| (i % 251) as u8).collect();
    let mut writer = client.try_clone().unwrap();
    let to_send = data.clone();
    // Write and read at the same time: a megabyte does not fit in the socket buffers at once.
    let sender = thread::spawn(move || {
        writer.write_all(&to_send).unwrap();
        writer.shutdown(Shutdown::Write).unwrap();
    });
    let echo = read_echo(&mut client, data.len());
    assert!(echo == data, "the echo differs from what was sent");
    sender.join().unwrap();
    assert_eq!(handler_result(&result), data.len() as u64);
    assert_nothing_more(&mut client);
}

//! The spec of the weather station's framing: real TCP connections on loopback, port 0, with
//! read timeouts, so a wrong reader fails and never hangs. A failure shows the frames the
//! station sent and what your function made of them (the `speckit` helpers).

use std::io::{self, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::thread;
use std::time::Duration;

use speckit::{
    Call, Doing, OrFail, bytes_differ, call, check_eq, count, describe, expected_got, fail, hex,
    io_error, panicked, quote, returned_an_error,
};
use tcp2_framing::{read_frame, write_frame};

const DEADLINE: Duration = Duration::from_secs(5);

/// A connected pair: (the station's side, the display's side).
fn connection() -> (TcpStream, TcpStream) {
    let listener = TcpListener::bind("127.0.0.1:0").doing("setting up: binding 127.0.0.1:0");
    let addr = listener
        .local_addr()
        .doing("setting up: the listener's address");
    let station = TcpStream::connect(addr).doing("setting up: connecting the station");
    let (display, _) = listener.accept().doing("setting up: accepting the station");
    for stream in [&station, &display] {
        stream
            .set_read_timeout(Some(DEADLINE))
            .doing("setting up: a read timeout");
        stream
            .set_write_timeout(Some(DEADLINE))
            .doing("setting up: a write timeout");
        stream.set_nodelay(true).doing("setting up: TCP_NODELAY");
    }
    (station, display)
}

/// A reader that hands out at most one byte per `read`, as a slow network may.
struct OneByteAtATime(TcpStream);

impl Read for OneByteAtATime {
    fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
        let end = buffer.len().min(1);
        self.0.read(&mut buffer[..end])
    }
}

fn frame(payload: &[u8]) -> Vec<u8> {
    let mut bytes = (payload.len() as u16).to_be_bytes().to_vec();
    bytes.extend_from_slice(payload);
    bytes
}

/// A frame as the messages show it: its header in hex, then its payload.
fn shown(payload: &[u8]) -> String {
    let [high, low] = (payload.len() as u16).to_be_bytes();
    format!("[{high:02x} {low:02x}] {}", quote(payload))
}

/// The frames the station sent, for a message.
fn sent(payloads: &[&[u8]]) -> String {
    let frames: Vec<String> = payloads.iter().map(|payload| shown(payload)).collect();
    format!(
        "the station sent {}, then closed the connection: {}",
        count(payloads.len(), "frame"),
        frames.join(" ")
    )
}

fn some(payload: &[u8]) -> String {
    if payload.is_empty() {
        "Some(\"\") (an empty payload)".to_string()
    } else {
        format!(
            "Some({}) ({})",
            quote(payload),
            count(payload.len(), "byte")
        )
    }
}

/// Calls `read_frame` and checks it returns `expected` (`None`: the clean end of the stream).
/// `which` names the frame; `context` says what the station sent and how it arrives.
fn expect_frame(reader: &mut impl Read, expected: Option<&[u8]>, which: &str, context: &str) {
    let what = format!("{which}, as your `read_frame` returned it");
    let message = match (read_frame(reader), expected) {
        (Ok(Some(got)), Some(wanted)) if got == wanted => return,
        (Ok(None), None) => return,
        (Ok(Some(got)), Some(wanted)) => {
            let mut message = expected_got(&what, some(wanted), some(&got));
            if got.len() < wanted.len() {
                message.push_str(&format!(
                    "\nA payload shorter than its header says ({} of {} bytes): one `read` \
                     returns what has arrived so far; read until you have them all \
                     (`read_exact`).",
                    got.len(),
                    wanted.len()
                ));
            }
            message
        }
        (Ok(None), Some(wanted)) => format!(
            "{}\nOk(None) is the clean end of the stream: but the station had not closed yet.",
            expected_got(&what, some(wanted), "Ok(None)")
        ),
        (Ok(Some(got)), None) => format!(
            "{}\nThe station had closed the connection after its last frame.",
            expected_got(&what, "Ok(None) (the end of the stream)", some(&got))
        ),
        (Err(error), _) => {
            let mut message = format!("{which}: {}", returned_an_error("read_frame", &error));
            if error.kind() == io::ErrorKind::UnexpectedEof || speckit::is_timeout(&error) {
                message.push_str(
                    "\nIt expected more bytes than the station sent. The length in the header \
                     is big-endian, network byte order: is it read with `u16::from_be_bytes`?",
                );
            }
            message
        }
    };
    fail(format!("{message}\n({context})"))
}

/// Checks that `read_frame` fails with `UnexpectedEof`: the stream ended inside a frame.
fn expect_unexpected_end(reader: &mut impl Read, situation: &str) {
    let what = format!("{situation}: what your `read_frame` returned");
    let wanted = "an error of kind UnexpectedEof (the stream ended inside a frame)";
    match read_frame(reader) {
        Err(error) if error.kind() == io::ErrorKind::UnexpectedEof => {}
        Err(error) => fail(expected_got(
            &what,
            wanted,
            format!("an error: {}", io_error(&error)),
        )),
        Ok(None) => fail(format!(
            "{}\nOk(None) is for a stream that ends cleanly, before the first byte of a frame.",
            expected_got(&what, wanted, "Ok(None)")
        )),
        Ok(Some(payload)) => fail(expected_got(&what, wanted, some(&payload))),
    }
}

/// Calls `write_frame`, failing with its error in words.
fn write(station: &mut TcpStream, payload: &[u8]) {
    if let Err(error) = write_frame(station, payload) {
        fail(format!(
            "writing a frame of {}: {}",
            describe(payload),
            returned_an_error("write_frame", &error)
        ));
    }
}

/// Why the writing side stopped, if it did: `write_frame` returned an error, or panicked.
fn writer_state(writer: &mut Call<io::Result<()>>) -> String {
    let function = writer.function();
    match writer.ended_within(Duration::from_millis(200)) {
        Some(Ok(Err(error))) => format!("\n({})", returned_an_error(function, error)),
        Some(Err(message)) => format!("\n({})", panicked(function, message)),
        _ => String::new(),
    }
}

#[test]
fn write_frame_puts_the_length_first_in_network_byte_order() {
    let (mut station, mut display) = connection();
    write(&mut station, b"t=21.5C");
    let long_reading = vec![b'#'; 300];
    write(&mut station, &long_reading);
    station
        .shutdown(Shutdown::Write)
        .doing("closing the station's side");
    let wire = speckit::read_to_end(&mut display, "reading the wire", "the station").or_fail();
    let first = &wire[..wire.len().min(9)];
    if first != b"\x00\x07t=21.5C" {
        fail(format!(
            "{}\nThe header is the length, 7, in 2 bytes, big-endian (network byte order): 00 07.",
            expected_got(
                "the first frame on the wire, from write_frame(\"t=21.5C\")",
                hex(b"\x00\x07t=21.5C"),
                hex(first)
            )
        ));
    }
    let header = wire.get(9..11).unwrap_or_default();
    if header != [0x01, 0x2c] {
        fail(format!(
            "{}\n300 is 0x012c: big-endian puts the high byte, 01, first.",
            expected_got(
                "the header of the 300-byte frame, after the first frame",
                hex(&[0x01, 0x2c]),
                hex(header)
            )
        ));
    }
    check_eq(
        "the bytes on the wire for both frames (2 + 7, then 2 + 300)",
        count(311, "byte"),
        count(wire.len(), "byte"),
    );
}

#[test]
fn reads_frames_that_arrive_one_byte_at_a_time() {
    let (mut station, display) = connection();
    let readings: [&[u8]; 3] = [b"t=21.5C", b"rh=64%", b"wind=12km/h"];
    let mut wire = Vec::new();
    for reading in readings {
        wire.extend(frame(reading));
    }
    thread::spawn(move || {
        for byte in wire {
            // Fails only when the display has gone: the reads below say why.
            if station.write_all(&[byte]).is_err() {
                break;
            }
        }
    });
    let context = format!(
        "{}; this test's reader hands out 1 byte per `read`, as a slow network may",
        sent(&readings)
    );
    let mut display = OneByteAtATime(display);
    for (index, reading) in readings.iter().enumerate() {
        let which = format!("frame {} of 3, {}", index + 1, quote(reading));
        expect_frame(&mut display, Some(reading), &which, &context);
    }
    expect_frame(&mut display, None, "after the 3 frames", &context);
}

#[test]
fn reads_several_frames_that_arrive_in_one_write() {
    let (mut station, mut display) = connection();
    let readings: [&[u8]; 3] = [b"t=21.5C", b"", b"rh=64%"];
    let mut wire = Vec::new();
    for reading in readings {
        wire.extend(frame(reading));
    }
    station
        .write_all(&wire)
        .doing("sending 3 frames in one write");
    station
        .shutdown(Shutdown::Write)
        .doing("closing the station's side");
    let context = format!("{}, all in one write", sent(&readings));
    expect_frame(&mut display, Some(b"t=21.5C"), "frame 1 of 3", &context);
    expect_frame(&mut display, Some(b""), "frame 2 of 3, empty", &context);
    expect_frame(&mut display, Some(b"rh=64%"), "frame 3 of 3", &context);
    expect_frame(&mut display, None, "after the 3 frames", &context);
}

#[test]
fn a_frame_written_by_write_frame_comes_back_from_read_frame() {
    let (mut station, display) = connection();
    let big: Vec<u8> = (0..65_535u32).map(|i| (i % 253) as u8).collect();
    let sent = big.clone();
    // Written while the display reads: 65,537 bytes may not fit in the socket buffers at once.
    let mut writer = call("write_frame", move || -> io::Result<()> {
        write_frame(&mut station, &sent)?;
        write_frame(&mut station, b"t=21.6C")
    });
    let mut display = display;
    let context = "your `write_frame` wrote a frame of 65,535 bytes, then one of \"t=21.6C\"";
    let got = match read_frame(&mut display) {
        Ok(Some(got)) => got,
        Ok(None) => fail(format!(
            "the 65,535-byte frame: your `read_frame` returned Ok(None), the end of the stream \
             ({context}){}",
            writer_state(&mut writer)
        )),
        Err(error) => fail(format!(
            "the 65,535-byte frame: {} ({context}){}",
            returned_an_error("read_frame", &error),
            writer_state(&mut writer)
        )),
    };
    if got != big {
        fail(bytes_differ(
            "the 65,535-byte frame, written by your `write_frame`, read by your `read_frame`",
            &big,
            &got,
        ));
    }
    expect_frame(&mut display, Some(b"t=21.6C"), "the second frame", context);
    expect_frame(&mut display, None, "after the 2 frames", context);
    let _ = writer.ended_within(DEADLINE);
}

#[test]
fn a_stream_that_ends_inside_a_header_is_an_unexpected_end() {
    let (mut station, display) = connection();
    station
        .write_all(&frame(b"t=21.5C"))
        .doing("sending a frame");
    station
        .write_all(&[0x00])
        .doing("sending 1 byte of a header");
    station
        .shutdown(Shutdown::Write)
        .doing("closing the station's side");
    let mut display = OneByteAtATime(display);
    let context = "the station sent [00 07] \"t=21.5C\", then 1 byte of a header, 00, then closed";
    expect_frame(&mut display, Some(b"t=21.5C"), "frame 1", context);
    expect_unexpected_end(
        &mut display,
        "after 1 byte of a header (00), the station closed the connection",
    );
}

#[test]
fn a_stream_that_ends_inside_a_payload_is_an_unexpected_end() {
    let (mut station, mut display) = connection();
    station
        .write_all(b"\x00\x0awind=")
        .doing("sending a header and half a payload");
    station
        .shutdown(Shutdown::Write)
        .doing("closing the station's side");
    expect_unexpected_end(
        &mut display,
        "after a header of 10 (00 0a) and 5 bytes of payload (\"wind=\"), the station closed \
         the connection",
    );
}

#[test]
fn a_payload_too_long_for_two_bytes_is_refused_and_nothing_is_sent() {
    let (mut station, mut display) = connection();
    let result = write_frame(&mut station, &vec![b'x'; 70_000]);
    station
        .shutdown(Shutdown::Write)
        .doing("closing the station's side");
    let wire = speckit::read_to_end(&mut display, "reading the wire", "the station").or_fail();
    let what = "write_frame with a payload of 70,000 bytes, more than 2 bytes can count (65,535)";
    let wanted = "an error of kind InvalidInput, and nothing sent";
    let sent = if wire.is_empty() {
        "nothing sent".to_string()
    } else {
        let header = &wire[..wire.len().min(2)];
        format!(
            "{} sent, starting with the header {}",
            count(wire.len(), "byte"),
            hex(header)
        )
    };
    match result {
        Ok(()) => {
            let cut = if wire.starts_with(&[0x11, 0x70]) {
                " `as u16` keeps its low 16 bits, 4,464 (hex 11 70): the reader then takes the \
                 rest of the payload for more frames."
            } else {
                ""
            };
            fail(format!(
                "{}\n70,000 does not fit in the 2-byte header.{cut} `u16::try_from` says when \
                 a length does not fit.",
                expected_got(what, wanted, format!("Ok(()), {sent}"))
            ))
        }
        Err(error) if error.kind() != io::ErrorKind::InvalidInput => fail(expected_got(
            what,
            wanted,
            format!("an error: {}, {sent}", io_error(&error)),
        )),
        Err(_) if !wire.is_empty() => fail(format!(
            "{}\nCheck the length before writing anything.",
            expected_got(what, wanted, format!("InvalidInput, but {sent}"))
        )),
        Err(_) => {}
    }
}

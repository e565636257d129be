//! The spec of the weather station's framing: real TCP connections on loopback, port 0, with
//! read timeouts, so a wrong reader fails and never hangs.

use std::io::{self, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::thread;
use std::time::Duration;

use tcp2_framing::{read_frame, write_frame};

const DEADLINE: Duration = Duration::from_secs(5);

/// A connected pair: (the station's side, the display's side).
fn connection() -> (TcpStream, TcpStream) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let station = TcpStream::connect(listener.local_addr().unwrap()).unwrap();
    let (display, _) = listener.accept().unwrap();
    for stream in [&station, &display] {
        stream.set_read_timeout(Some(DEADLINE)).unwrap();
        stream.set_write_timeout(Some(DEADLINE)).unwrap();
        stream.set_nodelay(true).unwrap();
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

fn next(reader: &mut impl Read) -> Option<Vec<u8>> {
    read_frame(reader).unwrap_or_else(|e| panic!("read_frame failed: {e}"))
}

#[test]
fn write_frame_puts_the_length_first_in_network_byte_order() {
    let (mut station, mut display) = connection();
    write_frame(&mut station, b"t=21.5C").unwrap();
    let long_reading = vec![b'#'; 300];
    write_frame(&mut station, &long_reading).unwrap();
    station.shutdown(Shutdown::Write).unwrap();
    let mut wire = Vec::new();
    display.read_to_end(&mut wire).unwrap();
    assert_eq!(
        &wire[..9],
        b"\x00\x07t=21.5C",
        "the first frame on the wire"
    );
    // 300 = 0x012c: big-endian puts 0x01 first.
    assert_eq!(
        &wire[9..11],
        &[0x01, 0x2c],
        "the header of a 300-byte frame"
    );
    assert_eq!(wire.len(), 9 + 2 + 300);
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
            station.write_all(&[byte]).unwrap();
        }
    });
    let mut display = OneByteAtATime(display);
    for reading in readings {
        assert_eq!(next(&mut display).as_deref(), Some(reading));
    }
    assert_eq!(
        next(&mut display),
        None,
        "the station closed: no more frames"
    );
}

#[test]
fn reads_several_frames_that_arrive_in_one_write() {
    let (mut station, mut display) = connection();
    let mut wire = frame(b"t=21.5C");
    wire.extend(frame(b""));
    wire.extend(frame(b"rh=64%"));
    station.write_all(&wire).unwrap();
    station.shutdown(Shutdown::Write).unwrap();
    assert_eq!(next(&mut display).as_deref(), Some(&b"t=21.5C"[..]));
    assert_eq!(
        next(&mut display).as_deref(),
        Some(&b""[..]),
        "an empty frame"
    );
    assert_eq!(next(&mut display).as_deref(), Some(&b"rh=64%"[..]));
    assert_eq!(next(&mut display), None);
}

#[test]
fn a_frame_written_by_write_frame_comes_back_from_read_frame() {
    let (mut station, display) = connection();
    let big: Vec<u8> = (0..65_535u32).map(|i| (i % 253) as u8).collect();
    let sent = big.clone();
    thread::spawn(move || {
        write_frame(&mut station, &sent).unwrap();
        write_frame(&mut station, b"t=21.6C").unwrap();
    });
    let mut display = display;
    assert!(next(&mut display).unwrap() == big, "the 65,535-byte frame");
    assert_eq!(next(&mut display).as_deref(), Some(&b"t=21.6C"[..]));
    assert_eq!(next(&mut display), None);
}

#[test]
fn a_stream_that_ends_inside_a_header_is_an_unexpected_end() {
    let (mut station, display) = connection();
    station.write_all(&frame(b"t=21.5C")).unwrap();
    station.write_all(&[0x00]).unwrap();
    station.shutdown(Shutdown::Write).unwrap();
    let mut display = OneByteAtATime(display);
    assert_eq!(next(&mut display).as_deref(), Some(&b"t=21.5C"[..]));
    let error = read_frame(&mut display).expect_err("one byte of a header, then the end");
    assert_eq!(error.kind(), io::ErrorKind::UnexpectedEof);
}

#[test]
fn a_stream_that_ends_inside_a_payload_is_an_unexpected_end() {
    let (mut station, mut display) = connection();
    station.write_all(b"\x00\x0awind=").unwrap();
    station.shutdown(Shutdown::Write).unwrap();
    let error = read_frame(&mut display).expect_err("5 of 10 payload bytes, then the end");
    assert_eq!(error.kind(), io::ErrorKind::UnexpectedEof);
}

#[test]
fn a_payload_too_long_for_two_bytes_is_refused_and_nothing_is_sent() {
    let (mut station, mut display) = connection();
    let error = write_frame(&mut station, &vec![b'x'; 70_000]).expect_err("70,000 > 65,535");
    assert_eq!(error.kind(), io::ErrorKind::InvalidInput);
    station.shutdown(Shutdown::Write).unwrap();
    let mut wire = Vec::new();
    display.read_to_end(&mut wire).unwrap();
    assert!(wire.is_empty(), "{} bytes were sent anyway", wire.len());
}

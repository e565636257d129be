//! # tcp2-framing: the weather station's feed
//!
//! A weather station sends its readings over one TCP connection: `t=21.5C`, `rh=64%`,
//! `wind=12km/h`... TCP keeps no boundaries between them, so the station puts each reading in a
//! *frame*: its length in 2 bytes, big-endian (network byte order), then the bytes themselves.
//!
//! ```text
//! 00 07 74 3d 32 31 2e 35 43    a frame: length 7, then "t=21.5C"
//! ```
//!
//! Write both ends: `write_frame` for the station, `read_frame` for the display. The tests feed
//! `read_frame` one byte at a time, several frames in one write, and a stream that stops in the
//! middle of a frame.
//!
//! Check your work with `cargo run -p exercises -- check tcp2-framing`.

use std::io::{self, Read, Write};

// ANCHOR: stub
/// Writes one frame: the length of `payload` as 2 bytes, big-endian, then `payload`.
/// A payload longer than 65,535 bytes does not fit: `InvalidInput`, and nothing is written.
pub fn write_frame(writer: &mut impl Write, payload: &[u8]) -> io::Result<()> {
    // TODO: check the length fits in a u16 (`u16::try_from`), else return an
    //       `io::Error::new(io::ErrorKind::InvalidInput, ...)`.
    // TODO: write the length with `to_be_bytes`, then the payload, each with `write_all`.
    let _ = (writer, payload);
    todo!("write the 2-byte header, then the payload")
}

/// Reads one frame and returns its payload.
/// - `Ok(None)`: the stream ended cleanly, before the first byte of a frame;
/// - an `UnexpectedEof` error: the stream ended in the middle of a frame.
pub fn read_frame(reader: &mut impl Read) -> io::Result<Option<Vec<u8>>> {
    // TODO: read the 2-byte header. One `read` may return only 1 byte of it: loop, or use
    //       `read_exact`. Tell "ended before the header" (Ok(None)) from "ended inside it".
    // TODO: turn the header into a length with `u16::from_be_bytes`.
    // TODO: read exactly that many bytes of payload.
    let _ = reader;
    todo!("read the 2-byte header, then exactly that many bytes")
}
// ANCHOR_END: stub

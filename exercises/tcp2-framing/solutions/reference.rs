//! # tcp2-framing: the weather station's feed (reference solution)

use std::io::{self, Read, Write};

/// Writes one frame: the length of `payload` as 2 bytes, big-endian, then `payload`.
/// A payload longer than 65,535 bytes does not fit: `InvalidInput`, and nothing is written.
pub fn write_frame(writer: &mut impl Write, payload: &[u8]) -> io::Result<()> {
    let length = u16::try_from(payload.len()).map_err(|_| {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("a frame holds at most 65535 bytes, not {}", payload.len()),
        )
    })?;
    // Network byte order: the most significant byte first, whatever this machine uses.
    writer.write_all(&length.to_be_bytes())?;
    writer.write_all(payload)?;
    writer.flush()
}

/// Reads one frame and returns its payload.
/// - `Ok(None)`: the stream ended cleanly, before the first byte of a frame;
/// - an `UnexpectedEof` error: the stream ended in the middle of a frame.
pub fn read_frame(reader: &mut impl Read) -> io::Result<Option<Vec<u8>>> {
    let mut header = [0u8; 2];
    let mut filled = 0;
    // Not `read_exact` here: the end of the stream before the first byte is a clean end.
    while filled < header.len() {
        match reader.read(&mut header[filled..]) {
            Ok(0) if filled == 0 => return Ok(None),
            Ok(0) => {
                return Err(io::Error::new(
                    io::ErrorKind::UnexpectedEof,
                    "the stream ended inside a frame header",
                ));
            }
            Ok(received) => filled += received,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        }
    }
    let length = u16::from_be_bytes(header) as usize;
    let mut payload = vec![0u8; length];
    // `read_exact` loops over `read` and fails with UnexpectedEof if the stream ends first.
    reader.read_exact(&mut payload)?;
    Ok(Some(payload))
}

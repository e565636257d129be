//! The spec of the weather station's framing: real TCP connections on loopback, port 0, with
//! read timeouts, so a wrong reader fails and never hangs. A failure shows the frames the
//! station sent and what your function made of them (the `speckit` helpers), in English or in
//! Portuguese: the sentences of this spec are in the module `words`, at the end.

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
    let listener = TcpListener::bind("127.0.0.1:0").doing(&words::binding());
    let addr = listener.local_addr().doing(&words::listener_address());
    let station = TcpStream::connect(addr).doing(&words::connecting());
    let (display, _) = listener.accept().doing(&words::accepting());
    for stream in [&station, &display] {
        stream
            .set_read_timeout(Some(DEADLINE))
            .doing(&words::read_timeout());
        stream
            .set_write_timeout(Some(DEADLINE))
            .doing(&words::write_timeout());
        stream.set_nodelay(true).doing(&words::nodelay());
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
    words::station_sent(&count(payloads.len(), "frame"), &frames.join(" "))
}

fn some(payload: &[u8]) -> String {
    if payload.is_empty() {
        words::some_empty()
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
    let what = words::as_read_frame_returned_it(which);
    let message = match (read_frame(reader), expected) {
        (Ok(Some(got)), Some(wanted)) if got == wanted => return,
        (Ok(None), None) => return,
        (Ok(Some(got)), Some(wanted)) => {
            let mut message = expected_got(&what, some(wanted), some(&got));
            if got.len() < wanted.len() {
                message.push_str(&words::shorter_than_its_header(got.len(), wanted.len()));
            }
            message
        }
        (Ok(None), Some(wanted)) => format!(
            "{}{}",
            expected_got(&what, some(wanted), "Ok(None)"),
            words::not_closed_yet()
        ),
        (Ok(Some(got)), None) => format!(
            "{}{}",
            expected_got(&what, words::the_end(), some(&got)),
            words::had_closed()
        ),
        (Err(error), _) => {
            let mut message = format!("{which}: {}", returned_an_error("read_frame", &error));
            if error.kind() == io::ErrorKind::UnexpectedEof || speckit::is_timeout(&error) {
                message.push_str(&words::expected_more_bytes());
            }
            message
        }
    };
    fail(format!("{message}\n({context})"))
}

/// Checks that `read_frame` fails with `UnexpectedEof`: the stream ended inside a frame.
fn expect_unexpected_end(reader: &mut impl Read, situation: &str) {
    let what = words::what_read_frame_returned(situation);
    let wanted = words::unexpected_eof();
    match read_frame(reader) {
        Err(error) if error.kind() == io::ErrorKind::UnexpectedEof => {}
        Err(error) => fail(expected_got(
            &what,
            wanted,
            words::an_error(&io_error(&error)),
        )),
        Ok(None) => fail(format!(
            "{}{}",
            expected_got(&what, wanted, "Ok(None)"),
            words::none_is_a_clean_end()
        )),
        Ok(Some(payload)) => fail(expected_got(&what, wanted, some(&payload))),
    }
}

/// Calls `write_frame`, failing with its error in words.
fn write(station: &mut TcpStream, payload: &[u8]) {
    if let Err(error) = write_frame(station, payload) {
        fail(format!(
            "{}: {}",
            words::writing_a_frame(&describe(payload)),
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
        .doing(&words::closing_the_station_side());
    let wire =
        speckit::read_to_end(&mut display, &words::reading_the_wire(), &words::station()).or_fail();
    let first = &wire[..wire.len().min(9)];
    if first != b"\x00\x07t=21.5C" {
        fail(format!(
            "{}{}",
            expected_got(
                &words::the_first_frame_on_the_wire(),
                hex(b"\x00\x07t=21.5C"),
                hex(first)
            ),
            words::the_header_is_7()
        ));
    }
    let header = wire.get(9..11).unwrap_or_default();
    if header != [0x01, 0x2c] {
        fail(format!(
            "{}{}",
            expected_got(
                &words::the_header_of_the_300_byte_frame(),
                hex(&[0x01, 0x2c]),
                hex(header)
            ),
            words::high_byte_first()
        ));
    }
    check_eq(
        &words::the_bytes_on_the_wire(),
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
    let context = words::one_byte_per_read(&sent(&readings));
    let mut display = OneByteAtATime(display);
    for (index, reading) in readings.iter().enumerate() {
        let which = words::frame_n_of_3(index + 1, &quote(reading));
        expect_frame(&mut display, Some(reading), &which, &context);
    }
    expect_frame(&mut display, None, &words::after_the_frames(3), &context);
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
        .doing(&words::sending_3_frames_in_one_write());
    station
        .shutdown(Shutdown::Write)
        .doing(&words::closing_the_station_side());
    let context = words::all_in_one_write(&sent(&readings));
    expect_frame(
        &mut display,
        Some(b"t=21.5C"),
        &words::frame_of_3(1),
        &context,
    );
    expect_frame(
        &mut display,
        Some(b""),
        &words::frame_2_of_3_empty(),
        &context,
    );
    expect_frame(
        &mut display,
        Some(b"rh=64%"),
        &words::frame_of_3(3),
        &context,
    );
    expect_frame(&mut display, None, &words::after_the_frames(3), &context);
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
    let context = words::wrote_two_frames();
    let got = match read_frame(&mut display) {
        Ok(Some(got)) => got,
        Ok(None) => fail(format!(
            "{}: {} ({context}){}",
            words::the_big_frame(),
            words::returned_none(),
            writer_state(&mut writer)
        )),
        Err(error) => fail(format!(
            "{}: {} ({context}){}",
            words::the_big_frame(),
            returned_an_error("read_frame", &error),
            writer_state(&mut writer)
        )),
    };
    if got != big {
        fail(bytes_differ(&words::the_big_frame_both_ways(), &big, &got));
    }
    expect_frame(
        &mut display,
        Some(b"t=21.6C"),
        &words::the_second_frame(),
        &context,
    );
    expect_frame(&mut display, None, &words::after_the_frames(2), &context);
    let _ = writer.ended_within(DEADLINE);
}

#[test]
fn a_stream_that_ends_inside_a_header_is_an_unexpected_end() {
    let (mut station, display) = connection();
    station
        .write_all(&frame(b"t=21.5C"))
        .doing(&words::sending_a_frame());
    station
        .write_all(&[0x00])
        .doing(&words::sending_1_byte_of_a_header());
    station
        .shutdown(Shutdown::Write)
        .doing(&words::closing_the_station_side());
    let mut display = OneByteAtATime(display);
    let context = words::a_frame_then_1_byte();
    expect_frame(&mut display, Some(b"t=21.5C"), &words::frame_1(), &context);
    expect_unexpected_end(&mut display, &words::closed_after_1_byte_of_a_header());
}

#[test]
fn a_stream_that_ends_inside_a_payload_is_an_unexpected_end() {
    let (mut station, mut display) = connection();
    station
        .write_all(b"\x00\x0awind=")
        .doing(&words::sending_half_a_payload());
    station
        .shutdown(Shutdown::Write)
        .doing(&words::closing_the_station_side());
    expect_unexpected_end(&mut display, &words::closed_inside_a_payload());
}

#[test]
fn a_payload_too_long_for_two_bytes_is_refused_and_nothing_is_sent() {
    let (mut station, mut display) = connection();
    let result = write_frame(&mut station, &vec![b'x'; 70_000]);
    station
        .shutdown(Shutdown::Write)
        .doing(&words::closing_the_station_side());
    let wire =
        speckit::read_to_end(&mut display, &words::reading_the_wire(), &words::station()).or_fail();
    let what = words::a_payload_of_70_000_bytes();
    let wanted = words::invalid_input_and_nothing_sent();
    let sent = if wire.is_empty() {
        words::nothing_sent()
    } else {
        let header = &wire[..wire.len().min(2)];
        words::bytes_sent(&count(wire.len(), "byte"), &hex(header))
    };
    match result {
        Ok(()) => {
            let cut = if wire.starts_with(&[0x11, 0x70]) {
                words::as_u16_cuts()
            } else {
                String::new()
            };
            fail(format!(
                "{}{}",
                expected_got(&what, &wanted, format!("Ok(()), {sent}")),
                words::does_not_fit(&cut)
            ))
        }
        Err(error) if error.kind() != io::ErrorKind::InvalidInput => fail(expected_got(
            &what,
            &wanted,
            format!("{}, {sent}", words::an_error(&io_error(&error))),
        )),
        Err(_) if !wire.is_empty() => fail(format!(
            "{}{}",
            expected_got(&what, &wanted, words::invalid_input_but(&sent)),
            words::check_the_length_first()
        )),
        Err(_) => {}
    }
}

/// What this spec says, in English and in Portuguese (`en_pt!` gives the one of the run).
mod words {
    use speckit::en_pt;

    pub fn binding() -> String {
        en_pt!(
            "setting up: binding 127.0.0.1:0",
            "preparando: fazendo bind em 127.0.0.1:0"
        )
    }

    pub fn listener_address() -> String {
        en_pt!(
            "setting up: the listener's address",
            "preparando: o endereço do socket de escuta"
        )
    }

    pub fn connecting() -> String {
        en_pt!(
            "setting up: connecting the station",
            "preparando: conectando a estação"
        )
    }

    pub fn accepting() -> String {
        en_pt!(
            "setting up: accepting the station",
            "preparando: aceitando a estação"
        )
    }

    pub fn read_timeout() -> String {
        en_pt!(
            "setting up: a read timeout",
            "preparando: um timeout de leitura"
        )
    }

    pub fn write_timeout() -> String {
        en_pt!(
            "setting up: a write timeout",
            "preparando: um timeout de escrita"
        )
    }

    pub fn nodelay() -> String {
        en_pt!("setting up: TCP_NODELAY", "preparando: TCP_NODELAY")
    }

    /// The other end, as the messages name it.
    pub fn station() -> String {
        en_pt!("the station", "a estação")
    }

    pub fn station_sent(frames: &str, shown: &str) -> String {
        en_pt!(
            "the station sent {frames}, then closed the connection: {shown}",
            "a estação enviou {frames} e depois fechou a conexão: {shown}"
        )
    }

    pub fn some_empty() -> String {
        en_pt!(
            "Some(\"\") (an empty payload)",
            "Some(\"\") (um payload vazio)"
        )
    }

    pub fn as_read_frame_returned_it(which: &str) -> String {
        en_pt!(
            "{which}, as your `read_frame` returned it",
            "{which}: o que sua função `read_frame` retornou"
        )
    }

    pub fn shorter_than_its_header(got: usize, wanted: usize) -> String {
        en_pt!(
            "\nA payload shorter than its header says ({got} of {wanted} bytes): one `read` \
             returns what has arrived so far; read until you have them all (`read_exact`).",
            "\nUm payload menor do que o cabeçalho diz ({got} de {wanted} bytes): um `read` \
             devolve o que chegou até agora; leia até ter todos eles (`read_exact`)."
        )
    }

    pub fn not_closed_yet() -> String {
        en_pt!(
            "\nOk(None) is the clean end of the stream: but the station had not closed yet.",
            "\nOk(None) é o fim limpo do fluxo: mas a estação ainda não tinha fechado a conexão."
        )
    }

    pub fn the_end() -> String {
        en_pt!(
            "Ok(None) (the end of the stream)",
            "Ok(None) (o fim do fluxo)"
        )
    }

    pub fn had_closed() -> String {
        en_pt!(
            "\nThe station had closed the connection after its last frame.",
            "\nA estação tinha fechado a conexão depois do seu último quadro."
        )
    }

    pub fn expected_more_bytes() -> String {
        en_pt!(
            "\nIt expected more bytes than the station sent. The length in the header is \
             big-endian, network byte order: is it read with `u16::from_be_bytes`?",
            "\nEla esperava mais bytes do que a estação enviou. O comprimento no cabeçalho é \
             big-endian, a ordem de bytes da rede: você o lê com `u16::from_be_bytes`?"
        )
    }

    pub fn what_read_frame_returned(situation: &str) -> String {
        en_pt!(
            "{situation}: what your `read_frame` returned",
            "{situation}: o que sua função `read_frame` retornou"
        )
    }

    pub fn unexpected_eof() -> String {
        en_pt!(
            "an error of kind UnexpectedEof (the stream ended inside a frame)",
            "um erro do tipo UnexpectedEof (o fluxo terminou no meio de um quadro)"
        )
    }

    pub fn an_error(error: &str) -> String {
        en_pt!("an error: {error}", "um erro: {error}")
    }

    pub fn none_is_a_clean_end() -> String {
        en_pt!(
            "\nOk(None) is for a stream that ends cleanly, before the first byte of a frame.",
            "\nOk(None) é para um fluxo que termina de forma limpa, antes do primeiro byte de um \
             quadro."
        )
    }

    pub fn writing_a_frame(payload: &str) -> String {
        en_pt!(
            "writing a frame of {payload}",
            "escrevendo um quadro de {payload}"
        )
    }

    pub fn closing_the_station_side() -> String {
        en_pt!("closing the station's side", "fechando o lado da estação")
    }

    pub fn reading_the_wire() -> String {
        en_pt!("reading the wire", "lendo o que passou pela conexão")
    }

    pub fn the_first_frame_on_the_wire() -> String {
        en_pt!(
            "the first frame on the wire, from write_frame(\"t=21.5C\")",
            "o primeiro quadro na conexão, de write_frame(\"t=21.5C\")"
        )
    }

    pub fn the_header_is_7() -> String {
        en_pt!(
            "\nThe header is the length, 7, in 2 bytes, big-endian (network byte order): 00 07.",
            "\nO cabeçalho é o comprimento, 7, em 2 bytes, big-endian (a ordem de bytes da \
             rede): 00 07."
        )
    }

    pub fn the_header_of_the_300_byte_frame() -> String {
        en_pt!(
            "the header of the 300-byte frame, after the first frame",
            "o cabeçalho do quadro de 300 bytes, depois do primeiro quadro"
        )
    }

    pub fn high_byte_first() -> String {
        en_pt!(
            "\n300 is 0x012c: big-endian puts the high byte, 01, first.",
            "\n300 é 0x012c: big-endian põe o byte mais significativo, 01, primeiro."
        )
    }

    pub fn the_bytes_on_the_wire() -> String {
        en_pt!(
            "the bytes on the wire for both frames (2 + 7, then 2 + 300)",
            "os bytes na conexão dos dois quadros (2 + 7, depois 2 + 300)"
        )
    }

    pub fn one_byte_per_read(sent: &str) -> String {
        en_pt!(
            "{sent}; this test's reader hands out 1 byte per `read`, as a slow network may",
            "{sent}; o leitor deste teste entrega 1 byte por `read`, como uma rede lenta pode \
             fazer"
        )
    }

    pub fn frame_n_of_3(n: usize, payload: &str) -> String {
        en_pt!("frame {n} of 3, {payload}", "quadro {n} de 3, {payload}")
    }

    pub fn frame_of_3(n: usize) -> String {
        en_pt!("frame {n} of 3", "quadro {n} de 3")
    }

    pub fn frame_2_of_3_empty() -> String {
        en_pt!("frame 2 of 3, empty", "quadro 2 de 3, vazio")
    }

    pub fn after_the_frames(n: usize) -> String {
        en_pt!("after the {n} frames", "depois dos {n} quadros")
    }

    pub fn sending_3_frames_in_one_write() -> String {
        en_pt!(
            "sending 3 frames in one write",
            "enviando 3 quadros numa só escrita"
        )
    }

    pub fn all_in_one_write(sent: &str) -> String {
        en_pt!("{sent}, all in one write", "{sent}, tudo numa só escrita")
    }

    pub fn wrote_two_frames() -> String {
        en_pt!(
            "your `write_frame` wrote a frame of 65,535 bytes, then one of \"t=21.6C\"",
            "sua função `write_frame` escreveu um quadro de 65.535 bytes, depois um de \
             \"t=21.6C\""
        )
    }

    pub fn the_big_frame() -> String {
        en_pt!("the 65,535-byte frame", "o quadro de 65.535 bytes")
    }

    pub fn returned_none() -> String {
        en_pt!(
            "your `read_frame` returned Ok(None), the end of the stream",
            "sua função `read_frame` retornou Ok(None), o fim do fluxo"
        )
    }

    pub fn the_big_frame_both_ways() -> String {
        en_pt!(
            "the 65,535-byte frame, written by your `write_frame`, read by your `read_frame`",
            "o quadro de 65.535 bytes, escrito pela sua `write_frame` e lido pela sua \
             `read_frame`"
        )
    }

    pub fn the_second_frame() -> String {
        en_pt!("the second frame", "o segundo quadro")
    }

    pub fn sending_a_frame() -> String {
        en_pt!("sending a frame", "enviando um quadro")
    }

    pub fn sending_1_byte_of_a_header() -> String {
        en_pt!(
            "sending 1 byte of a header",
            "enviando 1 byte de um cabeçalho"
        )
    }

    pub fn a_frame_then_1_byte() -> String {
        en_pt!(
            "the station sent [00 07] \"t=21.5C\", then 1 byte of a header, 00, then closed",
            "a estação enviou [00 07] \"t=21.5C\", depois 1 byte de um cabeçalho, 00, e fechou \
             a conexão"
        )
    }

    pub fn frame_1() -> String {
        en_pt!("frame 1", "quadro 1")
    }

    pub fn closed_after_1_byte_of_a_header() -> String {
        en_pt!(
            "after 1 byte of a header (00), the station closed the connection",
            "depois de 1 byte de um cabeçalho (00), a estação fechou a conexão"
        )
    }

    pub fn sending_half_a_payload() -> String {
        en_pt!(
            "sending a header and half a payload",
            "enviando um cabeçalho e metade de um payload"
        )
    }

    pub fn closed_inside_a_payload() -> String {
        en_pt!(
            "after a header of 10 (00 0a) and 5 bytes of payload (\"wind=\"), the station \
             closed the connection",
            "depois de um cabeçalho de 10 (00 0a) e 5 bytes de payload (\"wind=\"), a estação \
             fechou a conexão"
        )
    }

    pub fn a_payload_of_70_000_bytes() -> String {
        en_pt!(
            "write_frame with a payload of 70,000 bytes, more than 2 bytes can count (65,535)",
            "write_frame com um payload de 70.000 bytes, mais do que 2 bytes conseguem contar \
             (65.535)"
        )
    }

    pub fn invalid_input_and_nothing_sent() -> String {
        en_pt!(
            "an error of kind InvalidInput, and nothing sent",
            "um erro do tipo InvalidInput, e nada enviado"
        )
    }

    pub fn nothing_sent() -> String {
        en_pt!("nothing sent", "nada enviado")
    }

    pub fn bytes_sent(count: &str, header: &str) -> String {
        en_pt!(
            "{count} sent, starting with the header {header}",
            "{count} enviados, começando pelo cabeçalho {header}"
        )
    }

    pub fn as_u16_cuts() -> String {
        en_pt!(
            " `as u16` keeps its low 16 bits, 4,464 (hex 11 70): the reader then takes the rest \
             of the payload for more frames.",
            " `as u16` guarda só os 16 bits mais baixos, 4.464 (hex 11 70): o leitor então toma \
             o resto do payload por outros quadros."
        )
    }

    pub fn does_not_fit(cut: &str) -> String {
        en_pt!(
            "\n70,000 does not fit in the 2-byte header.{cut} `u16::try_from` says when a length \
             does not fit.",
            "\n70.000 não cabe no cabeçalho de 2 bytes.{cut} `u16::try_from` diz quando um \
             comprimento não cabe."
        )
    }

    pub fn invalid_input_but(sent: &str) -> String {
        en_pt!("InvalidInput, but {sent}", "InvalidInput, mas {sent}")
    }

    pub fn check_the_length_first() -> String {
        en_pt!(
            "\nCheck the length before writing anything.",
            "\nConfira o comprimento antes de escrever qualquer coisa."
        )
    }
}

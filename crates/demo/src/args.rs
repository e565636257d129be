//! The command line: which lesson, and the few things an instructor may change. Every number is
//! checked here, before it sizes a run.

use std::time::Duration;

use clap::{Args as ClapArgs, Parser, Subcommand};

/// The most datagrams a demo sends: a class watches every line, and a typo must not start a
/// run of a billion.
pub const MAX_COUNT: u64 = 10_000;
/// The most multicast listeners: each is a process and a column of the conversation.
pub const MAX_LISTENERS: u64 = 9;

// The help texts are in the message tables (crates/course/src/text, `demo.*`), in English
// and in Portuguese: course::parse_args puts them in.
#[derive(Parser)]
#[command(
    version,
    // An option given twice keeps its last value, so scripts can put defaults first.
    args_override_self = true
)]
pub struct Args {
    // No lesson: tcp.
    #[command(subcommand)]
    pub lesson: Option<Lesson>,
}

#[derive(Subcommand)]
pub enum Lesson {
    Tcp(Tcp),
    Udp(Udp),
    Multicast(Multicast),
}

/// How the conversation is shown.
#[derive(ClapArgs)]
pub struct Show {
    #[arg(long)]
    pub tmux: bool,
}

#[derive(ClapArgs)]
pub struct Tcp {
    #[arg(long, value_name = "N", default_value_t = course::TCP_PORT)]
    pub port: u16,
    #[arg(long)]
    pub interactive: bool,
    #[arg(long, conflicts_with = "tmux")]
    pub wire: bool,
    #[command(flatten)]
    pub show: Show,
}

#[derive(ClapArgs)]
pub struct Udp {
    #[arg(long, value_name = "N", default_value_t = course::UDP_PORT)]
    pub port: u16,
    // Default: 7881, or 0 with --port 0.
    #[arg(long, value_name = "N")]
    pub relay_port: Option<u16>,
    #[arg(long, value_name = "N", default_value_t = 20,
          value_parser = clap::value_parser!(u64).range(1..=MAX_COUNT))]
    pub count: u64,
    #[arg(long, value_name = "PER_SEC", default_value_t = 5.0, value_parser = course::rate)]
    pub rate: f64,
    #[arg(long, value_name = "P", default_value_t = 0.2, value_parser = probability)]
    pub loss: f64,
    #[arg(long, value_name = "P", default_value_t = 0.0, value_parser = probability)]
    pub duplicate: f64,
    #[arg(long, value_name = "P", default_value_t = 0.0, value_parser = probability)]
    pub reorder: f64,
    #[arg(long, value_name = "MILLIS", default_value_t = 0,
          value_parser = clap::value_parser!(u64).range(0..=10_000))]
    pub delay: u64,
    #[arg(long, value_name = "N", default_value_t = 7)]
    pub seed: u64,
    #[arg(long, value_name = "SECONDS", default_value = "3", value_parser = course::seconds)]
    pub idle_timeout: Duration,
    #[command(flatten)]
    pub show: Show,
}

#[derive(ClapArgs)]
pub struct Multicast {
    #[arg(long, value_name = "N", default_value_t = course::MULTICAST_PORT)]
    pub port: u16,
    #[arg(long, value_name = "N", default_value_t = 3,
          value_parser = clap::value_parser!(u64).range(1..=MAX_LISTENERS))]
    pub listeners: u64,
    #[arg(long, value_name = "N", default_value_t = 10,
          value_parser = clap::value_parser!(u64).range(1..=MAX_COUNT))]
    pub count: u64,
    #[arg(long, value_name = "PER_SEC", default_value_t = 5.0, value_parser = course::rate)]
    pub rate: f64,
    #[command(flatten)]
    pub show: Show,
}

impl Udp {
    /// The relay's port: its own option, else the course's, or 0 when every port is the OS's.
    pub fn relay_port(&self) -> u16 {
        self.relay_port.unwrap_or(if self.port == 0 {
            0
        } else {
            course::RELAY_PORT
        })
    }

    /// The relay's options for the impairments, as udp-relay takes them.
    pub fn impairments(&self) -> Vec<String> {
        vec![
            "--loss".into(),
            self.loss.to_string(),
            "--duplicate".into(),
            self.duplicate.to_string(),
            "--reorder".into(),
            self.reorder.to_string(),
            "--delay".into(),
            self.delay.to_string(),
            "--seed".into(),
            self.seed.to_string(),
        ]
    }
}

impl Lesson {
    /// The packages whose programs the lesson runs.
    pub fn packages(&self) -> &'static [&'static str] {
        match self {
            Lesson::Tcp(_) => &["tcp-echo-server", "tcp-client"],
            Lesson::Udp(_) => &["udp-receiver", "udp-relay", "udp-sender"],
            Lesson::Multicast(_) => &["multicast-listener", "multicast-sender"],
        }
    }

    pub fn name(&self) -> &'static str {
        match self {
            Lesson::Tcp(_) => "tcp",
            Lesson::Udp(_) => "udp",
            Lesson::Multicast(_) => "multicast",
        }
    }

    pub fn show(&self) -> &Show {
        match self {
            Lesson::Tcp(tcp) => &tcp.show,
            Lesson::Udp(udp) => &udp.show,
            Lesson::Multicast(multicast) => &multicast.show,
        }
    }
}

/// A probability, as udp-relay takes it: a number from 0 to 1.
fn probability(text: &str) -> Result<f64, String> {
    match text.trim().parse::<f64>() {
        Ok(p) if (0.0..=1.0).contains(&p) => Ok(p),
        _ => Err(course::t!("demo.probability", value = text)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Args, clap::Error> {
        Args::try_parse_from(std::iter::once("demo").chain(args.iter().copied()))
    }

    #[test]
    fn every_option_has_its_help_in_both_languages() {
        use clap::CommandFactory;
        course::help::assert_complete(&Args::command());
    }

    #[test]
    fn no_lesson_is_allowed_and_every_lesson_has_working_defaults() {
        assert!(parse(&[]).unwrap().lesson.is_none());
        let Some(Lesson::Udp(udp)) = parse(&["udp"]).unwrap().lesson else {
            panic!("not udp");
        };
        assert_eq!((udp.port, udp.relay_port()), (7879, 7881));
        assert_eq!((udp.loss, udp.seed, udp.count), (0.2, 7, 20));
        let Some(Lesson::Tcp(tcp)) = parse(&["tcp"]).unwrap().lesson else {
            panic!("not tcp");
        };
        assert_eq!(tcp.port, 7878);
        let Some(Lesson::Multicast(multicast)) = parse(&["multicast"]).unwrap().lesson else {
            panic!("not multicast");
        };
        assert_eq!((multicast.port, multicast.listeners), (7880, 3));
    }

    #[test]
    fn port_zero_lets_the_os_pick_the_relays_port_too() {
        let Some(Lesson::Udp(udp)) = parse(&["udp", "--port", "0"]).unwrap().lesson else {
            panic!("not udp");
        };
        assert_eq!(udp.relay_port(), 0);
        let Some(Lesson::Udp(udp)) = parse(&["udp", "--port", "0", "--relay-port", "9000"])
            .unwrap()
            .lesson
        else {
            panic!("not udp");
        };
        assert_eq!(udp.relay_port(), 9000);
    }

    /// scripts/demo-udp puts `--loss 0` before the instructor's own impairments.
    #[test]
    fn an_option_given_twice_keeps_its_last_value() {
        let Some(Lesson::Udp(udp)) = parse(&["udp", "--loss", "0", "--loss", "0.5"])
            .unwrap()
            .lesson
        else {
            panic!("not udp");
        };
        assert_eq!(udp.loss, 0.5);
    }

    #[test]
    fn numbers_out_of_range_are_refused() {
        for args in [
            &["udp", "--loss", "1.5"][..],
            &["udp", "--count", "0"],
            &["udp", "--count", "10001"],
            &["multicast", "--listeners", "10"],
            &["tcp", "--port", "70000"],
        ] {
            assert!(parse(args).is_err(), "{args:?}");
        }
    }
}

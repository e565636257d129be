//! The relay's die: the fate of each datagram, from the seed and the datagram's number.
//!
//! The fate of a datagram depends only on the seed and on its index: 0 for the first
//! datagram the relay receives from clients, 1 for the next, and so on ([`fate`]). Timing
//! plays no part, so "with seed 7, datagrams 3, 5 and 9 are lost" holds on every machine and
//! every run (as long as the sender's datagrams reach the relay in order, which on loopback
//! they do).

use std::time::Duration;

use course::t;

/// What the relay does to datagrams. `Default` is no impairment at all.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Impairments {
    /// Probability (0 to 1) that a datagram is dropped.
    pub loss: f64,
    /// Probability (0 to 1) that a datagram is sent twice.
    pub duplicate: f64,
    /// Probability (0 to 1) that a datagram is held and sent after the next one.
    pub reorder: f64,
    /// How long each forwarded datagram waits before it is sent.
    pub delay: Duration,
    /// The seed of the decisions: the same seed gives the same fates.
    pub seed: u64,
    /// Impair the replies (upstream to client) too, with decisions of their own.
    pub impair_replies: bool,
}

/// What happens to one datagram.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fate {
    Forwarded,
    Lost,
    Duplicated,
    /// Held back and sent after the next datagram.
    Held,
}

impl Fate {
    /// What happened, in the language of the run: `lost`, `duplicated (sent twice)`...
    pub fn describe(self) -> String {
        match self {
            Fate::Forwarded => t!("udp-relay.fate-forwarded"),
            Fate::Lost => t!("udp-relay.fate-lost"),
            Fate::Duplicated => t!("udp-relay.fate-duplicated"),
            Fate::Held => t!("udp-relay.fate-held"),
        }
    }
}

// ANCHOR: fate
/// The fate of datagram number `index` (0 for the first one): a pure function of the seed
/// and the index. Loss is decided first, then duplication, then reordering, each with its own
/// draw.
pub fn fate(impairments: &Impairments, index: u64) -> Fate {
    let draw = |which: u64| uniform(impairments.seed, index, which);
    if draw(0) < impairments.loss {
        Fate::Lost
    } else if draw(1) < impairments.duplicate {
        Fate::Duplicated
    } else if draw(2) < impairments.reorder {
        Fate::Held
    } else {
        Fate::Forwarded
    }
}

/// A number in [0, 1) from the seed, the datagram's index and which decision it is for.
/// Integer arithmetic only (splitmix64), so every machine computes the same number.
fn uniform(seed: u64, index: u64, which: u64) -> f64 {
    // A counter-based generator: the hashed seed, mixed with a counter, hashed again.
    let counter = index.wrapping_mul(4).wrapping_add(which);
    let bits = splitmix64(splitmix64(seed) ^ counter);
    (bits >> 11) as f64 / (1u64 << 53) as f64
}

/// Sebastiano Vigna's splitmix64: a small, well-mixed hash of a 64-bit number.
fn splitmix64(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}
// ANCHOR_END: fate

#[cfg(test)]
mod tests {
    use super::*;

    fn impairments(loss: f64, duplicate: f64, reorder: f64, seed: u64) -> Impairments {
        Impairments {
            loss,
            duplicate,
            reorder,
            seed,
            ..Impairments::default()
        }
    }

    fn fates(impairments: &Impairments, n: u64, wanted: Fate) -> Vec<u64> {
        (0..n).filter(|&i| fate(impairments, i) == wanted).collect()
    }

    #[test]
    fn no_impairment_forwards_everything() {
        let none = Impairments::default();
        assert_eq!(fates(&none, 1000, Fate::Forwarded).len(), 1000);
    }

    #[test]
    fn fates_depend_only_on_seed_and_index() {
        let a = impairments(0.3, 0.1, 0.1, 7);
        let first: Vec<Fate> = (0..200).map(|i| fate(&a, i)).collect();
        let again: Vec<Fate> = (0..200).map(|i| fate(&a.clone(), i)).collect();
        assert_eq!(first, again);
        let other: Vec<Fate> = (0..200)
            .map(|i| fate(&impairments(0.3, 0.1, 0.1, 8), i))
            .collect();
        assert_ne!(first, other);
    }

    #[test]
    fn rates_are_close_to_the_probabilities() {
        let a = impairments(0.2, 0.0, 0.0, 1);
        let lost = fates(&a, 10_000, Fate::Lost).len();
        assert!((1800..2200).contains(&lost), "{lost}");
    }

    #[test]
    fn seed_7_loses_the_same_datagrams_everywhere() {
        // The numbers the book quotes: they must never change.
        let a = impairments(0.2, 0.0, 0.0, 7);
        assert_eq!(fates(&a, 20, Fate::Lost), SEED_7_LOST_OF_20);
    }

    /// Datagrams lost out of the first 20 with `--loss 0.2 --seed 7`.
    const SEED_7_LOST_OF_20: &[u64] = &[3, 4, 9, 10];
}

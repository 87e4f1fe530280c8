//! Small deterministic hashes for everything fixed by a candidate's seed: the option order, the
//! quick check's draws, the seed of migrated progress. Not for security, only for spreading.

/// FNV-1a of `bytes`: a stable hash of a name or a saved text.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// splitmix64: the next state and a well-spread value from it.
pub fn splitmix(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A well-spread hash of `x` (one splitmix64 step from it).
pub fn mix(x: u64) -> u64 {
    splitmix(&mut { x })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_stable_and_spread() {
        // FNV-1a's published value for "a".
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_ne!(mix(1), mix(2));
        let mut state = 0;
        let (a, b) = (splitmix(&mut state), splitmix(&mut state));
        assert_ne!(a, b);
        assert_eq!(mix(0), a, "mix is one step from the value");
    }
}

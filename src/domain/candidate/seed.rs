//! Small deterministic hashes for everything fixed by a candidate's seed: the option order, the
//! quick check's draws, the seed of migrated progress. Not for security, only for spreading.

/// FNV-1a of `bytes`: a stable hash of a name or a saved text.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The largest integer every JSON reader keeps exactly: JavaScript reads numbers as doubles, so
/// a value saved in progress (a seed, a fingerprint) stays at most 2^53 - 1 and survives a trip
/// through any JavaScript tool, the crash page's download included.
pub const JSON_SAFE_MAX: u64 = (1 << 53) - 1;

/// `x` cut to the bits JSON keeps exactly (see [`JSON_SAFE_MAX`]).
pub fn json_safe(x: u64) -> u64 {
    x & JSON_SAFE_MAX
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
    fn json_safe_values_are_exact_as_doubles() {
        let x = json_safe(u64::MAX);
        assert_eq!(x, JSON_SAFE_MAX);
        assert_eq!(x as f64 as u64, x);
        assert_ne!((x + 2) as f64 as u64, x + 2, "one bit more is not exact");
    }

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

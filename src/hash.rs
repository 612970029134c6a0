//! The library's hashed maps and sets: keyed by words, offsets and node ids looked up per token,
//! where std's default SipHash (DoS-resistant, slow on short keys) is wasted. No output depends
//! on their iteration order (sorted or order-free where iterated).

pub(crate) type FastMap<K, V> = std::collections::HashMap<K, V, rustc_hash::FxBuildHasher>;
pub(crate) type FastSet<T> = std::collections::HashSet<T, rustc_hash::FxBuildHasher>;

//! Maps and sets keyed by an item's or a requirement's id, kept in key order: the answers, the
//! option fingerprints, the answers kept aside, the questions seen and the evidence of saved
//! progress.
//!
//! They replace `BTreeMap<String, _>` and `BTreeSet<String>`, with the same order and the same
//! JSON (an object, and a list of strings). The standard library's B-tree is compiled once for
//! each value type, about 5 KB of wasm each; here the keys are one `Vec<String>` for every value
//! type, so the search and the keys' insertions and removals are compiled once, and only the
//! moves of the values are per type. These maps hold tens to a few thousand entries, where a
//! sorted list is as fast as a tree.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Values by key, in key order (the order of `str`'s `Ord`, as a `BTreeMap<String, V>`).
#[derive(Clone, PartialEq, Eq)]
pub struct Keyed<V> {
    /// Sorted, without repeats.
    keys: Vec<String>,
    /// `values[i]` belongs to `keys[i]`.
    values: Vec<V>,
}

/// Where `key` is in the sorted `keys`, or where it would go. One copy for every value type.
fn place(keys: &[String], key: &str) -> Result<usize, usize> {
    keys.binary_search_by(|k| k.as_str().cmp(key))
}

impl<V> Keyed<V> {
    pub const fn new() -> Self {
        Keyed {
            keys: Vec::new(),
            values: Vec::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    pub fn contains_key(&self, key: &str) -> bool {
        place(&self.keys, key).is_ok()
    }

    pub fn get(&self, key: &str) -> Option<&V> {
        place(&self.keys, key).ok().map(|i| &self.values[i])
    }

    pub fn get_mut(&mut self, key: &str) -> Option<&mut V> {
        place(&self.keys, key).ok().map(|i| &mut self.values[i])
    }

    /// Sets `key` to `value`; returns the value it replaces.
    pub fn insert(&mut self, key: String, value: V) -> Option<V> {
        match place(&self.keys, &key) {
            Ok(i) => Some(std::mem::replace(&mut self.values[i], value)),
            Err(i) => {
                self.keys.insert(i, key);
                self.values.insert(i, value);
                None
            }
        }
    }

    /// The value of `key`, set to `make()` first if there is none.
    pub fn get_or_insert_with(&mut self, key: String, make: impl FnOnce() -> V) -> &mut V {
        let i = match place(&self.keys, &key) {
            Ok(i) => i,
            Err(i) => {
                self.keys.insert(i, key);
                self.values.insert(i, make());
                i
            }
        };
        &mut self.values[i]
    }

    pub fn remove(&mut self, key: &str) -> Option<V> {
        let i = place(&self.keys, key).ok()?;
        self.keys.remove(i);
        Some(self.values.remove(i))
    }

    /// Keeps the entries for which `keep` is true, in order.
    pub fn retain(&mut self, mut keep: impl FnMut(&String, &mut V) -> bool) {
        let kept: Vec<bool> = self
            .keys
            .iter()
            .zip(self.values.iter_mut())
            .map(|(k, v)| keep(k, v))
            .collect();
        let mut flags = kept.iter();
        self.keys.retain(|_| *flags.next().unwrap_or(&true));
        let mut flags = kept.iter();
        self.values.retain(|_| *flags.next().unwrap_or(&true));
    }

    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (&String, &V)> + ExactSizeIterator {
        self.keys.iter().zip(self.values.iter())
    }

    pub fn keys(&self) -> std::slice::Iter<'_, String> {
        self.keys.iter()
    }

    pub fn values(&self) -> std::slice::Iter<'_, V> {
        self.values.iter()
    }

    pub fn values_mut(&mut self) -> std::slice::IterMut<'_, V> {
        self.values.iter_mut()
    }
}

/// `map["id"]`, which panics where there is no such key, as a `BTreeMap` does.
impl<V> std::ops::Index<&str> for Keyed<V> {
    type Output = V;

    fn index(&self, key: &str) -> &V {
        self.get(key).expect("no entry for the key")
    }
}

impl<V> Default for Keyed<V> {
    fn default() -> Self {
        Keyed::new()
    }
}

impl<V: fmt::Debug> fmt::Debug for Keyed<V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl<V> FromIterator<(String, V)> for Keyed<V> {
    /// As a `BTreeMap` collects: a later value of a key replaces an earlier one.
    fn from_iter<I: IntoIterator<Item = (String, V)>>(entries: I) -> Self {
        let mut map = Keyed::new();
        map.extend(entries);
        map
    }
}

impl<V> Extend<(String, V)> for Keyed<V> {
    fn extend<I: IntoIterator<Item = (String, V)>>(&mut self, entries: I) {
        for (key, value) in entries {
            self.insert(key, value);
        }
    }
}

impl<V, const N: usize> From<[(String, V); N]> for Keyed<V> {
    fn from(entries: [(String, V); N]) -> Self {
        entries.into_iter().collect()
    }
}

impl<'a, V> IntoIterator for &'a Keyed<V> {
    type Item = (&'a String, &'a V);
    type IntoIter = std::iter::Zip<std::slice::Iter<'a, String>, std::slice::Iter<'a, V>>;

    fn into_iter(self) -> Self::IntoIter {
        self.keys.iter().zip(self.values.iter())
    }
}

impl<V> IntoIterator for Keyed<V> {
    type Item = (String, V);
    type IntoIter = std::iter::Zip<std::vec::IntoIter<String>, std::vec::IntoIter<V>>;

    fn into_iter(self) -> Self::IntoIter {
        self.keys.into_iter().zip(self.values)
    }
}

/// A JSON object, in key order.
impl<V: Serialize> Serialize for Keyed<V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

/// From a JSON object; a repeated key keeps its last value, as `BTreeMap` reads it.
impl<'de, V: Deserialize<'de>> Deserialize<'de> for Keyed<V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Entries<V>(PhantomData<V>);
        impl<'de, V: Deserialize<'de>> Visitor<'de> for Entries<V> {
            type Value = Keyed<V>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut entries: A) -> Result<Keyed<V>, A::Error> {
                let mut map = Keyed::new();
                while let Some((key, value)) = entries.next_entry::<String, V>()? {
                    map.insert(key, value);
                }
                Ok(map)
            }
        }
        deserializer.deserialize_map(Entries(PhantomData))
    }
}

/// Keys alone, in order, without repeats (as a `BTreeSet<String>`).
#[derive(Clone, PartialEq, Eq, Default)]
pub struct KeySet {
    keys: Vec<String>,
}

impl KeySet {
    pub const fn new() -> Self {
        KeySet { keys: Vec::new() }
    }

    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    pub fn contains(&self, key: &str) -> bool {
        place(&self.keys, key).is_ok()
    }

    /// Adds `key`; false when it was there already.
    pub fn insert(&mut self, key: String) -> bool {
        match place(&self.keys, &key) {
            Ok(_) => false,
            Err(i) => {
                self.keys.insert(i, key);
                true
            }
        }
    }

    pub fn iter(&self) -> std::slice::Iter<'_, String> {
        self.keys.iter()
    }
}

impl fmt::Debug for KeySet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

impl FromIterator<String> for KeySet {
    fn from_iter<I: IntoIterator<Item = String>>(keys: I) -> Self {
        let mut set = KeySet::new();
        set.extend(keys);
        set
    }
}

impl Extend<String> for KeySet {
    fn extend<I: IntoIterator<Item = String>>(&mut self, keys: I) {
        for key in keys {
            self.insert(key);
        }
    }
}

impl<const N: usize> From<[String; N]> for KeySet {
    fn from(keys: [String; N]) -> Self {
        keys.into_iter().collect()
    }
}

impl<'a> IntoIterator for &'a KeySet {
    type Item = &'a String;
    type IntoIter = std::slice::Iter<'a, String>;

    fn into_iter(self) -> Self::IntoIter {
        self.keys.iter()
    }
}

/// A JSON list of strings, in order.
impl Serialize for KeySet {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

/// From a JSON list of strings; repeats are dropped, as `BTreeSet` reads them.
impl<'de> Deserialize<'de> for KeySet {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Keys;
        impl<'de> Visitor<'de> for Keys {
            type Value = KeySet;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a sequence")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut keys: A) -> Result<KeySet, A::Error> {
                let mut set = KeySet::new();
                while let Some(key) = keys.next_element::<String>()? {
                    set.insert(key);
                }
                Ok(set)
            }
        }
        deserializer.deserialize_seq(Keys)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::{BTreeMap, BTreeSet};

    /// One operation on a map, drawn from few keys so that they meet.
    #[derive(Debug, Clone)]
    enum Op {
        Insert(String, u8),
        Remove(String),
        OrInsert(String, u8),
        Retain(u8),
    }

    fn op() -> impl Strategy<Value = Op> {
        let key = "[a-c]{0,2}";
        prop_oneof![
            (key, any::<u8>()).prop_map(|(k, v)| Op::Insert(k, v)),
            key.prop_map(Op::Remove),
            (key, any::<u8>()).prop_map(|(k, v)| Op::OrInsert(k, v)),
            any::<u8>().prop_map(Op::Retain),
        ]
    }

    proptest! {
        // The reference is the standard library's BTreeMap: the same operations leave the same
        // entries, in the same order, with the same answers on the way, and the same JSON.
        #[test]
        fn behaves_as_a_btree_map(ops in proptest::collection::vec(op(), 0..40)) {
            let mut ours: Keyed<u8> = Keyed::new();
            let mut reference: BTreeMap<String, u8> = BTreeMap::new();
            for op in ops {
                match op {
                    Op::Insert(k, v) => prop_assert_eq!(ours.insert(k.clone(), v), reference.insert(k, v)),
                    Op::Remove(k) => prop_assert_eq!(ours.remove(&k), reference.remove(&k)),
                    Op::OrInsert(k, v) => {
                        let a = *ours.get_or_insert_with(k.clone(), || v);
                        let b = *reference.entry(k).or_insert_with(|| v);
                        prop_assert_eq!(a, b);
                    }
                    Op::Retain(m) => {
                        let keep = |k: &String, v: &mut u8| (k.len() + usize::from(*v)) % 3 != usize::from(m) % 3;
                        ours.retain(keep);
                        reference.retain(keep);
                    }
                }
                prop_assert_eq!(ours.len(), reference.len());
                for (k, v) in &reference {
                    prop_assert!(ours.contains_key(k));
                    prop_assert_eq!(ours.get(k), Some(v));
                }
                prop_assert!(!ours.contains_key("zz"));
            }
            let listed: Vec<(String, u8)> = ours.iter().map(|(k, v)| (k.clone(), *v)).collect();
            let expected: Vec<(String, u8)> = reference.iter().map(|(k, v)| (k.clone(), *v)).collect();
            prop_assert_eq!(&listed, &expected);
            prop_assert_eq!(serde_json::to_string(&ours).unwrap(), serde_json::to_string(&reference).unwrap());
            prop_assert_eq!(format!("{ours:?}"), format!("{reference:?}"));
        }

        // Reading JSON: the same map as BTreeMap reads, repeated keys included, and the same
        // refusal of what is not an object of numbers.
        #[test]
        fn reads_json_as_a_btree_map(entries in proptest::collection::vec(("[a-c]{0,2}", 0u8..4), 0..8), broken in any::<bool>()) {
            let mut text = String::from("{");
            for (i, (k, v)) in entries.iter().enumerate() {
                if i > 0 { text.push(','); }
                text.push_str(&format!("\"{k}\":{v}"));
            }
            if broken && !entries.is_empty() { text.push_str(",\"x\":\"no\""); }
            text.push('}');
            let ours = serde_json::from_str::<Keyed<u8>>(&text).map_err(|e| e.to_string());
            let reference = serde_json::from_str::<BTreeMap<String, u8>>(&text).map_err(|e| e.to_string());
            prop_assert_eq!(ours.map(|m| m.into_iter().collect::<Vec<_>>()), reference.map(|m| m.into_iter().collect::<Vec<_>>()));
            let value: serde_json::Value = serde_json::from_str(&text).unwrap();
            let ours = Keyed::<u8>::deserialize(&value).map_err(|e| e.to_string());
            let reference = BTreeMap::<String, u8>::deserialize(&value).map_err(|e| e.to_string());
            prop_assert_eq!(ours.map(|m| m.into_iter().collect::<Vec<_>>()), reference.map(|m| m.into_iter().collect::<Vec<_>>()));
        }

        #[test]
        fn the_set_behaves_as_a_btree_set(keys in proptest::collection::vec("[a-c]{0,2}", 0..20)) {
            let mut ours = KeySet::new();
            let mut reference = BTreeSet::new();
            for k in &keys {
                prop_assert_eq!(ours.insert(k.clone()), reference.insert(k.clone()));
            }
            prop_assert_eq!(ours.len(), reference.len());
            prop_assert!(ours.iter().eq(reference.iter()));
            prop_assert!(keys.iter().all(|k| ours.contains(k)) && !ours.contains("zz"));
            let json = serde_json::to_string(&ours).unwrap();
            prop_assert_eq!(&json, &serde_json::to_string(&reference).unwrap());
            prop_assert_eq!(serde_json::from_str::<KeySet>(&json).unwrap(), ours.clone());
            prop_assert_eq!(format!("{ours:?}"), format!("{reference:?}"));
        }
    }

    #[test]
    fn the_set_refuses_what_btree_set_refuses() {
        for text in ["{}", "[1]", "\"a\"", "null"] {
            let ours = serde_json::from_str::<KeySet>(text).map_err(|e| e.to_string());
            let reference =
                serde_json::from_str::<BTreeSet<String>>(text).map_err(|e| e.to_string());
            assert_eq!(
                ours.map(|s| s.iter().cloned().collect::<Vec<_>>()),
                reference.map(|s| s.into_iter().collect::<Vec<_>>()),
                "{text}"
            );
        }
    }
}

//! Values worked out from other state and kept between frames.
//!
//! Drawing must stay cheap (under a millisecond a key), so what is costly to work out (deck counts over
//! thousands of cards, a laid-out guide, the story list in order) is worked out in `update` when its
//! inputs change and kept here with the key it was made from. Render functions only borrow state, so
//! they read the kept value when its key still matches what they would compute from, and otherwise work
//! the value out on the spot: a stale value is never drawn, it only costs time.

/// A value kept with the key it was made from.
#[derive(Debug, Clone)]
pub struct Derived<K, V> {
    slot: Option<(K, V)>,
}

impl<K, V> Default for Derived<K, V> {
    fn default() -> Self {
        Derived { slot: None }
    }
}

impl<K: PartialEq, V> Derived<K, V> {
    /// The kept value, if it was made from `key`.
    pub fn get(&self, key: &K) -> Option<&V> {
        match &self.slot {
            Some((k, v)) if k == key => Some(v),
            _ => None,
        }
    }

    /// The kept value, if it was made from `key`, to update in place (what it is worked out from
    /// must not change: it stays kept under `key`).
    pub fn get_mut(&mut self, key: &K) -> Option<&mut V> {
        match &mut self.slot {
            Some((k, v)) if k == key => Some(v),
            _ => None,
        }
    }

    /// The value for `key`: the kept one if it was made from `key`, otherwise `make()`, kept from now on.
    pub fn refresh(&mut self, key: K, make: impl FnOnce() -> V) -> &V {
        if self.slot.as_ref().is_some_and(|(k, _)| *k != key) {
            self.slot = None;
        }
        &self.slot.get_or_insert_with(|| (key, make())).1
    }

    /// The kept value with the key it was made from, taken out (to be updated and kept again).
    pub fn take(&mut self) -> Option<(K, V)> {
        self.slot.take()
    }

    /// Forgets the kept value, so the next `refresh` works it out again.
    pub fn clear(&mut self) {
        self.slot = None;
    }
}

/// A value that counts the times it was lent out for changing, so that what is derived from it can
/// use the count in its key and be worked out again after any change.
#[derive(Debug, Default)]
pub struct Tracked<T> {
    value: T,
    changes: u64,
}

impl<T> Tracked<T> {
    pub fn new(value: T) -> Tracked<T> {
        Tracked { value, changes: 0 }
    }

    pub fn get(&self) -> &T {
        &self.value
    }

    /// The value, for changing: counted whether or not it is changed.
    pub fn get_mut(&mut self) -> &mut T {
        self.changes += 1;
        &mut self.value
    }

    pub fn set(&mut self, value: T) {
        *self.get_mut() = value;
    }

    /// How many times the value was lent out for changing or replaced.
    pub fn changes(&self) -> u64 {
        self.changes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kept_value_is_reused_for_the_same_key_and_remade_for_another() {
        let mut d: Derived<u32, String> = Derived::default();
        assert_eq!(d.get(&1), None);
        let mut made = 0;
        let mut make = |k: u32| {
            made += 1;
            format!("v{k}")
        };
        assert_eq!(d.refresh(1, || make(1)), "v1");
        assert_eq!(d.refresh(1, || make(1)), "v1");
        assert_eq!(d.get(&1).map(String::as_str), Some("v1"));
        assert_eq!(d.get(&2), None, "another key never sees the kept value");
        assert_eq!(d.get_mut(&2), None);
        d.get_mut(&1).unwrap().push('!');
        assert_eq!(
            d.get(&1).map(String::as_str),
            Some("v1!"),
            "updated in place"
        );
        assert_eq!(d.refresh(2, || make(2)), "v2");
        assert_eq!(made, 2, "made once per key change");
        assert_eq!(d.take(), Some((2, "v2".to_string())));
        assert_eq!(d.get(&2), None, "taken out");
        d.refresh(3, || "v3".to_string());
        d.clear();
        assert_eq!(d.get(&3), None);
    }

    #[test]
    fn every_loan_for_changing_counts() {
        let mut t = Tracked::new(vec![1]);
        assert_eq!(t.changes(), 0);
        let _ = t.get();
        assert_eq!(t.changes(), 0, "reading is not a change");
        t.get_mut().push(2);
        t.set(vec![3]);
        assert_eq!(t.changes(), 2);
        assert_eq!(t.get(), &[3]);
    }
}

//! A short per-thread memory of the last calls of each public reader.
//!
//! The events stage asks about the same clause several times (its date, its
//! victims, its counts), so each reader keeps its last few answers. A result
//! depends only on the text inside the (clamped) span, where that span
//! starts, the language and, for dates, the publication date: that is the
//! key, with the span's text compared byte for byte, so a hit returns exactly
//! what a new reading would.

use std::cell::RefCell;
use std::thread::LocalKey;

/// How many recent calls are kept per reader.
const SLOTS: usize = 8;

/// Recent (key, span text, result) triples, oldest replaced first.
#[derive(Debug)]
pub(crate) struct Memo<K, V> {
    entries: Vec<(K, String, V)>,
    next: usize,
}

impl<K, V> Default for Memo<K, V> {
    fn default() -> Self {
        Memo { entries: Vec::new(), next: 0 }
    }
}

/// The result for (`key`, `body`) from `cell`'s memory, or `read()` (then
/// remembered).
pub(crate) fn cached<K: PartialEq + Copy + 'static, V: Clone + 'static>(
    cell: &'static LocalKey<RefCell<Memo<K, V>>>,
    key: K,
    body: &str,
    read: impl FnOnce() -> V,
) -> V {
    let hit = cell.with(|m| {
        m.borrow().entries.iter().find(|e| e.0 == key && e.1 == body).map(|e| e.2.clone())
    });
    if let Some(v) = hit {
        return v;
    }
    let v = read();
    cell.with(|m| {
        let mut m = m.borrow_mut();
        let entry = (key, body.to_string(), v.clone());
        if m.entries.len() < SLOTS {
            m.entries.push(entry);
        } else {
            let i = m.next;
            m.entries[i] = entry;
        }
        m.next = (m.next + 1) % SLOTS;
    });
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    thread_local! {
        static T: RefCell<Memo<usize, usize>> = RefCell::new(Memo::default());
    }

    #[test]
    fn remembers_by_key_and_text() {
        let calls = Cell::new(0);
        let read = |v: usize| {
            calls.set(calls.get() + 1);
            v
        };
        assert_eq!(cached(&T, 1, "abc", || read(10)), 10);
        assert_eq!(cached(&T, 1, "abc", || read(99)), 10);
        assert_eq!(calls.get(), 1);
        // Same key, other text; same text, other key: read again.
        assert_eq!(cached(&T, 1, "abd", || read(11)), 11);
        assert_eq!(cached(&T, 2, "abc", || read(12)), 12);
        assert_eq!(calls.get(), 3);
        // Old entries are replaced once the memory is full.
        for k in 100..100 + SLOTS {
            cached(&T, k, "x", || read(0));
        }
        assert_eq!(cached(&T, 1, "abc", || read(13)), 13);
    }
}

//! Card ids that stay the same at every import of a note, and the normal form of a front.

use crate::domain::content::Id;
use crate::domain::content::library::valid_id;
use crate::interop::anki::Note;

/// Fronts compare without case or spacing differences. (Card ids hash this form, so it must never
/// change: `str::to_lowercase` of the words joined by single spaces.)
pub(super) fn normal(front: &str) -> String {
    let mut joined = String::with_capacity(front.len());
    for w in front.split_whitespace() {
        if !joined.is_empty() {
            joined.push(' ');
        }
        joined.push_str(w);
    }
    if joined.is_ascii() {
        // The same as `to_lowercase` for ASCII, without a second string.
        joined.make_ascii_lowercase();
        joined
    } else {
        joined.to_lowercase()
    }
}

/// A card id that is the same every time the same note is imported: the Anki note id when the file
/// has one (as is, if it is already a valid id, as clinicprep's own exports write), else a hash of
/// the front.
pub fn card_id(note: &Note) -> Id {
    card_id_of(note, &normal(&note.front))
}

/// [`card_id`] with the front already in its [`normal`] form.
pub(super) fn card_id_of(note: &Note, normal_front: &str) -> Id {
    match note.guid.as_deref() {
        Some(g) if valid_id(g) => Id::new(g),
        Some(g) => Id::new(format!("imp-{:016x}", fnv1a(&format!("guid\0{g}")))),
        None => Id::new(format!(
            "imp-{:016x}",
            fnv1a(&format!("front\0{normal_front}"))
        )),
    }
}

/// 64-bit FNV-1a: tiny, and fixed forever (std's hasher may change between Rust versions, and ids
/// must not).
fn fnv1a(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interop::deck_import::tests::note;

    #[test]
    fn ids_are_stable_and_ignore_spacing_and_case() {
        let a = card_id(&note("Gait  belt", None));
        assert_eq!(a, card_id(&note("gait belt", None)));
        assert_ne!(a, card_id(&note("gait belts", None)));
        assert!(valid_id(a.as_str()));
        // Pinned: ids must never change between versions.
        assert_eq!(fnv1a("a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn the_normal_form_of_a_front_never_changes() {
        let old = |f: &str| {
            f.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        };
        for f in [
            "  Gait\tBELT  check ",
            "ΟΔΟΣ ΣΟΦΙΑΣ",
            "Ünïcode  Straße",
            "",
            "a\u{00A0}b\u{2003}c",
        ] {
            assert_eq!(normal(f), old(f), "{f:?}");
        }
        use proptest::prelude::*;
        proptest!(|(f in "[ a-zA-ZΣσς\t\u{00A0}İ]{0,20}")| {
            prop_assert_eq!(normal(&f), old(&f));
        });
    }

    #[test]
    fn guids_become_ids_valid_ones_as_they_are() {
        assert_eq!(
            card_id(&note("x", Some("q-transfer"))).as_str(),
            "q-transfer"
        );
        let hashed = card_id(&note("x", Some("Ab$9/x")));
        assert!(hashed.as_str().starts_with("imp-") && valid_id(hashed.as_str()));
    }
}

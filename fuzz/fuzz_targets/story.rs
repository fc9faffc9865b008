//! Fuzz the story file parser: any bytes as `stories/<id>.toml` must give a story or an error with a
//! line inside the file, never a panic; a story that loads must survive a save and reload unchanged.
#![no_main]

use clinicprep::domain::stories::file::{from_bytes, to_toml};
use clinicprep::domain::stories::StoryId;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(id) = StoryId::from_stem("fuzz") else { return };
    match from_bytes(data, id.clone(), None) {
        Ok(story) => {
            if let Ok(text) = to_toml(&story) {
                let again = from_bytes(text.as_bytes(), id, None).expect("our own output parses");
                assert_eq!(again.title, story.title);
                assert_eq!(again.action, story.action);
            }
        }
        Err(e) => {
            let lines = data.split(|b| *b == b'\n').count();
            assert!(e.line.is_none_or(|l| l >= 1 && l <= lines), "{e:?}");
        }
    }
});

//! TOML strings read exactly as the TOML grammar says, with the vendored parser's faster scan
//! (vendor/toml_parser/PATCHES.md): every card, story and setting is a TOML string.

use proptest::prelude::*;
use std::collections::BTreeMap;

/// Reads `key` from a TOML document.
fn read(doc: &str) -> Result<String, String> {
    let table: BTreeMap<String, String> = toml::from_str(doc).map_err(|e| e.to_string())?;
    table.get("k").cloned().ok_or_else(|| "no key".to_string())
}

/// What a basic string may hold unescaped: tab, space to `~` but `"` and `\`, and anything
/// beyond ASCII.
fn allowed_in_basic(c: char) -> bool {
    c == '\t' || (c >= ' ' && c != '"' && c != '\\' && c != '\u{7f}')
}

/// Characters on either side of every edge the scan tests, and some wider ones.
fn tricky() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => prop::sample::select(vec![
            'a', ' ', '!', '#', '[', ']', '~', 'é', '😀', '\t', '\u{7f}', '\u{0}', '\u{1f}', '\u{8}',
            '"', '\\', '\n', '\r', '\u{80}', '\u{ff}',
        ]),
        1 => any::<char>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Whatever a string holds, writing it as TOML and reading it back gives it back.
    #[test]
    fn any_text_comes_back_as_written(text in prop::collection::vec(tricky(), 0..48)) {
        let text: String = text.into_iter().collect();
        let mut table = BTreeMap::new();
        table.insert("k".to_string(), text.clone());
        let doc = toml::to_string(&table).unwrap();
        prop_assert_eq!(read(&doc), Ok(text));
    }

    /// Raw text between quotes is read whole when every character may stand unescaped, and refused
    /// when any one may not, wherever it falls in a run of eight.
    #[test]
    fn a_basic_string_is_refused_exactly_when_a_character_is_not_allowed(
        text in prop::collection::vec(
            tricky().prop_filter("ends the string or escapes", |c| !matches!(c, '"' | '\\' | '\n' | '\r')),
            0..48,
        )
    ) {
        let text: String = text.into_iter().collect();
        let got = read(&format!("k = \"{text}\"\n"));
        if text.chars().all(allowed_in_basic) {
            prop_assert_eq!(got, Ok(text));
        } else {
            prop_assert!(got.is_err(), "{:?} was read", text);
        }
    }

    /// The same for a multi-line string, which may also hold line feeds and lone quotes.
    #[test]
    fn a_multiline_string_is_refused_exactly_when_a_character_is_not_allowed(
        text in prop::collection::vec(
            tricky().prop_filter("escapes or is a lone CR", |c| !matches!(c, '\\' | '\r')),
            0..48,
        )
    ) {
        let text: String = text.into_iter().collect();
        prop_assume!(!text.contains("\"\"\"") && !text.ends_with('"'));
        let got = read(&format!("k = \"\"\"\n{text}\"\"\"\n"));
        if text.chars().all(|c| c == '\n' || c == '"' || allowed_in_basic(c)) {
            prop_assert_eq!(got, Ok(text));
        } else {
            prop_assert!(got.is_err(), "{:?} was read", text);
        }
    }
}

/// One bad character at every place in strings of every length up to three runs of eight.
#[test]
fn a_control_character_is_found_at_every_position() {
    for bad in ['\u{0}', '\u{1b}', '\u{7f}'] {
        for len in 1..=24 {
            for at in 0..len {
                let text: String = (0..len).map(|i| if i == at { bad } else { 'x' }).collect();
                assert!(
                    read(&format!("k = \"{text}\"\n")).is_err(),
                    "{bad:?} at {at} of {len} was read"
                );
                assert!(
                    read(&format!("k = \"\"\"\n{text}\"\"\"\n")).is_err(),
                    "{bad:?} at {at} of {len} was read in a multi-line string"
                );
            }
        }
    }
}

/// Escapes are decoded wherever they fall, and the text on each side of them is kept.
#[test]
fn escapes_between_long_runs_are_decoded() {
    let doc = "k = \"0123456789abcdef\\tTAB\\\"QUOTE\\\\SLASH\\u00e9 caf\u{e9} 😀 done\"\n";
    assert_eq!(
        read(doc),
        Ok("0123456789abcdef\tTAB\"QUOTE\\SLASHé café 😀 done".to_string())
    );
}

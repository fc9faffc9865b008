//! Parser messages in plain words: "invalid type: integer `5`, expected a string" becomes "expected
//! text in quotes, found the number 5", so someone new to TOML knows what to change.

/// `message` (from the TOML parser or serde) reworded where a known pattern matches; any other
/// message is returned as it is. Rewording a reworded message changes nothing.
pub fn plain(message: &str) -> String {
    let m = message.trim();
    if let Some(rest) = m
        .strip_prefix("invalid type: ")
        .or_else(|| m.strip_prefix("invalid value: "))
        && let Some((found, expected)) = rest.split_once(", expected ")
    {
        return format!("expected {}, found {}", wanted(expected), value(found));
    }
    if let Some(rest) = m.strip_prefix("unknown field ") {
        let (name, allowed) = rest.split_once(", ").unwrap_or((rest, ""));
        let allowed = list(allowed);
        return if allowed.is_empty() || allowed.starts_with("there are no") {
            format!("unknown key {}: this table takes no keys", unquote(name))
        } else {
            format!(
                "unknown key {}: check its spelling (the keys allowed here are {allowed})",
                unquote(name)
            )
        };
    }
    if let Some(rest) = m.strip_prefix("unknown variant ") {
        let (name, allowed) = rest.split_once(", ").unwrap_or((rest, ""));
        let allowed = list(allowed);
        return format!(
            "{} is not one of the allowed values ({allowed})",
            unquote(name)
        );
    }
    if let Some(name) = m.strip_prefix("missing field ") {
        return format!("missing key {}: add it to this entry", unquote(name));
    }
    if let Some(name) = m.strip_prefix("duplicate field ") {
        return format!("the key {} is set twice: keep one", unquote(name));
    }
    if m == "duplicate key" {
        return "this key is set twice in the same table: keep one".to_string();
    }
    if m.starts_with("invalid basic string") || m.starts_with("invalid literal string") {
        return "text in quotes is not closed: add the closing quote at the end of the line"
            .to_string();
    }
    m.to_string()
}

/// What the parser wanted, in plain words.
fn wanted(expected: &str) -> String {
    let e = expected.trim();
    let word = match e {
        "a string" | "a borrowed string" | "string" => "text in quotes",
        "a sequence" | "sequence" => "a list in [brackets]",
        "a boolean" | "bool" => "true or false",
        "u8" | "u16" | "u32" | "u64" | "usize" | "i8" | "i16" | "i32" | "i64" | "isize"
        | "an integer" => "a whole number",
        "f32" | "f64" | "a float" => "a number",
        "a map" | "map" => "a table",
        _ if e.starts_with("struct ") => "a table of keys",
        _ if e.contains("date") => "a date such as 2026-12-04",
        _ => return e.to_string(),
    };
    word.to_string()
}

/// What the parser found, in plain words.
fn value(found: &str) -> String {
    let f = found.trim();
    let inner = |prefix: &str| f.strip_prefix(prefix).map(|v| v.trim_matches('`'));
    if let Some(n) = inner("integer ").or_else(|| inner("floating point ")) {
        return format!("the number {n}");
    }
    if let Some(b) = inner("boolean ") {
        return format!("the word {b}");
    }
    if let Some(s) = f.strip_prefix("string ") {
        return format!("the text {s}");
    }
    match f {
        "sequence" => "a list".to_string(),
        "map" => "a table".to_string(),
        other => other.to_string(),
    }
}

/// serde's "expected one of `a`, `b`, `c`" or "expected `a` or `b`" as "a, b, c".
fn list(items: &str) -> String {
    let items = items
        .trim_start_matches("expected one of ")
        .trim_start_matches("expected ");
    items
        .split(", ")
        .flat_map(|s| s.split(" or "))
        .map(unquote)
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

fn unquote(s: &str) -> &str {
    s.trim().trim_matches('`')
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Card {
        front: String,
        tags: Option<Vec<String>>,
        core: Option<bool>,
        order: Option<u32>,
        kind: Option<Kind>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "kebab-case")]
    enum Kind {
        Plain,
        Choice,
    }

    fn parse(text: &str) -> String {
        plain(toml::from_str::<Card>(text).unwrap_err().message())
    }

    #[test]
    fn wrong_types_say_what_was_wanted_and_found() {
        assert_eq!(
            parse("front = 5"),
            "expected text in quotes, found the number 5"
        );
        assert_eq!(
            parse("front = \"a\"\ntags = \"x\""),
            "expected a list in [brackets], found the text \"x\""
        );
        assert_eq!(
            parse("front = \"a\"\ncore = \"yes\""),
            "expected true or false, found the text \"yes\""
        );
        assert_eq!(
            parse("front = \"a\"\norder = 1.5"),
            "expected a whole number, found the number 1.5"
        );
    }

    #[test]
    fn keys_and_values_are_named_without_backticks() {
        let unknown = parse("front = \"a\"\nfrnt = 1");
        assert!(
            unknown.starts_with("unknown key frnt: check its spelling"),
            "{unknown}"
        );
        assert!(unknown.contains("front, tags, core"), "{unknown}");
        assert_eq!(
            parse("tags = []"),
            "missing key front: add it to this entry"
        );
        let variant = parse("front = \"a\"\nkind = \"odd\"");
        assert_eq!(
            variant,
            "odd is not one of the allowed values (plain, choice)"
        );
    }

    #[test]
    fn other_messages_pass_through_and_rewording_twice_changes_nothing() {
        assert_eq!(
            plain("extra `=`, expected nothing"),
            "extra `=`, expected nothing"
        );
        let once = parse("front = 5");
        assert_eq!(plain(&once), once);
        assert_eq!(wanted("struct Role"), "a table of keys");
    }
}

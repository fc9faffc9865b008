//! Joining words into an English list, as the coaching and the sheet write them.

/// "a", "a and b", "a, b and c" (no serial comma, as the rest of the text writes lists).
pub fn join_and<S: AsRef<str>>(parts: &[S]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [rest @ .., last] => {
            let rest: Vec<&str> = rest.iter().map(AsRef::as_ref).collect();
            format!("{} and {}", rest.join(", "), last.as_ref())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn join_and_reads_as_a_list() {
        assert_eq!(join_and::<&str>(&[]), "");
        assert_eq!(join_and(&["a"]), "a");
        assert_eq!(join_and(&["a", "b"]), "a and b");
        assert_eq!(
            join_and(&[String::from("a"), "b".into(), "c".into()]),
            "a, b and c"
        );
    }
}

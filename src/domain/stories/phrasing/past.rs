//! The simple past of an English verb, for rewrites such as "I would call" → "I called".

/// Common irregular verbs an aide's story uses, base form → simple past.
const IRREGULAR: &[(&str, &str)] = &[
    ("be", "was"),
    ("become", "became"),
    ("begin", "began"),
    ("bend", "bent"),
    ("bring", "brought"),
    ("build", "built"),
    ("buy", "bought"),
    ("catch", "caught"),
    ("choose", "chose"),
    ("come", "came"),
    ("cut", "cut"),
    ("do", "did"),
    ("draw", "drew"),
    ("drink", "drank"),
    ("drive", "drove"),
    ("eat", "ate"),
    ("fall", "fell"),
    ("feed", "fed"),
    ("feel", "felt"),
    ("fight", "fought"),
    ("find", "found"),
    ("forget", "forgot"),
    ("get", "got"),
    ("give", "gave"),
    ("go", "went"),
    ("grow", "grew"),
    ("hang", "hung"),
    ("have", "had"),
    ("hear", "heard"),
    ("hide", "hid"),
    ("hit", "hit"),
    ("hold", "held"),
    ("hurt", "hurt"),
    ("keep", "kept"),
    ("know", "knew"),
    ("lay", "laid"),
    ("lead", "led"),
    ("leave", "left"),
    ("lend", "lent"),
    ("let", "let"),
    ("lose", "lost"),
    ("make", "made"),
    ("mean", "meant"),
    ("meet", "met"),
    ("pay", "paid"),
    ("put", "put"),
    ("quit", "quit"),
    ("read", "read"),
    ("ride", "rode"),
    ("ring", "rang"),
    ("rise", "rose"),
    ("run", "ran"),
    ("say", "said"),
    ("see", "saw"),
    ("seek", "sought"),
    ("sell", "sold"),
    ("send", "sent"),
    ("set", "set"),
    ("shake", "shook"),
    ("shut", "shut"),
    ("sit", "sat"),
    ("sleep", "slept"),
    ("speak", "spoke"),
    ("spend", "spent"),
    ("split", "split"),
    ("stand", "stood"),
    ("stick", "stuck"),
    ("sweep", "swept"),
    ("take", "took"),
    ("teach", "taught"),
    ("tell", "told"),
    ("think", "thought"),
    ("throw", "threw"),
    ("understand", "understood"),
    ("wake", "woke"),
    ("wear", "wore"),
    ("win", "won"),
    ("write", "wrote"),
];

/// The simple past of `verb` as written, keeping a leading capital: a listed irregular verb, else the
/// spelling rules for "-ed" (call → called, move → moved, carry → carried, stop → stopped). A word
/// already ending in "ed" is left as it is.
pub fn past_tense(verb: &str) -> String {
    let lower = verb.to_lowercase();
    let past = match IRREGULAR.iter().find(|(base, _)| *base == lower) {
        Some((_, past)) => past.to_string(),
        None => regular(&lower),
    };
    match verb.chars().next() {
        Some(c) if c.is_uppercase() => {
            let mut chars = past.chars();
            chars
                .next()
                .map(|f| f.to_uppercase().chain(chars).collect())
                .unwrap_or_default()
        }
        _ => past,
    }
}

fn regular(v: &str) -> String {
    let b = v.as_bytes();
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    if v.ends_with("ed") || !v.is_ascii() || b.len() < 2 {
        return v.to_string();
    }
    let (last, before) = (b[b.len() - 1], b[b.len() - 2]);
    if last == b'e' {
        return format!("{v}d");
    }
    if last == b'y' && !vowel(before) {
        return format!("{}ied", &v[..v.len() - 1]);
    }
    // One short syllable ending consonant-vowel-consonant doubles its last letter: stop, plan, grab.
    let one_vowel = b.iter().filter(|&&c| vowel(c)).count() == 1;
    let cvc = b.len() >= 3 && !vowel(b[b.len() - 3]) && vowel(before) && !vowel(last);
    if one_vowel && cvc && !matches!(last, b'w' | b'x' | b'y') {
        return format!("{v}{}ed", char::from(last));
    }
    format!("{v}ed")
}

#[cfg(test)]
mod tests {
    use super::past_tense;

    #[test]
    fn regular_and_irregular_verbs_and_capitals() {
        for (base, past) in [
            ("call", "called"),
            ("move", "moved"),
            ("carry", "carried"),
            ("stay", "stayed"),
            ("stop", "stopped"),
            ("plan", "planned"),
            ("fix", "fixed"),
            ("open", "opened"),
            ("visit", "visited"),
            ("walked", "walked"),
            ("tell", "told"),
            ("Take", "Took"),
            ("go", "went"),
            ("café", "café"),
            ("", ""),
        ] {
            assert_eq!(past_tense(base), past, "{base}");
        }
    }
}

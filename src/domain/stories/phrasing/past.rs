//! The simple past of an English verb, for rewrites such as "I would call" → "I called".

/// Common irregular verbs an aide's story uses, base form → simple past.
const IRREGULAR: &[(&str, &str)] = &[
    ("be", "was"),
    ("become", "became"),
    ("bleed", "bled"),
    ("begin", "began"),
    ("bend", "bent"),
    ("breed", "bred"),
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
    ("flee", "fled"),
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
    ("shed", "shed"),
    ("shut", "shut"),
    ("sit", "sat"),
    ("sleep", "slept"),
    ("speak", "spoke"),
    ("speed", "sped"),
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

/// Verbs whose base form ends in "ed" and takes "-ed" like any other (need → needed). Every other
/// word ending in "ed" is taken to be past already ("used", "agreed", "freed") and left as it is, so
/// the list names the base forms rather than the far longer list of past forms. The "-eed" verbs
/// with an irregular past (feed, bleed, breed, speed) are in [`IRREGULAR`].
const BASE_ENDING_IN_ED: &[&str] = &[
    "need", "heed", "seed", "weed", "proceed", "succeed", "exceed", "shred",
];

/// The simple past of `verb` as written, keeping a leading capital: a listed irregular verb, else the
/// spelling rules for "-ed" (call → called, move → moved, carry → carried, stop → stopped). A word
/// already ending in "ed" is left as it is, unless it is one of the base forms in
/// [`BASE_ENDING_IN_ED`] ("I would need" → "I needed", not "I need").
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
    let already_past = v.ends_with("ed") && !BASE_ENDING_IN_ED.contains(&v);
    if already_past || !v.is_ascii() || b.len() < 2 {
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

    /// "I would need to get her to walk" is "I needed to", not "I need to": a base form that ends
    /// in "ed" still gets a past, while a word already past stays as it is.
    #[test]
    fn verbs_whose_base_form_ends_in_ed_get_a_past_and_past_forms_stay() {
        for (base, past) in [
            ("need", "needed"),
            ("Need", "Needed"),
            ("proceed", "proceeded"),
            ("succeed", "succeeded"),
            ("exceed", "exceeded"),
            ("shred", "shredded"),
            ("feed", "fed"),
            ("bleed", "bled"),
            ("speed", "sped"),
            ("used", "used"),
            ("agreed", "agreed"),
            ("freed", "freed"),
            ("needed", "needed"),
        ] {
            assert_eq!(past_tense(base), past, "{base}");
        }
    }
}

//! Words that can sound unsafe or outside an aide's or assistant's role: "push through", "probably
//! nothing", "diagnose", "start treating right away". A rehab interviewer listens for safety and
//! scope before anything else, so the analysis names them. Kept conservative: each counts only as
//! a whole phrase, and not where a word just before turns it round ("I would never tell him to
//! push through") or gives it to someone else ("she wanted to push through").

use super::cues::tokens;

/// Phrases that wave off a warning sign or skip a safety step.
const UNSAFE: &[&str] = &[
    "push through",
    "pushed through",
    "pushing through",
    "tough it out",
    "walk it off",
    "shake it off",
    "probably nothing",
    "it's nothing",
    "nothing to worry about",
    "no big deal",
    "keep going anyway",
    "kept going anyway",
    "ignore it",
    "ignored it",
    "without the gait belt",
    "without a gait belt",
    "skip the gait belt",
    "skipped the gait belt",
    "don't need the gait belt",
];

/// Phrases that claim what the therapist decides, or treating before a license.
const OUT_OF_SCOPE: &[&str] = &[
    "diagnose",
    "diagnosed",
    "diagnosing",
    "change the plan",
    "changed the plan",
    "change their plan",
    "change his plan",
    "change her plan",
    "adjust the plan",
    "adjusted the plan",
    "modify the plan",
    "modified the plan",
    "start treating",
    "treat patients right away",
    "treating patients right away",
    "treat patients on my own",
    "without a license",
    "before my license",
];

/// Words that, up to [`REACH`] words before a phrase, turn it round or give it to someone else.
const TURNED: &[&str] = &[
    "not",
    "never",
    "no",
    "don't",
    "didn't",
    "wouldn't",
    "won't",
    "can't",
    "cannot",
    "couldn't",
    "shouldn't",
    "instead",
    "wanted",
    "wants",
    "tried",
    "insisted",
    "said",
    "says",
    "asked",
    "thought",
    "until",
    "unless",
];

/// How many words before a phrase [`TURNED`] is looked for.
const REACH: usize = 8;

/// The phrases of an answer that can sound unsafe or out of scope, in order and each once.
pub(super) fn risky(text: &str) -> Vec<String> {
    let cues: Vec<&str> = UNSAFE.iter().chain(OUT_OF_SCOPE).copied().collect();
    said(text, &cues).into_iter().map(str::to_string).collect()
}

/// The `cues` (lowercase phrases) that `text` says, in order and each once: a whole phrase within
/// a sentence, not where a word up to [`REACH`] before turns it round or gives it to someone else
/// ([`TURNED`]); of phrases overlapping at one place, the longest ("start treating patients right
/// away" is one finding).
pub(super) fn said<'c>(text: &str, cues: &[&'c str]) -> Vec<&'c str> {
    let mut found: Vec<&str> = Vec::new();
    for sentence in text.split(['.', '!', '?', ';', '\n']) {
        let words = tokens(sentence);
        let mut hits: Vec<(usize, usize, &str)> = Vec::new();
        for cue in cues {
            let parts: Vec<&str> = cue.split_whitespace().collect();
            if parts.is_empty() {
                continue;
            }
            for (at, w) in words.windows(parts.len()).enumerate() {
                if w.iter().zip(&parts).all(|(a, b)| a == b) {
                    hits.push((at, parts.len(), cue));
                }
            }
        }
        hits.sort_by_key(|&(at, len, _)| (at, std::cmp::Reverse(len)));
        let mut free_from = 0;
        for (at, len, cue) in hits {
            if at < free_from {
                continue;
            }
            free_from = at + len;
            let before = &words[at.saturating_sub(REACH)..at];
            let turned = before.iter().any(|w| TURNED.contains(&w.as_str()));
            if !turned && !found.contains(&cue) {
                found.push(cue);
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::risky;

    #[test]
    fn waving_off_a_warning_sign_or_claiming_the_therapists_call_is_found() {
        assert_eq!(
            risky(
                "I'd tell them to push through a bit and drink some water, it's probably nothing."
            ),
            ["push through", "probably nothing"]
        );
        assert_eq!(
            risky("Soon. I graduated so I can start treating patients right away."),
            ["start treating"]
        );
        assert_eq!(
            risky("If the exercise hurt, I would change the plan to something easier."),
            ["change the plan"]
        );
        assert_eq!(
            risky("We did the transfer without a gait belt."),
            ["without a gait belt"]
        );
    }

    #[test]
    fn the_same_words_turned_round_or_said_by_someone_else_are_not() {
        for calm in [
            "I would never tell a dizzy patient to push through.",
            "He wanted to push through, but I had him sit and called the therapist.",
            "I don't change the plan; I tell the PT what I saw.",
            "I can't diagnose anything, so I report it to the therapist.",
            "The daughter said it was probably nothing, but I checked his blood pressure.",
            "I will not treat patients until my license is active.",
            "I put the gait belt on before every transfer.",
        ] {
            assert!(risky(calm).is_empty(), "{calm}: {:?}", risky(calm));
        }
    }
}

//! The two signals the rubric's boxes are pre-ticked from that need more than a word list: a real
//! example told (not a claim such as "I'm good at keeping people safe") and a measurable result
//! (not only an ending such as "so he could keep moving"). A pre-tick raises the grade that
//! schedules the question's card, so both lean toward leaving the box for the user to tick.

use super::cues::has_any;

/// Words that introduce a real example.
const EXAMPLE_MARKERS: &[&str] = &[
    "for example",
    "for instance",
    "one time",
    "one day",
    "the other day",
    "last week",
    "last month",
    "last year",
    "last summer",
    "last fall",
    "last spring",
    "last winter",
    "i remember",
    "when i",
    "there was a",
    "there was one",
];

/// "once" is an example ("once, a resident…") but not a habit ("once a week", "once in a while",
/// "once or twice") or a condition ("once you are in the gym").
const NOT_AFTER_ONCE: &[&str] = &["or", "in", "every", "per", "you", "they", "we"];

/// After "once a", these make a habit: "once a week".
const HOW_OFTEN: &[&str] = &[
    "day", "week", "month", "year", "while", "shift", "session", "visit",
];

/// Past tenses ending in "-ed" that tell of a background or a feeling, not of something done in a
/// story: "I worked as a CNA", "I loved my fieldwork".
const BACKGROUND: &[&str] = &[
    "worked",
    "volunteered",
    "graduated",
    "studied",
    "trained",
    "lived",
    "moved",
    "finished",
    "completed",
    "earned",
    "wanted",
    "liked",
    "loved",
    "enjoyed",
    "decided",
    "started",
    "needed",
    "used",
    "applied",
    "majored",
    "interned",
    "received",
    "obtained",
    "passed",
    "joined",
    "served",
    "stayed",
    "learned",
    "realized",
    "hoped",
    "planned",
    "preferred",
    "missed",
];

/// Irregular past tenses of doing something.
const DID: &[&str] = &[
    "took", "went", "saw", "told", "got", "made", "gave", "kept", "found", "brought", "held",
    "stood", "sat", "caught", "ran", "came", "said", "did", "wrote", "spoke", "met", "led",
    "drove", "heard", "sent", "taught", "woke", "grabbed", "stopped",
];

/// Words that may stand between "I" and what I did: "I quickly grabbed", "I then called".
const BETWEEN: &[&str] = &[
    "then",
    "quickly",
    "calmly",
    "gently",
    "slowly",
    "carefully",
    "immediately",
    "right",
    "also",
    "first",
    "finally",
    "just",
    "always",
];

/// True when the answer tells a real example: a marker such as "for example", "once" or "last
/// week", or "I" followed by something done in the past ("I grabbed the gait belt", "I quickly
/// called the nurse").
pub(super) fn tells_example(words: &[String]) -> bool {
    if has_any(words, EXAMPLE_MARKERS) {
        return true;
    }
    let once = words.iter().enumerate().any(|(i, w)| {
        let next = words.get(i + 1).map_or("", String::as_str);
        let then = words.get(i + 2).map_or("", String::as_str);
        let habit = matches!(next, "a" | "an") && HOW_OFTEN.contains(&then);
        w == "once" && !habit && !NOT_AFTER_ONCE.contains(&next)
    });
    once || words.iter().enumerate().any(|(i, w)| {
        w == "i" && {
            let rest = &words[i + 1..];
            let skip = usize::from(rest.first().is_some_and(|w| BETWEEN.contains(&w.as_str())));
            rest.get(skip).is_some_and(|v| did(v))
        }
    })
}

fn did(word: &str) -> bool {
    DID.contains(&word) || (word.len() > 4 && word.ends_with("ed") && !BACKGROUND.contains(&word))
}

/// Words that say a result can be checked: a change someone could see or count.
const MEASURABLE: &[&str] = &[
    "percent",
    "half",
    "twice",
    "double",
    "doubled",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "hundred",
    "went home",
    "walked again",
    "walking again",
    "she walked",
    "he walked",
    "they walked",
    "no falls",
    "no more",
    "fewer",
    "less pain",
    "improved",
    "went down",
    "went up",
    "dropped",
    "increased",
    "decreased",
    "reduced",
    "on time",
    "without help",
    "on her own",
    "on his own",
    "on their own",
    "by herself",
    "by himself",
    "by themselves",
    "independently",
    "was able to",
    "were able to",
    "discharged",
];

/// True when `words` (where the answer ends) hold a number or a change someone could check: "she
/// walked 40 feet", "no falls that month", "he went home". An ending alone ("so he could keep
/// moving", "we communicated well") is not one.
pub(super) fn measurable(words: &[String]) -> bool {
    words.iter().any(|w| w.chars().any(|c| c.is_ascii_digit())) || has_any(words, MEASURABLE)
}

#[cfg(test)]
mod tests {
    use super::super::cues::tokens;
    use super::*;

    #[test]
    fn an_example_is_told_not_claimed() {
        for told in [
            "For example, I check the brakes.",
            "Once, a resident refused her walk.",
            "Last week a man fell in the gym.",
            "I grabbed the gait belt and stayed with her.",
            "I quickly called the nurse.",
            "When I was at the nursing home, a resident cried every morning.",
        ] {
            assert!(tells_example(&tokens(told)), "{told}");
        }
        for claimed in [
            "I'm good at keeping people safe.",
            "I have worked as a CNA for six years and I'm organized.",
            "I worked at a nursing home and I loved it.",
            "I check on each patient once a week.",
            "I am certified in CPR.",
        ] {
            assert!(!tells_example(&tokens(claimed)), "{claimed}");
        }
    }

    #[test]
    fn a_result_is_measurable_with_a_number_or_a_change_someone_could_check() {
        for checked in [
            "In the end she walked 40 feet.",
            "There were no falls that month.",
            "He went home a week early.",
            "She was able to dress herself.",
            "We cut the wait by half.",
        ] {
            assert!(measurable(&tokens(checked)), "{checked}");
        }
        for vague in [
            "so he could keep moving. We all communicated really well as a team.",
            "After that everyone felt better.",
        ] {
            assert!(!measurable(&tokens(vague)), "{vague}");
        }
    }
}

//! Whole sentences, never cut: splitting text into sentences, taking as many whole ones as fit a word
//! budget, and removing clear fillers ("um", "basically", "kind of") from a sentence that goes on paper.

/// Words before a full stop that do not end a sentence.
const ABBREVIATIONS: [&str; 16] = [
    "dr", "mr", "mrs", "ms", "st", "vs", "e.g", "i.e", "a.m", "p.m", "approx", "etc", "no", "jr",
    "sr", "pt",
];

/// The sentences of `text`, each trimmed and on one line (runs of white space, newlines included,
/// become one space). A sentence ends at `.`, `!` or `?` (with any closing quotes or brackets after
/// it) before white space or the end, but not after an abbreviation such as "Dr." or an initial;
/// at a Chinese or Japanese full stop; and at a blank line, so a list written one item a paragraph
/// splits into its items. Text after the last stop is a sentence too.
pub fn split(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for para in paragraphs(text) {
        let flat = para.split_whitespace().collect::<Vec<_>>().join(" ");
        let mut start = 0;
        let mut chars = flat.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let ends = match c {
                '。' | '！' | '？' => true,
                '.' | '!' | '?' => {
                    // Closing quotes and brackets belong to the sentence they close.
                    while let Some(&(_, n)) = chars.peek() {
                        if matches!(
                            n,
                            '"' | '\'' | ')' | ']' | '”' | '’' | '»' | '.' | '!' | '?'
                        ) {
                            chars.next();
                        } else {
                            break;
                        }
                    }
                    let at_break = chars.peek().is_none_or(|&(_, n)| n.is_whitespace());
                    at_break && (c != '.' || !after_abbreviation(&flat[start..i]))
                }
                _ => false,
            };
            if ends {
                let end = chars.peek().map_or(flat.len(), |&(j, _)| j);
                push_trimmed(&mut out, &flat[start..end]);
                start = end;
            }
        }
        push_trimmed(&mut out, &flat[start..]);
    }
    out
}

fn push_trimmed(out: &mut Vec<String>, s: &str) {
    let s = s.trim();
    if !s.is_empty() {
        out.push(s.to_string());
    }
}

/// Splits at blank lines (a line with only white space counts as blank).
fn paragraphs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            if !cur.trim().is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            cur.clear();
        } else {
            cur.push_str(line);
            cur.push('\n');
        }
    }
    if !cur.trim().is_empty() {
        out.push(cur);
    }
    out
}

fn after_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    let lower = word.to_lowercase();
    // A single capital letter is an initial, as in "J. Lee".
    let initial = word.chars().count() == 1 && word.chars().all(|c| c.is_uppercase());
    initial || ABBREVIATIONS.contains(&lower.as_str())
}

/// Words in `text` as a reader counts them: runs separated by white space.
pub fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// The longest run of whole sentences from the start of `sentences` whose words add up to at most
/// `max_words`. Never part of a sentence: a first sentence longer than the budget gives nothing.
pub fn leading_within(sentences: &[String], max_words: usize) -> Vec<String> {
    let mut used = 0;
    let mut out = Vec::new();
    for s in sentences {
        let n = word_count(s);
        if used + n > max_words {
            break;
        }
        used += n;
        out.push(s.clone());
    }
    out
}

/// `sentence` with a full stop added if it does not already end in one (or in `!`, `?`, a closing
/// quote after one, or a Chinese or Japanese stop), so that two sentences side by side read as two.
pub fn with_stop(sentence: &str) -> String {
    let s = sentence.trim_end();
    let last = s
        .trim_end_matches(['"', '\'', ')', ']', '”', '’', '»'])
        .chars()
        .last();
    match last {
        None => String::new(),
        Some('.' | '!' | '?' | '。' | '！' | '？') => s.to_string(),
        Some(_) => format!("{s}."),
    }
}

/// Words that are filler wherever they stand.
const FILLERS: [&str; 9] = [
    "um",
    "umm",
    "uh",
    "uhh",
    "uhm",
    "er",
    "erm",
    "basically",
    "actually",
];

/// Words after which "kind of" and "sort of" are ordinary speech ("a kind of brace").
const DETERMINERS: [&str; 20] = [
    "a", "the", "what", "this", "that", "which", "any", "every", "each", "same", "my", "our",
    "your", "their", "his", "her", "its", "one", "some", "no",
];

/// Words that, following a sentence-opening "So", show it is a filler ("So we split up the work").
const SUBJECTS: [&str; 10] = [
    "i", "we", "he", "she", "they", "you", "it", "my", "our", "the",
];

/// `sentence` with clear spoken fillers taken out: "um"/"uh", "basically", "actually", "kind of" and
/// "sort of" (not after "a", "the", "what"…), "you know" set off by a comma, and an opening "So" or
/// "Well" that only starts the sentence. Commas left stranded are tidied, a sentence stop on a removed
/// word moves to the word before, and the first letter keeps its capital. Anything else is kept word
/// for word; if nothing would be left, the sentence is returned as it was.
pub fn strip_fillers(sentence: &str) -> String {
    let tokens: Vec<&str> = sentence.split_whitespace().collect();
    let core = |t: &str| {
        t.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'')
            .to_lowercase()
    };
    let ends_comma = |t: &str| t.ends_with(',');
    let mut keep = vec![true; tokens.len()];
    let mut i = 0;
    while i < tokens.len() {
        let w = core(tokens[i]);
        let next = tokens.get(i + 1).map(|t| core(t)).unwrap_or_default();
        let prev = if i > 0 {
            core(tokens[i - 1])
        } else {
            String::new()
        };
        // Two-word fillers: "kind of"/"sort of" not after "a", "the"…; "you know" set off by a comma.
        let kind_of = (w == "kind" || w == "sort")
            && next == "of"
            && !ends_comma(tokens[i])
            && !DETERMINERS.contains(&prev.as_str());
        let you_know = w == "you"
            && next == "know"
            && (tokens.get(i + 1).is_some_and(|t| ends_comma(t))
                || (i > 0 && ends_comma(tokens[i - 1])));
        if FILLERS.contains(&w.as_str()) {
            keep[i] = false;
        } else if kind_of || you_know {
            keep[i] = false;
            keep[i + 1] = false;
            i += 1;
        } else if i == 0
            && tokens.len() > 1
            && ((w == "so" && (ends_comma(tokens[0]) || SUBJECTS.contains(&next.as_str())))
                || ((w == "well" || w == "like") && ends_comma(tokens[0])))
        {
            keep[i] = false;
        }
        i += 1;
    }
    if keep.iter().all(|&k| k) || !keep.iter().any(|&k| k) {
        return sentence.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    let mut out: Vec<String> = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        if keep[i] {
            out.push((*t).to_string());
            continue;
        }
        // What the removed word carried after it: a stop moves to the word before; a comma is
        // dropped, and so is a comma before it that now stands alone ("I, um, called" → "I called").
        let tail: String = t
            .chars()
            .rev()
            .take_while(|c| !c.is_alphanumeric() && *c != '\'')
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        if let Some(last) = out.last_mut() {
            if tail.contains(['.', '!', '?']) {
                let trimmed = last.trim_end_matches([',', ';', ':']).to_string();
                *last = format!("{trimmed}{}", tail.trim_start_matches(','));
            } else if last.ends_with(',') && (tail.starts_with(',') || next_kept_is_end(&keep, i)) {
                last.pop();
            }
        }
    }
    let mut text = out.join(" ");
    let was_capital = sentence
        .trim_start()
        .chars()
        .next()
        .is_some_and(char::is_uppercase);
    if was_capital {
        let mut cs = text.chars();
        if let Some(first) = cs.next() {
            text = first.to_uppercase().chain(cs).collect();
        }
    }
    text
}

fn next_kept_is_end(keep: &[bool], i: usize) -> bool {
    !keep[i + 1..].iter().any(|&k| k)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn splits_at_stops_but_not_abbreviations_initials_or_decimals() {
        assert_eq!(
            split("He was late. He was angry! Was he? Yes"),
            ["He was late.", "He was angry!", "Was he?", "Yes"]
        );
        assert_eq!(
            split("Dr. Lee and J. Smith met at 5 p.m. in room 3.5 today. Then more."),
            [
                "Dr. Lee and J. Smith met at 5 p.m. in room 3.5 today.",
                "Then more."
            ]
        );
        assert_eq!(
            split("She said \"stop.\" I stopped."),
            ["She said \"stop.\"", "I stopped."]
        );
        assert_eq!(split("你好。再见。"), ["你好。", "再见。"]);
    }

    #[test]
    fn lines_join_but_blank_lines_end_a_sentence() {
        assert_eq!(
            split("I checked the\nschedule and\n  found a gap\n\nHe was seen"),
            ["I checked the schedule and found a gap", "He was seen"]
        );
        assert!(split(" \n\n \t").is_empty());
    }

    #[test]
    fn leading_within_takes_whole_sentences_only() {
        let s = split("One two three. Four five. Six seven eight nine.");
        assert_eq!(leading_within(&s, 5), ["One two three.", "Four five."]);
        assert_eq!(leading_within(&s, 4), ["One two three."]);
        assert!(leading_within(&s, 2).is_empty(), "never part of a sentence");
    }

    #[test]
    fn with_stop_adds_a_full_stop_only_when_missing() {
        assert_eq!(with_stop("I called the nurse"), "I called the nurse.");
        assert_eq!(with_stop("Was it safe?"), "Was it safe?");
        assert_eq!(with_stop("He said \"thanks.\""), "He said \"thanks.\"");
        assert_eq!(with_stop("  "), "");
    }

    #[test]
    fn fillers_are_removed_and_the_sentence_still_reads() {
        let cases = [
            ("So we kind of split up the work.", "We split up the work."),
            ("Basically, I called the nurse.", "I called the nurse."),
            ("I, um, called the nurse.", "I called the nurse."),
            (
                "It was, you know, a long day, actually.",
                "It was a long day.",
            ),
            ("I brought a kind of brace.", "I brought a kind of brace."),
            ("Well, the PT agreed.", "The PT agreed."),
            ("So many patients came.", "So many patients came."),
            (
                "I told you know-how matters.",
                "I told you know-how matters.",
            ),
            ("Um.", "Um."),
        ];
        for (input, want) in cases {
            assert_eq!(strip_fillers(input), want, "{input}");
        }
    }

    proptest! {
        /// Splitting loses no words and invents none: the sentences joined are the text's words.
        #[test]
        fn split_keeps_every_word(text in "[a-zA-Z .!?\n,\"]{0,200}") {
            let words: Vec<String> = text.split_whitespace().map(str::to_string).collect();
            let joined: Vec<String> = split(&text)
                .iter()
                .flat_map(|s| s.split_whitespace().map(str::to_string).collect::<Vec<_>>())
                .collect();
            prop_assert_eq!(joined, words);
        }

        /// Removing fillers only ever removes: every word left was in the sentence, in order.
        #[test]
        fn strip_fillers_only_removes(text in "[a-zA-Z ,.]{0,120}") {
            let stripped = strip_fillers(&text);
            let norm = |s: &str| -> Vec<String> {
                s.split_whitespace()
                    .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
                    .filter(|w| !w.is_empty())
                    .collect()
            };
            let (orig, left) = (norm(&text), norm(&stripped));
            let mut it = orig.iter();
            for w in &left {
                prop_assert!(it.any(|o| o == w), "{:?} not in order in {:?}", w, text);
            }
        }
    }
}

//! Stories out of the app: a one-page Markdown summary to bring to an interview, and full JSON.

use super::story::{Section, Story};
use crate::domain::content::Ask;
use crate::storage::sanitize::clean_line;
use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::{Value, json};

/// Longest line per section, in characters, so six stories still fit on one printed page.
const LINE_MAX: usize = 110;

/// Words before a full stop that do not end a sentence.
const ABBREVIATIONS: [&str; 12] = [
    "dr", "mr", "mrs", "ms", "st", "vs", "e.g", "i.e", "a.m", "p.m", "approx", "etc",
];

/// The one-page summary: each story as its title, one line per written section (its first sentence,
/// shortened if long) and its tags; then the certifications and questions to ask, each section left out
/// when there is nothing to put in it. Text is escaped so it prints as written.
pub fn markdown(stories: &[&Story], certifications: &[String], favourite_asks: &[&Ask]) -> String {
    let mut out = String::from("# My interview stories\n");
    if stories.is_empty() {
        out.push_str(NO_STORIES);
    } else {
        // A user took the shortened lines for their stories cut short: say what this is.
        out.push_str(
            "\n_One line a part, to glance at before the interview; \
             `clinicprep export stories --format full` has every word._\n",
        );
    }
    for s in stories {
        out.push_str(&format!("\n## {}\n\n", heading(s)));
        let cue = one_line(&s.cue);
        if !cue.is_empty() {
            out.push_str(&format!("_{}_\n\n", escape(&cue)));
        }
        for section in Section::ALL {
            let line = match section {
                // The number is what an interviewer remembers: a user walk's summary kept "It went
                // good and he was more happy." and lost "After 6 weeks he wrote his name on 4 of
                // 5 tries".
                Section::Result => result_line(s.text(section)),
                _ => summary_line(s.text(section)),
            };
            if !line.is_empty() {
                out.push_str(&format!("- **{}:** {}\n", section.label(), escape(&line)));
            }
        }
        let tags: Vec<String> = s.tags.iter().map(|t| escape(&one_line(t))).collect();
        if !tags.is_empty() {
            out.push_str(&format!("- _Tags:_ {}\n", tags.join(", ")));
        }
    }
    extras(&mut out, certifications, favourite_asks);
    out
}

/// What an export of no stories says.
pub(super) const NO_STORIES: &str =
    "\n_No stories yet: write them in the Stories tab of clinicprep._\n";

/// A story's title as a heading's text, escaped ("Untitled story" for none).
pub(super) fn heading(s: &Story) -> String {
    let title = one_line(&s.title);
    escape(if title.is_empty() {
        "Untitled story"
    } else {
        &title
    })
}

/// The certifications and the questions to ask, after the stories; each section left out when
/// there is nothing to put in it.
pub(super) fn extras(out: &mut String, certifications: &[String], favourite_asks: &[&Ask]) {
    let certs: Vec<String> = certifications
        .iter()
        .map(|c| one_line(c))
        .filter(|c| !c.is_empty())
        .collect();
    if !certs.is_empty() {
        out.push_str("\n## Certifications\n\n");
        for c in certs {
            out.push_str(&format!("- {}\n", escape(&c)));
        }
    }
    let asks: Vec<String> = favourite_asks
        .iter()
        .map(|a| one_line(&a.text))
        .filter(|a| !a.is_empty())
        .collect();
    if !asks.is_empty() {
        out.push_str("\n## Questions to ask\n\n");
        for a in asks {
            out.push_str(&format!("- {}\n", escape(&a)));
        }
    }
}

/// Everything, losslessly: full section text, tags, linked question ids and times (RFC 3339, or null
/// when unknown). The asks keep their ids so another tool can match them to the content.
pub fn json(stories: &[&Story], certifications: &[String], favourite_asks: &[&Ask]) -> Value {
    let time = |t: Option<DateTime<Utc>>| t.map(|t| t.to_rfc3339_opts(SecondsFormat::Secs, true));
    let stories: Vec<Value> = stories
        .iter()
        .map(|s| {
            json!({
                "id": s.id.as_str(),
                "title": s.title,
                "cue": s.cue,
                "situation": s.situation,
                "task": s.task,
                "action": s.action,
                "result": s.result,
                "tags": s.tags,
                "questions": s.questions,
                "created": time(s.created),
                "updated": time(s.updated),
            })
        })
        .collect();
    let asks: Vec<Value> = favourite_asks
        .iter()
        .map(|a| json!({ "id": a.id, "text": a.text, "why": a.why }))
        .collect();
    json!({
        "stories": stories,
        "certifications": certifications,
        "questions_to_ask": asks,
    })
}

/// The first sentence of `text` on one line, cut at a word boundary with "…" if longer than
/// [`LINE_MAX`] characters. Empty for blank text.
pub fn summary_line(text: &str) -> String {
    let flat = one_line(text);
    let sentence = first_sentence(&flat);
    truncate(sentence, LINE_MAX)
}

/// A Result's line: its first sentence with a number in it, or else its first sentence.
pub fn result_line(text: &str) -> String {
    let flat = one_line(text);
    let mut rest = flat.as_str();
    while !rest.trim().is_empty() {
        let sentence = first_sentence(rest);
        if sentence.chars().any(|c| c.is_ascii_digit()) {
            return truncate(sentence.trim(), LINE_MAX);
        }
        rest = rest[sentence.len()..].trim_start();
    }
    summary_line(text)
}

/// Terminal-safe text with every run of whitespace (newlines included) made one space.
pub(super) fn one_line(text: &str) -> String {
    clean_line(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Up to and including the first sentence end: `.`, `!` or `?` before a space or the end (but not after
/// an abbreviation like "Dr."), or a Chinese or Japanese full stop anywhere.
fn first_sentence(text: &str) -> &str {
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let end = i + c.len_utf8();
        let at_break = chars.peek().is_none_or(|&(_, n)| n.is_whitespace());
        match c {
            '。' | '！' | '？' => return &text[..end],
            '!' | '?' if at_break => return &text[..end],
            '.' if at_break && !after_abbreviation(&text[..i]) => return &text[..end],
            _ => {}
        }
    }
    text
}

fn after_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    // A capital alone is an initial ("Ms. Zoë P. was fine"), not a sentence's last word: a persona
    // walk's summary stopped at "transferring Ms. Zoë P."
    let initial = {
        let mut c = word.chars();
        matches!((c.next(), c.next()), (Some(l), None) if l.is_uppercase())
    };
    initial || ABBREVIATIONS.contains(&word.to_lowercase().as_str())
}

/// `text` cut to at most `max` characters, at the last space if there is one in the second half.
fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut = text
        .char_indices()
        .nth(max - 1)
        .map_or(text.len(), |(i, _)| i);
    let head = &text[..cut];
    let head = match head.rfind(' ') {
        Some(space) if head[..space].chars().count() >= max / 2 => &head[..space],
        _ => head,
    };
    format!("{}…", head.trim_end_matches([' ', ',', ';', ':', '-']))
}

/// Backslash-escapes the characters that would turn plain text into Markdown emphasis, code, links or HTML.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::content::Id;
    use crate::domain::stories::story::StoryId;
    use chrono::TimeZone;

    fn story(id: &str, title: &str) -> Story {
        let now = Utc.with_ymd_and_hms(2026, 11, 23, 9, 30, 0).unwrap();
        Story::new(StoryId::from_stem(id).unwrap(), title, now)
    }

    fn ask(id: &str, text: &str) -> Ask {
        Ask {
            id: Id::new(id),
            text: text.into(),
            why: "Shows interest.".into(),
        }
    }

    #[test]
    fn first_sentence_ends_at_a_stop_but_not_an_abbreviation_or_decimal() {
        assert_eq!(summary_line("He was late. He was angry."), "He was late.");
        assert_eq!(summary_line("Was he late? Yes."), "Was he late?");
        assert_eq!(
            summary_line("Dr. Lee asked me at 5 p.m. to help. Then more."),
            "Dr. Lee asked me at 5 p.m. to help."
        );
        assert_eq!(
            summary_line("Wait fell 3.5 min. Good."),
            "Wait fell 3.5 min."
        );
        assert_eq!(
            summary_line("患者が怒っていました。私は聞きました。"),
            "患者が怒っていました。"
        );
        assert_eq!(summary_line("No stop at all"), "No stop at all");
        assert_eq!(
            result_line(
                "It went good and he was happy. After 6 weeks he wrote his name 4 of 5 tries."
            ),
            "After 6 weeks he wrote his name 4 of 5 tries.",
            "a Result's line is its sentence with a number"
        );
        assert_eq!(result_line("It went well. He smiled."), "It went well.");
        assert_eq!(
            summary_line("I was transferring Ms. Zoë P. when she slipped. Then more."),
            "I was transferring Ms. Zoë P. when she slipped.",
            "an initial does not end a sentence"
        );
        assert_eq!(summary_line("I said no. I called the PT."), "I said no.");
        assert_eq!(summary_line("  \n "), "");
    }

    #[test]
    fn lines_are_joined_and_long_sentences_cut_at_a_word() {
        assert_eq!(
            summary_line("A patient arrived\nlate and\tangry.\nMore."),
            "A patient arrived late and angry."
        );
        let long = "word ".repeat(40);
        let line = summary_line(&long);
        assert!(line.ends_with("word…"), "{line}");
        assert!(line.chars().count() <= LINE_MAX + 1, "{line}");
        let unbroken = "x".repeat(300);
        assert_eq!(summary_line(&unbroken).chars().count(), LINE_MAX);
        let cjk = "病".repeat(200);
        assert_eq!(summary_line(&cjk).chars().count(), LINE_MAX);
    }

    #[test]
    fn markdown_has_a_line_per_written_section_and_the_tags() {
        let mut s = story("a", "Calming an *upset* patient");
        s.situation = "A patient was angry. He waited.".into();
        s.action = "I listened.\nI found a slot.".into();
        s.result = "Seen in 15 minutes.".into();
        s.tags = vec!["patient_care".into(), "conflict".into()];
        // A user walk: the cue line they wrote for the interview was left out.
        s.cue = "Angry *man*: listened, found a slot".into();
        let md = markdown(&[&s], &[], &[]);
        assert_eq!(
            md,
            "# My interview stories\n\n\
             _One line a part, to glance at before the interview; \
             `clinicprep export stories --format full` has every word._\n\n\
             ## Calming an \\*upset\\* patient\n\n\
             _Angry \\*man\\*: listened, found a slot_\n\n\
             - **Situation:** A patient was angry.\n\
             - **Action:** I listened.\n\
             - **Result:** Seen in 15 minutes.\n\
             - _Tags:_ patient\\_care, conflict\n"
        );
    }

    #[test]
    fn certifications_and_asks_appear_only_when_given() {
        let s = story("a", "");
        let a = ask("a-day", "What does a typical day look like?");
        let md = markdown(&[&s], &["CPR/BLS (AHA)".into(), " ".into()], &[&a]);
        assert!(md.contains("## Untitled story\n"), "{md}");
        assert!(md.ends_with(
            "\n## Certifications\n\n- CPR/BLS (AHA)\n\n## Questions to ask\n\n- What does a typical day look like?\n"
        ), "{md}");
        let none = markdown(&[&s], &[], &[]);
        assert!(!none.contains("Certifications") && !none.contains("Questions to ask"));
        let blank = markdown(&[], &[String::new()], &[]);
        assert!(blank.contains("No stories yet") && !blank.contains("Certifications"));
    }

    #[test]
    fn control_characters_never_reach_the_output() {
        let mut s = story("a", "Ti\u{1b}[2Jtle");
        s.task = "Do\u{7} it.\u{202e}".into();
        let md = markdown(&[&s], &["A\u{1b}B".into()], &[]);
        assert!(!md.chars().any(|c| c.is_control() && c != '\n'), "{md:?}");
        assert!(!md.contains('\u{202e}'));
    }

    #[test]
    fn json_keeps_every_field_exactly() {
        let mut s = story("2026-11-23-fall", "Fall");
        s.action = "I called for help.\n\nI stayed with her.".into();
        s.questions = vec![Id::new("q-fall")];
        s.updated = None;
        let a = ask("a-team", "Who is on the team?");
        let v = json(&[&s], &["CPR".into()], &[&a]);
        assert_eq!(v["stories"][0]["id"], "2026-11-23-fall");
        assert_eq!(v["stories"][0]["action"], s.action);
        assert_eq!(v["stories"][0]["questions"][0], "q-fall");
        assert_eq!(v["stories"][0]["created"], "2026-11-23T09:30:00Z");
        assert_eq!(v["stories"][0]["updated"], Value::Null);
        assert_eq!(v["certifications"][0], "CPR");
        assert_eq!(v["questions_to_ask"][0]["id"], "a-team");
    }
}

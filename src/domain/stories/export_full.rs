//! Every word of the stories in Markdown, to read, print or keep beside the files.

use super::export::{NO_STORIES, escape, extras, heading, one_line};
use super::story::{Section, Story};
use crate::domain::content::Ask;
use crate::storage::sanitize::clean_line;

/// Each story whole: its title, cue, every written part with its lines and paragraphs kept, its
/// tags and the questions it answers (`question_text` gives a linked question's words, or `None`
/// for one no longer in the content, which is then named by its id); then the certifications and
/// questions to ask, as in the summary. A walk took the summary's one line a part for stories cut
/// short; this is the whole text.
pub fn full_markdown(
    stories: &[&Story],
    certifications: &[String],
    favourite_asks: &[&Ask],
    question_text: impl Fn(&str) -> Option<String>,
) -> String {
    let mut out = String::from("# My interview stories\n");
    if stories.is_empty() {
        out.push_str(NO_STORIES);
    }
    for s in stories {
        out.push_str(&format!("\n## {}\n", heading(s)));
        let cue = one_line(&s.cue);
        if !cue.is_empty() {
            out.push_str(&format!("\n_Cue: {}_\n", escape(&cue)));
        }
        for section in Section::ALL {
            let text = s.text(section).trim();
            if !text.is_empty() {
                out.push_str(&format!("\n### {}\n\n{}\n", section.label(), block(text)));
            }
        }
        let tags: Vec<String> = s.tags.iter().map(|t| escape(&one_line(t))).collect();
        if !tags.is_empty() {
            out.push_str(&format!("\n_Tags:_ {}\n", tags.join(", ")));
        }
        if !s.questions.is_empty() {
            out.push_str("\n_Answers:_\n\n");
            for id in &s.questions {
                let text = question_text(id.as_str())
                    .map_or_else(|| format!("({})", id.as_str()), |t| one_line(&t));
                out.push_str(&format!("- {}\n", escape(&text)));
            }
        }
    }
    extras(&mut out, certifications, favourite_asks);
    out
}

/// `text` as Markdown that prints as written: each line escaped and kept (a hard break at its
/// end), and each run of blank lines one paragraph break.
fn block(text: &str) -> String {
    let mut paragraphs: Vec<Vec<String>> = vec![Vec::new()];
    for line in text.lines().map(|l| escape(clean_line(l).trim_end())) {
        match paragraphs.last_mut() {
            Some(p) if !line.is_empty() => p.push(line),
            Some(p) if !p.is_empty() => paragraphs.push(Vec::new()),
            _ => {}
        }
    }
    paragraphs
        .iter()
        .filter(|p| !p.is_empty())
        .map(|p| p.join("  \n"))
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::content::Id;
    use crate::domain::stories::StoryId;
    use chrono::{TimeZone, Utc};

    #[test]
    fn every_word_of_every_part_is_kept_with_its_lines() {
        let now = Utc
            .with_ymd_and_hms(2026, 12, 7, 9, 0, 0)
            .single()
            .expect("date");
        let mut s = Story::new(
            StoryId::generate("Knee", now),
            "Post-op TKA, afraid *to* bend",
            now,
        );
        s.situation = "A 68-year-old woman, 3 weeks after a total knee replacement, was stuck at \
                       75 degrees and would not bend it. She had tried twice with another aide."
            .into();
        s.action = "I asked her what scared her most.\nI showed heel slides with a strap.\n\n\
                    Then we went 5 degrees at a time."
            .into();
        s.result = "75->112 degrees in 2 weeks.".into();
        s.cue = "TKA fear: heel slides".into();
        s.tags = vec!["empathy".into()];
        s.questions = vec![Id::new("q-difficult-patient"), Id::new("q-gone")];
        let md = full_markdown(&[&s], &["BLS/CPR".into()], &[], |id| {
            (id == "q-difficult-patient").then(|| "Tell me about a difficult patient.".to_string())
        });
        assert!(md.contains("## Post-op TKA, afraid \\*to\\* bend"), "{md}");
        assert!(md.contains("_Cue: TKA fear: heel slides_"), "{md}");
        assert!(
            md.contains("She had tried twice with another aide."),
            "the whole part, not its first sentence: {md}"
        );
        assert!(
            md.contains("I asked her what scared her most.  \nI showed heel slides with a strap.\n\nThen we went 5 degrees at a time."),
            "lines and paragraphs kept: {md}"
        );
        assert!(md.contains("75-\\>112 degrees in 2 weeks."), "{md}");
        assert!(!md.contains('…'), "nothing shortened: {md}");
        assert!(!md.contains("### Task"), "an empty part is left out: {md}");
        assert!(md.contains("- Tell me about a difficult patient."), "{md}");
        assert!(
            md.contains("- (q-gone)"),
            "a question gone from the content by its id: {md}"
        );
        assert!(md.contains("## Certifications\n\n- BLS/CPR"), "{md}");
    }
}

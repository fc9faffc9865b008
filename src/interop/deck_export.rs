//! Every card clinicprep has, built-in and the user's, as front/back notes for other flashcard apps.

use crate::domain::content::{Library, Question};
use crate::interop::anki::ExportNote;

/// Deck names the built-in cards are exported under; `::` makes them sub-decks of "clinicprep" in Anki.
pub const QUESTIONS_DECK: &str = "clinicprep::Interview questions";
pub const FACTS_DECK: &str = "clinicprep::Role facts";

/// All cards: interview questions (front: the question; back: what the interviewer looks for, the
/// answer outline and pitfalls), fact cards, then the user's own cards.
pub fn notes(lib: &Library) -> Vec<ExportNote> {
    let mut out = Vec::new();
    for q in &lib.questions {
        let mut tags = vec![kebab(q.category.label())];
        if q.behavioural {
            tags.push("behavioral".into());
        }
        tags.extend(q.roles.iter().map(|r| r.0.to_string()));
        out.push(ExportNote {
            guid: q.id.0.to_string(),
            deck: QUESTIONS_DECK.into(),
            front: q.text.clone(),
            back: coaching(q),
            tags,
        });
    }
    for f in &lib.facts {
        let mut tags = vec![kebab(f.topic.label())];
        tags.extend(f.roles.iter().map(|r| r.0.to_string()));
        out.push(ExportNote {
            guid: f.id.0.to_string(),
            deck: FACTS_DECK.into(),
            front: f.front.clone(),
            back: f.back.clone(),
            tags,
        });
    }
    for c in &lib.cards {
        out.push(ExportNote {
            guid: c.id.0.to_string(),
            deck: c.deck.to_string(),
            front: c.front.clone(),
            back: c.back.clone(),
            tags: c.tags.iter().map(ToString::to_string).collect(),
        });
    }
    out
}

/// The notes in deck `name` or its sub-decks (`name::...`), ignoring case.
pub fn in_deck(notes: Vec<ExportNote>, name: &str) -> Vec<ExportNote> {
    let name = name.trim().to_lowercase();
    let prefix = format!("{name}::");
    notes
        .into_iter()
        .filter(|n| {
            let d = n.deck.to_lowercase();
            d == name || d.starts_with(&prefix)
        })
        .collect()
}

/// Every deck name with its number of notes, in first-seen order, for "which decks are there".
pub fn decks(notes: &[ExportNote]) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = Vec::new();
    for n in notes {
        match out.iter_mut().find(|(d, _)| *d == n.deck) {
            Some((_, count)) => *count += 1,
            None => out.push((n.deck.clone(), 1)),
        }
    }
    out
}

/// The back of a question card: the coaching notes a candidate rehearses.
fn coaching(q: &Question) -> String {
    let mut s = format!(
        "What they want to learn: {}\n\nA strong answer:",
        q.looking_for.trim()
    );
    for (i, step) in q.outline.iter().enumerate() {
        s.push_str(&format!("\n{}. {}", i + 1, step.trim()));
    }
    s.push_str("\n\nAvoid:");
    for p in &q.pitfalls {
        s.push_str(&format!("\n- {}", p.trim()));
    }
    s
}

/// "Patient care" → "patient-care", for tags.
fn kebab(label: &str) -> String {
    label
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_built_in_question_and_fact_is_a_note_with_its_id() {
        let lib = Library::builtin();
        let notes = notes(&lib);
        assert_eq!(notes.len(), lib.questions.len() + lib.facts.len());
        let q = &lib.questions[0];
        let n = notes.iter().find(|n| n.guid == q.id.0).unwrap();
        assert_eq!(n.front, q.text);
        assert!(n.back.contains("A strong answer:\n1. "));
        assert!(n.back.contains(q.outline[0].trim()));
        assert!(n.back.contains("Avoid:\n- "));
    }

    #[test]
    fn deck_filter_takes_sub_decks_and_ignores_case() {
        let notes = notes(&Library::builtin());
        let all = notes.len();
        let facts = in_deck(notes.clone(), "CLINICPREP::role facts").len();
        assert!(facts > 0 && facts < all);
        assert_eq!(in_deck(notes.clone(), "clinicprep").len(), all);
        assert_eq!(in_deck(notes, "clinic").len(), 0);
    }

    #[test]
    fn kebab_tags() {
        assert_eq!(
            kebab("Administrative and scheduling"),
            "administrative-and-scheduling"
        );
        assert_eq!(
            kebab("Safety and body mechanics"),
            "safety-and-body-mechanics"
        );
    }
}

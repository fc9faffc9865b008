//! Which questions of the bank a story could answer, best first, for linking them in the editor.

use super::coverage::key;
use super::story::{Section, Story};
use crate::domain::content::{Id, Library, QuestionKind};
use std::collections::{HashMap, HashSet};

/// Letters of a word that stand for it: enough that "refused" and "refuses" agree.
const STEM: usize = 5;

/// Stems too common in questions and stories to say one fits the other: the people ("a patient,
/// resident or customer"), the asking ("Describe a situation where…") and the time of day.
const COMMON: &[&str] = &[
    "patie", "descr", "situa", "examp", "about", "would", "could", "shoul", "there", "their",
    "which", "other", "where", "while", "someo", "somet", "thera", "worki", "happe", "after",
    "befor", "handl", "perso", "asked", "tells", "needs", "neede", "every", "morni", "eveni",
    "weeke", "today", "month", "years", "early", "resid", "clien", "custo",
];

/// How well each question of `lib` fits `story`, by index; 0 where nothing says so. A skill both
/// show (the story by a tag or a skill `heard` in its words, the question by what it probes)
/// counts 3. A word they share counts by how rare it is among the questions, `12 / (n + 1)` for
/// a word `n` questions have: 6 for one only one question has ("refuses"), 4 for two, 3 for
/// three, nothing for one in twelve or more; 6 at most in all. The title names what the story is
/// about, so its words count again, twice, up to 12 more: a second refusal question in the bank
/// once halved what "The resident who refused therapy" gave either. A question that asks for a
/// story ("Tell me about a time…") gets 1 more once anything fits.
pub fn fits(story: &Story, heard: &[&Id], lib: &Library) -> Vec<u32> {
    let skills: Vec<&Id> = lib
        .competencies
        .iter()
        .filter(|c| {
            heard.contains(&&c.id)
                || story
                    .tags
                    .iter()
                    .any(|t| key(t) == key(c.id.as_str()) || key(t) == key(&c.name))
        })
        .map(|c| &c.id)
        .collect();
    let mut text = story.title.clone();
    for s in Section::ALL {
        text.push(' ');
        text.push_str(story.text(s));
    }
    let words = stems(&text);
    let title = stems(&story.title);
    let asked: Vec<HashSet<String>> = lib.questions.iter().map(|q| stems(&q.text)).collect();
    let mut seen_in: HashMap<&str, u32> = HashMap::new();
    for stem in asked.iter().flatten() {
        *seen_in.entry(stem.as_str()).or_default() += 1;
    }
    lib.questions
        .iter()
        .zip(&asked)
        .map(|(q, q_words)| {
            let shared_skills = q.competencies.iter().filter(|c| skills.contains(c)).count();
            let rare = |shared: &HashSet<String>| -> u32 {
                let sum: u32 = q_words
                    .intersection(shared)
                    .map(|w| 12 / (seen_in.get(w.as_str()).copied().unwrap_or(1).max(1) + 1))
                    .sum();
                sum.min(6)
            };
            let skill_score = u32::try_from(3 * shared_skills).unwrap_or(u32::MAX);
            let score = skill_score
                .saturating_add(rare(&words))
                .saturating_add(2 * rare(&title));
            match (score, q.kind()) {
                (0, _) => 0,
                (s, QuestionKind::Star) => s.saturating_add(1),
                (s, _) => s,
            }
        })
        .collect()
}

/// The distinctive stems of `text`: words of at least [`STEM`] letters, cut to that many, less
/// the common ones.
fn stems(text: &str) -> HashSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= STEM)
        .map(|w| {
            w.chars()
                .take(STEM)
                .flat_map(char::to_lowercase)
                .collect::<String>()
        })
        .filter(|s| !COMMON.contains(&s.as_str()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::stories::StoryId;
    use chrono::Utc;

    fn story(tags: &[&str], action: &str) -> Story {
        let mut s = Story::new(StoryId::from_stem("s").unwrap(), "", Utc::now());
        s.tags = tags.iter().map(|t| t.to_string()).collect();
        s.action = action.into();
        s
    }

    fn best(story: &Story, heard: &[&Id], lib: &Library) -> Vec<String> {
        let scores = fits(story, heard, lib);
        let mut order: Vec<usize> = (0..lib.questions.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(scores[i]));
        order
            .iter()
            .take(6)
            .map(|&i| lib.questions[i].text.clone())
            .collect()
    }

    #[test]
    fn the_personas_refusal_story_brings_the_refusal_and_fall_questions_up() {
        let lib = Library::builtin();
        let mut s = story(
            &[],
            "I sat with her and asked what scared her. She said she was afraid of falling again. \
             I told the PT, and we agreed I would walk beside her with a gait belt.",
        );
        s.situation =
            "At my nursing home, Mrs. K had a new hip and refused to go to therapy every \
                       morning."
                .into();
        s.result = "She went to 12 of her next 14 sessions.".into();
        s.title = "The resident who refused therapy".into();
        // What the skills matcher hears in it (see skills_tests).
        let (safety, empathy) = (Id::new("safety"), Id::new("empathy"));
        let top = best(&s, &[&safety, &empathy], &lib);
        // The title says what the story is about: its question comes first.
        assert!(top[0].contains("refuses"), "{top:#?}");
        assert!(top.iter().any(|q| q.contains("falling")), "{top:#?}");
        // For the persona, a PT aide, the aides' refusal question leads theirs.
        let scores = fits(&s, &[&safety, &empathy], &lib);
        let aide = Id::new("pt-aide");
        let first = (0..lib.questions.len())
            .filter(|&i| {
                let roles = &lib.questions[i].roles;
                roles.is_empty() || roles.contains(&aide)
            })
            .max_by_key(|&i| (scores[i], std::cmp::Reverse(i)))
            .map(|i| lib.questions[i].id.as_str());
        assert_eq!(first, Some("q-aide-patient-refuses"));
    }

    #[test]
    fn a_tag_or_a_heard_skill_counts_and_an_empty_story_fits_nothing() {
        let lib = Library::builtin();
        let empty = story(&[], "");
        assert!(fits(&empty, &[], &lib).iter().all(|s| *s == 0));
        let teamwork = Id::new("teamwork");
        let tagged = fits(&story(&["Teamwork"], ""), &[], &lib);
        let heard = fits(&empty, &[&teamwork], &lib);
        assert_eq!(tagged, heard, "a tag by its name is the skill");
        for (q, score) in lib.questions.iter().zip(&tagged) {
            assert_eq!(*score > 0, q.competencies.contains(&teamwork), "{}", q.text);
        }
    }

    #[test]
    fn common_words_and_short_ones_do_not_make_a_fit() {
        let lib = Library::builtin();
        let s = story(
            &[],
            "Describe a situation about a patient: tell me what you did.",
        );
        assert!(fits(&s, &[], &lib).iter().all(|s| *s == 0));
    }
}

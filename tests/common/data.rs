//! User data written into a data folder before the app starts, as earlier sessions would have left
//! it: grades in the review journal and story files.

use chrono::{DateTime, Utc};
use clinicprep::domain::content::Id;
use clinicprep::domain::schedule::{CardState, Grade, ReviewStore, StoreOptions};
use clinicprep::domain::stories::{Story, StoryId, file};
use std::path::Path;

/// Grades card `id` at `when` in the review journal of `dir`, as a session on that day did, and
/// returns the card's new state (its due time in `due_ms`).
pub fn grade_at(dir: &Path, id: &str, grade: Grade, when: DateTime<Utc>) -> CardState {
    grade_all_at(dir, &[id], grade, when).remove(0)
}

/// Grades each of the cards `ids` at `when`, in one session.
pub fn grade_all_at(
    dir: &Path,
    ids: &[impl AsRef<str>],
    grade: Grade,
    when: DateTime<Utc>,
) -> Vec<CardState> {
    let (mut store, _) = ReviewStore::open(dir, &StoreOptions::default(), when).unwrap();
    ids.iter()
        .map(|id| store.grade(&Id::new(id.as_ref()), grade, when).unwrap())
        .collect()
}

/// No linked questions, for [`story`].
pub const NO_QUESTIONS: &[&str] = &[];

/// The ids of every built-in interview question, as the content has them.
pub fn question_ids() -> Vec<String> {
    super::Harness::new()
        .app
        .data()
        .library()
        .questions
        .iter()
        .map(|q| q.id.to_string())
        .collect()
}

/// Writes a story file `stories/<stem>.toml` titled `title`, tagged `tags` and linked to the
/// questions `questions`, its STAR parts left empty.
pub fn story(
    dir: &Path,
    stem: &str,
    title: &str,
    tags: &[&str],
    questions: &[impl AsRef<str>],
) -> Story {
    story_with(dir, stem, title, tags, questions, Default::default())
}

/// [`story`] with the Situation, Task, Action and Result written out.
pub fn story_with(
    dir: &Path,
    stem: &str,
    title: &str,
    tags: &[&str],
    questions: &[impl AsRef<str>],
    star: [&str; 4],
) -> Story {
    let mut s = Story::new(
        StoryId::from_stem(stem).unwrap(),
        title,
        super::fixed_now() - chrono::Duration::days(1),
    );
    s.tags = tags.iter().map(|t| t.to_string()).collect();
    s.questions = questions.iter().map(|q| Id::new(q.as_ref())).collect();
    [s.situation, s.task, s.action, s.result] = star.map(String::from);
    let folder = dir.join("stories");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(
        folder.join(format!("{stem}.toml")),
        file::to_toml(&s).unwrap(),
    )
    .unwrap();
    s
}

/// Writes one finished story (all four STAR parts written) for each tag in `tags`, each showing the
/// competency its tag names.
pub fn finished_stories(dir: &Path, tags: &[&str]) {
    for tag in tags {
        story_with(
            dir,
            tag,
            &format!("A shift that shows {tag}"),
            &[tag],
            NO_QUESTIONS,
            [
                "A busy shift at the clinic.",
                "Keep the patients on time.",
                "I set up each room before the PT needed it.",
                "Every patient started on time that day.",
            ],
        );
    }
}

//! The mock interview's content: every built-in question says what kind of answer it wants, each
//! role has what an interview needs, and the interviewers and follow-ups are checked like the rest.
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a test fails

use clinicprep::domain::content::{Category, Library, QuestionKind, Trigger};

#[test]
fn every_built_in_question_names_its_kind_and_it_agrees_with_behavioural() {
    let lib = Library::builtin();
    assert!(lib.problems.is_empty(), "{:#?}", lib.problems);
    for q in &lib.questions {
        let kind = q.kind.unwrap_or_else(|| panic!("{} has no kind", q.id));
        assert_eq!(kind == QuestionKind::Star, q.behavioural, "{}", q.id);
    }
    let closers: Vec<&str> = lib
        .questions
        .iter()
        .filter(|q| q.kind() == QuestionKind::Closer)
        .map(|q| q.id.as_str())
        .collect();
    assert_eq!(closers, ["q-questions-for-us"]);
}

#[test]
fn every_role_has_openers_stories_direct_and_knowledge_questions() {
    let lib = Library::builtin();
    for role in &lib.roles {
        let count = |k: QuestionKind| {
            lib.questions
                .iter()
                .filter(|q| q.kind() == k && (q.roles.is_empty() || q.roles.contains(&role.id)))
                .count()
        };
        assert!(count(QuestionKind::Opener) >= 4, "{}", role.id);
        assert!(count(QuestionKind::Star) >= 10, "{}", role.id);
        assert!(count(QuestionKind::Direct) >= 20, "{}", role.id);
        assert!(count(QuestionKind::Knowledge) >= 3, "{}", role.id);
    }
}

#[test]
fn questions_about_working_with_aides_are_not_served_to_aides() {
    // The issue's bug: "How do you work with PT aides…?" reached PT aides.
    let lib = Library::builtin();
    for q in &lib.questions {
        let lower = q.text.to_lowercase();
        for (phrase, role) in [("with pt aides", "pt-aide"), ("with ot aides", "ot-aide")] {
            if lower.contains(phrase) {
                assert!(q.roles.iter().all(|r| r.as_str() != role), "{}", q.id);
            }
        }
        if lower.contains("your job as a pt aide") {
            assert_eq!(q.roles.len(), 1, "{} speaks to PT aides only", q.id);
        }
    }
}

#[test]
fn follow_ups_cover_the_triggers_the_issue_names_with_the_words_it_asks_for() {
    let lib = Library::builtin();
    let find = |t: Trigger, role: Option<&str>, cat: Option<Category>| {
        lib.follow_ups
            .iter()
            .find(|f| {
                f.trigger == t
                    && role.is_none_or(|r| f.roles.iter().any(|x| x.as_str() == r))
                    && cat.is_none_or(|c| f.categories.contains(&c))
            })
            .map(|f| f.text.as_str())
    };
    assert_eq!(
        find(Trigger::NoResult, None, None),
        Some("So what happened in the end?")
    );
    assert!(
        find(Trigger::OnlyWe, None, None)
            .unwrap()
            .contains("What was your part")
    );
    assert_eq!(
        find(Trigger::NoHelpCall, Some("pt-aide"), Some(Category::Safety)),
        Some("When would you stop and get the therapist?")
    );
    assert!(lib.follow_ups.len() >= 25, "{}", lib.follow_ups.len());
}

#[test]
fn a_user_persona_with_a_bad_setting_or_a_kind_that_disagrees_is_reported() {
    let file = br#"
[[persona]]
id = "my-persona"
name = "Sam"
title = "owner of a small clinic"
setting = "moon base"
greeting = "Hi."
opener = ["Start."]
star = ["A story."]
direct = ["Next."]
knowledge = ["Facts."]
closer = ["Your turn."]
goodbye = "Bye."

[[question]]
id = "my-q"
text = "Tell me about a time you helped."
category = "teamwork"
competencies = []
looking_for = "x"
outline = ["x"]
pitfalls = ["x"]
behavioural = true
kind = "direct"

[[follow_up]]
id = "my-fu"
trigger = "no-result"
roles = ["astronaut"]
text = "And then?"
"#;
    let lib = Library::from_user_files(&[("mine.toml", file)]);
    let messages: Vec<String> = lib.problems.iter().map(|p| p.message.clone()).collect();
    assert!(
        messages.iter().any(|m| m.contains("setting \"moon base\"")),
        "{messages:?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.contains("kind \"direct\" and behavioral = true")),
        "{messages:?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.contains("my-fu refers to role astronaut")),
        "{messages:?}"
    );
    assert!(
        lib.problems.iter().all(|p| p.line.is_some()),
        "each problem has its line"
    );
    let bad_kind = br#"
[[question]]
id = "my-q2"
text = "Why?"
category = "motivation"
competencies = []
looking_for = "x"
outline = ["x"]
pitfalls = ["x"]
kind = "monologue"
"#;
    let lib = Library::from_user_files(&[("bad.toml", bad_kind)]);
    assert!(lib.questions.is_empty() && !lib.problems.is_empty());
}

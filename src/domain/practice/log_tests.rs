//! Tests of the round log: reading, writing and the numbers of a round.

use super::*;
use chrono::TimeZone;

fn sample() -> RoundLog {
    let answer = |id: &str, seconds, structure| {
        let rubric = Rubric {
            kind: crate::domain::content::QuestionKind::Star,
            ticks: [structure, true, true, seconds <= 120],
        };
        Answer {
            question: Id::new(id),
            seconds,
            rubric,
            grade: rubric.grade(),
            typed: None,
            asked: vec![],
            follow_up: None,
        }
    };
    RoundLog {
        round: vec![
            RoundRecord {
                started: Utc.with_ymd_and_hms(2026, 11, 20, 18, 30, 5).unwrap(),
                role: Some(Id::new("pta")),
                target_seconds: 120,
                interviewer: None,
                mode: None,
                answer: vec![answer("q-a", 95, true), answer("q-b", 140, false)],
                skipped: vec![],
            },
            RoundRecord {
                started: Utc.with_ymd_and_hms(2026, 11, 22, 8, 0, 0).unwrap(),
                role: None,
                target_seconds: 90,
                interviewer: None,
                mode: None,
                answer: vec![],
                skipped: vec![],
            },
        ],
    }
}

#[test]
fn round_trip_keeps_everything_and_reads_like_a_log() {
    let dir = tempfile::tempdir().unwrap();
    let log = sample();
    log.save(dir.path()).unwrap();
    let text = std::fs::read_to_string(dir.path().join(ROUNDS_FILE)).unwrap();
    assert!(text.starts_with("# Your practice rounds"), "{text}");
    assert!(
        text.contains("started = \"2026-11-20T18:30:05Z\""),
        "{text}"
    );
    assert!(text.contains("grade = \"easy\""), "{text}");
    assert!(
        text.contains("[round.answer.rubric]\nstructure = true"),
        "{text}"
    );
    assert_eq!(RoundLog::load(dir.path()).unwrap(), log);
}

#[test]
fn a_log_written_before_mock_interviews_still_loads() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(ROUNDS_FILE);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let old = "[[round]]\nstarted = \"2026-11-20T18:30:05Z\"\nrole = \"pta\"\n\
               target_seconds = 120\n\n[[round.answer]]\nquestion = \"q-a\"\nseconds = 95\n\
               grade = \"good\"\n\n[round.answer.rubric]\nstructure = true\nsaid_i = false\n\
               result = true\nin_time = true\n";
    std::fs::write(&path, old).unwrap();
    let log = RoundLog::load(dir.path()).unwrap();
    let a = &log.round[0].answer[0];
    assert_eq!(a.rubric.kind, crate::domain::content::QuestionKind::Star);
    assert_eq!(a.rubric.ticks, [true, false, true, true]);
    assert_eq!((a.typed.as_deref(), log.round[0].mode), (None, None));
}

#[test]
fn typed_text_follow_ups_asks_and_skips_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let mut log = sample();
    let r = &mut log.round[0];
    r.mode = Some(AnswerMode::Typing);
    r.interviewer = Some(Id::new("persona-x"));
    r.answer[0].typed = Some("I checked the brakes.\nThen \"the\" belt.".into());
    r.answer[0].follow_up = Some(FollowUpAnswer {
        id: Id::new("fu-no-result"),
        trigger: Trigger::NoResult,
        text: "So what happened in the end?".into(),
        seconds: 20,
        typed: Some("She walked.".into()),
        filled: Some(true),
    });
    r.answer[1].asked = vec![Id::new("ask-training")];
    r.skipped.push(Skipped {
        question: Id::new("q-c"),
        seconds: 4,
        typed: Some("half an answer".into()),
        number: Some(3),
    });
    log.save(dir.path()).unwrap();
    assert_eq!(RoundLog::load(dir.path()).unwrap(), log);
}

#[test]
fn missing_log_is_empty() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(RoundLog::load(dir.path()).unwrap(), RoundLog::default());
}

#[test]
fn bad_time_is_reported_at_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(ROUNDS_FILE);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(
        &path,
        "# log\n\n[[round]]\nstarted = \"yesterday\"\ntarget_seconds = 120\n",
    )
    .unwrap();
    match RoundLog::load(dir.path()) {
        Err(LoadError::Damaged(p)) => {
            assert_eq!(p.line, Some(4), "{p}");
            assert!(p.message.contains("yesterday"), "{p}");
        }
        other => panic!("expected Damaged, got {other:?}"),
    }
    let before = std::fs::read_to_string(&path).unwrap();
    assert!(
        before.contains("yesterday"),
        "loading never rewrites the file"
    );
}

#[test]
fn unknown_grade_is_damaged() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(ROUNDS_FILE);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let mut text = String::new();
    text.push_str("[[round]]\nstarted = \"2026-11-20T18:30:05Z\"\ntarget_seconds = 120\n");
    text.push_str("[[round.answer]]\nquestion = \"q\"\nseconds = 3\ngrade = \"superb\"\n");
    text.push_str("rubric = { structure = true, said_i = true, result = true, in_time = true }\n");
    std::fs::write(&path, text).unwrap();
    assert!(matches!(
        RoundLog::load(dir.path()),
        Err(LoadError::Damaged(_))
    ));
}

#[test]
fn upsert_replaces_the_round_with_the_same_start() {
    let mut log = sample();
    let mut grown = log.round[1].clone();
    grown.answer = log.round[0].answer.clone();
    log.upsert(grown.clone());
    assert_eq!(log.round.len(), 2);
    assert_eq!(log.round[1], grown);
    grown.started += chrono::Duration::seconds(1);
    log.upsert(grown);
    assert_eq!(log.round.len(), 3);
}

#[test]
fn mean_seconds_rounds_and_handles_empty_rounds() {
    let log = sample();
    assert_eq!(log.round[0].mean_seconds(), Some(118));
    assert_eq!(log.round[1].mean_seconds(), None);
    assert_eq!(log.answer_times().count(), 2);
}

#[test]
fn an_opener_is_on_time_by_its_own_shorter_target() {
    use crate::domain::content::QuestionKind;
    use crate::domain::practice::timer::SHORT_TARGET;
    let started = chrono::Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
    let mut r = RoundRecord::new(started, None, 120);
    let answer = |kind: QuestionKind, seconds: u32| {
        Answer::new(Id::new("q"), seconds, Rubric::new(kind), Grade::Good)
    };
    // An opener of 100 s is within the round's 120 s but over an opener's 90 s; a story of 100 s
    // is on time; the close is not timed.
    r.answer
        .push(answer(QuestionKind::Opener, SHORT_TARGET + 10));
    r.answer.push(answer(QuestionKind::Star, 100));
    r.answer.push(answer(QuestionKind::Closer, 500));
    assert_eq!((r.on_time(), r.timed().count()), (1, 2));
}

fn answer_of(kind: crate::domain::content::QuestionKind, seconds: u32) -> Answer {
    Answer::new(Id::new("q"), seconds, Rubric::new(kind), Grade::Good)
}

/// The user test's round: every answer 15–20 s against 90–120 s (openers 60–90 s) read "4 of 4 on
/// time", because only going over counted against.
#[test]
fn answers_far_too_short_are_short_not_on_time() {
    use crate::domain::content::QuestionKind::{Closer, Direct, Opener, Star};
    let started = chrono::Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
    let mut r = RoundRecord::new(started, None, 120);
    for (kind, secs) in [
        (Opener, 15),
        (Star, 18),
        (Direct, 20),
        (Star, 17),
        (Closer, 0),
    ] {
        r.answer.push(answer_of(kind, secs));
    }
    assert_eq!(r.on_time(), 0);
    let c = r.time_counts();
    assert_eq!((c.in_time, c.short, c.long), (0, 4, 0));
    // In time, short and long side by side: 100 s for a story, 70 s for an opener, 130 s over.
    r.answer = vec![
        answer_of(Opener, 70),
        answer_of(Star, 100),
        answer_of(Direct, 40),
        answer_of(Star, 130),
    ];
    let c = r.time_counts();
    assert_eq!((c.in_time, c.short, c.long), (2, 1, 1));
    assert_eq!(r.on_time(), 2);
}

/// A round log written before the time window counted short answers still loads, and its answers
/// are counted by the new rule: the file itself did not change.
#[test]
fn an_older_log_loads_and_its_short_answers_count_as_short() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(ROUNDS_FILE);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let old = "[[round]]\nstarted = \"2026-11-20T18:30:05Z\"\ntarget_seconds = 120\n\n\
               [[round.answer]]\nquestion = \"q-a\"\nseconds = 18\ngrade = \"good\"\n\
               rubric = { structure = true, said_i = true, result = true, in_time = true }\n\n\
               [[round.skipped]]\nquestion = \"q-b\"\nseconds = 4\n";
    std::fs::write(&path, old).unwrap();
    let log = RoundLog::load(dir.path()).unwrap();
    let r = &log.round[0];
    assert_eq!(r.skipped[0].number, None);
    assert_eq!(r.on_time(), 0);
    assert_eq!(r.time_counts().short, 1);
    let rows = r.rows();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].number, Some(1));
    assert_eq!(
        rows[1].number, None,
        "a skip whose place was not kept has no number"
    );
}

/// Question 3 of 5 skipped: the rows keep it as 3, and the answers after it stay 4 and 5 instead
/// of moving up to fill its place.
#[test]
fn a_skipped_question_keeps_its_number_and_so_do_the_answers_after_it() {
    use crate::domain::content::QuestionKind::Star;
    let started = chrono::Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
    let mut r = RoundRecord::new(started, None, 120);
    for id in ["q1", "q2", "q4", "q5"] {
        r.answer.push(Answer::new(
            Id::new(id),
            100,
            Rubric::new(Star),
            Grade::Good,
        ));
    }
    r.skipped.push(Skipped {
        question: Id::new("q3"),
        seconds: 0,
        typed: None,
        number: Some(3),
    });
    let rows: Vec<(Option<usize>, &str)> = r
        .rows()
        .iter()
        .map(|row| {
            let id = match row.entry {
                Entry::Answered(a) => a.question.as_str(),
                Entry::Skipped(s) => s.question.as_str(),
            };
            (row.number, id)
        })
        .collect();
    assert_eq!(
        rows,
        [
            (Some(1), "q1"),
            (Some(2), "q2"),
            (Some(3), "q3"),
            (Some(4), "q4"),
            (Some(5), "q5")
        ]
    );
    // The last question skipped, and a number past the end from a hand-edited file.
    r.skipped[0].number = Some(9);
    let numbers: Vec<Option<usize>> = r.rows().iter().map(|row| row.number).collect();
    assert_eq!(numbers, [Some(1), Some(2), Some(3), Some(4), Some(9)]);
}

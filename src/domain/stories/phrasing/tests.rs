//! Tests of the matcher on small rule tables written here, so each shows one behaviour.

use super::*;

fn rule(id: &str, kind: PhrasingKind, patterns: &[&str], suggestions: &[&str]) -> PhrasingRule {
    PhrasingRule::new(id, kind, patterns, suggestions)
}

/// The flagged text of each flag, with its rule id.
fn marked(p: &Phrasing, text: &str, part: Option<Section>) -> Vec<(String, String)> {
    p.scan(text, part)
        .iter()
        .map(|f| {
            let id = p.rule(f.rule).unwrap().id.to_string();
            (id, text[f.start..f.end].to_string())
        })
        .collect()
}

fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
    v.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn words_match_whole_ignoring_case_and_curly_apostrophes() {
    let p = Phrasing::new(&[
        rule(
            "helped",
            PhrasingKind::WeakVerb,
            &["helped with"],
            &["guided"],
        ),
        rule("were", PhrasingKind::We, &["we’re"], &["I'm"]),
    ]);
    assert_eq!(
        marked(&p, "I Helped  With it; we're here. unhelped with", None),
        pairs(&[("helped", "Helped  With"), ("were", "we're")])
    );
}

#[test]
fn commas_and_sentence_starts_are_part_of_a_pattern() {
    let p = Phrasing::new(&[rule(
        "like",
        PhrasingKind::Filler,
        &[", like ,", "^ like ,"],
        &[""],
    )]);
    assert_eq!(
        marked(
            &p,
            "He was, like, upset. Like, really. I'd like, you see",
            None
        ),
        pairs(&[("like", "like"), ("like", "Like")])
    );
}

#[test]
fn a_phrase_never_runs_across_a_sentence() {
    let p = Phrasing::new(&[rule("went", PhrasingKind::VagueResult, &["went well"], &[])]);
    assert!(marked(&p, "It went. Well, no.", None).is_empty());
    assert!(marked(&p, "It went\nwell", None).is_empty());
    assert!(
        marked(&p, "It went, well, badly", None).is_empty(),
        "nor across a comma"
    );
}

#[test]
fn the_rule_higher_in_the_table_wins_and_phrases_do_not_overlap() {
    let p = Phrasing::new(&[
        rule(
            "would",
            PhrasingKind::Would,
            &["we would *"],
            &["we {1:past}"],
        ),
        rule("we", PhrasingKind::We, &["we"], &["I"]),
    ]);
    let flags = p.scan("we would call and we left", None);
    let ids: Vec<&str> = flags
        .iter()
        .map(|f| p.rule(f.rule).unwrap().id.as_str())
        .collect();
    assert_eq!(ids, ["would", "we"]);
    assert_eq!(flags[0].words, 3);
    assert_eq!(
        p.suggestions("we would call and we left", &flags[0]),
        ["we called"]
    );
}

#[test]
fn exceptions_before_after_and_in_a_wildcard_cancel_a_match() {
    let mut r = rule("p", PhrasingKind::Passive, &["was *ed"], &[]);
    r.except = vec!["Tired".into()];
    r.unless_after = vec!["by".into()];
    let mut k = rule("k", PhrasingKind::Hedge, &["kind of"], &[""]);
    k.unless_before = vec!["a".into()];
    let p = Phrasing::new(&[r, k]);
    assert_eq!(
        marked(
            &p,
            "I was tired. It was moved by him. It was moved. A kind of walker. Kind of odd.",
            None
        ),
        pairs(&[("p", "was moved"), ("k", "Kind of")])
    );
    // A word before in another sentence does not count.
    assert_eq!(
        marked(&p, "It was a. Kind of", None),
        pairs(&[("k", "Kind of")])
    );
}

#[test]
fn an_exception_of_several_words_must_be_there_word_for_word_in_the_sentence() {
    let mut r = rule(
        "would",
        PhrasingKind::Would,
        &["i would *"],
        &["I {1:past}"],
    );
    r.unless_before = vec!["plan  Where".into()];
    r.unless_after = vec!["to the".into()];
    let p = Phrasing::new(&[r]);
    assert!(marked(&p, "We made a plan where I would walk.", None).is_empty());
    assert!(marked(&p, "Then I would go to the gym.", None).is_empty());
    for text in [
        "I know where I would walk.",
        "We made a plan. Where I would walk, she went.",
        "Then I would go to her.",
        "Then I would go. To the gym.",
    ] {
        assert_eq!(marked(&p, text, None).len(), 1, "{text}");
    }
}

#[test]
fn a_rule_limited_to_some_sections_skips_the_others_but_an_answer_gets_all() {
    let mut r = rule("we", PhrasingKind::We, &["we"], &["I"]);
    r.sections = vec![StoryPart::Action];
    let p = Phrasing::new(&[r]);
    assert!(marked(&p, "we", Some(Section::Situation)).is_empty());
    assert_eq!(marked(&p, "we", Some(Section::Action)).len(), 1);
    assert_eq!(marked(&p, "we", None).len(), 1);
}

/// A user walk was told to split "didn't want me to | call anyone", where the limit fell. A
/// long sentence is marked from a place it can be cut (a comma or a joining word near its
/// middle, five words from either end), or whole when it has none.
#[test]
fn a_long_sentence_is_marked_from_where_it_can_be_cut_or_whole() {
    let mut r = rule("long", PhrasingKind::LongSentence, &[], &[]);
    r.max_words = Some(12);
    let p = Phrasing::new(&[r, rule("um", PhrasingKind::Filler, &["um"], &[""])]);
    let marks = |text: &str| -> Vec<(String, usize)> {
        p.scan(text, None)
            .iter()
            .map(|f| (text[f.start..f.end].to_string(), f.words))
            .collect()
    };
    let joined = "I set up the mat and the belt for him and then I called the PT over to help.";
    assert_eq!(
        marks(joined),
        [("and then I called the PT over to help".to_string(), 19)],
        "the joint nearest the middle"
    );
    let comma =
        "One two three four five six seven, eight nine ten eleven twelve thirteen fourteen.";
    assert_eq!(
        marks(comma),
        [(
            "eight nine ten eleven twelve thirteen fourteen".to_string(),
            14
        )]
    );
    let plain = "One two three four five six seven eight nine ten eleven twelve thirteen um.";
    assert_eq!(
        marks(plain),
        [
            (plain[..plain.len() - 1].to_string(), 14),
            ("um".to_string(), 1)
        ],
        "no place to cut: the whole sentence"
    );
    assert!(marks("Short one, and done.").is_empty());
}

#[test]
fn offsets_are_bytes_in_the_text_as_written_whatever_the_script() {
    let p = Phrasing::new(&[rule("um", PhrasingKind::Filler, &["um"], &[""])]);
    let text = "Café 🙂 — ÉCOLE, um, naïve 日本 UM";
    let flags = p.scan(text, None);
    assert_eq!(flags.len(), 2);
    for f in &flags {
        assert_eq!(text[f.start..f.end].to_lowercase(), "um");
    }
}

#[test]
fn a_rule_with_problems_is_left_out_of_the_table() {
    let p = Phrasing::new(&[
        rule("bad", PhrasingKind::Filler, &["* um"], &[""]),
        rule("good", PhrasingKind::Filler, &["um"], &[""]),
    ]);
    assert_eq!(p.len(), 1);
    assert_eq!(p.rule(0).unwrap().id.as_str(), "good");
}

#[test]
fn accepting_a_rewrite_fills_captures_and_keeps_the_sentence_tidy() {
    let p = Phrasing::new(&[
        rule(
            "would",
            PhrasingKind::Would,
            &["i would *"],
            &["I {1:past}"],
        ),
        rule("um", PhrasingKind::Filler, &["um"], &[""]),
        rule(
            "help",
            PhrasingKind::WeakVerb,
            &["helped with"],
            &["guided", "set up"],
        ),
    ]);
    let text = "Um, I would tell him. Then I helped with the transfers.";
    let flags = p.scan(text, None);
    assert_eq!(flags.len(), 3);
    let step = |t: &str, f: &Flag, c: usize| p.rewrite(t, f, c).unwrap().apply(t);
    assert_eq!(
        step(text, &flags[0], 0),
        "I would tell him. Then I helped with the transfers."
    );
    assert_eq!(
        step(text, &flags[1], 0),
        "Um, I told him. Then I helped with the transfers."
    );
    assert_eq!(
        step(text, &flags[2], 1),
        "Um, I would tell him. Then I set up the transfers."
    );
    assert!(
        p.rewrite(text, &flags[2], 2).is_none(),
        "only two suggestions"
    );
}

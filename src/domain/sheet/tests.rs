use super::*;
use crate::domain::content::{Competency, Id, Library};
use crate::domain::profile::{Profile, Setting};
use crate::domain::stories::{Section, Story, StoryId};
use chrono::{TimeZone, Utc};

fn story(id: &str, title: &str, tags: &[&str]) -> Story {
    let at = Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
    let mut s = Story::new(StoryId::from_stem(id).unwrap(), title, at);
    s.situation = "A resident at the nursing home was unsteady on her feet.".into();
    s.task = "I had to get her to therapy safely.".into();
    s.action = "I put on a gait belt and walked beside her. I told the nurse.".into();
    s.result = "She got there without a fall.".into();
    s.tags = tags.iter().map(|t| t.to_string()).collect();
    s
}

fn profile() -> Profile {
    Profile {
        name: "Dana Reyes".into(),
        roles: vec![Id::new("pt-aide")],
        interview_time: chrono::NaiveTime::from_hms_opt(10, 0, 0),
        employer: "Riverside Orthopedics".into(),
        setting: Some(Setting::Outpatient),
        ..Profile::default()
    }
}

struct Fixture {
    lib: Library,
    profile: Profile,
    stories: Vec<Story>,
    certs: Vec<String>,
    starred: Vec<Id>,
    choices: SheetChoices,
}

impl Fixture {
    fn new(stories: Vec<Story>) -> Fixture {
        Fixture {
            lib: Library::builtin(),
            profile: profile(),
            stories,
            certs: vec!["CPR/BLS".into()],
            starred: vec![Id::new("ask-training"), Id::new("ask-team")],
            choices: SheetChoices::default(),
        }
    }

    fn build(&self) -> Sheet {
        let refs: Vec<&Story> = self.stories.iter().collect();
        build(&Inputs {
            profile: &self.profile,
            interview_date: chrono::NaiveDate::from_ymd_opt(2026, 12, 3),
            certifications: &self.certs,
            lib: &self.lib,
            stories: &refs,
            starred: &self.starred,
            choices: &self.choices,
        })
    }
}

fn titles(sheet: &Sheet) -> Vec<&str> {
    sheet.stories.iter().map(|s| s.title.as_str()).collect()
}

#[test]
fn the_header_says_who_what_where_and_when() {
    let sheet = Fixture::new(vec![]).build();
    assert_eq!(sheet.header.name, "Dana Reyes");
    assert_eq!(
        sheet.header.job.as_deref(),
        Some("Physical therapy aide / technician at Riverside Orthopedics (Outpatient clinic)")
    );
    assert_eq!(
        sheet.header.when.as_deref(),
        Some("Thursday, December 3, 2026, 10:00 AM")
    );
}

#[test]
fn stories_are_chosen_to_cover_the_competencies_not_to_repeat_one() {
    let mut stories = vec![
        story("a", "Teamwork one", &["teamwork"]),
        story("b", "Teamwork two", &["teamwork"]),
        story("c", "A fall I prevented", &["patient-care", "safety"]),
    ];
    // The second teamwork story is newer, which alone would put it first.
    stories[1].updated = Some(Utc.with_ymd_and_hms(2026, 11, 25, 9, 0, 0).unwrap());
    let weights = select::weights(
        &Library::builtin().competencies,
        &Library::builtin().questions,
        &[Id::new("pt-aide")],
    );
    let refs: Vec<&Story> = stories.iter().collect();
    let lib = Library::builtin();
    let sel = select::choose_from(&refs, &lib.competencies, &weights, &[], &[]);
    let order: Vec<&str> = sel.chosen.iter().map(|c| c.story.title.as_str()).collect();
    assert_eq!(order[0], "A fall I prevented", "two competencies beat one");
    assert_eq!(order.len(), 3);
    assert_eq!(
        sel.chosen[0].shows,
        ["Patient care", "Safety"],
        "names of the competencies shown"
    );
    // After one teamwork story, a story showing something new beats the other one.
    let mut more = stories.clone();
    more.push(story("d", "Double booking", &["admin-organization"]));
    let refs: Vec<&Story> = more.iter().collect();
    let sel = select::choose_from(&refs, &lib.competencies, &weights, &[], &[]);
    let order: Vec<&str> = sel.chosen.iter().map(|c| c.story.title.as_str()).collect();
    assert_eq!(order.last(), Some(&"Teamwork one"), "{order:?}");
}

#[test]
fn completeness_counts_when_coverage_is_equal() {
    let mut thin = story("a", "Thin", &["teamwork"]);
    thin.task.clear();
    thin.result.clear();
    let full = story("b", "Full", &["teamwork"]);
    let mut empty = story("c", "Empty", &["patient-care", "safety", "teamwork"]);
    for s in Section::ALL {
        empty.text_mut(s).clear();
    }
    let f = Fixture::new(vec![thin, full, empty]);
    let sheet = f.build();
    assert_eq!(titles(&sheet), ["Full", "Thin"]);
    assert!(
        sheet
            .not_chosen
            .iter()
            .any(|n| n.title == "Empty" && n.why == Why::Empty),
        "{:?}",
        sheet.not_chosen
    );
}

#[test]
fn at_most_six_stories_and_the_rest_are_named() {
    let stories: Vec<Story> = (0..8)
        .map(|i| story(&format!("s{i}"), &format!("Story {i}"), &["teamwork"]))
        .collect();
    let sheet = Fixture::new(stories).build();
    assert_eq!(
        sheet.stories.len()
            + sheet
                .left_out
                .iter()
                .filter(|l| matches!(l, LeftOut::Story(_)))
                .count(),
        6
    );
    assert_eq!(sheet.not_chosen.len(), 2);
    assert!(sheet.not_chosen.iter().all(|n| n.why == Why::NotAmongBest));
}

#[test]
fn a_pinned_story_comes_first_and_a_dropped_one_never_shows() {
    let stories = vec![
        story("a", "Strong", &["patient-care", "safety", "teamwork"]),
        story("b", "Plain", &[]),
        story("c", "Also strong", &["problem-solving", "communication"]),
    ];
    let mut f = Fixture::new(stories);
    f.choices.toggle_pin(&StoryId::from_stem("b").unwrap());
    f.choices.toggle_drop(&StoryId::from_stem("a").unwrap());
    let sheet = f.build();
    assert_eq!(titles(&sheet), ["Plain", "Also strong"]);
    assert!(sheet.stories[0].pinned && !sheet.stories[1].pinned);
    assert_eq!(
        sheet.not_chosen,
        [NotChosen {
            id: StoryId::from_stem("a").unwrap(),
            title: "Strong".into(),
            why: Why::Dropped
        }]
    );
}

#[test]
fn the_cue_is_used_as_written() {
    let mut s = story("a", "Fall", &[]);
    s.cue = "Unsteady resident: gait belt, told the nurse, no fall.".into();
    let sheet = Fixture::new(vec![s]).build();
    assert_eq!(sheet.stories[0].kind, LineKind::Cue);
    assert_eq!(
        sheet.stories[0].line,
        "Unsteady resident: gait belt, told the nurse, no fall."
    );
}

#[test]
fn without_a_cue_the_line_is_whole_sentences_with_fillers_out() {
    let mut s = story("a", "Short-staffed", &[]);
    s.action =
        "So we kind of split up the work. Then I, um, took the two residents who needed the \
                most help and walked each of them to the gym with a gait belt while the others \
                waited with the activities aide, which took most of the morning."
            .into();
    s.result = "Everyone got their therapy that day".into();
    let sheet = Fixture::new(vec![s]).build();
    let st = &sheet.stories[0];
    assert_eq!(st.kind, LineKind::Sentences);
    assert_eq!(
        st.line,
        "We split up the work. Everyone got their therapy that day."
    );
    assert!(!st.line.contains('…'));
}

#[test]
fn the_fallback_never_cuts_a_sentence_whatever_the_story() {
    // Every sentence of the line is a whole sentence of the story (fillers aside), for stories of
    // one endless sentence, many short ones, and text with no stops at all.
    let long = "and then I helped ".repeat(40);
    let cases = [
        format!("{long}."),
        "One. Two two. Three three three. ".repeat(30),
        "no stops at all just words".into(),
        "Dr. Lee asked me at 5 p.m. to help. I did.".into(),
    ];
    for action in cases {
        let mut s = story("a", "T", &[]);
        s.action = action.clone();
        s.result.clear();
        s.situation = long.clone();
        let line = fallback_line(&s);
        assert!(!line.contains('…'));
        assert!(sentences::word_count(&line) <= FALLBACK_MAX_WORDS, "{line}");
        let source: Vec<String> = [action.as_str(), long.as_str()]
            .iter()
            .flat_map(|t| sentences::split(t))
            .map(|x| sentences::with_stop(&sentences::strip_fillers(&x)))
            .collect();
        for part in sentences::split(&line) {
            assert!(
                source.contains(&part),
                "{part:?} is not a whole sentence of {action:?}"
            );
        }
    }
}

#[test]
fn a_cue_too_long_to_glance_at_falls_back_and_says_why() {
    let mut s = story("a", "Fall", &[]);
    s.cue = "word ".repeat(CUE_MAX_WORDS + 1);
    let sheet = Fixture::new(vec![s]).build();
    assert_eq!(sheet.stories[0].kind, LineKind::Sentences);
    assert!(
        sheet
            .notes
            .iter()
            .any(|n| n.contains("too long to glance at"))
    );
}

#[test]
fn the_intro_is_whole_sentences_and_a_long_one_is_shortened_with_a_note() {
    let mut f = Fixture::new(vec![]);
    f.choices.intro = "I'm a CNA.\n\nI want this job.".into();
    assert_eq!(
        f.build().intro.as_deref(),
        Some("I'm a CNA. I want this job.")
    );
    f.choices.intro = "I'm a CNA at a nursing home. ".repeat(30);
    let sheet = f.build();
    let intro = sheet.intro.unwrap();
    assert!(sentences::word_count(&intro) <= INTRO_MAX_WORDS);
    assert!(intro.ends_with("nursing home."));
    assert!(sheet.notes.iter().any(|n| n.contains("Aim for 60–90")));
}

#[test]
fn facts_of_the_role_come_with_their_sources() {
    let sheet = Fixture::new(vec![]).build();
    assert!((3..=5).contains(&sheet.facts.len()), "{:?}", sheet.facts);
    assert!(
        sheet
            .facts
            .iter()
            .all(|f| !f.source.is_empty() && f.question.ends_with('?'))
    );
    // Scope first, then the path from aide to a licensed job.
    assert!(sheet.facts[0].text.contains("PTA"), "{:?}", sheet.facts[0]);
    assert!(
        sheet
            .facts
            .iter()
            .any(|f| f.question.contains("become a PTA")),
        "{:?}",
        sheet.facts
    );
    assert!(
        sheet
            .facts
            .iter()
            .all(|f| !f.question.contains("Which of these"))
    );
    let mut f = Fixture::new(vec![]);
    f.profile.roles.clear();
    assert!(f.build().facts.is_empty(), "no role, no facts of a role");
}

#[test]
fn what_to_bring_comes_from_the_checklist() {
    let sheet = Fixture::new(vec![]).build();
    let bring = sheet.bring.unwrap();
    assert!(bring.contains("one-page summary"), "{bring}");
}

#[test]
fn html_escapes_every_piece_of_user_text() {
    let mut s = story("a", "<script>alert(\"x\")</script> & 'quotes'", &[]);
    s.cue = "Tom & Jerry's \"<b>bold</b>\" move".into();
    let mut f = Fixture::new(vec![s]);
    f.profile.name = "<img src=x onerror=alert(1)>".into();
    f.certs = vec!["A&B <CPR>".into()];
    f.choices.intro = "I said \"<hi>\" & left.".into();
    let page = html::render(&f.build());
    assert!(
        !page.contains("<script>alert"),
        "a story's script tag stays text"
    );
    assert!(!page.contains("<img"));
    assert!(!page.contains("<b>bold"));
    assert!(
        page.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;")
    );
    assert!(page.contains("Tom &amp; Jerry&#39;s &quot;&lt;b&gt;bold&lt;/b&gt;&quot; move"));
    assert!(page.contains("A&amp;B &lt;CPR&gt;"));
    assert!(page.contains("I said &quot;&lt;hi&gt;&quot; &amp; left."));
    // Only our own tags: nothing that runs or loads.
    for bad in [
        "<script", "<link", "<img", "<iframe", "href=", "@import", "url(",
    ] {
        assert!(!page.contains(bad), "{bad}");
    }
}

#[test]
fn html_is_one_page_document_with_a_print_stylesheet_at_10pt() {
    let page = html::render(&Fixture::new(vec![story("a", "Fall", &["safety"])]).build());
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.contains("@page"));
    assert!(page.contains("@media print"));
    assert!(page.contains("font-size: 10pt"));
    let sizes: Vec<f32> = page
        .match_indices("font-size: ")
        .filter_map(|(i, _)| {
            let rest = &page[i + 11..];
            rest[..rest.find("pt")?].parse().ok()
        })
        .collect();
    assert!(
        !sizes.is_empty() && sizes.iter().all(|&s| s >= 10.0),
        "{sizes:?}"
    );
    assert!(page.contains("<h2>My stories</h2>"));
    assert!(page.contains("Interview: Thursday, December 3, 2026, 10:00 AM"));
}

#[test]
fn markdown_has_each_part_and_escapes_text() {
    let mut s = story("a", "Fall *prevented*", &["safety"]);
    s.cue = "Gait belt, told the nurse.".into();
    let mut f = Fixture::new(vec![s]);
    f.choices.intro = "I'm a CNA. I want this job.".into();
    let md = markdown::render(&f.build());
    assert!(md.starts_with("# Dana Reyes\n\n"), "{md}");
    assert!(md.contains("Interview: Thursday, December 3, 2026, 10:00 AM"));
    assert!(md.contains("## Tell me about yourself\n\nI'm a CNA. I want this job.\n"));
    assert!(
        md.contains("- **Fall \\*prevented\\*** — shows safety  \n  Gait belt, told the nurse.\n"),
        "{md}"
    );
    assert!(md.contains("## Questions to ask\n\n- "));
    assert!(md.contains("## Certifications\n\n- CPR/BLS\n"));
    assert!(md.contains("## What to bring"));
    assert!(md.contains("## Facts worth saying\n\n- "));
    assert!(md.contains("_Source: "));
    assert!(!md.ends_with("\n\n"));
}

/// Six long stories with long cues, eight questions, many certifications and a long intro: more than
/// a page. Facts go first, then the sixth and fifth story, and the preview says so.
#[test]
fn overflow_gives_up_facts_then_the_fifth_and_sixth_story() {
    let stories: Vec<Story> = (0..6)
        .map(|i| {
            let mut s = story(
                &format!("s{i}"),
                &format!("Story number {i} about a busy day"),
                &["teamwork"],
            );
            s.cue =
                "A long cue line that goes on for quite a while about what happened. ".repeat(2);
            s
        })
        .collect();
    let mut f = Fixture::new(stories);
    f.starred = f.lib.asks.iter().take(8).map(|a| a.id.clone()).collect();
    f.certs = (0..4)
        .map(|i| format!("Certification number {i}"))
        .collect();
    f.choices.intro = "I have been a restorative aide in a nursing home for six years. ".repeat(8);
    let full = f.build();
    // Facts went first, all of them, before any story.
    let first_story = full
        .left_out
        .iter()
        .position(|l| matches!(l, LeftOut::Story(_)));
    let last_fact = full
        .left_out
        .iter()
        .rposition(|l| matches!(l, LeftOut::Fact(_)));
    assert!(last_fact.is_some(), "{:?}", full.left_out);
    assert!(full.facts.is_empty());
    if let (Some(s), Some(fa)) = (first_story, last_fact) {
        assert!(fa < s);
    }
    assert!(full.fill <= 1.0, "{}", full.fill);
    assert!(fit::height(&full) <= fit::CONTENT_HEIGHT_PT);
    let said = full.left_out_summary().unwrap();
    assert!(
        said.starts_with("To fit one page, the sheet leaves out"),
        "{said}"
    );
    assert!(said.contains("facts of your role"), "{said}");

    // Longer still: stories six and five go, the last first, and a pinned one stays.
    let mut f2 = f;
    for s in &mut f2.stories {
        s.cue = "word ".repeat(CUE_MAX_WORDS);
        s.title
            .push_str(&" on the unit when everyone was out sick".repeat(4));
    }
    f2.choices.toggle_pin(&StoryId::from_stem("s5").unwrap());
    let sheet = f2.build();
    let gone: Vec<&LeftOut> = sheet
        .left_out
        .iter()
        .filter(|l| matches!(l, LeftOut::Story(_)))
        .collect();
    assert!(!gone.is_empty(), "{:?}", sheet.left_out);
    assert!(sheet.stories.len() >= CORE_STORIES);
    assert!(
        sheet.stories.iter().any(|s| s.id.as_str() == "s5"),
        "the pinned story stays"
    );
    assert!(fit::height(&sheet) <= fit::CONTENT_HEIGHT_PT);
    let said = sheet.left_out_summary().unwrap();
    assert!(said.contains("the story \""), "{said}");
}

#[test]
fn nothing_left_out_when_it_fits() {
    let sheet = Fixture::new(vec![story("a", "Fall", &["safety"])]).build();
    assert!(sheet.left_out.is_empty());
    assert_eq!(sheet.left_out_summary(), None);
    assert!(sheet.fill > 0.1 && sheet.fill < 1.0, "{}", sheet.fill);
}

#[test]
fn competencies_unknown_to_the_weights_still_count() {
    let comps = vec![Competency {
        id: Id::new("x"),
        name: "X".into(),
        description: String::new(),
        core: false,
        signals: Vec::new(),
    }];
    let w = select::weights(&comps, &[], &[]);
    assert_eq!(w.get(&Id::new("x")), Some(&1.0));
}

#[test]
fn with_nothing_starred_the_sheet_suggests_the_first_questions_home_lists() {
    let mut f = Fixture::new(vec![]);
    f.starred.clear();
    let sheet = f.build();
    let home: Vec<String> = Focus::new(&f.profile, &f.lib)
        .asks(&f.lib)
        .iter()
        .take(CORE_ASKS)
        .map(|a| a.text.clone())
        .collect();
    assert_eq!(sheet.asks, home);
    assert_eq!(sheet.asks.len(), CORE_ASKS);
    assert!(
        sheet
            .notes
            .iter()
            .any(|n| n.starts_with("No questions starred yet")),
        "{:?}",
        sheet.notes
    );
    // Starred questions are the user's choice: no suggestion is mixed in.
    f.starred = vec![Id::new("ask-training")];
    let sheet = f.build();
    assert_eq!(sheet.asks.len(), 1);
    assert!(!sheet.notes.iter().any(|n| n.contains("suggests")));
}

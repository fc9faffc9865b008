//! Guards on the built-in content's trustworthiness (issue #16): sources a user can look up, dated
//! figures, US English, plain reading level, sound multiple-choice cards and valid role references.
#![allow(clippy::unwrap_used, clippy::expect_used)] // panicking is how a test fails

mod common;

use clinicprep::domain::content::{GuideSection, Library, markup};
use common::spelling::uk_hits;
use std::collections::HashSet;

/// Every source shown to a user must be something they can look up, never a label of ours.
#[test]
fn no_source_uses_an_internal_label() {
    let lib = Library::builtin();
    let mut bad = Vec::new();
    let mut check = |owner: String, source: &str| {
        let s = source.to_lowercase();
        if ["seed", "facts.md", "reference"]
            .iter()
            .any(|label| s.contains(label))
        {
            bad.push(format!("{owner}: {source}"));
        }
    };
    for f in &lib.facts {
        check(f.id.to_string(), &f.source);
    }
    for q in &lib.questions {
        if let Some(s) = &q.source {
            check(q.id.to_string(), s);
        }
    }
    for r in &lib.roles {
        for fig in &r.figure {
            check(format!("{} figure {:?}", r.id, fig.label), &fig.source);
        }
    }
    assert!(
        bad.is_empty(),
        "internal labels in sources:\n{}",
        bad.join("\n")
    );
}

/// "General knowledge" alone is not a source for a fact card.
#[test]
fn no_fact_rests_on_general_knowledge_alone() {
    let lib = Library::builtin();
    let bad: Vec<_> = lib
        .facts
        .iter()
        .filter(|f| f.source.to_lowercase().starts_with("general"))
        .map(|f| format!("{}: {}", f.id, f.source))
        .collect();
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// A date reads like a date: "May 2024", "2024–34 projection", "undated page, read 2026-12".
fn date_reads_like_a_date(as_of: &str) -> bool {
    let has_year = as_of
        .split(|c: char| !c.is_ascii_digit())
        .any(|w| w.len() == 4 && (w.starts_with("19") || w.starts_with("20")));
    let lower = as_of.to_lowercase();
    let bare_iso = as_of.len() == 10
        && as_of.as_bytes()[4] == b'-'
        && as_of.as_bytes()[7] == b'-'
        && as_of.chars().filter(char::is_ascii_digit).count() == 8;
    has_year && !bare_iso && !lower.contains("not dated") && !lower.contains("not stated")
}

#[test]
fn date_check_accepts_dates_and_refuses_non_dates() {
    for good in [
        "May 2024",
        "2024–34 projection",
        "undated page, read 2026-12",
        "since January 2024",
    ] {
        assert!(date_reads_like_a_date(good), "{good}");
    }
    for bad in [
        "not dated by source",
        "2025-05-31",
        "",
        "recent",
        "survey date not stated 2024",
    ] {
        assert!(!date_reads_like_a_date(bad), "{bad}");
    }
}

/// Every figure has a source and a date a person can read.
#[test]
fn every_figure_has_a_source_and_a_readable_date() {
    let lib = Library::builtin();
    let mut bad = Vec::new();
    for r in &lib.roles {
        for f in &r.figure {
            if f.source.trim().len() < 10 || !date_reads_like_a_date(&f.as_of) {
                bad.push(format!(
                    "{} {:?}: as_of {:?}, source {:?}",
                    r.id, f.label, f.as_of, f.source
                ));
            }
            if f.source.to_lowercase().contains("survey date not stated") {
                bad.push(format!("{} {:?}: says its date is unknown", r.id, f.label));
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn the_uk_spelling_check_finds_uk_words_and_passes_us_ones() {
    assert_eq!(
        uk_hits("A state licence; we practise."),
        ["licence", "practise"]
    );
    assert!(uk_hits("A state license; we practice in the organization's gym.").is_empty());
    assert_eq!(uk_hits("Then sit the exam"), ["sit the"]);
}

/// Every piece of built-in text a user reads, with where it is. Glossary aliases are left out on
/// purpose: they match the words people type in their stories, UK spellings included.
fn user_visible_text(lib: &Library) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for r in &lib.roles {
        out.push((format!("{} name", r.id), r.name.clone()));
        for a in &r.also_called {
            out.push((format!("{} also_called", r.id), a.clone()));
        }
        for (field, text) in r.sections() {
            out.push((format!("{} {field}", r.id), text.to_string()));
        }
        for f in &r.figure {
            out.push((
                format!("{} figure", r.id),
                format!("{} {} {} {}", f.label, f.value, f.as_of, f.source),
            ));
        }
        for (row, fact) in r.glance.rows() {
            if let Some(f) = fact {
                out.push((
                    format!("{} glance {row}", r.id),
                    format!("{} {}", f.text, f.source),
                ));
            }
        }
    }
    for c in &lib.competencies {
        out.push((c.id.to_string(), format!("{} {}", c.name, c.description)));
    }
    for q in &lib.questions {
        let text = format!(
            "{} {} {} {}",
            q.text,
            q.looking_for,
            q.outline.join(" "),
            q.pitfalls.join(" ")
        );
        out.push((q.id.to_string(), text));
    }
    for f in &lib.facts {
        let text = format!(
            "{} {} {} {} {}",
            f.front,
            f.back,
            f.correct.clone().unwrap_or_default(),
            f.distractors.join(" "),
            f.source
        );
        out.push((f.id.to_string(), text));
    }
    for a in &lib.asks {
        out.push((a.id.to_string(), format!("{} {}", a.text, a.why)));
    }
    for s in &lib.steps {
        out.push((s.id.to_string(), format!("{} {}", s.text, s.detail)));
    }
    for t in &lib.terms {
        out.push((t.id.to_string(), format!("{} {}", t.term, t.meaning)));
    }
    for p in &lib.personas {
        let lines: Vec<&str> = clinicprep::domain::content::QuestionKind::ALL
            .iter()
            .flat_map(|k| p.lead_ins(*k))
            .map(String::as_str)
            .collect();
        let text = format!(
            "{} {} {} {}",
            p.title,
            p.greeting,
            lines.join(" "),
            p.goodbye
        );
        out.push((p.id.to_string(), text));
    }
    for f in &lib.follow_ups {
        out.push((f.id.to_string(), f.text.clone()));
    }
    for c in &lib.coaching {
        out.push((c.id.to_string(), c.note.clone()));
    }
    for q in &lib.fit {
        out.push((q.id.to_string(), format!("{} {}", q.ask, q.help)));
        for o in &q.options {
            let why: Vec<&str> = o.reasons.iter().map(|r| r.text.as_str()).collect();
            out.push((
                format!("{} {}", q.id, o.id),
                format!("{} {}", o.text, why.join(" ")),
            ));
        }
    }
    for r in &lib.fit_roles {
        let facts: Vec<&str> = r.facts.iter().map(|f| f.text.as_str()).collect();
        out.push((format!("fit_role {}", r.role), facts.join(" ")));
    }
    out
}

#[test]
fn built_in_text_is_us_english() {
    let lib = Library::builtin();
    let bad: Vec<String> = user_visible_text(&lib)
        .into_iter()
        .filter_map(|(place, text)| {
            let hits = uk_hits(&text);
            (!hits.is_empty()).then(|| format!("{place}: {}", hits.join(", ")))
        })
        .collect();
    assert!(
        bad.is_empty(),
        "{} places with UK spellings:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

#[test]
fn the_docs_are_us_english() {
    for (name, text) in [
        ("README.md", include_str!("../README.md")),
        ("content/README.md", include_str!("../content/README.md")),
        (
            "docs/ARCHITECTURE.md",
            include_str!("../docs/ARCHITECTURE.md"),
        ),
        (
            "docs/PERFORMANCE-100K.md",
            include_str!("../docs/PERFORMANCE-100K.md"),
        ),
    ] {
        // The content README names the UK forms that the glossary keeps as aliases; skip code.
        let prose: String = text
            .split("```")
            .step_by(2)
            .flat_map(|part| part.split('`').step_by(2))
            .collect::<Vec<_>>()
            .join("\n");
        let hits = uk_hits(&prose);
        assert!(hits.is_empty(), "{name}: {hits:?}");
    }
}

// ----- Reading level -----

/// Syllables in one word, by the usual vowel-group rule with the common English adjustments: a
/// silent final "e", "-le" after a consonant, "-ed" that adds no syllable, and at least one.
fn syllables(word: &str) -> usize {
    let w: Vec<char> = word
        .to_lowercase()
        .chars()
        .filter(|c| c.is_ascii_alphabetic())
        .collect();
    if w.is_empty() {
        return 0;
    }
    if w.len() <= 3 {
        return 1;
    }
    let vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
    let mut count = 0;
    let mut prev = false;
    for &c in &w {
        let v = vowel(c);
        if v && !prev {
            count += 1;
        }
        prev = v;
    }
    let n = w.len();
    let ends = |s: &str| w.iter().rev().take(s.len()).rev().copied().eq(s.chars());
    if ends("e") && !ends("le") && !ends("ee") && !ends("ie") && count > 1 {
        count -= 1;
    } else if ends("le") && n > 2 && !vowel(w[n - 3]) {
        // "table", "simple": the -le is its own syllable and was counted.
    }
    if ends("ed") && n > 3 && !matches!(w[n - 3], 't' | 'd') && count > 1 {
        count -= 1;
    }
    if ends("es") && n > 3 && !matches!(w[n - 3], 's' | 'x' | 'z' | 'c' | 'g' | 'h') && count > 1 {
        count -= 1;
    }
    count.max(1)
}

/// Flesch reading ease: 206.835 − 1.015 × words/sentences − 84.6 × syllables/words. Each bullet,
/// heading and paragraph ends a sentence, as do ".", "!", "?" and ":" or ";" followed by a space.
fn flesch(text: &str) -> f64 {
    let mut words = 0usize;
    let mut syl = 0usize;
    let mut sentences = 0usize;
    for block in markup::blocks(text) {
        let t = block.text();
        let mut in_sentence = false;
        for token in t.split_whitespace() {
            let letters = token.chars().filter(|c| c.is_alphabetic()).count();
            if letters > 0 {
                words += 1;
                syl += syllables(token);
                in_sentence = true;
            } else if token.chars().any(|c| c.is_ascii_digit()) {
                // Numbers are read as words of about two syllables ("sixteen", "2024").
                words += 1;
                syl += 2;
                in_sentence = true;
            }
            if in_sentence && (token.ends_with(['.', '!', '?', ':', ';'])) {
                sentences += 1;
                in_sentence = false;
            }
        }
        if in_sentence {
            sentences += 1;
        }
    }
    if words == 0 || sentences == 0 {
        return 0.0;
    }
    206.835 - 1.015 * (words as f64 / sentences as f64) - 84.6 * (syl as f64 / words as f64)
}

#[test]
fn syllable_counter_agrees_with_a_dictionary_on_common_words() {
    let cases = [
        ("the", 1),
        ("patient", 2),
        ("therapy", 3),
        ("table", 2),
        ("cleaned", 1),
        ("wanted", 2),
        ("occupational", 5),
        ("assistant", 3),
        ("make", 1),
        ("every", 2),
        ("uses", 2),
        ("helps", 1),
        ("education", 4),
    ];
    let wrong: Vec<_> = cases
        .iter()
        .filter(|(w, n)| syllables(w) != *n)
        .map(|(w, n)| format!("{w}: {} (want {n})", syllables(w)))
        .collect();
    // A rule-based counter is never perfect; it must get nearly all of these.
    assert!(wrong.len() <= 1, "{wrong:?}");
}

#[test]
fn flesch_scores_plain_text_high_and_dense_text_low() {
    let plain =
        "The aide cleans the mats. Then she sets up the gym. She helps the next patient in.";
    let dense = "Occupational therapy assistants implement individualized interventions \
                 facilitating functional independence, necessitating comprehensive documentation.";
    assert!(flesch(plain) > 80.0, "{}", flesch(plain));
    assert!(flesch(dense) < 10.0, "{}", flesch(dense));
}

/// Every guide section reads at about grade 8 or easier (Flesch reading ease 60 or more).
#[test]
fn every_guide_section_reads_at_flesch_60_or_more() {
    let lib = Library::builtin();
    let mut scores: Vec<(f64, String)> = Vec::new();
    for r in &lib.roles {
        for s in GuideSection::ALL {
            scores.push((flesch(r.section(s)), format!("{} {}", r.id, s.field())));
        }
    }
    scores.sort_by(|a, b| a.0.total_cmp(&b.0));
    let failing: Vec<_> = scores.iter().filter(|(s, _)| *s < 60.0).collect();
    let worst: Vec<String> = scores
        .iter()
        .take(8)
        .map(|(s, p)| format!("{p}: {s:.1}"))
        .collect();
    assert!(
        failing.is_empty(),
        "{} sections under Flesch 60; the hardest:\n{}",
        failing.len(),
        worst.join("\n")
    );
    for r in &lib.roles {
        let min = GuideSection::ALL
            .iter()
            .map(|s| flesch(r.section(*s)))
            .fold(f64::MAX, f64::min);
        println!("{}: lowest section Flesch {min:.1}", r.id);
    }
}

// ----- Multiple choice and references -----

#[test]
fn multiple_choice_cards_have_one_right_answer_among_distinct_options() {
    let lib = Library::builtin();
    let mut bad = Vec::new();
    for f in &lib.facts {
        let Some(correct) = &f.correct else {
            assert!(
                f.distractors.is_empty(),
                "{}: distractors without `correct`",
                f.id
            );
            continue;
        };
        let mut options: Vec<String> = f.distractors.iter().map(|d| norm(d)).collect();
        options.push(norm(correct));
        let distinct: HashSet<&String> = options.iter().collect();
        if distinct.len() != options.len() {
            bad.push(format!("{}: options repeat", f.id));
        }
        if f.distractors.iter().any(|d| norm(d) == norm(correct)) {
            bad.push(format!("{}: the answer is also a distractor", f.id));
        }
        if f.distractors.len() < 2 {
            bad.push(format!("{}: fewer than two wrong options", f.id));
        }
        if options.iter().any(String::is_empty) {
            bad.push(format!("{}: an empty option", f.id));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

fn norm(s: &str) -> String {
    s.trim()
        .trim_end_matches('.')
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn every_role_a_question_or_fact_names_exists() {
    let lib = Library::builtin();
    let roles: HashSet<&str> = lib.roles.iter().map(|r| r.id.as_str()).collect();
    let mut bad = Vec::new();
    for q in &lib.questions {
        for r in &q.roles {
            if !roles.contains(r.as_str()) {
                bad.push(format!("{} names role {r}", q.id));
            }
        }
    }
    for f in &lib.facts {
        for r in &f.roles {
            if !roles.contains(r.as_str()) {
                bad.push(format!("{} names role {r}", f.id));
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

// ----- The facts the audit corrected stay corrected -----

fn all_text(lib: &Library) -> String {
    user_visible_text(lib)
        .into_iter()
        .map(|(_, t)| t)
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_npte_pta_format_is_the_2024_one() {
    let lib = Library::builtin();
    let text = all_text(&lib);
    assert!(
        text.contains("180"),
        "the NPTE-PTA has 180 questions since 2024"
    );
    let card = lib
        .facts
        .iter()
        .find(|f| f.id.as_str() == "f-exam-npte-pta-format")
        .expect("the NPTE-PTA format card");
    let correct = card.correct.as_deref().unwrap_or_default();
    assert!(correct.contains("180"), "{correct}");
    assert!(card.back.contains("180"), "{}", card.back);
    assert!(
        card.distractors.iter().any(|d| d.contains("200")),
        "the old 200-question format is a wrong option now"
    );
    for f in &lib.facts {
        assert!(
            !f.back.contains("50 of the 200") && !f.back.contains("200 questions over"),
            "{} still teaches the pre-2024 format",
            f.id
        );
    }
}

#[test]
fn ota_regulation_is_every_state_and_zippia_is_never_a_blend() {
    let lib = Library::builtin();
    let text = all_text(&lib).to_lowercase();
    for stale in [
        "nearly all states",
        "nearly every state",
        "almost every state",
        "blends aides and assistants",
        "31-34",
        "31–34",
    ] {
        assert!(!text.contains(stale), "content still says {stale:?}");
    }
}

#[test]
fn prom_card_has_one_defensible_answer() {
    let lib = Library::builtin();
    let card = lib
        .facts
        .iter()
        .find(|f| f.id.as_str() == "f-term-rom")
        .expect("PROM card");
    assert!(
        card.distractors
            .iter()
            .all(|d| !d.to_lowercase().contains("patient-reported")),
        "{:?}",
        card.distractors
    );
}

#[test]
fn pay_uses_one_bls_release_for_all_four_roles() {
    let lib = Library::builtin();
    for r in &lib.roles {
        let median = r
            .figure
            .iter()
            .find(|f| f.label.starts_with("Median annual pay"))
            .unwrap_or_else(|| panic!("{} has no median pay figure", r.id));
        assert_eq!(median.as_of, "May 2024", "{}", r.id);
        assert!(median.source.contains("BLS"), "{}: {}", r.id, median.source);
        assert!(!median.check, "{}: BLS pay is not a weak source", r.id);
    }
}

#[test]
fn the_gaps_the_audit_found_are_covered() {
    let lib = Library::builtin();
    for id in [
        "q-why-leave-nursing",
        "q-rehab-aide-vs-cna-day",
        "q-aide-to-assistant-plans",
        "q-therapist-asks-skilled-task",
        "q-suspected-abuse",
        "q-isolation-precautions",
        "q-explained-a-task-story",
        "q-admin-miscommunication-story",
        "q-empathy-changed-outcome",
        "q-home-health-alone",
        "q-school-based-setting",
    ] {
        let q = lib
            .questions
            .iter()
            .find(|q| q.id.as_str() == id)
            .unwrap_or_else(|| panic!("missing {id}"));
        // Every STAR question's outline walks through Situation, Task, Action and Result.
        if q.behavioural {
            let outline = q.outline.join(" ");
            for part in ["Situation", "Task", "Action", "Result"] {
                assert!(outline.contains(part), "{id} lacks {part}");
            }
        }
    }
    let pt_aide = lib
        .roles
        .iter()
        .find(|r| r.id.as_str() == "pt-aide")
        .unwrap();
    assert!(pt_aide.asks.iter().any(|a| a.as_str() == "ask-caseload"));
    // Aides carry no caseload (they do not treat on their own): asking about one would suggest
    // the applicant misreads the job.
    for id in ["pt-aide", "ot-aide"] {
        let r = lib.roles.iter().find(|r| r.id.as_str() == id).unwrap();
        for ask in &r.asks {
            let text = &lib.asks.iter().find(|a| a.id == *ask).unwrap().text;
            assert!(!text.to_lowercase().contains("caseload"), "{id}: {text}");
        }
    }
    for id in ["pt-aide", "ot-aide"] {
        let r = lib.roles.iter().find(|r| r.id.as_str() == id).unwrap();
        assert!(
            r.career.contains("CNA"),
            "{id}: the CNA path is in the career section"
        );
    }
}

/// The role-fit questions and the coaching notes read at about grade 8 or easier too: each question
/// with its options and reasons, each note and each role's facts, taken as one text.
#[test]
fn fit_and_coaching_text_reads_at_flesch_60_or_more() {
    let lib = Library::builtin();
    let mut texts: Vec<(String, String)> = Vec::new();
    for q in &lib.fit {
        let mut t = format!("{} {}", q.ask, q.help);
        for o in &q.options {
            t.push(' ');
            t.push_str(&o.text);
            for r in &o.reasons {
                t.push(' ');
                t.push_str(&r.text);
            }
        }
        texts.push((q.id.to_string(), t));
    }
    for c in lib.coaching.iter().filter(|c| !c.note.is_empty()) {
        texts.push((c.id.to_string(), c.note.clone()));
    }
    for r in &lib.fit_roles {
        let t: Vec<&str> = r.facts.iter().map(|f| f.text.as_str()).collect();
        texts.push((format!("fit_role {}", r.role), t.join(" ")));
    }
    let failing: Vec<String> = texts
        .iter()
        .map(|(p, t)| (p, flesch(t)))
        .filter(|(_, s)| *s < 60.0)
        .map(|(p, s)| format!("{p}: {s:.1}"))
        .collect();
    assert!(failing.is_empty(), "{}", failing.join("\n"));
}

/// What a user test as a new OTA graduate (school job) and as a CNA (PT aide job) found missing
/// stays covered: a mistake story, a busy-day question found by "busy", questions of its own for
/// each setting but outpatient, school words in the glossary, and fieldwork for new graduates.
#[test]
fn the_user_test_gaps_stay_covered() {
    let lib = Library::builtin();
    let q = |id: &str| {
        lib.questions
            .iter()
            .find(|q| q.id.as_str() == id)
            .unwrap_or_else(|| panic!("missing {id}"))
    };
    let mistake = q("q-mistake-owned");
    assert!(mistake.roles.is_empty() && mistake.behavioural);
    assert!(mistake.text.to_lowercase().contains("mistake"));
    let outline = mistake.outline.join(" ");
    for part in ["Situation", "Task", "Action", "Result"] {
        assert!(outline.contains(part), "q-mistake-owned lacks {part}");
    }
    assert!(
        lib.questions.iter().any(|q| q.roles.is_empty()
            && q.text.contains("busy")
            && q.text.contains("too many tasks")),
        "the too-many-tasks story is found by typing \"busy\""
    );
    for setting in [
        "school",
        "hospital",
        "skilled-nursing",
        "home-health",
        "pediatrics",
    ] {
        assert!(
            lib.coaching
                .iter()
                .any(|c| c.setting.as_deref() == Some(setting) && !c.questions.is_empty()),
            "{setting} brings no questions of its own"
        );
    }
    // A question listed for one setting is hidden from people in every other setting, so only
    // questions that name that setting belong there, never one of the shared staples.
    for c in &lib.coaching {
        let words: &[&str] = match c.setting.as_deref() {
            None => continue,
            Some("school") => &["school", "teacher", "classroom", "iep"],
            Some("hospital") => &["hospital"],
            Some("skilled-nursing") => &["nursing home"],
            Some("home-health") => &["home health"],
            Some("pediatrics") => &["child"],
            Some("outpatient") => &["outpatient"],
            Some(other) => panic!("{}: a setting this test does not know: {other}", c.id),
        };
        for id in &c.questions {
            let text = q(id.as_str()).text.to_lowercase();
            assert!(
                words.iter().any(|w| text.contains(w)),
                "{} lists {id}, which does not name the setting",
                c.id
            );
        }
    }
    for term in ["IEP", "504 plan", "FERPA"] {
        assert!(
            lib.terms.iter().any(|t| t.term.starts_with(term)),
            "no glossary entry for {term}"
        );
    }
    for id in ["q-little-experience", "q-tell-me-about-yourself"] {
        assert!(
            q(id).outline.join(" ").contains("fieldwork"),
            "{id} leaves out fieldwork"
        );
    }
    // The words the testers searched for find something.
    for word in [
        "504",
        "FERPA",
        "IEP",
        "sensory",
        "mistake",
        "busy",
        "fieldwork",
    ] {
        assert!(
            !clinicprep::domain::content::search::search(&lib, word, 10).is_empty(),
            "searching {word:?} finds nothing"
        );
    }
}

/// The NBCOT exam's format comes from test-prep pages, not from NBCOT: the guide's figures say so
/// and carry the caveat, and the matching cards cite the same page.
#[test]
fn nbcot_exam_figures_cite_what_they_come_from() {
    let lib = Library::builtin();
    let ota = lib.roles.iter().find(|r| r.id.as_str() == "ota").unwrap();
    let figures: Vec<_> = ota
        .figure
        .iter()
        .filter(|f| f.label.starts_with("NBCOT COTA exam"))
        .collect();
    assert_eq!(figures.len(), 2);
    for f in &figures {
        assert!(f.check, "{}: a test-prep page is a weaker source", f.label);
        assert!(f.source.contains("exam2jobs.com"), "{}", f.source);
        assert!(!f.source.starts_with("NBCOT"), "{}", f.source);
    }
    for id in ["f-exam-nbcot-format", "f-exam-nbcot-pass"] {
        let card = lib.facts.iter().find(|f| f.id.as_str() == id).unwrap();
        assert!(
            card.source.contains("exam2jobs.com"),
            "{id}: {}",
            card.source
        );
        assert!(card.back.contains("nbcot.org"), "{id}: {}", card.back);
    }
}

use super::*;
use crate::domain::content::Library;

fn q(id: &str, category: Category, behavioural: bool, roles: &[&str]) -> Question {
    Question {
        id: Id::new(id),
        text: format!("Question {id}?"),
        roles: roles.iter().map(|r| Id::new(*r)).collect(),
        category,
        competencies: vec![],
        looking_for: "x".into(),
        outline: vec!["x".into()],
        pitfalls: vec!["x".into()],
        pitfall_words: vec![],
        behavioural,
        kind: None,
        source: None,
    }
}

/// Ten teamwork questions, t0..t9, all behavioural, for any role.
fn ten_teamwork() -> Vec<Question> {
    (0..10)
        .map(|i| q(&format!("t{i}"), Category::Teamwork, true, &[]))
        .collect()
}

/// A round with nothing meant for the user's situation in particular.
fn pick_round<'q>(
    questions: impl IntoIterator<Item = &'q Question>,
    role: Option<&Id>,
    length: usize,
    recall: &BTreeMap<Id, f64>,
    linked: &HashSet<Id>,
    seed: u64,
) -> Vec<Pick> {
    select_round(
        questions,
        role,
        length,
        recall,
        linked,
        &HashSet::new(),
        seed,
    )
}

fn ids(picks: &[Pick]) -> Vec<&str> {
    picks.iter().map(|p| p.id.as_str()).collect()
}

#[test]
fn same_seed_same_round_and_seeds_vary_rounds() {
    let lib = Library::builtin();
    let none = BTreeMap::new();
    let linked = HashSet::new();
    let a = pick_round(&lib.questions, None, 5, &none, &linked, 42);
    let b = pick_round(&lib.questions, None, 5, &none, &linked, 42);
    assert_eq!(a, b);
    let distinct: HashSet<Vec<Id>> = (0..20)
        .map(|s| pick_round(&lib.questions, None, 5, &none, &linked, s))
        .map(|p| p.into_iter().map(|p| p.id).collect())
        .collect();
    assert!(
        distinct.len() > 10,
        "only {} different rounds",
        distinct.len()
    );
}

#[test]
fn a_round_of_five_covers_five_categories_and_suits_the_role() {
    let lib = Library::builtin();
    let role = Id::new("pta");
    for seed in 0..50 {
        let picks = pick_round(
            &lib.questions,
            Some(&role),
            5,
            &BTreeMap::new(),
            &HashSet::new(),
            seed,
        );
        assert_eq!(picks.len(), 5);
        let cats: HashSet<Category> = picks
            .iter()
            .map(|p| lib.question(&p.id).unwrap().category)
            .collect();
        assert_eq!(cats.len(), 5, "seed {seed}: {:?}", ids(&picks));
        for p in &picks {
            let question = lib.question(&p.id).unwrap();
            assert!(
                question.roles.is_empty() || question.roles.contains(&role),
                "{}",
                p.id
            );
        }
    }
}

#[test]
fn categories_repeat_only_after_every_open_one_had_a_turn() {
    let mut qs = ten_teamwork();
    qs.push(q("s0", Category::Safety, false, &[]));
    qs.push(q("s1", Category::Safety, false, &[]));
    for seed in 0..30 {
        let picks = pick_round(&qs, None, 4, &BTreeMap::new(), &HashSet::new(), seed);
        let first_two: HashSet<char> = picks[..2]
            .iter()
            .map(|p| p.id.as_str().as_bytes()[0] as char)
            .collect();
        assert_eq!(first_two.len(), 2, "seed {seed}: {:?}", ids(&picks));
    }
}

#[test]
fn length_is_capped_by_the_questions_there_are_and_never_repeats() {
    let qs = ten_teamwork();
    let picks = pick_round(&qs, None, 50, &BTreeMap::new(), &HashSet::new(), 7);
    assert_eq!(picks.len(), 10);
    let unique: HashSet<&str> = ids(&picks).into_iter().collect();
    assert_eq!(unique.len(), 10);
    assert!(pick_round(&qs, None, 0, &BTreeMap::new(), &HashSet::new(), 7).is_empty());
    assert!(pick_round(&[], None, 5, &BTreeMap::new(), &HashSet::new(), 7).is_empty());
}

#[test]
fn role_filter_keeps_shared_questions_and_drops_other_roles() {
    let qs = vec![
        q("any", Category::Teamwork, false, &[]),
        q("pta-only", Category::Safety, false, &["pta"]),
        q("ota-only", Category::Safety, false, &["ota"]),
    ];
    let role = Id::new("pta");
    let picks = pick_round(&qs, Some(&role), 5, &BTreeMap::new(), &HashSet::new(), 1);
    let mut got = ids(&picks);
    got.sort();
    assert_eq!(got, ["any", "pta-only"]);
}

/// How often `target` is the single pick over 1000 seeds.
fn single_pick_rate(
    qs: &[Question],
    recall: &BTreeMap<Id, f64>,
    linked: &HashSet<Id>,
    target: &str,
) -> usize {
    (0..1000)
        .filter(|s| pick_round(qs, None, 1, recall, linked, *s)[0].id.as_str() == target)
        .count()
}

#[test]
fn weak_questions_are_favoured_and_flagged() {
    let qs = ten_teamwork();
    let linked: HashSet<Id> = qs.iter().map(|q| q.id.clone()).collect();
    let mut recall: BTreeMap<Id, f64> = qs.iter().map(|q| (q.id.clone(), 0.95)).collect();
    recall.insert(Id::new("t3"), 0.1);
    // Weight 4.6 against nine of 1.2: expected about 30%, against 10% if drawn evenly.
    let hits = single_pick_rate(&qs, &recall, &linked, "t3");
    assert!((220..400).contains(&hits), "t3 drawn {hits} times in 1000");
    let pick = pick_round(&qs, None, 10, &recall, &linked, 3);
    let t3 = pick.iter().find(|p| p.id.as_str() == "t3").unwrap();
    assert!(t3.weak && !t3.no_story);
    assert!(pick.iter().filter(|p| p.weak).count() == 1);
}

#[test]
fn behavioural_questions_without_a_story_are_favoured() {
    let qs = ten_teamwork();
    let mut linked: HashSet<Id> = qs.iter().map(|q| q.id.clone()).collect();
    linked.remove(&Id::new("t7"));
    // Weight 6 against nine of 3: expected 18%.
    let hits = single_pick_rate(&qs, &BTreeMap::new(), &linked, "t7");
    assert!((130..250).contains(&hits), "t7 drawn {hits} times in 1000");
}

#[test]
fn weight_rule_matches_its_documentation() {
    let beh = q("b", Category::Teamwork, true, &[]);
    let plain = q("p", Category::RoleKnowledge, false, &[]);
    let none = HashSet::new();
    let linked: HashSet<Id> = [Id::new("b")].into();
    assert_eq!(weight(&plain, Some(1.0), &none), 1.0);
    assert_eq!(weight(&plain, Some(0.0), &none), 5.0);
    assert_eq!(weight(&plain, None, &none), 3.0);
    assert_eq!(weight(&plain, Some(f64::NAN), &none), 3.0);
    assert_eq!(weight(&plain, Some(7.0), &none), 1.0, "recall is clamped");
    assert_eq!(weight(&beh, None, &none), 6.0);
    assert_eq!(weight(&beh, None, &linked), 3.0);
}

/// A round minutes after the last: a question rated Again there must come back before one rated
/// Good, and before one never practised; judged at the moment of the grades, all three looked
/// alike (a card just graded is recalled for certain).
#[test]
fn right_after_a_round_the_question_rated_again_weighs_most_and_the_good_one_least() {
    use crate::domain::schedule::{Grade, ReviewStore, StoreOptions, recall_at};
    let dir = tempfile::tempdir().unwrap();
    let graded = chrono::DateTime::from_timestamp(1_795_424_400, 0).unwrap();
    let now = graded + chrono::TimeDelta::minutes(10);
    let (mut store, _) = ReviewStore::open(dir.path(), &StoreOptions::default(), graded).unwrap();
    let again = store.grade(&Id::new("t0"), Grade::Again, graded).unwrap();
    let good = store.grade(&Id::new("t1"), Grade::Good, graded).unwrap();
    let question = q("t0", Category::Teamwork, false, &[]);
    let linked = HashSet::new();
    let w = |r: Option<f64>| weight(&question, r, &linked);
    let (a_now, g_now) = (recall_at(&again, now), recall_at(&good, now));
    assert!(
        (w(Some(a_now)) - w(Some(g_now))).abs() < 0.5,
        "judged now they look alike"
    );
    // No interview ahead: a week out; an interview in ten days: that day.
    for interview in [
        now - chrono::TimeDelta::days(1),
        now + chrono::TimeDelta::days(10),
    ] {
        let at = recall_judged_at(interview, now);
        assert!(at > now);
        let (a, g) = (recall_at(&again, at), recall_at(&good, at));
        assert!(
            w(Some(a)) > w(None) && w(None) > w(Some(g)),
            "Again {} > never practised {} > Good {}",
            w(Some(a)),
            w(None),
            w(Some(g))
        );
    }
    assert_eq!(
        recall_judged_at(now - chrono::TimeDelta::days(1), now),
        now + WEAK_HORIZON
    );
}

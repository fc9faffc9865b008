use super::*;
use crate::domain::content::search;
use crate::domain::study::Deck;

fn lib() -> Library {
    Library::builtin()
}

fn profile(roles: &[&str], background: Option<Background>, setting: Option<Setting>) -> Profile {
    Profile {
        roles: roles.iter().map(|r| Id::new(*r)).collect(),
        background,
        setting,
        ..Profile::default()
    }
}

#[test]
fn no_profile_is_everything_as_before() {
    let lib = lib();
    let cat = Catalogue::from_library(&lib);
    let f = Focus::new(&Profile::default(), &lib);
    let all = cat.select(&Deck::All, &Filter::default());
    let mut mine = f.select(&cat, &Filter::default());
    mine.sort();
    let mut want = all.clone();
    want.sort();
    assert_eq!(mine, want, "with no profile My interview is every card");
    assert_eq!(f.label(&lib), "All roles");
    assert_eq!(f.asks(&lib).len(), lib.asks.len());
    assert_eq!(f.first_role_index(&lib), None);
}

#[test]
fn a_pt_aide_gets_their_cards_and_general_ones_not_other_roles_exam_facts() {
    let lib = lib();
    let cat = Catalogue::from_library(&lib);
    let f = Focus::new(
        &profile(
            &["pt-aide"],
            Some(Background::CnaCaregiver),
            Some(Setting::Outpatient),
        ),
        &lib,
    );
    let mine: HashSet<Id> = f.select(&cat, &Filter::default()).into_iter().collect();
    let pt = Id::new("pt-aide");
    // Questions coaching lists for another setting (hospital, nursing home, …) are left out, even
    // those written for every role.
    let other_setting: HashSet<&Id> = lib
        .coaching
        .iter()
        .filter(|c| c.setting.as_deref().is_some_and(|s| s != "outpatient"))
        .flat_map(|c| c.questions.iter())
        .collect();
    assert!(!other_setting.is_empty());
    // So are those listed for another background only (a home care aide's, a new graduate's).
    let mine_by_background: HashSet<&Id> = lib
        .coaching
        .iter()
        .filter(|c| c.background.as_deref() == Some("cna-caregiver"))
        .flat_map(|c| c.questions.iter())
        .collect();
    let other_background: HashSet<&Id> = lib
        .coaching
        .iter()
        .filter(|c| {
            c.background
                .as_deref()
                .is_some_and(|b| b != "cna-caregiver")
        })
        .flat_map(|c| c.questions.iter())
        .filter(|id| !mine_by_background.contains(id))
        .collect();
    for c in &cat.cards {
        let for_me = (c.roles.is_empty() || c.roles.contains(&pt))
            && !other_setting.contains(&c.id)
            && !other_background.contains(&c.id);
        assert_eq!(mine.contains(&c.id), for_me, "{} {:?}", c.id, c.roles);
    }
    let ota_only = lib
        .facts
        .iter()
        .filter(|f| f.roles == [Id::new("ota")])
        .count();
    assert!(ota_only > 0);
    assert!(mine.len() < cat.cards.len() - ota_only);
    assert_eq!(f.label(&lib), "PT aide");
    assert_eq!(f.first_role_index(&lib), Some(0));
    // The CNA questions come first for a CNA.
    let order = f.select(&cat, &Filter::default());
    assert_eq!(order[0], Id::new("q-why-leave-nursing"));
    assert!(f.is_meant_for_me(&Id::new("q-cna-habit-doing-for")));
    // The outpatient ask leads the list, then the coaching's, then the role's own.
    let asks: Vec<&str> = f.asks(&lib).iter().map(|a| a.id.as_str()).collect();
    assert_eq!(asks[0], "ask-delegation", "{asks:?}");
    assert!(asks.contains(&"ask-outpatient-pace"));
    assert!(!asks.contains(&"ask-school-team"));
    assert!(!asks.contains(&"ask-new-grad"), "not a PT aide ask");
    let notes = f.guide_notes(&lib, &pt);
    assert_eq!(notes.len(), 1);
    assert!(notes[0].note.contains("restorative aide"));
    assert!(f.guide_notes(&lib, &Id::new("ota")).is_empty());
}

#[test]
fn questions_meant_for_another_background_are_left_out() {
    let lib = lib();
    let cat = Catalogue::from_library(&lib);
    let cna = Id::new("q-why-leave-nursing");
    let student = Focus::new(
        &profile(&["pt-aide"], Some(Background::Student), None),
        &lib,
    );
    let unknown = Focus::new(&profile(&["pt-aide"], None, None), &lib);
    let holds = |f: &Focus| f.select(&cat, &Filter::default()).contains(&cna);
    assert!(
        !holds(&student),
        "a student is not asked why they leave nursing"
    );
    assert!(holds(&unknown), "an unknown background hides nothing");
    assert!(!unknown.is_meant_for_me(&cna));
    let new_grad = Id::new("q-new-grad-pta-license-timeline");
    let pta_grad = Focus::new(
        &profile(&["pta"], Some(Background::NewGraduate), None),
        &lib,
    );
    let pta_aide = Focus::new(
        &profile(&["pta"], Some(Background::AideMovingUp), None),
        &lib,
    );
    assert!(pta_grad.select(&cat, &Filter::default())[..2].contains(&new_grad));
    assert!(
        !pta_aide
            .select(&cat, &Filter::default())
            .contains(&new_grad)
    );
    assert!(
        pta_aide
            .select(&cat, &Filter::default())
            .first()
            .is_some_and(|id| id.as_str() == "q-aide-to-assistant-role-change")
    );
}

/// A user walk: a home health aide could only pick "CNA or caregiver" and was asked "You have
/// worked as a CNA. Why leave nursing care?". A home care aide gets their own questions first and
/// no CNA ones; a CNA keeps theirs.
#[test]
fn a_home_care_aide_is_asked_about_home_care_not_nursing() {
    let lib = lib();
    let cat = Catalogue::from_library(&lib);
    let mine = |b: Background, role: &str| {
        Focus::new(&profile(&[role], Some(b), None), &lib).select(&cat, &Filter::default())
    };
    for role in ["pt-aide", "ot-aide"] {
        let home = mine(Background::HomeCareAide, role);
        let cna = mine(Background::CnaCaregiver, role);
        for id in ["q-why-leave-home-care", "q-home-care-to-clinic-day"] {
            assert!(
                home[..3].contains(&Id::new(id)),
                "{role} {id}: {:?}",
                &home[..3]
            );
            assert!(!cna.contains(&Id::new(id)), "{role} {id}");
        }
        for id in ["q-why-leave-nursing", "q-rehab-aide-vs-cna-day"] {
            assert!(!home.contains(&Id::new(id)), "{role} {id}");
            assert!(cna.contains(&Id::new(id)), "{role} {id}");
        }
        assert!(home.contains(&Id::new("q-cna-habit-doing-for")), "{role}");
    }
}

/// A working PTA changing jobs is asked about caseloads, notes and directing aides, not "you don't
/// have much clinic experience" or what changes now that they would give treatment; others still
/// are asked about experience.
#[test]
fn a_working_assistant_is_not_asked_what_a_newcomer_is() {
    let lib = lib();
    let cat = Catalogue::from_library(&lib);
    let mine = |roles: &[&str], b: Option<Background>| {
        Focus::new(&profile(roles, b, None), &lib).select(&cat, &Filter::default())
    };
    let working = mine(&["pta"], Some(Background::WorkingAssistant));
    // A school OTA user walk, licensed three years, still drew exam-day facts.
    for id in [
        "q-little-experience",
        "q-aide-to-assistant-role-change",
        "q-new-grad-pta-license-timeline",
        "f-exam-which-exam",
        "f-exam-scaled-scores",
        "f-exam-before-sitting",
    ] {
        assert!(!working.contains(&Id::new(id)), "{id}");
    }
    for id in [
        "q-working-what-you-bring",
        "q-working-notes-on-time",
        "q-working-directing-aides",
    ] {
        assert!(
            working[..3].contains(&Id::new(id)),
            "{id} first: {:?}",
            &working[..3]
        );
    }
    assert!(
        working.contains(&Id::new("q-why-leaving")),
        "everyone is asked why they leave"
    );
    // The deck list's count (held, from role bits) is the same cards the study session takes.
    let f = Focus::new(
        &profile(&["pta"], Some(Background::WorkingAssistant), None),
        &lib,
    );
    let holds: Vec<bool> = cat.cards.iter().map(|c| f.holds(c)).collect();
    assert_eq!(f.held(&cat), holds);
    // Nor drilled on the licensing exam, nor offered to ask how new graduates settle in.
    assert!(!working.contains(&Id::new("f-exam-npte-pta-format")));
    assert!(!f.asks(&lib).iter().any(|a| a.id.as_str() == "ask-new-grad"));
    let grad = Focus::new(
        &profile(&["pta"], Some(Background::NewGraduate), None),
        &lib,
    );
    assert!(
        mine(&["pta"], Some(Background::NewGraduate)).contains(&Id::new("f-exam-npte-pta-format"))
    );
    assert!(
        grad.asks(&lib)
            .iter()
            .any(|a| a.id.as_str() == "ask-new-grad")
    );
    for b in [Some(Background::CnaCaregiver), None] {
        let other = mine(&["pta"], b);
        assert!(other.contains(&Id::new("q-little-experience")), "{b:?}");
        assert!(
            !other[..3].contains(&Id::new("q-working-notes-on-time")),
            "{b:?}"
        );
    }
}

#[test]
fn library_ids_are_the_same_cards_as_the_deck() {
    let lib = lib();
    let cat = Catalogue::from_library(&lib);
    for p in [
        Profile::default(),
        profile(&["pt-aide"], Some(Background::CnaCaregiver), None),
        profile(
            &["pta", "ota"],
            Some(Background::Student),
            Some(Setting::School),
        ),
    ] {
        let f = Focus::new(&p, &lib);
        let mut a = f.library_ids(&lib);
        let mut b = f.select(&cat, &Filter::default());
        a.sort();
        b.sort();
        assert_eq!(a, b, "{p:?}");
    }
}

/// Read from the role bits or card by card, the same cards are held: for every kind of
/// profile, over the built-in cards and a deck whose cards name roles (one a role that does
/// not exist).
#[test]
fn held_from_the_role_bits_is_each_card_held() {
    let deck = "[[card]]\nid = \"mine-1\"\ndeck = \"Mine\"\nfront = \"F\"\nback = \"B\"\n\
                roles = [\"pta\"]\n\n[[card]]\nid = \"mine-2\"\ndeck = \"Mine\"\n\
                front = \"F\"\nback = \"B\"\nroles = [\"astronaut\"]\n\n[[card]]\n\
                id = \"mine-3\"\ndeck = \"Mine\"\nfront = \"F\"\nback = \"B\"\n";
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("mine.toml"), deck).unwrap();
    for lib in [lib(), Library::load(Some(dir.path()))] {
        let cat = Catalogue::from_library(&lib);
        assert!(cat.role_bits().is_some() && cat.has_unique_ids());
        let mut kept_out = 0;
        for p in [
            Profile::default(),
            profile(&["pt-aide"], Some(Background::CnaCaregiver), None),
            profile(&["pta"], Some(Background::Student), Some(Setting::School)),
            profile(&["pta", "ota"], None, Some(Setting::Hospital)),
            profile(&["astronaut"], Some(Background::CnaCaregiver), None),
        ] {
            let f = Focus::new(&p, &lib);
            let want: Vec<bool> = cat.cards.iter().map(|c| f.holds(c)).collect();
            assert_eq!(f.held(&cat), want, "{p:?}");
            kept_out += want.iter().filter(|h| !**h).count();
        }
        assert!(kept_out > 0, "some profile holds fewer than every card");
    }
}

#[test]
fn two_roles_and_unknown_role_ids() {
    let lib = lib();
    let f = Focus::new(&profile(&["pta", "ota", "astronaut"], None, None), &lib);
    assert_eq!(f.roles(), [Id::new("pta"), Id::new("ota")]);
    assert_eq!(f.label(&lib), "PTA + OTA");
    assert!(f.has_role(&Id::new("ota")) && !f.has_role(&Id::new("pt-aide")));
    let only_typo = Focus::new(&profile(&["astronaut"], None, None), &lib);
    assert!(only_typo.is_every_role(), "a typo never hides everything");
}

#[test]
fn search_ranks_the_role_in_focus_first() {
    let lib = lib();
    let f = Focus::new(&profile(&["ota"], None, None), &lib);
    let hits = search::search(&lib, "exam", 200);
    let ranked = f.rank_hits(&lib, hits.clone());
    assert_eq!(ranked.len(), hits.len());
    let first_other = ranked.iter().position(|h| !f.hit_in_focus(&lib, h));
    let last_mine = ranked.iter().rposition(|h| f.hit_in_focus(&lib, h));
    if let (Some(o), Some(m)) = (first_other, last_mine) {
        assert!(m < o, "every hit in focus comes before the others");
    }
    assert!(
        first_other.is_some(),
        "PTA exam hits are still found, later"
    );
    assert_eq!(Focus::everything().rank_hits(&lib, hits.clone()), hits);
}

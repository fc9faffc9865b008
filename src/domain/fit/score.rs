//! Scoring the role-fit questionnaire: the four roles ranked, each with the reasons the answers give
//! and the facts shown whatever the answers, all backed by the role guides.
//!
//! The rule: a role's score is the sum of the points the chosen answers give it. Roles rank by score,
//! highest first; a tie goes to the role with fewer points against it (the sum of its negative
//! points, nearer zero first), then to the guides' order (PT aide, PTA, OT aide, OTA). Answers to
//! questions or options the content no longer has are ignored.

use crate::domain::content::prep_model::section;
use crate::domain::content::{
    Backed, Figure, FitOption, FitQuestion, GuideSection, Id, Library, Role,
};
use std::collections::BTreeMap;

/// The chosen option id for each answered question id.
pub type Answers = BTreeMap<Id, Id>;

/// A reason or fact, resolved against the role guide it points at.
#[derive(Debug, Clone)]
pub struct Shown<'a> {
    pub text: &'a str,
    /// The figure that backs it, with its value, source and date.
    pub figure: Option<&'a Figure>,
    /// Else the guide section it comes from.
    pub section: Option<GuideSection>,
    /// The rule behind it differs from state to state.
    pub varies_by_state: bool,
}

impl<'a> Shown<'a> {
    fn resolve(
        text: &'a str,
        figure: Option<&str>,
        sec: Option<&str>,
        state: bool,
        role: &'a Role,
    ) -> Self {
        Shown {
            text,
            figure: figure.and_then(|label| role.figure.iter().find(|f| f.label == label)),
            section: sec.and_then(section),
            varies_by_state: state,
        }
    }

    /// Where to look it up, in words: "Median annual pay, PTAs: $65,510 (BLS ..., May 2024)" or
    /// "PT aide guide, section Duties".
    pub fn source(&self, role: &Role) -> String {
        match (self.figure, self.section) {
            (Some(f), _) => format!("{}: {} ({}, {})", f.label, f.value, f.source, f.as_of),
            (None, Some(s)) => format!("{} guide, section {}", role.short, s.title()),
            (None, None) => format!("{} guide", role.short),
        }
    }
}

/// One reason an answer gave for or against a role.
#[derive(Debug, Clone)]
pub struct Reason<'a> {
    pub question: &'a FitQuestion,
    pub option: &'a FitOption,
    /// Points this answer gave the role (negative: against it; 0: a note).
    pub points: i32,
    pub shown: Shown<'a>,
}

/// One role's place in the result.
#[derive(Debug, Clone)]
pub struct RoleFit<'a> {
    pub role: &'a Role,
    pub score: i32,
    /// The sum of the points against it (0 or less).
    pub against: i32,
    /// Reasons from the answers: for it first (most points first), then notes, then against.
    pub reasons: Vec<Reason<'a>>,
    /// Facts shown whatever the answers: training, license and exam, duties, pay, the way up.
    pub facts: Vec<Shown<'a>>,
}

impl RoleFit<'_> {
    /// True when some reason or fact depends on the state.
    pub fn varies_by_state(&self) -> bool {
        self.reasons.iter().any(|r| r.shown.varies_by_state)
            || self.facts.iter().any(|f| f.varies_by_state)
    }
}

/// The result of a questionnaire.
#[derive(Debug, Clone)]
pub struct Outcome<'a> {
    /// Every role, best fit first.
    pub ranked: Vec<RoleFit<'a>>,
    /// Questions answered with an option the content has.
    pub answered: usize,
    pub questions: usize,
}

impl<'a> Outcome<'a> {
    /// The best-fitting role, if any answer gave any role a point.
    pub fn best(&self) -> Option<&RoleFit<'a>> {
        self.ranked.first().filter(|_| self.answered > 0)
    }

    /// True when the first two roles have the same score, so the result should say it is close.
    pub fn is_close(&self) -> bool {
        matches!(self.ranked.as_slice(), [a, b, ..] if a.score == b.score)
    }
}

/// The option `answers` chose for `q`, if it still exists.
pub fn chosen<'a>(q: &'a FitQuestion, answers: &Answers) -> Option<&'a FitOption> {
    let id = answers.get(&q.id)?;
    q.options.iter().find(|o| &o.id == id)
}

/// Scores `answers` against the questionnaire in `lib` (see the module notes for the rule).
pub fn score<'a>(lib: &'a Library, answers: &Answers) -> Outcome<'a> {
    let picks: Vec<(&FitQuestion, &FitOption)> = lib
        .fit
        .iter()
        .filter_map(|q| chosen(q, answers).map(|o| (q, o)))
        .collect();
    let mut ranked: Vec<(usize, RoleFit<'a>)> = lib
        .roles
        .iter()
        .enumerate()
        .map(|(order, role)| (order, role_fit(lib, role, &picks)))
        .collect();
    ranked.sort_by(|(ao, a), (bo, b)| {
        b.score
            .cmp(&a.score)
            .then(b.against.cmp(&a.against))
            .then(ao.cmp(bo))
    });
    Outcome {
        ranked: ranked.into_iter().map(|(_, r)| r).collect(),
        answered: picks.len(),
        questions: lib.fit.len(),
    }
}

fn role_fit<'a>(
    lib: &'a Library,
    role: &'a Role,
    picks: &[(&'a FitQuestion, &'a FitOption)],
) -> RoleFit<'a> {
    let mut score = 0;
    let mut against = 0;
    let mut reasons = Vec::new();
    for (q, o) in picks {
        let points = o.points.get(&role.id).copied().unwrap_or(0);
        score += points;
        against += points.min(0);
        for r in o.reasons.iter().filter(|r| r.roles.contains(&role.id)) {
            reasons.push(Reason {
                question: q,
                option: o,
                points,
                shown: Shown::resolve(
                    &r.text,
                    r.figure.as_deref(),
                    r.section.as_deref(),
                    r.varies_by_state,
                    role,
                ),
            });
        }
    }
    // For first (most points first), then notes, then against (most against last); stable otherwise.
    reasons.sort_by_key(|r| match r.points {
        p if p > 0 => (0, -p),
        0 => (1, 0),
        p => (2, -p),
    });
    let facts = lib
        .fit_roles
        .iter()
        .filter(|f| f.role == role.id)
        .flat_map(|f| f.facts.iter())
        .map(|b: &'a Backed| {
            Shown::resolve(
                &b.text,
                b.figure.as_deref(),
                b.section.as_deref(),
                b.varies_by_state,
                role,
            )
        })
        .collect();
    RoleFit {
        role,
        score,
        against,
        reasons,
        facts,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lib() -> Library {
        Library::builtin()
    }

    fn answers(pairs: &[(&str, &str)]) -> Answers {
        pairs
            .iter()
            .map(|(q, o)| (Id::new(*q), Id::new(*o)))
            .collect()
    }

    fn order(o: &Outcome<'_>) -> Vec<String> {
        o.ranked.iter().map(|r| r.role.id.to_string()).collect()
    }

    /// A plausible person for each role puts that role first.
    #[test]
    fn each_role_can_come_first() {
        let lib = lib();
        let cases = [
            (
                "pt-aide",
                answers(&[
                    ("fit-schooling", "weeks"),
                    ("fit-hands-on", "support"),
                    ("fit-interest", "movement"),
                    ("fit-patients", "injured"),
                    ("fit-setting", "clinic"),
                    ("fit-pay", "entry"),
                    ("fit-exam", "rather-not"),
                ]),
            ),
            (
                "pta",
                answers(&[
                    ("fit-schooling", "degree"),
                    ("fit-hands-on", "treat"),
                    ("fit-interest", "movement"),
                    ("fit-pay", "more"),
                    ("fit-exam", "ready"),
                    ("fit-draw", "moving-again"),
                ]),
            ),
            (
                "ot-aide",
                answers(&[
                    ("fit-schooling", "weeks"),
                    ("fit-hands-on", "support"),
                    ("fit-interest", "daily-life"),
                    ("fit-office", "like"),
                    ("fit-exam", "rather-not"),
                ]),
            ),
            (
                "ota",
                answers(&[
                    ("fit-schooling", "degree"),
                    ("fit-hands-on", "treat"),
                    ("fit-interest", "play"),
                    ("fit-patients", "children"),
                    ("fit-setting", "schools-homes"),
                ]),
            ),
        ];
        for (want, a) in cases {
            let o = score(&lib, &a);
            assert_eq!(o.ranked[0].role.id.as_str(), want, "{:?}", order(&o));
            assert!(
                o.ranked[0].score > o.ranked[1].score,
                "{want} wins outright"
            );
            assert!(!o.ranked[0].reasons.is_empty());
            assert_eq!(o.best().map(|b| b.role.id.as_str()), Some(want));
        }
    }

    #[test]
    fn ties_go_to_fewer_points_against_then_to_guide_order() {
        let lib = lib();
        // Nothing answered: all tie at 0 with nothing against, so guide order.
        let o = score(&lib, &Answers::new());
        assert_eq!(order(&o), ["pt-aide", "pta", "ot-aide", "ota"]);
        assert!(o.best().is_none(), "no answers, no recommendation");
        assert!(o.is_close());
        // "Degree" gives PTA and OTA 3 each: a tie, broken by guide order.
        let o = score(&lib, &answers(&[("fit-schooling", "degree")]));
        assert_eq!(order(&o)[..2], ["pta", "ota"]);
        assert!(o.is_close());
        // Treat (+3 PTA/OTA, −1 aides) and later (+2 aides, +1 assistants): aides 1, assistants 4.
        // Add "more pay" (+2 assistants, −1 aides) and "daily life" (+2 OT aide, +2 OTA): OTA 8,
        // PTA 6, OT aide 2 (2 against), PT aide −1.
        let o = score(
            &lib,
            &answers(&[
                ("fit-hands-on", "treat"),
                ("fit-schooling", "later"),
                ("fit-pay", "more"),
                ("fit-interest", "daily-life"),
            ]),
        );
        let scores: Vec<(String, i32, i32)> = o
            .ranked
            .iter()
            .map(|r| (r.role.id.to_string(), r.score, r.against))
            .collect();
        assert_eq!(
            scores,
            [
                ("ota".to_string(), 8, 0),
                ("pta".to_string(), 6, 0),
                ("ot-aide".to_string(), 2, -2),
                ("pt-aide".to_string(), 0, -2),
            ]
        );
    }

    #[test]
    fn a_tie_in_score_goes_to_the_role_with_less_against_it() {
        let lib = lib();
        // "Easier on my body" (−1 each), "rather not do office work" (PT aide −1, OT aide −2) and
        // "entry-level pay is fine" (+1 each aide): PT aide −1 with −2 against, OT aide −2, PTA and
        // OTA −1 with −1 against.
        let o = score(
            &lib,
            &answers(&[
                ("fit-physical", "easier"),
                ("fit-office", "dislike"),
                ("fit-pay", "entry"),
            ]),
        );
        let top: Vec<(String, i32, i32)> = o
            .ranked
            .iter()
            .map(|r| (r.role.id.to_string(), r.score, r.against))
            .collect();
        assert_eq!(
            top,
            [
                ("pta".to_string(), -1, -1),
                ("ota".to_string(), -1, -1),
                ("pt-aide".to_string(), -1, -2),
                ("ot-aide".to_string(), -2, -3),
            ],
            "PT aide ties PTA and OTA on score but has more against it"
        );
    }

    #[test]
    fn reasons_are_sourced_and_ordered_for_then_against() {
        let lib = lib();
        let o = score(
            &lib,
            &answers(&[
                ("fit-schooling", "weeks"),
                ("fit-pay", "more"),
                ("fit-physical", "fine"),
            ]),
        );
        let pt = o
            .ranked
            .iter()
            .find(|r| r.role.id.as_str() == "pt-aide")
            .unwrap();
        let points: Vec<i32> = pt.reasons.iter().map(|r| r.points).collect();
        assert_eq!(points, [3, 0, -1]);
        for r in &pt.reasons {
            assert!(
                r.shown.figure.is_some() || r.shown.section.is_some(),
                "{r:?}"
            );
        }
        let pay = &pt.reasons[2].shown;
        let src = pay.source(pt.role);
        assert!(
            src.contains("$65,510") && src.contains("May 2024") && src.contains("bls.gov"),
            "{src}"
        );
        assert_eq!(pt.facts.len(), 5);
        assert!(
            pt.facts
                .iter()
                .all(|f| f.figure.is_some() || f.section.is_some())
        );
        let pta = o
            .ranked
            .iter()
            .find(|r| r.role.id.as_str() == "pta")
            .unwrap();
        assert!(pta.varies_by_state(), "PTA licensing depends on the state");
    }

    #[test]
    fn answers_the_content_no_longer_has_are_ignored() {
        let lib = lib();
        let o = score(
            &lib,
            &answers(&[("fit-gone", "x"), ("fit-schooling", "no-such-option")]),
        );
        assert_eq!(o.answered, 0);
        assert!(o.ranked.iter().all(|r| r.score == 0));
    }
}

//! Content for preparing for one interview: coaching by background and setting (`[[coaching]]`),
//! and the role-fit questionnaire (`[[fit]]`, with the facts shown per role in `[[fit_role]]`).
//!
//! Every reason the questionnaire gives points at a role guide: a `[[role.figure]]` by its label (shown
//! with its value, source and date) or a guide section by its field name, so a reviewer can check each
//! claim against a sourced page and change the questionnaire without touching code.

use super::model::{GuideSection, Id};
use super::problem::Problem;
use crate::domain::profile::{Background, Setting};
use crate::storage::sanitize;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};

/// Most points one answer may give or take from a role, so no single answer decides the result.
pub const MAX_POINTS: i32 = 3;

/// Coaching for people with one background, or interviewing in one setting.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Coaching {
    pub id: Id,
    /// A background, as in the profile (`cna-caregiver`, ...). Exactly one of `background` and
    /// `setting` is given.
    #[serde(default)]
    pub background: Option<String>,
    /// A setting, as in the profile (`outpatient`, ...).
    #[serde(default)]
    pub setting: Option<String>,
    /// Roles this coaching is for; empty means every role.
    #[serde(default)]
    pub roles: Vec<Id>,
    /// Questions meant for people with this background (or in this setting). For them these come
    /// first; people whose profile names another background (or setting) do not get them in
    /// "My interview". A question listed in several entries suits each of them.
    #[serde(default)]
    pub questions: Vec<Id>,
    /// Questions, fact cards and asks that do not fit people with this background (or in this
    /// setting): "You don't have much clinic experience yet" or the licensing exam's format for a
    /// working assistant, "How do you help new graduates settle in?" as their ask. Left out of
    /// their "My interview" and their questions to ask, whatever lists them.
    #[serde(default)]
    pub skip: Vec<Id>,
    /// Questions to ask the interviewer that suit this setting or background. Home lists them first,
    /// beside the asks of the user's roles; an ask no role lists shows only through coaching.
    #[serde(default)]
    pub asks: Vec<Id>,
    /// A short note shown at the top of the role guide. Empty for none.
    #[serde(default)]
    pub note: String,
    /// The guide section (field name, e.g. `career`) the note sums up, so its facts can be checked.
    #[serde(default)]
    pub section: Option<String>,
}

/// One question of the role-fit questionnaire.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FitQuestion {
    pub id: Id,
    /// The question, in plain words.
    pub ask: String,
    /// A line that helps answer it. Empty for none.
    #[serde(default)]
    pub help: String,
    #[serde(rename = "option")]
    pub options: Vec<FitOption>,
}

/// One answer to a fit question.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FitOption {
    /// Unique within its question; saved answers refer to it.
    pub id: Id,
    pub text: String,
    /// Points per role id, from −3 to 3; roles left out get 0.
    #[serde(default)]
    pub points: BTreeMap<Id, i32>,
    /// Why the answer moves each role, each backed by the role guides.
    #[serde(default, rename = "why")]
    pub reasons: Vec<FitReason>,
}

/// A reason an answer moves some roles up or down.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FitReason {
    /// The roles it is about.
    pub roles: Vec<Id>,
    pub text: String,
    /// As in [`Backed`].
    #[serde(default)]
    pub figure: Option<String>,
    #[serde(default)]
    pub section: Option<String>,
    #[serde(default)]
    pub varies_by_state: bool,
}

impl FitReason {
    /// The sentence and its backing, without the roles.
    pub fn backed(&self) -> Backed {
        Backed {
            text: self.text.clone(),
            figure: self.figure.clone(),
            section: self.section.clone(),
            varies_by_state: self.varies_by_state,
        }
    }
}

/// A sentence and where in the role guides it comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Backed {
    pub text: String,
    /// The label of one of the role's `[[role.figure]]`s; shown with its value, source and date.
    #[serde(default)]
    pub figure: Option<String>,
    /// Else the guide section it comes from, by field name (`training`, `certification`, ...).
    #[serde(default)]
    pub section: Option<String>,
    /// True when the rule behind it differs from state to state.
    #[serde(default)]
    pub varies_by_state: bool,
}

/// The facts the questionnaire's result shows for one role, whatever the answers: training, license
/// and exam, duties, pay and the way up.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FitRole {
    pub role: Id,
    #[serde(rename = "fact")]
    pub facts: Vec<Backed>,
}

pub(super) fn sanitize_coaching(items: &mut [Coaching]) {
    for c in items {
        sanitize::clean_in_place(&mut c.note);
    }
}

pub(super) fn sanitize_fit(questions: &mut [FitQuestion], roles: &mut [FitRole]) {
    let l = sanitize::clean_line_in_place;
    for q in questions {
        l(&mut q.ask);
        l(&mut q.help);
        for o in &mut q.options {
            l(&mut o.text);
            for r in &mut o.reasons {
                l(&mut r.text);
            }
        }
    }
    for r in roles {
        for f in &mut r.facts {
            l(&mut f.text);
        }
    }
}

/// What the checks need from the rest of the library.
pub(super) struct Known<'a> {
    pub roles: &'a [super::model::Role],
    pub questions: HashSet<&'a Id>,
    pub facts: HashSet<&'a Id>,
    pub asks: HashSet<&'a Id>,
}

/// Checks coaching and the questionnaire against the roles, questions and asks. `locate` finds the
/// line where an id is written. Bad references are reported; the entries stay and the bad part is
/// ignored where it is used.
pub(super) fn validate(
    coaching: &[Coaching],
    fit: &[FitQuestion],
    fit_roles: &[FitRole],
    known: &Known<'_>,
    locate: &dyn Fn(&Id, String) -> Problem,
) -> Vec<Problem> {
    let mut out = Vec::new();
    let role_ids: HashSet<&Id> = known.roles.iter().map(|r| &r.id).collect();
    let has_role = |id: &Id| role_ids.contains(id);
    for c in coaching {
        let mut say = |msg: String| out.push(locate(&c.id, format!("{}: {msg}", c.id)));
        match (&c.background, &c.setting) {
            (Some(b), None) if Background::parse(b).is_none() => say(format!(
                "background \"{b}\" is not one of {}",
                Background::ALL.map(Background::as_str).join(", ")
            )),
            (None, Some(s)) if Setting::parse(s).is_none() => say(format!(
                "setting \"{s}\" is not one of {}",
                Setting::ALL.map(Setting::as_str).join(", ")
            )),
            (Some(_), None) | (None, Some(_)) => {}
            _ => say("give exactly one of `background` and `setting`".into()),
        }
        for r in c.roles.iter().filter(|r| !has_role(r)) {
            say(format!("refers to role {r}, which does not exist"));
        }
        for q in c.questions.iter().filter(|q| !known.questions.contains(q)) {
            say(format!("refers to question {q}, which does not exist"));
        }
        let skippable = |id: &Id| {
            known.questions.contains(id) || known.facts.contains(id) || known.asks.contains(id)
        };
        for id in c.skip.iter().filter(|id| !skippable(id)) {
            say(format!("skips {id}, which is no question, fact or ask"));
        }
        for a in c.asks.iter().filter(|a| !known.asks.contains(a)) {
            say(format!("refers to ask {a}, which does not exist"));
        }
        if let Some(s) = &c.section
            && section(s).is_none()
        {
            say(bad_section(s));
        }
        if !c.note.trim().is_empty() && c.section.is_none() {
            say("a `note` needs the `section` of the guide it sums up".into());
        }
    }
    for q in fit {
        let mut say = |msg: String| out.push(locate(&q.id, format!("{}: {msg}", q.id)));
        if q.ask.trim().is_empty() {
            say("`ask` is empty".into());
        }
        if q.options.len() < 2 {
            say("a question needs at least two options".into());
        }
        let mut seen = HashSet::new();
        for o in &q.options {
            if !seen.insert(&o.id) {
                say(format!("option id {} is used twice", o.id));
            }
            if o.text.trim().is_empty() {
                say(format!("option {} has no `text`", o.id));
            }
            for (role, &p) in &o.points {
                if !has_role(role) {
                    say(format!(
                        "option {} gives points to role {role}, which does not exist",
                        o.id
                    ));
                }
                if !(-MAX_POINTS..=MAX_POINTS).contains(&p) {
                    say(format!(
                        "option {} gives {p} points to {role}; use −{MAX_POINTS} to {MAX_POINTS}",
                        o.id
                    ));
                }
            }
            for r in &o.reasons {
                if r.roles.is_empty() {
                    say(format!("a reason of option {} names no roles", o.id));
                }
                for role in &r.roles {
                    for msg in check_backed(&r.backed(), role, known) {
                        say(format!("option {}: {msg}", o.id));
                    }
                }
            }
            for (role, &p) in &o.points {
                if p != 0 && !o.reasons.iter().any(|r| r.roles.contains(role)) {
                    say(format!(
                        "option {} moves {role} but gives no reason for it",
                        o.id
                    ));
                }
            }
        }
    }
    for fr in fit_roles {
        if !has_role(&fr.role) {
            out.push(locate(
                &fr.role,
                format!("fit_role {} is not a role", fr.role),
            ));
            continue;
        }
        for f in &fr.facts {
            for msg in check_backed(f, &fr.role, known) {
                out.push(locate(&fr.role, format!("fit_role {}: {msg}", fr.role)));
            }
        }
    }
    out
}

fn check_backed(b: &Backed, role: &Id, known: &Known<'_>) -> Vec<String> {
    let mut out = Vec::new();
    if b.text.trim().is_empty() {
        out.push("a reason has no `text`".to_string());
    }
    let Some(r) = known.roles.iter().find(|r| &r.id == role) else {
        out.push(format!("role {role} does not exist"));
        return out;
    };
    match (&b.figure, &b.section) {
        (Some(label), None) => {
            if !r.figure.iter().any(|f| &f.label == label) {
                out.push(format!(
                    "role {role} has no figure labeled \"{label}\" (see its [[role.figure]] labels)"
                ));
            }
        }
        (None, Some(s)) => {
            if section(s).is_none() {
                out.push(bad_section(s));
            }
        }
        _ => out.push(format!(
            "\"{}\" needs exactly one of `figure` (a figure label of the role) or `section` \
             (a guide section) to back it",
            b.text
        )),
    }
    out
}

/// The guide section with field name `name`.
pub fn section(name: &str) -> Option<GuideSection> {
    GuideSection::ALL.into_iter().find(|s| s.field() == name)
}

fn bad_section(s: &str) -> String {
    format!(
        "section \"{s}\" is not one of {}",
        GuideSection::ALL.map(GuideSection::field).join(", ")
    )
}

#[cfg(test)]
mod tests {
    use crate::domain::content::Library;

    fn load(text: &str) -> Library {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("mine.toml"), text).unwrap();
        Library::load(Some(dir.path()))
    }

    #[test]
    fn the_built_in_questionnaire_and_coaching_are_sound() {
        let lib = Library::builtin();
        assert!(lib.problems.is_empty(), "{:?}", lib.problems);
        assert!(
            (8..=12).contains(&lib.fit.len()),
            "{} questions",
            lib.fit.len()
        );
        assert_eq!(lib.fit_roles.len(), lib.roles.len());
        assert!(!lib.coaching.is_empty());
    }

    #[test]
    fn every_bad_reference_is_reported_with_its_line() {
        let lib = load(
            r#"
[[fit]]
id = "my-fit"
ask = "Pick one"

[[fit.option]]
id = "a"
text = "A"
points = { pt-aide = 9, astronaut = 1, pta = 1 }

[[fit.option.why]]
roles = ["pt-aide"]
text = "Because."
figure = "No such figure"

[[fit.option]]
id = "a"
text = ""

[[coaching]]
id = "my-coach"
background = "pilot"
questions = ["q-nope"]
asks = ["ask-nope"]
note = "A note with no section."
"#,
        );
        let msgs: Vec<String> = lib.problems.iter().map(|p| p.to_string()).collect();
        let all = msgs.join("\n");
        for want in [
            "gives 9 points to pt-aide",
            "role astronaut, which does not exist",
            "moves pta but gives no reason",
            "no figure labeled \"No such figure\"",
            "option id a is used twice",
            "option a has no `text`",
            "background \"pilot\" is not one of",
            "question q-nope, which does not exist",
            "ask ask-nope, which does not exist",
            "needs the `section`",
        ] {
            assert!(all.contains(want), "missing {want:?} in:\n{all}");
        }
        assert!(
            lib.problems
                .iter()
                .filter(|p| p.path.ends_with("mine.toml"))
                .all(|p| p.line.is_some()),
            "{all}"
        );
    }

    #[test]
    fn a_reason_needs_exactly_one_backing() {
        let lib = load(
            r#"
[[fit]]
id = "my-fit"
ask = "Pick one"
[[fit.option]]
id = "a"
text = "A"
points = { ota = 1 }
[[fit.option.why]]
roles = ["ota"]
text = "Both."
figure = "Median annual pay, OTAs"
section = "pay"
[[fit.option]]
id = "b"
text = "B"
"#,
        );
        assert_eq!(lib.problems.len(), 1, "{:?}", lib.problems);
        assert!(lib.problems[0].message.contains("exactly one of `figure`"));
    }
}

//! The mock interview's script as content: what kind of answer a question wants, the interviewers
//! (one persona a work setting) and the follow-up questions they ask when an answer lacked something.

use super::model::{Category, Id, Question};
use serde::{Deserialize, Serialize};

/// What kind of answer a question wants, which decides its rubric and its grade rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuestionKind {
    /// "Tell me about a time…": a story told as Situation, Task, Action, Result.
    Star,
    /// "What would you do if…" or "How do you…": answered directly, in clear steps.
    Direct,
    /// What you know about the job: scope, terms, rules.
    Knowledge,
    /// The start of an interview: "Tell me about yourself", "Why this role?".
    Opener,
    /// The end: "What questions do you have for us?".
    Closer,
}

impl QuestionKind {
    pub const ALL: [QuestionKind; 5] = [
        QuestionKind::Star,
        QuestionKind::Direct,
        QuestionKind::Knowledge,
        QuestionKind::Opener,
        QuestionKind::Closer,
    ];

    /// The name as written in content files and the round log.
    pub fn as_str(self) -> &'static str {
        match self {
            QuestionKind::Star => "star",
            QuestionKind::Direct => "direct",
            QuestionKind::Knowledge => "knowledge",
            QuestionKind::Opener => "opener",
            QuestionKind::Closer => "closer",
        }
    }

    /// How the screen names it, with a word on how to answer.
    pub fn label(self) -> &'static str {
        match self {
            QuestionKind::Star => "Story question",
            QuestionKind::Direct => "Direct question",
            QuestionKind::Knowledge => "Job knowledge",
            QuestionKind::Opener => "Opener",
            QuestionKind::Closer => "Your questions",
        }
    }

    /// One line on how to answer this kind of question.
    pub fn advice(self) -> &'static str {
        match self {
            QuestionKind::Star => {
                "Tell one real story: the situation, your task, what you did, and the result."
            }
            QuestionKind::Direct => {
                "Answer it directly, in clear steps, with one detail from your own work."
            }
            QuestionKind::Knowledge => {
                "Say what you know, plainly and correctly, and stay within your role."
            }
            QuestionKind::Opener => {
                "A minute or a little more: where you are now, what you bring, and why this job."
            }
            QuestionKind::Closer => "Ask one or two of your questions about the job.",
        }
    }
}

impl Question {
    /// The question's kind: as written in its file, or worked out for files written before kinds
    /// existed (a behavioural question is a story; role knowledge is knowledge; the rest direct).
    pub fn kind(&self) -> QuestionKind {
        self.kind.unwrap_or(if self.behavioural {
            QuestionKind::Star
        } else if self.category == Category::RoleKnowledge {
            QuestionKind::Knowledge
        } else {
            QuestionKind::Direct
        })
    }
}

/// What an answer lacked, which a follow-up question probes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Trigger {
    /// A story with no ending: what happened in the end?
    NoResult,
    /// Only "we", never "I": what was your part?
    OnlyWe,
    /// A story told as what you "would" do: what did you actually do?
    Hypothetical,
    /// A safety answer that never says when to stop and get the therapist or a nurse.
    NoHelpCall,
    /// A direct or knowledge answer with no example or detail.
    NoExample,
    /// An answer without clear steps or shape.
    NoSteps,
    /// An opener that never says why this job.
    NoWhyRole,
    /// An answer well over the target time.
    TooLong,
}

impl Trigger {
    /// In the order an interviewer would probe them: what matters most first.
    pub const ALL: [Trigger; 8] = [
        Trigger::NoResult,
        Trigger::OnlyWe,
        Trigger::Hypothetical,
        Trigger::NoHelpCall,
        Trigger::NoWhyRole,
        Trigger::NoExample,
        Trigger::NoSteps,
        Trigger::TooLong,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Trigger::NoResult => "no-result",
            Trigger::OnlyWe => "only-we",
            Trigger::Hypothetical => "hypothetical",
            Trigger::NoHelpCall => "no-help-call",
            Trigger::NoExample => "no-example",
            Trigger::NoSteps => "no-steps",
            Trigger::NoWhyRole => "no-why-role",
            Trigger::TooLong => "too-long",
        }
    }

    /// Why the interviewer asked, in a few words for the screen ("your answer had no result").
    pub fn reason(self) -> &'static str {
        match self {
            Trigger::NoResult => "the story had no clear ending",
            Trigger::OnlyWe => "the answer said \"we\" more than \"I\"",
            Trigger::Hypothetical => "the story said what you \"would\" do",
            Trigger::NoHelpCall => "the answer never said when you would get help",
            Trigger::NoExample => "the answer had no example or detail",
            Trigger::NoSteps => "the answer was hard to follow",
            Trigger::NoWhyRole => "the answer never said why this job",
            Trigger::TooLong => "the answer ran long",
        }
    }
}

/// An interviewer: who they are, where they work, and the lines they say between questions.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Persona {
    pub id: Id,
    /// First name, as they would introduce themselves.
    pub name: String,
    /// Job and workplace, e.g. "rehab supervisor at a community hospital".
    pub title: String,
    /// The work setting, as the profile names it ("outpatient", "hospital", "school", …).
    pub setting: String,
    /// Roles this interviewer hires for; empty means every role.
    #[serde(default)]
    pub roles: Vec<Id>,
    /// Their first words, before the first question.
    pub greeting: String,
    /// Lines said before a question of each kind; one is chosen per question.
    pub opener: Vec<String>,
    pub star: Vec<String>,
    pub direct: Vec<String>,
    pub knowledge: Vec<String>,
    pub closer: Vec<String>,
    /// Their last words, after your questions.
    pub goodbye: String,
}

impl Persona {
    /// The lines this interviewer may say before a question of `kind`.
    pub fn lead_ins(&self, kind: QuestionKind) -> &[String] {
        match kind {
            QuestionKind::Star => &self.star,
            QuestionKind::Direct => &self.direct,
            QuestionKind::Knowledge => &self.knowledge,
            QuestionKind::Opener => &self.opener,
            QuestionKind::Closer => &self.closer,
        }
    }

    /// True when this interviewer hires for `role` (None: any role).
    pub fn suits(&self, role: Option<&Id>) -> bool {
        role.is_none_or(|r| self.roles.is_empty() || self.roles.contains(r))
    }
}

/// A follow-up question, written once: asked after an answer that shows `trigger`, for the roles,
/// categories and kinds of question listed (an empty list matches all).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FollowUp {
    pub id: Id,
    pub trigger: Trigger,
    #[serde(default)]
    pub roles: Vec<Id>,
    #[serde(default)]
    pub categories: Vec<Category>,
    #[serde(default)]
    pub kinds: Vec<QuestionKind>,
    /// The questions it follows, by id, when it fits only them: the most specific aim there is.
    /// "How would that look with a patient after a knee replacement?" followed a new grad's answer
    /// about when their license would be active (a persona walk).
    #[serde(default)]
    pub questions: Vec<Id>,
    /// The question as the interviewer asks it.
    pub text: String,
    /// How long an answer it wants, in seconds, when shorter than the usual minute ("sum yourself
    /// up in one sentence").
    #[serde(default)]
    pub seconds: Option<u32>,
}

impl FollowUp {
    /// True when this follow-up may be asked after `q` in a round for `role`.
    pub fn fits(&self, q: &Question, role: Option<&Id>) -> bool {
        let role_ok = self.roles.is_empty()
            || role.map_or(q.roles.iter().any(|r| self.roles.contains(r)), |r| {
                self.roles.contains(r)
            });
        role_ok
            && (self.categories.is_empty() || self.categories.contains(&q.category))
            && (self.kinds.is_empty() || self.kinds.contains(&q.kind()))
            && (self.questions.is_empty() || self.questions.contains(&q.id))
    }

    /// How narrowly it is aimed: a follow-up for one role and category beats a general one.
    pub fn specificity(&self) -> u8 {
        u8::from(!self.questions.is_empty()) * 4
            + u8::from(!self.roles.is_empty()) * 2
            + u8::from(!self.categories.is_empty())
            + u8::from(!self.kinds.is_empty())
    }
}

impl super::Library {
    /// Checks the script: a question's kind agrees with `behavioural`, and every persona and
    /// follow-up names roles that exist, a known setting and no empty line.
    pub(super) fn check_script(
        &self,
        locate: &dyn Fn(&Id, String) -> super::Problem,
        problems: &mut Vec<super::Problem>,
    ) {
        for q in &self.questions {
            if let Some(kind) = q.kind
                && (kind == QuestionKind::Star) != q.behavioural
            {
                problems.push(locate(
                    &q.id,
                    format!(
                        "{}: kind \"{}\" and behavioral = {} disagree; a story question has \
                         kind = \"star\" and behavioral = true, any other kind behavioral = false",
                        q.id,
                        kind.as_str(),
                        q.behavioural
                    ),
                ));
            }
        }
        let role_exists = |r: &Id| self.roles.iter().any(|x| &x.id == r);
        for p in &self.personas {
            for r in p.roles.iter().filter(|r| !role_exists(r)) {
                problems.push(locate(
                    &p.id,
                    format!("{} refers to role {r}, which does not exist", p.id),
                ));
            }
            if crate::domain::profile::Setting::parse(&p.setting).is_none() {
                problems.push(locate(
                    &p.id,
                    format!(
                        "{}: setting \"{}\" is not one of {}",
                        p.id,
                        p.setting,
                        crate::domain::profile::Setting::ALL
                            .map(|s| s.as_str())
                            .join(", ")
                    ),
                ));
            }
            let lines = [&p.name, &p.title, &p.greeting, &p.goodbye];
            let lists = QuestionKind::ALL.map(|k| p.lead_ins(k));
            if lines.iter().any(|t| t.trim().is_empty())
                || lists
                    .iter()
                    .any(|l| l.is_empty() || l.iter().any(|t| t.trim().is_empty()))
            {
                problems.push(locate(
                    &p.id,
                    format!(
                        "{}: a persona needs a name, title, greeting and goodbye, and at least \
                         one line for each of opener, star, direct, knowledge and closer",
                        p.id
                    ),
                ));
            }
        }
        for f in &self.follow_ups {
            for r in f.roles.iter().filter(|r| !role_exists(r)) {
                problems.push(locate(
                    &f.id,
                    format!("{} refers to role {r}, which does not exist", f.id),
                ));
            }
            for q in f.questions.iter().filter(|q| self.question(q).is_none()) {
                problems.push(locate(
                    &f.id,
                    format!("{} refers to question {q}, which does not exist", f.id),
                ));
            }
            if f.text.trim().is_empty() {
                problems.push(locate(&f.id, format!("{}: `text` is empty", f.id)));
            }
        }
    }
}

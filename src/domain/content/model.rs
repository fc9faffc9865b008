//! The shape of content files: roles, questions, facts, asks, checklist steps, glossary terms, cards.

pub use super::id::Id;

/// A card's tags: short names, the first two held inside the card itself.
pub type Tags = smallvec::SmallVec<[CompactString; 2]>;
use compact_str::CompactString;
use serde::{Deserialize, Serialize};

mod role;

pub use role::{Figure, Glance, GlanceFact, GuideSection, Role};

/// One content file. Every table is optional, so built-in files and a user's own files share one format.
#[derive(Debug, Default, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContentFile {
    #[serde(default)]
    pub role: Vec<Role>,
    #[serde(default)]
    pub competency: Vec<Competency>,
    #[serde(default)]
    pub question: Vec<Question>,
    #[serde(default)]
    pub fact: Vec<Fact>,
    #[serde(default)]
    pub ask: Vec<Ask>,
    #[serde(default)]
    pub step: Vec<Step>,
    #[serde(default)]
    pub term: Vec<Term>,
    #[serde(default)]
    pub card: Vec<Card>,
    #[serde(default)]
    pub synonym: Vec<Synonym>,
    /// Mock-interview interviewers (see `script.rs`).
    #[serde(default)]
    pub persona: Vec<super::script::Persona>,
    /// Mock-interview follow-up questions (see `script.rs`).
    #[serde(default)]
    pub follow_up: Vec<super::script::FollowUp>,
    #[serde(default)]
    pub coaching: Vec<super::prep_model::Coaching>,
    #[serde(default)]
    pub fit: Vec<super::prep_model::FitQuestion>,
    #[serde(default)]
    pub fit_role: Vec<super::prep_model::FitRole>,
    /// The story coach's phrasing rules (see `content/phrasing.toml`).
    #[serde(default)]
    pub phrasing: Vec<super::phrasing::PhrasingRule>,
}

/// Competency ids that were renamed, old first: stories and content files written before keep
/// working, and a story saved again carries the new id. ("admin-organisation" was UK spelling, and
/// tags are shown to users.)
pub const RENAMED_COMPETENCIES: &[(&str, &str)] = &[("admin-organisation", "admin-organization")];

/// The current id for a competency id or tag that may have been renamed.
pub fn current_competency(id: &str) -> &str {
    RENAMED_COMPETENCIES
        .iter()
        .find(|(old, _)| *old == id)
        .map_or(id, |(_, new)| new)
}

/// A skill interviewers probe and stories can demonstrate, e.g. teamwork.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Competency {
    pub id: Id,
    pub name: String,
    pub description: String,
    /// True for the four the usual advice says every candidate's stories should cover.
    #[serde(default)]
    pub core: bool,
    /// Words and phrases that suggest a story shows this skill (see `stories::skills`).
    #[serde(default)]
    pub signals: Vec<String>,
}

/// The category an interview question belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    PatientCare,
    Administrative,
    Teamwork,
    Safety,
    Conflict,
    Motivation,
    RoleKnowledge,
}

impl Category {
    pub const ALL: [Category; 7] = [
        Category::PatientCare,
        Category::Administrative,
        Category::Teamwork,
        Category::Safety,
        Category::Conflict,
        Category::Motivation,
        Category::RoleKnowledge,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Category::PatientCare => "Patient care",
            Category::Administrative => "Administrative and scheduling",
            Category::Teamwork => "Teamwork",
            Category::Safety => "Physical demands and safety",
            Category::Conflict => "Conflict and de-escalation",
            Category::Motivation => "Motivation and career",
            Category::RoleKnowledge => "Role knowledge",
        }
    }
}

/// An interview question with coaching notes.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: Id,
    pub text: String,
    /// Role ids this question is asked for; empty means every role.
    #[serde(default)]
    pub roles: Vec<Id>,
    pub category: Category,
    /// Competency ids the question probes.
    pub competencies: Vec<Id>,
    /// What the interviewer wants to learn from the answer.
    pub looking_for: String,
    /// Steps of a strong answer, in order.
    pub outline: Vec<String>,
    pub pitfalls: Vec<String>,
    /// Words that show a pitfall in a typed answer: one list for each of `pitfalls`, in order (a
    /// shorter list leaves the rest unheard). The practice analysis names the pitfall when an
    /// answer says one ("for them" → "Doing it for the patient to save time"): a persona walk
    /// typed the nursing habit a question is about and was coached on length only.
    #[serde(default)]
    pub pitfall_words: Vec<Vec<String>>,
    /// True for behavioral questions ("tell me about a time…") that a STAR story answers. Files may
    /// spell the key `behavioral` (US) or `behavioural` (its first spelling, kept so no file breaks).
    #[serde(default, alias = "behavioral")]
    pub behavioural: bool,
    /// What kind of answer it wants, which picks its practice rubric; see [`Question::kind`] for
    /// the kind of a question written without one. (Never left out when serialized, as the parse
    /// cache needs: see [`Card::roles`].)
    #[serde(default)]
    pub kind: Option<super::script::QuestionKind>,
    #[serde(default)]
    pub source: Option<String>,
}

/// The topic of a fact card.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Topic {
    Duties,
    Scope,
    Certification,
    Exams,
    Training,
    Safety,
    Privacy,
    Pay,
    Terms,
}

impl Topic {
    pub fn label(self) -> &'static str {
        match self {
            Topic::Duties => "Duties",
            Topic::Scope => "Scope of practice",
            Topic::Certification => "Certification and licensure",
            Topic::Exams => "Exams",
            Topic::Training => "Education and training",
            Topic::Safety => "Safety and body mechanics",
            Topic::Privacy => "Privacy",
            Topic::Pay => "Pay and outlook",
            Topic::Terms => "Terms",
        }
    }
}

/// A fact card: a front and a back, optionally multiple choice.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    pub id: Id,
    #[serde(default)]
    pub roles: Vec<Id>,
    pub topic: Topic,
    pub front: String,
    pub back: String,
    /// For multiple choice: the right option, shown among `distractors` in shuffled order.
    #[serde(default)]
    pub correct: Option<String>,
    #[serde(default)]
    pub distractors: Vec<String>,
    pub source: String,
}

/// A question for the candidate to ask the interviewer.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ask {
    pub id: Id,
    pub text: String,
    /// Why this question helps the candidate.
    pub why: String,
}

/// A preparation checklist step.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub id: Id,
    pub text: String,
    pub detail: String,
    /// A step for after the interview (a thank-you note): never suggested before it, and
    /// suggested first in the days just after it.
    #[serde(default)]
    pub after: bool,
}

/// A job-related term, used in the glossary and to spot job words in stories.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub id: Id,
    pub term: String,
    /// Other spellings or forms matched in stories, e.g. "ADL" for "ADLs".
    #[serde(default)]
    pub aliases: Vec<String>,
    pub meaning: String,
}

/// A plain flashcard from a user deck (or an import).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Card {
    pub id: Id,
    /// Short names, held inline like ids: the catalogue copies each card's deck and tags, and at
    /// 100,000 cards an allocation apiece was a good part of start-up.
    pub deck: CompactString,
    pub front: String,
    pub back: String,
    #[serde(default)]
    pub tags: Tags,
    /// Role ids the card is for (`import --role`); empty means every role. Always serialized: the
    /// parse cache's binary form has no field names, so a field left out cannot be read back (the
    /// deck writer leaves it out of the file itself, see `interop::deck_import`).
    #[serde(default)]
    pub roles: Vec<Id>,
}

/// Words and phrases that mean the same thing to someone searching, e.g. salary, pay and wage. A
/// search for any of them finds the others too.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Synonym {
    pub words: Vec<String>,
}

//! The shape of content files: roles, questions, facts, asks, checklist steps, glossary terms, cards.

pub use super::id::Id;

/// A card's tags: short names, the first two held inside the card itself.
pub type Tags = smallvec::SmallVec<[CompactString; 2]>;
use compact_str::CompactString;
use serde::{Deserialize, Serialize};

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

/// A job role and its guide. Every section is a required field, so a role missing one fails to load.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    pub id: Id,
    /// Full name, e.g. "Physical therapist assistant".
    pub name: String,
    /// Short label for tabs and tables, e.g. "PTA".
    pub short: String,
    #[serde(default)]
    pub also_called: Vec<String>,
    /// Where the role sits in lists (lower first); roles with the same order sort by name.
    #[serde(default = "default_order")]
    pub order: u32,
    /// O*NET-SOC code, e.g. "31-2021", where one exists.
    #[serde(default)]
    pub onet: Option<String>,
    pub overview: String,
    pub duties: String,
    pub qualities: String,
    pub training: String,
    pub certification: String,
    /// Narrative on pay and outlook; the figures themselves are in `figure`.
    pub pay: String,
    pub career: String,
    pub interviewers: String,
    pub challenges: String,
    /// Ids of `ask` entries that suit this role.
    pub asks: Vec<Id>,
    /// Pay and outlook figures, each with its source and date. The first is the role's headline
    /// figure (its median pay), shown when roles are compared.
    #[serde(default)]
    pub figure: Vec<Figure>,
    /// Short, sourced facts for comparing roles row by row; rows left out show as "not given".
    #[serde(default)]
    pub glance: Glance,
}

/// A role in a few words a row, for the side-by-side comparison: what it takes and what it is.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Glance {
    #[serde(default)]
    pub training: Option<GlanceFact>,
    #[serde(default)]
    pub exam: Option<GlanceFact>,
    #[serde(default)]
    pub license: Option<GlanceFact>,
    #[serde(default)]
    pub supervision: Option<GlanceFact>,
    #[serde(default)]
    pub duties: Option<GlanceFact>,
}

/// One comparison fact: a line of text and where a user can look it up.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GlanceFact {
    pub text: String,
    pub source: String,
}

impl Glance {
    /// The rows in the order the comparison shows them, with their titles.
    pub fn rows(&self) -> [(&'static str, Option<&GlanceFact>); 5] {
        [
            ("Training", self.training.as_ref()),
            ("Exam", self.exam.as_ref()),
            ("License", self.license.as_ref()),
            ("Supervision", self.supervision.as_ref()),
            ("Duties", self.duties.as_ref()),
        ]
    }

    fn facts_mut(&mut self) -> impl Iterator<Item = &mut GlanceFact> {
        [
            &mut self.training,
            &mut self.exam,
            &mut self.license,
            &mut self.supervision,
            &mut self.duties,
        ]
        .into_iter()
        .flatten()
    }

    /// Every fact's text and source, for cleaning untrusted text.
    pub(crate) fn texts_mut(&mut self) -> impl Iterator<Item = &mut String> {
        self.facts_mut()
            .flat_map(|f| [&mut f.text, &mut f.source].into_iter())
    }
}

fn default_order() -> u32 {
    100
}

/// A sourced number: pay, employment, growth, exam facts.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    /// What is measured, e.g. "Median annual pay".
    pub label: String,
    /// The figure as shown, e.g. "$64,080" or "$42,110 – $88,830".
    pub value: String,
    /// When the figure applies, e.g. "May 2023".
    pub as_of: String,
    /// Where it comes from, e.g. "BLS Occupational Outlook Handbook, via lasierra.edu (visited 2024-04-17)".
    pub source: String,
    /// True for figures from weaker sources; the app shows them with a caveat.
    #[serde(default)]
    pub check: bool,
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

/// The text sections of a role guide, in reading order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GuideSection {
    Overview,
    Duties,
    Qualities,
    Training,
    Certification,
    Pay,
    Career,
    Interviewers,
    Challenges,
}

impl GuideSection {
    pub const ALL: [GuideSection; 9] = [
        GuideSection::Overview,
        GuideSection::Duties,
        GuideSection::Qualities,
        GuideSection::Training,
        GuideSection::Certification,
        GuideSection::Pay,
        GuideSection::Career,
        GuideSection::Interviewers,
        GuideSection::Challenges,
    ];

    pub fn title(self) -> &'static str {
        match self {
            GuideSection::Overview => "Overview",
            GuideSection::Duties => "Duties",
            GuideSection::Qualities => "Important qualities",
            GuideSection::Training => "Education and training",
            GuideSection::Certification => "Certifications and licensure",
            GuideSection::Pay => "Pay and outlook",
            GuideSection::Career => "Career paths",
            GuideSection::Interviewers => "What interviewers look for",
            GuideSection::Challenges => "Common challenges",
        }
    }

    /// The field name in the role file, used in error messages.
    pub fn field(self) -> &'static str {
        match self {
            GuideSection::Overview => "overview",
            GuideSection::Duties => "duties",
            GuideSection::Qualities => "qualities",
            GuideSection::Training => "training",
            GuideSection::Certification => "certification",
            GuideSection::Pay => "pay",
            GuideSection::Career => "career",
            GuideSection::Interviewers => "interviewers",
            GuideSection::Challenges => "challenges",
        }
    }
}

impl Role {
    pub fn section(&self, s: GuideSection) -> &str {
        match s {
            GuideSection::Overview => &self.overview,
            GuideSection::Duties => &self.duties,
            GuideSection::Qualities => &self.qualities,
            GuideSection::Training => &self.training,
            GuideSection::Certification => &self.certification,
            GuideSection::Pay => &self.pay,
            GuideSection::Career => &self.career,
            GuideSection::Interviewers => &self.interviewers,
            GuideSection::Challenges => &self.challenges,
        }
    }

    /// Every section with its field name, for checks.
    pub fn sections(&self) -> impl Iterator<Item = (&'static str, &str)> {
        GuideSection::ALL
            .into_iter()
            .map(|s| (s.field(), self.section(s)))
    }

    pub(crate) fn sections_mut(&mut self) -> [&mut String; 9] {
        [
            &mut self.overview,
            &mut self.duties,
            &mut self.qualities,
            &mut self.training,
            &mut self.certification,
            &mut self.pay,
            &mut self.career,
            &mut self.interviewers,
            &mut self.challenges,
        ]
    }
}

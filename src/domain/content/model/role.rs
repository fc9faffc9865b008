//! A job role and its guide: the guide's sections, its sourced figures, its comparison facts.

use crate::domain::content::id::Id;
use serde::{Deserialize, Serialize};

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
    /// Names people search for the job by that are not its title, such as a common misnomer
    /// ("physical therapy assistant"): search finds the guide by them, and says so, but the guide
    /// never lists them as what the job is called.
    #[serde(default)]
    pub search_as: Vec<String>,
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

//! Who is preparing, for which job and when: the profile that every screen follows.
//!
//! It lives in `config.toml` under `[profile]` (see `config::read` and `config::edit`); the interview
//! date and certifications stay top-level keys, as they were before profiles existed. Every field is
//! optional: an empty profile means "every role, no date", which is how the app behaved before.

use crate::domain::content::Id;
use chrono::NaiveTime;

/// Where the job is. Changes which questions to ask and some coaching.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Setting {
    Outpatient,
    Hospital,
    SkilledNursing,
    HomeHealth,
    School,
    Pediatrics,
}

impl Setting {
    pub const ALL: [Setting; 6] = [
        Setting::Outpatient,
        Setting::Hospital,
        Setting::SkilledNursing,
        Setting::HomeHealth,
        Setting::School,
        Setting::Pediatrics,
    ];

    /// The name as written in `config.toml` and in content files.
    pub fn as_str(self) -> &'static str {
        match self {
            Setting::Outpatient => "outpatient",
            Setting::Hospital => "hospital",
            Setting::SkilledNursing => "skilled-nursing",
            Setting::HomeHealth => "home-health",
            Setting::School => "school",
            Setting::Pediatrics => "pediatrics",
        }
    }

    /// How a person would say it.
    pub fn label(self) -> &'static str {
        match self {
            Setting::Outpatient => "Outpatient clinic",
            Setting::Hospital => "Hospital",
            Setting::SkilledNursing => "Skilled nursing / rehab facility",
            Setting::HomeHealth => "Home health",
            Setting::School => "School",
            Setting::Pediatrics => "Pediatric clinic",
        }
    }

    /// Reads a name as written in the file; `_`, spaces and capitals are forgiven.
    pub fn parse(s: &str) -> Option<Setting> {
        let s = normalize(s);
        Setting::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

/// Where the person comes from. Changes which questions and guide notes come first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Background {
    Student,
    CareerChanger,
    /// A certified nursing assistant (in a nursing home or hospital) moving into therapy.
    CnaCaregiver,
    /// A home health or personal care aide: caring for clients in their homes, often with no CNA
    /// certificate. Coached on the move from a client's home to a clinic, never called a CNA.
    HomeCareAide,
    /// Already a PT or OT aide, aiming at an assistant job.
    AideMovingUp,
    /// Just finished a PTA or OTA program.
    NewGraduate,
    /// A licensed PTA or OTA with experience, changing jobs: asked about caseloads, notes and
    /// why they are leaving, not "why should we take a chance on you".
    WorkingAssistant,
}

impl Background {
    pub const ALL: [Background; 7] = [
        Background::Student,
        Background::CareerChanger,
        Background::CnaCaregiver,
        Background::HomeCareAide,
        Background::AideMovingUp,
        Background::NewGraduate,
        Background::WorkingAssistant,
    ];

    /// The name as written in `config.toml` and in content files.
    pub fn as_str(self) -> &'static str {
        match self {
            Background::Student => "student",
            Background::CareerChanger => "career-changer",
            Background::CnaCaregiver => "cna-caregiver",
            Background::HomeCareAide => "home-care-aide",
            Background::AideMovingUp => "aide-moving-up",
            Background::NewGraduate => "new-graduate",
            Background::WorkingAssistant => "working-assistant",
        }
    }

    /// How a person would say it.
    pub fn label(self) -> &'static str {
        match self {
            Background::Student => "Student",
            Background::CareerChanger => "Changing careers",
            Background::CnaCaregiver => "CNA or nursing assistant",
            Background::HomeCareAide => "Home health or personal care aide",
            Background::AideMovingUp => "Therapy aide moving up",
            Background::NewGraduate => "New PTA or OTA graduate",
            Background::WorkingAssistant => "Working PTA or OTA",
        }
    }

    /// Reads a name as written in the file; `_`, spaces and capitals are forgiven.
    pub fn parse(s: &str) -> Option<Background> {
        let s = normalize(s);
        Background::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

fn normalize(s: &str) -> String {
    s.trim().to_ascii_lowercase().replace(['_', ' '], "-")
}

/// The person and the interview they are preparing for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Profile {
    /// Their name, for the one-page sheet. Empty when not given.
    pub name: String,
    /// Role ids they are interviewing for, in the order chosen. Empty means "not sure yet": every
    /// role is in focus.
    pub roles: Vec<Id>,
    /// Time of day of the interview, if known (the date is `Config::interview_date`).
    pub interview_time: Option<NaiveTime>,
    /// The clinic or employer. Empty when not given.
    pub employer: String,
    pub setting: Option<Setting>,
    pub background: Option<Background>,
    /// True once the first-start set-up was finished or skipped, so it is not offered again.
    pub set_up: bool,
}

/// More roles than exist is a mistake; the reader keeps the first few.
pub const MAX_ROLES: usize = 8;
/// Longest name or employer kept, in characters: enough for any real one, short enough for a header.
pub const MAX_TEXT_CHARS: usize = 120;

impl Profile {
    /// True if `role` is in focus: one of the chosen roles, or any role when none is chosen.
    pub fn has_role(&self, role: &Id) -> bool {
        self.roles.is_empty() || self.roles.contains(role)
    }

    /// True if the user named at least one role.
    pub fn has_focus(&self) -> bool {
        !self.roles.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_spelling_is_forgiven() {
        for s in Setting::ALL {
            assert_eq!(Setting::parse(s.as_str()), Some(s));
        }
        for b in Background::ALL {
            assert_eq!(Background::parse(b.as_str()), Some(b));
        }
        assert_eq!(
            Setting::parse(" Skilled_Nursing "),
            Some(Setting::SkilledNursing)
        );
        assert_eq!(
            Background::parse("CNA caregiver"),
            Some(Background::CnaCaregiver)
        );
        assert_eq!(Setting::parse("moon base"), None);
    }

    #[test]
    fn no_roles_means_every_role_is_in_focus() {
        let mut p = Profile::default();
        assert!(p.has_role(&Id::new("ota")));
        assert!(!p.has_focus());
        p.roles = vec![Id::new("pt-aide")];
        assert!(p.has_role(&Id::new("pt-aide")));
        assert!(!p.has_role(&Id::new("ota")));
        assert!(p.has_focus());
    }
}

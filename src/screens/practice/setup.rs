//! The Practice screen's round setup: role, interviewer, length, answer mode and target time, chosen
//! before a mock interview starts.

use crate::domain::practice::AnswerMode;
use crate::domain::practice::plan::{FULL_LENGTH, MAX_LENGTH, MIN_LENGTH};
use crate::domain::practice::select::DEFAULT_LENGTH;
use crate::domain::practice::timer::DEFAULT_TARGET_SECS;
use crate::kit::Action;

/// Answer targets in seconds (in steps of 15 s).
pub const TARGETS: std::ops::RangeInclusive<u32> = 30..=600;
const TARGET_STEP: u32 = 15;

/// The setup field with focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Role,
    Interviewer,
    Length,
    Mode,
    Target,
}

impl Field {
    pub const ALL: [Field; 5] = [
        Field::Role,
        Field::Interviewer,
        Field::Length,
        Field::Mode,
        Field::Target,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Field::Role => "Role",
            Field::Interviewer => "Interviewer",
            Field::Length => "Length",
            Field::Mode => "Answer by",
            Field::Target => "Target time",
        }
    }
}

/// What the interview will be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Setup {
    pub field: Field,
    /// 0 for any role, else 1 + the index in the library's roles.
    pub role: usize,
    /// Index among the interviewers who hire for the chosen role.
    pub interviewer: usize,
    /// Questions in the interview, opener and close included; [`FULL_LENGTH`] is a full interview.
    pub length: usize,
    pub mode: AnswerMode,
    pub target_secs: u32,
}

/// How many choices the setup fields that depend on content have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choices {
    pub roles: usize,
    /// Interviewers for the role chosen.
    pub interviewers: usize,
}

impl Setup {
    pub fn new() -> Setup {
        Setup {
            field: Field::Role,
            role: 0,
            interviewer: 0,
            length: DEFAULT_LENGTH,
            mode: AnswerMode::Speaking,
            target_secs: DEFAULT_TARGET_SECS,
        }
    }

    /// True for a full-length interview.
    pub fn is_full(&self) -> bool {
        self.length >= FULL_LENGTH
    }

    /// Applies a setup key: ↑/↓ move between fields, ←/→ change the value. Changing the role
    /// starts the interviewer list again, since it depends on the role.
    /// Applies `action` to the set-up; false if the set-up has no use for it.
    pub fn update(&mut self, action: &Action, n: Choices) -> bool {
        let s = self;
        let i = Field::ALL.iter().position(|f| *f == s.field).unwrap_or(0);
        let len = Field::ALL.len();
        let step: i64 = match action {
            Action::Up => {
                s.field = Field::ALL[(i + len - 1) % len];
                0
            }
            Action::Down => {
                s.field = Field::ALL[(i + 1) % len];
                0
            }
            Action::Left => -1,
            Action::Right => 1,
            _ => return false,
        };
        let cycle = |v: usize, n: usize| {
            let n = n.max(1);
            if step > 0 {
                (v + 1) % n
            } else {
                (v + n - 1) % n
            }
        };
        if step == 0 {
            return true;
        }
        match s.field {
            Field::Role => {
                s.role = cycle(s.role, n.roles + 1);
                s.interviewer = 0;
            }
            Field::Interviewer => s.interviewer = cycle(s.interviewer, n.interviewers),
            Field::Length => {
                // 3, 4, …, 10, then Full.
                s.length = match (step > 0, s.length) {
                    (true, l) if l >= MAX_LENGTH => FULL_LENGTH,
                    (true, l) => l + 1,
                    (false, l) if l >= FULL_LENGTH => MAX_LENGTH,
                    (false, l) => l.saturating_sub(1).max(MIN_LENGTH),
                };
            }
            Field::Mode => {
                s.mode = match s.mode {
                    AnswerMode::Speaking => AnswerMode::Typing,
                    AnswerMode::Typing => AnswerMode::Speaking,
                }
            }
            Field::Target => {
                let next = if step > 0 {
                    s.target_secs + TARGET_STEP
                } else {
                    s.target_secs.saturating_sub(TARGET_STEP)
                };
                s.target_secs = next.clamp(*TARGETS.start(), *TARGETS.end());
            }
        }
        true
    }
}

impl Default for Setup {
    fn default() -> Self {
        Setup::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const N: Choices = Choices {
        roles: 4,
        interviewers: 3,
    };

    #[test]
    fn values_wrap_or_stop_at_their_ends() {
        let mut s = Setup::new();
        s.update(&Action::Left, N);
        assert_eq!(s.role, 4, "role wraps from any to the last role");
        s.update(&Action::Right, N);
        assert_eq!(s.role, 0);
        s.update(&Action::Down, N);
        s.update(&Action::Left, N);
        assert_eq!(s.interviewer, 2, "interviewers wrap");
        s.update(&Action::Down, N);
        for _ in 0..20 {
            s.update(&Action::Right, N);
        }
        assert!(s.is_full(), "past 10 comes Full");
        s.update(&Action::Left, N);
        assert_eq!(s.length, MAX_LENGTH);
        for _ in 0..20 {
            s.update(&Action::Left, N);
        }
        assert_eq!(s.length, MIN_LENGTH);
        s.update(&Action::Down, N);
        s.update(&Action::Right, N);
        assert_eq!(s.mode, AnswerMode::Typing);
        s.update(&Action::Down, N);
        for _ in 0..100 {
            s.update(&Action::Left, N);
        }
        assert_eq!(s.target_secs, *TARGETS.start());
        s.update(&Action::Down, N);
        assert_eq!(s.field, Field::Role, "fields wrap");
        s.update(&Action::Up, N);
        assert_eq!(s.field, Field::Target);
    }

    #[test]
    fn a_new_role_starts_the_interviewers_again() {
        let mut s = Setup::new();
        s.field = Field::Interviewer;
        s.update(&Action::Right, N);
        assert_eq!(s.interviewer, 1);
        s.field = Field::Role;
        s.update(&Action::Right, N);
        assert_eq!(s.interviewer, 0);
    }
}

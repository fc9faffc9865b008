//! The Practice screen's round setup: role, length and target time, chosen before a round starts.

use crate::domain::practice::select::DEFAULT_LENGTH;
use crate::domain::practice::timer::DEFAULT_TARGET_SECS;
use crate::kit::Action;

/// Round lengths offered, and answer targets in seconds (in steps of 15 s).
pub const LENGTHS: std::ops::RangeInclusive<usize> = 1..=10;
pub const TARGETS: std::ops::RangeInclusive<u32> = 30..=600;
const TARGET_STEP: u32 = 15;

/// The setup field with focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Role,
    Length,
    Target,
}

impl Field {
    pub const ALL: [Field; 3] = [Field::Role, Field::Length, Field::Target];
}

/// What the round will be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Setup {
    pub field: Field,
    /// 0 for any role, else 1 + the index in the library's roles.
    pub role: usize,
    pub length: usize,
    pub target_secs: u32,
}

impl Setup {
    pub fn new() -> Setup {
        Setup {
            field: Field::Role,
            role: 0,
            length: DEFAULT_LENGTH,
            target_secs: DEFAULT_TARGET_SECS,
        }
    }

    /// Applies a setup key: ↑/↓ move between fields, ←/→ change the value; `roles` is how many
    /// roles there are (the choices are "any role" and each of them).
    pub fn update(&mut self, action: &Action, roles: usize) {
        let s = self;
        let i = Field::ALL.iter().position(|f| *f == s.field).unwrap_or(0);
        let step: i64 = match action {
            Action::Up => {
                s.field = Field::ALL[(i + Field::ALL.len() - 1) % Field::ALL.len()];
                0
            }
            Action::Down => {
                s.field = Field::ALL[(i + 1) % Field::ALL.len()];
                0
            }
            Action::Left => -1,
            Action::Right => 1,
            _ => 0,
        };
        if step != 0 {
            match s.field {
                Field::Role => {
                    let n = roles + 1;
                    s.role = (s.role + if step > 0 { 1 } else { n - 1 }) % n;
                }
                Field::Length => {
                    let next = if step > 0 {
                        s.length + 1
                    } else {
                        s.length.saturating_sub(1)
                    };
                    s.length = next.clamp(*LENGTHS.start(), *LENGTHS.end());
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
        }
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

    #[test]
    fn values_wrap_or_stop_at_their_ends() {
        let mut s = Setup::new();
        s.update(&Action::Left, 4);
        assert_eq!(s.role, 4, "role wraps from any to the last role");
        s.update(&Action::Right, 4);
        assert_eq!(s.role, 0);
        s.update(&Action::Down, 4);
        for _ in 0..20 {
            s.update(&Action::Right, 4);
        }
        assert_eq!(s.length, *LENGTHS.end());
        s.update(&Action::Down, 4);
        for _ in 0..100 {
            s.update(&Action::Left, 4);
        }
        assert_eq!(s.target_secs, *TARGETS.start());
        s.update(&Action::Down, 4);
        assert_eq!(s.field, Field::Role, "fields wrap");
        s.update(&Action::Up, 4);
        assert_eq!(s.field, Field::Target);
    }
}

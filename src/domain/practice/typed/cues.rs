//! The cue words a typed answer is matched against (talking points, ending, example, help).

/// Talking points an answer about yourself or your work usually covers, as Interview Warmup lists
/// them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TalkingPoint {
    Experience,
    Skills,
    Learned,
    WhyRole,
}

impl TalkingPoint {
    pub const ALL: [TalkingPoint; 4] = [
        TalkingPoint::Experience,
        TalkingPoint::Skills,
        TalkingPoint::Learned,
        TalkingPoint::WhyRole,
    ];

    /// The points worth making in an answer to a question of `kind`: why this role belongs in an
    /// opener, what you learned in a story; a question on facts or a safe way to act wants your
    /// experience and skills, and the close none.
    pub fn for_kind(kind: crate::domain::content::QuestionKind) -> &'static [TalkingPoint] {
        use crate::domain::content::QuestionKind;
        use TalkingPoint::{Experience, Learned, Skills, WhyRole};
        match kind {
            QuestionKind::Opener => &[Experience, Skills, Learned, WhyRole],
            QuestionKind::Star => &[Experience, Skills, Learned],
            QuestionKind::Direct | QuestionKind::Knowledge => &[Experience, Skills],
            QuestionKind::Closer => &[],
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            TalkingPoint::Experience => "your experience",
            TalkingPoint::Skills => "your skills",
            TalkingPoint::Learned => "what you learned",
            TalkingPoint::WhyRole => "why this role",
        }
    }

    /// Whether `words` make this point: one of its [`cues`](Self::cues), or, for why this role,
    /// a placement the speaker loved ("I loved my school fieldwork"), which says why this kind of
    /// job draws them.
    pub(super) fn covered(self, words: &[String]) -> bool {
        has_any(words, self.cues()) || (self == TalkingPoint::WhyRole && names_this_job(words))
    }

    /// Words and phrases that show the point was made. Plain word lists: the goal is a nudge, not
    /// a grade, and the user sees and overrides the rubric.
    pub(super) fn cues(self) -> &'static [&'static str] {
        match self {
            TalkingPoint::Experience => &[
                "worked",
                "work",
                "job",
                "years",
                "year",
                "experience",
                "cna",
                "caregiver",
                "aide",
                "volunteer",
                "volunteered",
                "resident",
                "residents",
                "shift",
                "as a",
            ],
            TalkingPoint::Skills => &[
                "skill",
                "skills",
                "good at",
                "strength",
                "able to",
                "know how",
                "trained",
                "certified",
                "certification",
                "cpr",
                "bls",
                "organized",
                "calm",
                "reliable",
                "patient with",
                "careful",
            ],
            TalkingPoint::Learned => &[
                "learned",
                "taught me",
                "realized",
                "lesson",
                "since then",
                "now i",
                "next time",
                "improve",
                "improved",
                "grew",
                "showed me",
            ],
            TalkingPoint::WhyRole => WHY_WANT,
        }
    }
}

/// Words that name this job or this employer as a reason ("this clinic", "your team", "here"):
/// the rubric's "Said why this job, here" is ticked only on these (or a placement loved), since a
/// tick raises the grade. A PTA user walk had it ticked for an answer that never named the clinic.
const WHY_HERE: &[&str] = &[
    "this job",
    "this role",
    "this position",
    "this clinic",
    "your clinic",
    // What the speaker knows of this employer is a reason to work there: "your district serves
    // many elementary schools", "your team has a vestibular program".
    "your district",
    "your hospital",
    "your team",
    "your facility",
    "your practice",
    "your center",
    "your agency",
    "your school",
    "your schools",
    "your program",
    "your patients",
    "your residents",
    "your mission",
    "you serve",
    "here",
];

/// Words of wanting a job of this kind, but not this one in particular: the talking point hears
/// them, the rubric's box does not.
const WHY_WANT: &[&str] = &[
    "want to",
    "i'd love",
    "excited",
    "interested",
    "next step",
    "why i",
    "that's why",
    "goal",
];

/// Whether `words` name this job or this employer as a reason (see [`WHY_HERE`]), or a placement
/// the speaker loved.
pub(super) fn names_this_job(words: &[String]) -> bool {
    has_any(words, WHY_HERE) || loved_placement(words)
}

/// Placements in training that say why a kind of job draws someone, when they "loved" one.
const PLACEMENTS: &[&str] = &[
    "fieldwork",
    "rotation",
    "rotations",
    "clinical",
    "clinicals",
    "internship",
    "externship",
    "placement",
];

/// "I loved my school fieldwork", "I really enjoyed my outpatient rotation": a word of liking and,
/// within four words after it, a placement.
fn loved_placement(words: &[String]) -> bool {
    words.iter().enumerate().any(|(i, w)| {
        matches!(w.as_str(), "loved" | "love" | "enjoyed" | "liked")
            && words
                .iter()
                .skip(i + 1)
                .take(4)
                .any(|p| PLACEMENTS.contains(&p.as_str()))
    })
}

/// A reason for wanting a job that is about the deal rather than the work: a real reason, but
/// alone it can sound like only getting away from the last job.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PracticalReason {
    Pay,
    Hours,
    Benefits,
    Commute,
}

impl PracticalReason {
    pub const ALL: [PracticalReason; 4] = [
        PracticalReason::Pay,
        PracticalReason::Hours,
        PracticalReason::Benefits,
        PracticalReason::Commute,
    ];

    /// How the coaching names it: "You gave a reason (pay, hours)".
    pub fn label(self) -> &'static str {
        match self {
            PracticalReason::Pay => "pay",
            PracticalReason::Hours => "hours",
            PracticalReason::Benefits => "benefits",
            PracticalReason::Commute => "the commute",
        }
    }

    pub(super) fn cues(self) -> &'static [&'static str] {
        match self {
            PracticalReason::Pay => &[
                "pay", "pays", "paid", "paying", "money", "salary", "wage", "wages", "raise",
            ],
            PracticalReason::Hours => &["hours", "schedule", "shifts", "weekends", "part time"],
            PracticalReason::Benefits => &["benefits", "insurance", "pto", "vacation"],
            PracticalReason::Commute => &[
                "commute",
                "closer to home",
                "close to home",
                "near home",
                "near my home",
            ],
        }
    }
}

/// Words that say how a story ended.
pub(super) const ENDING: &[&str] = &[
    "in the end",
    "as a result",
    "ended up",
    "finally",
    "afterward",
    "afterwards",
    "the result",
    "outcome",
    "turned out",
    "by the end",
    "went home",
    "was able to",
    "thanked",
    "improved",
    "no falls",
    "from then on",
    "since then",
    "which meant",
    "so she",
    "so he",
    "so they",
    "after that",
    "felt better",
    "calmed down",
    "my supervisor",
    "got better",
    // Someone else walking is a result ("she walked 40 feet"); "I walked beside her" is an action.
    "she walked",
    "he walked",
    "they walked",
    "walked again",
    "walking again",
    // Someone else finishing or managing is how it ended: "The student finished the activity
    // safely" was told it never said how it ended (a school OTA user walk).
    "she finished",
    "he finished",
    "they finished",
    "student finished",
    "patient finished",
    "resident finished",
    "she completed",
    "he completed",
    "they completed",
    "she managed",
    "he managed",
];

/// Words that say the speaker would stop and bring in someone with the authority or skill.
pub(super) const HELP: &[&str] = &[
    "therapist",
    "therapists",
    "pt",
    "ot",
    "pta",
    "ota",
    "nurse",
    "supervisor",
    "help",
    "911",
    "call",
    "report",
    "alert",
    "manager",
    "doctor",
    "charge nurse",
    "get the",
    "tell the",
];

/// Words that show a real example or a specific detail.
pub(super) const EXAMPLE: &[&str] = &[
    "for example",
    "for instance",
    "once",
    "one time",
    "last year",
    "last week",
    "at my",
    "when i",
    "in my job",
    "as a cna",
    "i worked",
    "i've",
    "i had",
    "i remember",
    "a patient",
    "a resident",
    // A patient named by title is one real person: "We got Mr. H walking to the dining room again"
    // was told it had no example (a persona walk).
    "mr",
    "mrs",
    "ms",
    "miss",
];

/// Lowercase words, apostrophes kept inside ("i'd"), for the cue lists above.
pub(super) fn tokens(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '\u{2019}'))
        .map(|w| {
            w.trim_matches(['\'', '\u{2019}'])
                .replace('\u{2019}', "'")
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// True when any cue (one word or several in a row) appears in `words`.
pub(super) fn has_any(words: &[String], cues: &[&str]) -> bool {
    cues.iter().any(|cue| {
        let parts: Vec<&str> = cue.split(' ').collect();
        words
            .windows(parts.len())
            .any(|w| w.iter().zip(&parts).all(|(a, b)| a == b))
    })
}

#[cfg(test)]
mod why_here_tests {
    use super::*;

    #[test]
    fn the_cues_that_name_this_job_are_not_also_cues_of_wanting_a_kind_of_job() {
        assert!(WHY_HERE.iter().all(|c| !WHY_WANT.contains(c)));
        assert!(WHY_HERE.contains(&"here") && WHY_WANT.contains(&"want to"));
    }
}

//! What the words around a phrase say about it, beyond the phrase itself: an exception that is a
//! phrase of its own ("plan where" before "I would"), and a "we" that means the teller and the
//! patient rather than the team.

use super::Gaps;

/// Words that open a clause beside the main one ("while we walked", "because we were rushing"). A
/// "we" there describes what was going on around the teller's action, often with the patient, not
/// who did the work: the main clause says that ("I put on her music while we walked").
const CLAUSE_OPENERS: &[&str] = &[
    "while", "as", "because", "until", "till", "when", "whenever", "once", "since", "before",
    "after",
];

/// The clinicians an aide's "we" may include: with one of them named, "we changed the goal" is the
/// therapist's decision, and "I changed the goal" would claim what an aide may not do.
const CLINICIANS: &[&str] = &[
    "pt",
    "ot",
    "pta",
    "ota",
    "therapist",
    "therapists",
    "nurse",
    "nurses",
    "doctor",
    "physician",
    "supervisor",
];

/// Verbs of deciding the care: only a clinician does these, so a "we" before them that a
/// clinician is in is never the teller alone.
const DECISION_VERBS: &[&str] = &[
    "changed",
    "change",
    "decided",
    "decide",
    "adjusted",
    "adjust",
    "modified",
    "modify",
    "set",
    "updated",
    "update",
    "progressed",
    "progress",
    "planned",
    "plan",
    "chose",
    "agreed",
    "increased",
    "lowered",
    "added",
    "stopped",
    "ordered",
];

/// Words that name the patient (or resident, or client) in an aide's story.
const PATIENT: &[&str] = &[
    "she", "he", "her", "him", "his", "resident", "patient", "client", "mr", "mrs", "ms", "miss",
];

/// Words that, right after the verb, make the patient its object: the "we" who moved "him" is the
/// staff, not the patient.
const PATIENT_OBJECT: &[&str] = &[
    "him",
    "her",
    "them",
    "mr",
    "mrs",
    "ms",
    "miss",
    "resident",
    "residents",
    "patient",
    "patients",
];

/// Words that follow an object ("turned her over", "walked her to the gym") where a noun follows a
/// possessive ("her room"): what tells "her" the object from "her" the owner.
const AFTER_AN_OBJECT: &[&str] = &[
    "to",
    "up",
    "down",
    "over",
    "back",
    "into",
    "onto",
    "in",
    "out",
    "from",
    "with",
    "on",
    "off",
    "around",
    "across",
    "through",
    "and",
    "so",
    "slowly",
    "carefully",
    "safely",
    "again",
    "too",
];

/// Words between "we" and its verb that are not the verb ("we were rushing", "we slowly walked").
const NOT_THE_VERB: &[&str] = &[
    "were",
    "are",
    "was",
    "had",
    "have",
    "would",
    "could",
    "should",
    "will",
    "can",
    "did",
    "do",
    "then",
    "both",
    "all",
    "also",
    "just",
    "finally",
    "slowly",
    "carefully",
    "together",
    "still",
];

/// Verbs that are the staff's work whoever is in the room: a decision, a split of the work, a call
/// for help. A "we" with one of them is the team, and the teller should say what they did.
const TEAM_VERBS: &[&str] = &[
    "decided", "agreed", "planned", "chose", "split", "divided", "called", "paged", "reported",
    "told", "asked",
];

impl Gaps<'_> {
    /// Whether `phrase` (words, normalized) ends right before word `start`, in the same sentence.
    pub(super) fn ends_at(&self, start: usize, phrase: &[String]) -> bool {
        let Some(from) = start.checked_sub(phrase.len()) else {
            return false;
        };
        !phrase.is_empty()
            && phrase.iter().enumerate().all(|(o, w)| {
                let k = from + o;
                self.words.get(k) == Some(w.as_str()) && !self.sentence_ends_before(k + 1)
            })
    }

    /// Whether `phrase` (words, normalized) begins at word `end`, in the same sentence as the word
    /// before it.
    pub(super) fn begins_at(&self, end: usize, phrase: &[String]) -> bool {
        !phrase.is_empty()
            && phrase.iter().enumerate().all(|(o, w)| {
                let k = end + o;
                self.words.get(k) == Some(w.as_str()) && !self.sentence_ends_before(k)
            })
    }

    /// Whether the "we" at word `i` is the teller and the patient together, which "I" would get
    /// wrong ("I put on her music while we walked" is not "while I walked"). That is read from three
    /// things, and all must hold, so a "we" that did the work is still flagged:
    ///
    /// - the "we" opens a side clause ([`CLAUSE_OPENERS`]: "while we", "because we"), not the main one,
    ///   where "we decided" or "we transferred him" says who acted;
    /// - the patient is named ([`PATIENT`]) earlier in the sentence or in the sentence before, so
    ///   there is someone for "we" to include;
    /// - the clause's verb is not staff work ([`TEAM_VERBS`]) and does not take the patient as its
    ///   object ([`PATIENT_OBJECT`]: "while we turned him" is the staff).
    pub(super) fn we_with_patient(&self, i: usize) -> bool {
        let is_we = self
            .words
            .get(i)
            .is_some_and(|w| matches!(w, "we" | "we're" | "we've" | "we'd" | "we'll"));
        let opens_side_clause = !self.sentence_ends_before(i)
            && i.checked_sub(1)
                .and_then(|k| self.words.get(k))
                .is_some_and(|w| CLAUSE_OPENERS.contains(&w));
        if !is_we || !opens_side_clause {
            return false;
        }
        let start = self.sentence_start(i);
        let from = start
            .checked_sub(1)
            .map_or(start, |k| self.sentence_start(k));
        let named = (from..i).any(|k| self.words.get(k).is_some_and(|w| PATIENT.contains(&w)));
        named && !self.staff_work_after(i)
    }

    /// Whether the "we" at word `i` is the teller and a clinician deciding the care: a clinician is
    /// named earlier in its sentence and the verb after it is a decision ([`DECISION_VERBS`]). A
    /// user walk accepted "we" → "I" in "I told the PT and we changed the goal" and got "I
    /// changed the goal", a claim outside an aide's role.
    pub(super) fn we_with_clinician(&self, i: usize) -> bool {
        let is_we = self
            .words
            .get(i)
            .is_some_and(|w| matches!(w, "we" | "we've" | "we'd"));
        if !is_we {
            return false;
        }
        let start = self.sentence_start(i);
        let named = (start..i).any(|k| self.words.get(k).is_some_and(|w| CLINICIANS.contains(&w)));
        let mut v = i + 1;
        while self
            .words
            .get(v)
            .is_some_and(|w| matches!(w, "then" | "both" | "all" | "also" | "together"))
        {
            v += 1;
        }
        named
            && !self.sentence_ends_before(v)
            && self
                .words
                .get(v)
                .is_some_and(|w| DECISION_VERBS.contains(&w))
    }

    /// Whether the "we" at word `i` did something to each other ("we helped each other", "we
    /// covered for one another"): "I helped each other" does not read, as a user walk found.
    pub(super) fn we_each_other(&self, i: usize) -> bool {
        let mut k = i + 1;
        while k + 1 < self.words.len() && !self.sentence_ends_before(k + 1) {
            let pair = (self.words.get(k), self.words.get(k + 1));
            if matches!(
                pair,
                (Some("each"), Some("other")) | (Some("one"), Some("another"))
            ) {
                return true;
            }
            k += 1;
        }
        false
    }

    /// Whether the verb after the "we" at word `i` is staff work or has the patient as its object.
    fn staff_work_after(&self, i: usize) -> bool {
        let in_clause =
            |k: usize| !self.sentence_ends_before(k) && !self.gap(k).contains([',', ';', ':']);
        let word = |k: usize| self.words.get(k).filter(|_| in_clause(k));
        let mut v = i + 1;
        while word(v).is_some_and(|w| NOT_THE_VERB.contains(&w)) {
            v += 1;
        }
        let Some(verb) = word(v) else {
            return false;
        };
        let (object, next) = match word(v + 1) {
            Some("the" | "a" | "our" | "my") => (word(v + 2), v + 3),
            other => (other, v + 2),
        };
        // "Her" is an object in "turned her" or "walked her to", but only says whose in "reached
        // her room": there, the word after it is not one that can follow an object.
        let patient_object = match object {
            Some("her") => word(next).is_none_or(|w| AFTER_AN_OBJECT.contains(&w)),
            Some(w) => PATIENT_OBJECT.contains(&w),
            None => false,
        };
        TEAM_VERBS.contains(&verb) || patient_object
    }

    /// The first word of the sentence word `i` is in. The full stop of a title ("Mrs. L") does not
    /// end a sentence here, so the patient it names is in the sentence it begins.
    fn sentence_start(&self, i: usize) -> usize {
        let title = |k: usize| {
            self.words
                .get(k)
                .is_some_and(|w| matches!(w, "mr" | "mrs" | "ms" | "dr"))
        };
        let mut k = i;
        while k > 0 && (!self.sentence_ends_before(k) || title(k - 1)) {
            k -= 1;
        }
        k
    }
}

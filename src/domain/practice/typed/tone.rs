//! Speaking ill of an employer: "my agency is a mess", "management never listens". Interviewers
//! hear it as how you would one day talk about them, so the analysis says so kindly. Kept
//! conservative: a harsh word counts only in a sentence that also names a workplace or the people
//! in it, and not when it describes something else ("terrible pain", "an awful day").

use super::cues::tokens;

/// Harsh words about a place or people, one word or several in a row.
const HARSH: &[&str] = &[
    "a mess",
    "terrible",
    "awful",
    "horrible",
    "toxic",
    "incompetent",
    "useless",
    "clueless",
    "lazy",
    "rude",
    "unprofessional",
    "disorganized",
    "unfair",
    "ridiculous",
    "a joke",
    "a nightmare",
    "the worst",
    "sucks",
    "stupid",
    "idiot",
    "idiots",
    "hate",
    "hated",
    "hates",
    "can't stand",
    "cannot stand",
    "couldn't stand",
    "never listens",
    "never listened",
    "never listen",
    "doesn't listen",
    "don't listen",
    "didn't listen",
    "doesn't care",
    "don't care",
    "didn't care",
    "never helps",
    "never helped",
    "micromanages",
    "micromanaging",
    "sick of",
    "fed up",
];

/// Words for a workplace or the people in charge or alongside you there.
const WORKPLACE: &[&str] = &[
    "employer",
    "employers",
    "boss",
    "bosses",
    "manager",
    "managers",
    "management",
    "supervisor",
    "supervisors",
    "director",
    "owner",
    "owners",
    "administration",
    "admin",
    "corporate",
    "leadership",
    "scheduler",
    "schedulers",
    "scheduling",
    "coworker",
    "coworkers",
    "co worker",
    "co workers",
    "colleague",
    "colleagues",
    "company",
    "agency",
    "clinic",
    "hospital",
    "facility",
    "nursing home",
    "department",
    "office",
    "workplace",
    "job",
    "staff",
    "team",
];

/// After a harsh word, these say it describes something other than the workplace: "terrible
/// pain", "an awful day".
const NOT_ABOUT_WORK: &[&str] = &[
    "pain",
    "pains",
    "ache",
    "aches",
    "headache",
    "cramps",
    "fever",
    "cough",
    "shape",
    "condition",
    "fall",
    "falls",
    "injury",
    "accident",
    "balance",
    "mood",
    "weather",
    "traffic",
    "news",
    "day",
    "night",
    "week",
    "luck",
    "sleep",
];

/// Things a harsh word may describe just before it ("the records were a mess", "the supply
/// closet was a disaster"): describing a problem one fixed is not speaking ill of a workplace. A
/// persona walk's answer to a question about a messy set of records was told it spoke badly of a
/// job.
const THINGS: &[&str] = &[
    "records",
    "record",
    "files",
    "file",
    "charts",
    "chart",
    "paperwork",
    "schedule",
    "binder",
    "closet",
    "room",
    "gym",
    "desk",
    "shelves",
    "supplies",
    "forms",
    "notes",
    "system",
    "log",
];

/// People whose words an answer may report ("the patient said the clinic was terrible"): their
/// complaint is not the speaker's.
const REPORTED_BY: &[&str] = &[
    "patient",
    "patients",
    "resident",
    "residents",
    "family",
    "daughter",
    "son",
    "husband",
    "wife",
    "client",
    "student",
    "child",
    "parent",
    "parents",
];
const SAID: &[&str] = &[
    "said",
    "says",
    "told",
    "yelled",
    "shouted",
    "screamed",
    "complained",
];

/// The harsh words an answer uses about an employer, boss, coworkers or the job, in order and
/// each once; empty when it uses none.
pub(super) fn speaks_ill(text: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for sentence in text.split(['.', '!', '?', ';', '\n']) {
        let words = tokens(sentence);
        if !has(&words, WORKPLACE) || (has(&words, REPORTED_BY) && has(&words, SAID)) {
            continue;
        }
        for (at, cue) in matches(&words, HARSH) {
            let next = words.get(at + cue.split(' ').count());
            let thing = words[at.saturating_sub(3)..at]
                .iter()
                .any(|w| THINGS.contains(&w.as_str()));
            let elsewhere = thing || next.is_some_and(|w| NOT_ABOUT_WORK.contains(&w.as_str()));
            if !elsewhere && !found.iter().any(|f| f == cue) {
                found.push(cue.to_string());
            }
        }
    }
    found
}

fn has(words: &[String], cues: &[&str]) -> bool {
    !matches(words, cues).is_empty()
}

/// Where each cue (one word or several in a row) starts in `words`, in order.
fn matches<'c>(words: &[String], cues: &[&'c str]) -> Vec<(usize, &'c str)> {
    let mut out = Vec::new();
    for (i, _) in words.iter().enumerate() {
        for cue in cues {
            let parts = cue.split(' ');
            let n = parts.clone().count();
            if words.len() >= i + n && parts.zip(&words[i..]).all(|(p, w)| p == w) {
                out.push((i, *cue));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::speaks_ill;

    #[test]
    fn harsh_words_about_a_workplace_are_found() {
        assert_eq!(
            speaks_ill(
                "Honestly my agency is a mess. The scheduler is terrible and management never \
                 listens. I just want out."
            ),
            ["a mess", "terrible", "never listens"]
        );
        assert_eq!(speaks_ill("I hate my job."), ["hate"]);
        assert_eq!(speaks_ill("My boss is incompetent."), ["incompetent"]);
        assert_eq!(speaks_ill("I can't stand my coworkers."), ["can't stand"]);
        assert_eq!(speaks_ill("It is a toxic workplace."), ["toxic"]);
        assert_eq!(speaks_ill("My co-workers are awful."), ["awful"]);
    }

    #[test]
    fn harsh_words_about_anything_else_are_not() {
        for calm in [
            "The patient was in terrible pain, so I stopped and told the therapist.",
            "I told my supervisor the patient was in terrible pain.",
            "I had an awful day at the clinic, but I learned a lot.",
            "My boss is great and taught me how to use a gait belt.",
            "Traffic was terrible, so I left earlier.",
            "The patient said our clinic is a joke, so I listened and apologized.",
            "I want a job with more patient contact.",
            "When I started at the clinic the records were a mess, so I sorted them by date.",
        ] {
            assert!(
                speaks_ill(calm).is_empty(),
                "{calm}: {:?}",
                speaks_ill(calm)
            );
        }
    }
}

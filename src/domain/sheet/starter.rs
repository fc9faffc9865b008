//! A first draft of the 30-second introduction, built from the profile, with what only the user
//! knows left as blanks in [brackets]: a blank page is the hardest start for "Tell me about yourself".
//!
//! It follows the shape the coaching asks for (where you are now, what you did before, why this
//! job), names the job by its short name ("PT aide") and the clinic, and is 60–90 words, about 30
//! seconds spoken; the tests hold every background and role to that.

use crate::domain::content::Library;
use crate::domain::profile::{Background, Profile};

/// A draft introduction for `profile`. Its blanks are in square brackets; see [`blanks`].
pub fn starter(profile: &Profile, lib: &Library) -> String {
    let role = profile
        .roles
        .first()
        .and_then(|id| lib.role(id))
        .map(|r| r.short.trim().to_string())
        .filter(|s| !s.is_empty());
    let employer = profile.employer.trim();
    let (now, before, why) = match profile.background {
        Some(Background::CnaCaregiver) => (
            "I'm a CNA at [where you work now], where I care for [who you care for].".to_string(),
            "For [how many] years I have helped people with transfers, walking and daily care, \
             and I have seen how much therapy gives them back."
                .to_string(),
            "I'd like to help people get stronger, not only comfortable, and work side by side \
             with the therapists.",
        ),
        Some(Background::HomeCareAide) => (
            "I'm a home health aide with [agency or family you work for], caring for [who you \
             care for] in their homes."
                .to_string(),
            "For [how many] years I have helped people move safely, get dressed and keep up their \
             exercises at home, and I have seen what therapy gives them back."
                .to_string(),
            "I'd like to help people get stronger, not only cared for, and work side by side with \
             the therapists.",
        ),
        Some(Background::Student) => (
            "I'm a student at [your school], in [your program].".to_string(),
            "Before this, I [a job or volunteer work where you helped people], and I learned \
             how much a calm, steady helper matters to someone who is hurting."
                .to_string(),
            "I'd love to learn from the therapists, grow into the work, and help patients make \
             progress every week.",
        ),
        Some(Background::CareerChanger) => (
            "I'm a [your job now] at [where you work now].".to_string(),
            "For [how many] years I have [what you did that fits this job, like helping people \
             or keeping things organized], and those skills carry over to a clinic."
                .to_string(),
            "I'm looking for work where I see people get better week by week, and I'm ready to \
             learn how a clinic runs.",
        ),
        Some(Background::AideMovingUp) => (
            format!(
                "I'm {} at [where you work now].",
                with_article(aide_for(role.as_deref()))
            ),
            "For [how many] years I have set up treatment areas, helped patients through their \
             exercises, kept the day on schedule and learned how the therapists plan care."
                .to_string(),
            "I'm ready to take on more of the treatment myself, and to keep learning from the \
             therapists.",
        ),
        Some(Background::NewGraduate) => (
            format!(
                "I'm a new graduate of the {} program at [your school], getting ready for my \
                 license exam.",
                program_for(role.as_deref())
            ),
            "In my clinical rotations I worked with [the patients you saw] at [where], and I \
             learned [one thing you do well]."
                .to_string(),
            "I'd like to start my career where I can keep learning from the team.",
        ),
        Some(Background::WorkingAssistant) => (
            format!(
                "I'm {} at [where you work now], where I treat [the patients you see most].",
                with_article(&role.clone().unwrap_or_else(|| "[PTA or OTA]".to_string()))
            ),
            "For [how many] years I have carried a full caseload, kept my notes on time and \
             worked closely with the therapists and aides."
                .to_string(),
            "[what draws you to this team or these patients], and I'd like to keep growing \
             in [an area you want to build].",
        ),
        None => (
            "I'm a [your job now] at [where you work now], where I [what you do each day]."
                .to_string(),
            "For [how many] years I have [what you did that fits this job], and I learned \
             [something that carries over to therapy]."
                .to_string(),
            "[what draws you to this job], and I'd like to help patients get stronger.",
        ),
    };
    let at = if employer.is_empty() {
        " here".to_string()
    } else {
        format!(" at {employer}")
    };
    let close = match role {
        Some(r) => format!("I want to work as {}{at} because {why}", with_article(&r)),
        None => format!("I want to work in therapy{at} because {why}"),
    };
    format!("{now} {before} {close}")
}

/// The blanks left in `text`: each "[…]" with what is inside it.
pub fn blanks(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        let Some(close) = after.find(']') else { break };
        out.push(&after[..close]);
        rest = &after[close + 1..];
    }
    out
}

/// The aide job someone aiming at `role` holds now: a PT aide for a PTA job, an OT aide for an OTA.
fn aide_for(role: Option<&str>) -> &'static str {
    match role {
        Some(r) if r.starts_with("OT") => "OT aide",
        Some(r) if r.starts_with("PT") => "PT aide",
        _ => "therapy aide",
    }
}

/// The assistant program a new graduate aiming at `role` finished.
fn program_for(role: Option<&str>) -> &'static str {
    match role {
        Some(r) if r.starts_with("OT") => "OTA",
        Some(r) if r.starts_with("PT") => "PTA",
        _ => "[PTA or OTA]",
    }
}

/// "a PT aide", "an OTA": "an" before a vowel letter, which is right for these short names.
fn with_article(name: &str) -> String {
    let vowel = name
        .chars()
        .next()
        .is_some_and(|c| "AEIOUaeiou".contains(c));
    format!("{} {name}", if vowel { "an" } else { "a" })
}

#[cfg(test)]
#[path = "starter_tests.rs"]
mod tests;

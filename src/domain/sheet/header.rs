//! The sheet's header: who, for which job, when, and how to find the clinic and who to ask for.

use super::{Inputs, one_line};
use chrono::{NaiveDate, NaiveTime};

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Header {
    /// The person's name, or "" when the profile has none.
    pub name: String,
    /// e.g. "Physical therapy aide at Riverside Orthopedics (Outpatient clinic)".
    pub job: Option<String>,
    /// e.g. "Thursday, December 3, 2026, 10:00 AM".
    pub when: Option<String>,
    /// The clinic's address, who to ask for and the phone number, where given.
    pub clinic: Vec<String>,
}

pub(super) fn header(inputs: &Inputs) -> Header {
    let p = inputs.profile;
    let roles: Vec<String> = p
        .roles
        .iter()
        .filter_map(|id| inputs.lib.role(id))
        .map(|r| one_line(&r.name))
        .collect();
    let employer = one_line(&p.employer);
    let setting = p.setting.map(|s| s.label());
    let mut job = if roles.is_empty() {
        String::new()
    } else {
        roles.join(" or ")
    };
    if !employer.is_empty() {
        if !job.is_empty() {
            job.push_str(" at ");
        }
        job.push_str(&employer);
    }
    if let Some(setting) = setting {
        if job.is_empty() {
            job = setting.to_string();
        } else {
            job.push_str(&format!(" ({setting})"));
        }
    }
    let when = inputs.interview_date.map(|d| when(d, p.interview_time));
    let c = &inputs.choices.clinic;
    let clinic: Vec<String> = [
        one_line(&c.address),
        labelled("Ask for", &c.contact),
        labelled("Phone", &c.phone),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect();
    Header {
        name: one_line(&p.name),
        job: (!job.is_empty()).then_some(job),
        when,
        clinic,
    }
}

fn labelled(label: &str, text: &str) -> String {
    let t = one_line(text);
    if t.is_empty() {
        t
    } else {
        format!("{label}: {t}")
    }
}

/// "Thursday, December 3, 2026, 10:00 AM", as people in the US write it.
pub fn when(date: NaiveDate, time: Option<NaiveTime>) -> String {
    let day = date.format("%A, %B %-d, %Y").to_string();
    match time {
        Some(t) => format!("{day}, {}", t.format("%-I:%M %p")),
        None => day,
    }
}

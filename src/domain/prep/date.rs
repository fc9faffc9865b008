//! Reading the interview date the user types, the ways people write dates on US forms and in texts.

use chrono::{Datelike, Days, NaiveDate};

/// Parses an interview date: `12/16/2026`, `12/16/26`, `12/16`, `2026-12-16`, `Dec 16`,
/// `December 16th, 2026` or `16 Dec` (numbers month first, as on US forms; a weekday before it, as
/// in "Thursday, Dec 16", is allowed). Without a year it is the next such day, today included.
/// Dates before `today` are refused, since a countdown to the past helps no one. The error is a
/// sentence for the user.
pub fn parse_interview_date(text: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    let Some(date) = read_date(text, today) else {
        return Err(format!(
            "\"{}\" is not a date clinicprep can read. Type it like {}.",
            crate::storage::sanitize::clean_line(text.trim()),
            examples(today)
        ));
    };
    if date < today {
        return Err(format!(
            "{} is in the past. Type the date of your interview, today or later.",
            date.format("%B %-d, %Y")
        ));
    }
    Ok(date)
}

/// Two ways to write a date two weeks from `today`, for hints: "12/07/2026 or Dec 7".
pub fn examples(today: NaiveDate) -> String {
    let d = today.checked_add_days(Days::new(14)).unwrap_or(today);
    format!("{} or {}", d.format("%m/%d/%Y"), d.format("%b %-d"))
}

/// The date `text` names, if it names one.
fn read_date(text: &str, today: NaiveDate) -> Option<NaiveDate> {
    let text = text.trim().to_lowercase();
    let numeric = |c: char| c.is_ascii_digit() || c == '/' || c == '-';
    if !text.is_empty() && text.chars().all(numeric) {
        return read_numbers(&text, today);
    }
    read_words(&text, today)
}

/// `2026-12-16`, `12/16/2026`, `12-16-2026`, `12/16/26` or `12/16`.
fn read_numbers(text: &str, today: NaiveDate) -> Option<NaiveDate> {
    let parts: Vec<&str> = text.split(['/', '-']).collect();
    let number = |s: &str| -> Option<u32> {
        (!s.is_empty() && s.len() <= 4)
            .then(|| s.parse().ok())
            .flatten()
    };
    match parts.as_slice() {
        [y, m, d] if y.len() == 4 => NaiveDate::from_ymd_opt(year(y)?, number(m)?, number(d)?),
        [m, d, y] => NaiveDate::from_ymd_opt(year(y)?, number(m)?, number(d)?),
        [m, d] => next(number(m)?, number(d)?, today),
        _ => None,
    }
}

/// A year of four digits, or of two (`26` is 2026).
fn year(s: &str) -> Option<i32> {
    let n: i32 = s.parse().ok()?;
    match s.len() {
        4 => Some(n),
        2 => Some(2000 + n),
        _ => None,
    }
}

/// Month names with a day and maybe a year, in either order: "dec 16", "december 16th, 2026",
/// "16 dec 2026", with a weekday before them or not.
fn read_words(text: &str, today: NaiveDate) -> Option<NaiveDate> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',' || c == '.')
        .filter(|w| !w.is_empty())
        .collect();
    let mut month = None;
    let mut numbers = Vec::new();
    for w in words {
        if let Some(m) = month_named(w) {
            if month.replace(m).is_some() {
                return None;
            }
        } else if is_weekday(w) || ["of", "the", "on"].contains(&w) {
            // Named beside the date for the reader's sake ("Thursday, the 7th of December"); the
            // date decides.
        } else {
            let digits = ["st", "nd", "rd", "th"]
                .iter()
                .find_map(|s| w.strip_suffix(s))
                .unwrap_or(w);
            if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
                return None;
            }
            numbers.push(digits);
        }
    }
    let month = month?;
    match numbers.as_slice() {
        [d] if d.len() <= 2 => next(month, d.parse().ok()?, today),
        [d, y] if d.len() <= 2 => NaiveDate::from_ymd_opt(year(y)?, month, d.parse().ok()?),
        _ => None,
    }
}

/// The month `word` names (1–12): its full name or its first three letters or more ("sept").
fn month_named(word: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    if word.len() < 3 {
        return None;
    }
    let i = MONTHS.iter().position(|m| m.starts_with(word))?;
    u32::try_from(i + 1).ok()
}

fn is_weekday(word: &str) -> bool {
    const DAYS: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    word.len() >= 3 && DAYS.iter().any(|d| d.starts_with(word))
}

/// The next `month`/`day` from `today` on: this year's, or next year's once this year's is past.
fn next(month: u32, day: u32, today: NaiveDate) -> Option<NaiveDate> {
    let this_year = NaiveDate::from_ymd_opt(today.year(), month, day);
    match this_year {
        Some(d) if d >= today => Some(d),
        _ => NaiveDate::from_ymd_opt(today.year() + 1, month, day),
    }
}

#[cfg(test)]
#[path = "date_tests.rs"]
mod tests;

//! Reading the interview date and time the user types, the ways people write them on US forms and
//! in texts.

use chrono::{Datelike, Days, NaiveDate, NaiveTime, Weekday};

/// The interview's day, and its time when one was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct When {
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
}

impl When {
    /// "Thursday, December 10, 2026 at 10:00 AM", or the day alone.
    pub fn long(&self) -> String {
        let day = self.date.format("%A, %B %-d, %Y");
        match self.time {
            Some(t) => format!("{day} at {}", clock(t)),
            None => day.to_string(),
        }
    }

    /// How the date field shows it when it opens again: "12/10/2026 10:00 AM".
    pub fn typed(&self) -> String {
        let day = self.date.format("%m/%d/%Y");
        match self.time {
            Some(t) => format!("{day} {}", clock(t)),
            None => day.to_string(),
        }
    }
}

/// A time of day as a US reader expects it: "10:00 AM".
pub fn clock(t: NaiveTime) -> String {
    t.format("%-I:%M %p").to_string()
}

/// Parses an interview date, with a time after it or not: `12/16/2026`, `12/16/26`, `12/16`,
/// `2026-12-16`, `Dec 16`, `December 16th, 2026`, `16 Dec`, `today` or `tomorrow` (numbers month
/// first, as on US forms; a weekday before a date, as in "Thursday, Dec 17" or "Thu 12/17", is
/// allowed if it fits the date, but not alone: "Thursday" could be this week's or next, and the
/// error names both), then maybe `10am`, `at 10:30 am`, `14:00`, `noon` or an hour alone after
/// "at" (`at 10`, `at 2`: see [`bare_hour`]), or at the end where the number cannot be the year
/// (`Dec 13 10`, `12/13 10`). Without a year it is the next such day, today
/// included. Dates before `today` are refused, since a countdown to the past helps no one. The
/// error is a sentence for the user.
pub fn parse_interview(text: &str, today: NaiveDate) -> Result<When, String> {
    let strict = parse_as_written(text, today);
    if strict.is_ok() {
        return strict;
    }
    // "Dec 13 10" read as December 13, 2010 is in the past, and "12/13 10" reads as nothing; a
    // number alone at the end is the hour people leave "at" out of, when that gives a date ahead.
    let words: Vec<&str> = text.split_whitespace().collect();
    if let [before @ .., last] = words.as_slice()
        && !before.is_empty()
        && let Some(time) = bare_hour(last)
        && let Ok(when) = parse_as_written(&before.join(" "), today)
        && when.time.is_none()
    {
        return Ok(When {
            date: when.date,
            time: Some(time),
        });
    }
    strict
}

/// [`parse_interview`] without the second reading of a bare number at the end as the hour.
fn parse_as_written(text: &str, today: NaiveDate) -> Result<When, String> {
    let lower = text.trim().to_lowercase();
    let (rest, time) = split_time(&lower)?;
    let (named, bare) = without_weekday(&rest);
    let Some(date) = read_date(&bare, today) else {
        if let Some(day) = weekday_alone(&rest) {
            return Err(which_weekday(day, time, today));
        }
        return Err(format!(
            "\"{}\" is not a date clinicprep can read. Type it like {}.",
            crate::storage::sanitize::clean_line(text.trim()),
            examples(today)
        ));
    };
    if date < today {
        return Err(format!(
            "{} is in the past. Type the date of your interview, today or later (with the year \
             if it is next year's).",
            date.format("%B %-d, %Y")
        ));
    }
    match named {
        Some(day) if day != date.weekday() => Err(not_that_weekday(date, day, today)),
        _ => Ok(When { date, time }),
    }
}

/// `text` (lowercase, no time) with any weekday taken out, and the first weekday it named: "thu
/// 12/17" is "12/17", named Thursday. The date decides the day; the weekday is checked against it.
fn without_weekday(text: &str) -> (Option<Weekday>, String) {
    let mut named = None;
    let mut kept = Vec::new();
    for word in text.split(|c: char| c.is_whitespace() || c == ',') {
        match weekday_named(word.trim_end_matches('.')) {
            Some(day) => {
                named.get_or_insert(day);
            }
            None if !word.is_empty() => kept.push(word),
            None => {}
        }
    }
    (named, kept.join(" "))
}

/// Says that `date` falls on another weekday than the `named` one, and offers both readings: the
/// date as typed, and the nearest `named` day to it that is not past. An interview written down as
/// "Thursday, Dec 16" when the 16th is a Wednesday is off by a day one way or the other, and only
/// the user knows which.
fn not_that_weekday(date: NaiveDate, named: Weekday, today: NaiveDate) -> String {
    let after = (7 + named.num_days_from_monday() - date.weekday().num_days_from_monday()) % 7;
    let later = date.checked_add_days(Days::new(u64::from(after)));
    let earlier = date
        .checked_sub_days(Days::new(u64::from(7 - after)))
        .filter(|d| *d >= today);
    let other = match earlier {
        Some(d) if 7 - after < after => d,
        _ => later.unwrap_or(date),
    };
    format!(
        "{} is a {}, not a {}. Which is it: {} or {}? Type the date again.",
        date.format("%B %-d, %Y"),
        date.format("%A"),
        other.format("%A"),
        date.format("%A, %b %-d"),
        other.format("%A, %b %-d"),
    )
}

/// What a date being typed reads as, for showing under the field while it is typed: the day spelled
/// out with how far off it is ("Thursday, December 17, 2026 at 10:00 AM, in 11 days"), or what is
/// wrong with it; `None` while the text is empty.
pub fn reading(text: &str, today: NaiveDate) -> Option<Result<String, String>> {
    if text.trim().is_empty() {
        return None;
    }
    Some(parse_interview(text, today).map(|w| {
        let off = match (w.date - today).num_days() {
            0 => "today".to_string(),
            1 => "tomorrow".to_string(),
            n => format!("in {n} days"),
        };
        format!("{}, {off}", w.long())
    }))
}

/// Takes a time of day off the end of `text` (lowercase): the rest, and the time if there was one.
/// Only words that can only be times count ("10am", "10:00", "noon"), so the 10 of "Dec 10" stays a
/// day; one that looks like a time but is none ("13pm", "10:75") is refused.
fn split_time(text: &str) -> Result<(String, Option<NaiveTime>), String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    if let [before @ .., "at" | "@", hour] = words.as_slice()
        && let Some(time) = bare_hour(hour)
    {
        return Ok((before.join(" "), Some(time)));
    }
    let ampm = |w: &str| ["am", "pm", "a.m.", "p.m."].contains(&w);
    let (n, candidate) = match words.as_slice() {
        [.., h, m] if ampm(m) => (2, format!("{h}{m}")),
        [.., last] => (1, (*last).to_string()),
        [] => return Ok((String::new(), None)),
    };
    let Some(time) = read_time(&candidate) else {
        return Ok((text.to_string(), None));
    };
    let time = time.ok_or_else(|| {
        format!(
            "\"{}\" is not a time clinicprep can read. Type it like 10:00 AM or 2:30 pm.",
            crate::storage::sanitize::clean_line(&candidate)
        )
    })?;
    let mut rest = words.get(..words.len() - n).unwrap_or_default();
    if let [before @ .., "at" | "@"] = rest {
        rest = before;
    }
    Ok((rest.join(" "), Some(time)))
}

/// The hour a number alone after "at" names, as people say it of a working day ("at 10", "at 2"):
/// 7 to 11 in the morning, 12 noon, 1 to 6 in the afternoon, 13 to 23 as on a 24-hour clock. The
/// reading under the field shows which it took, so a guess is seen before it is saved.
fn bare_hour(word: &str) -> Option<NaiveTime> {
    if word.is_empty() || word.len() > 2 || !word.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let hour = match word.parse::<u32>().ok()? {
        h @ 1..=6 => h + 12,
        h @ 7..=23 => h,
        _ => return None,
    };
    NaiveTime::from_hms_opt(hour, 0, 0)
}

/// `None` when `word` is not written as a time; `Some(None)` when it is but names none.
fn read_time(word: &str) -> Option<Option<NaiveTime>> {
    if word == "noon" {
        return Some(NaiveTime::from_hms_opt(12, 0, 0));
    }
    let word = word.replace('.', "");
    let (body, pm) = match (word.strip_suffix("am"), word.strip_suffix("pm")) {
        (Some(b), _) => (b, Some(false)),
        (_, Some(b)) => (b, Some(true)),
        _ => (word.as_str(), None),
    };
    let (h, m) = match body.split_once(':') {
        Some((h, m)) => (h, Some(m)),
        None => (body, None),
    };
    let digits = |s: &str| !s.is_empty() && s.len() <= 2 && s.chars().all(|c| c.is_ascii_digit());
    if !digits(h) || m.is_some_and(|m| !digits(m)) || (pm.is_none() && m.is_none()) {
        return None;
    }
    let h: u32 = h.parse().ok()?;
    let m: u32 = m.map_or(Some(0), |m| m.parse().ok())?;
    let hour = match pm {
        None => Some(h),
        Some(_) if !(1..=12).contains(&h) => None,
        Some(false) => Some(h % 12),
        Some(true) => Some(h % 12 + 12),
    };
    Some(hour.and_then(|h| NaiveTime::from_hms_opt(h, m, 0)))
}

/// Two ways to write a date two weeks from `today`, the second with a time, for hints:
/// "12/07/2026 or Dec 7 10am".
pub fn examples(today: NaiveDate) -> String {
    let d = today.checked_add_days(Days::new(14)).unwrap_or(today);
    format!("{} or {} 10am", d.format("%m/%d/%Y"), d.format("%b %-d"))
}

/// The date `text` (lowercase, trimmed) names, if it names one.
fn read_date(text: &str, today: NaiveDate) -> Option<NaiveDate> {
    let numeric = |c: char| c.is_ascii_digit() || c == '/' || c == '-';
    match text {
        "today" => Some(today),
        "tomorrow" => today.succ_opt(),
        _ if !text.is_empty() && text.chars().all(numeric) => read_numbers(text, today),
        _ => read_words(text, today),
    }
}

/// `2026-12-16`, `12/16/2026`, `12-16-2026`, `12/16/26` or `12/16`.
fn read_numbers(text: &str, today: NaiveDate) -> Option<NaiveDate> {
    let parts: Vec<&str> = text.split(['/', '-']).collect();
    let number = |s: &str| s.parse::<u32>().ok().filter(|_| s.len() <= 4);
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
    weekday_named(word).is_some()
}

/// The day of the week `word` names: its full name or its first three letters or more ("thurs").
fn weekday_named(word: &str) -> Option<Weekday> {
    const DAYS: [(&str, Weekday); 7] = [
        ("monday", Weekday::Mon),
        ("tuesday", Weekday::Tue),
        ("wednesday", Weekday::Wed),
        ("thursday", Weekday::Thu),
        ("friday", Weekday::Fri),
        ("saturday", Weekday::Sat),
        ("sunday", Weekday::Sun),
    ];
    if word.len() < 3 {
        return None;
    }
    DAYS.iter()
        .find(|(name, _)| name.starts_with(word))
        .map(|&(_, day)| day)
}

/// The weekday `text` (lowercase, no time) names with no date: "thursday", "next thu", "this
/// friday". "Next Thursday" means this week's to some people and next week's to others, so these
/// are not read as a date; the user is asked which one instead.
fn weekday_alone(text: &str) -> Option<Weekday> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',' || c == '.')
        .filter(|w| !w.is_empty() && !["this", "next", "on", "coming"].contains(w))
        .collect();
    match words.as_slice() {
        [word] => weekday_named(word),
        _ => None,
    }
}

/// Asks which of the next two `day`s (today counting) is meant, with a way to type the first:
/// "Which Thursday: December 10 or December 17? Type the date, like Dec 10 10am."
fn which_weekday(day: Weekday, time: Option<NaiveTime>, today: NaiveDate) -> String {
    let ahead = (7 + day.num_days_from_monday() - today.weekday().num_days_from_monday()) % 7;
    let first = today
        .checked_add_days(Days::new(u64::from(ahead)))
        .unwrap_or(today);
    let second = first.checked_add_days(Days::new(7)).unwrap_or(first);
    let named = |d: NaiveDate| {
        let date = d.format("%B %-d").to_string();
        if d == today {
            format!("{date} (today)")
        } else {
            date
        }
    };
    let example = match time {
        Some(t) => format!("{} {}", first.format("%b %-d"), clock(t)),
        None => first.format("%b %-d").to_string(),
    };
    format!(
        "Which {}: {} or {}? Type the date, like {example}.",
        first.format("%A"),
        named(first),
        named(second)
    )
}

/// Up to this many days back, a month and day with no year is this year's date gone by, not next
/// year's: "12/1" typed on December 7 was a slip or last week's interview, and a persona walk saw it
/// saved as December 1 of the next year, 359 days away, without a word.
const RECENT_DAYS: i64 = 31;

/// The `month`/`day` meant with no year: this year's from `today` on (or gone by in the last
/// [`RECENT_DAYS`], which the caller then calls past), else next year's.
fn next(month: u32, day: u32, today: NaiveDate) -> Option<NaiveDate> {
    let this_year = NaiveDate::from_ymd_opt(today.year(), month, day);
    match this_year {
        Some(d) if d >= today || (today - d).num_days() <= RECENT_DAYS => Some(d),
        _ => NaiveDate::from_ymd_opt(today.year() + 1, month, day),
    }
}

#[cfg(test)]
#[path = "date_tests.rs"]
mod tests;

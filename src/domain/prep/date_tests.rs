use super::*;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

const TODAY: &str = "2026-11-23";

fn read(text: &str) -> Result<NaiveDate, String> {
    parse_interview(text, d(TODAY)).map(|w| w.date)
}

fn at(h: u32, m: u32) -> Option<NaiveTime> {
    NaiveTime::from_hms_opt(h, m, 0)
}

#[test]
fn a_time_after_the_date_is_read_and_a_day_number_is_never_taken_for_one() {
    let when = |text: &str| parse_interview(text, d(TODAY));
    for (text, time) in [
        ("Dec 10 10am", at(10, 0)),
        ("12/10 at 10:30 am", at(10, 30)),
        ("Thursday, December 10th at 2 PM", at(14, 0)),
        ("12/10/2026 14:05", at(14, 5)),
        ("dec 10 12am", at(0, 0)),
        ("dec 10 @ noon", at(12, 0)),
        ("dec 10 9 a.m.", at(9, 0)),
        ("Dec 10", None),
        ("10 Dec", None),
    ] {
        let w = when(text).unwrap_or_else(|e| panic!("{text}: {e}"));
        assert_eq!((w.date, w.time), (d("2026-12-10"), time), "{text}");
    }
    for text in ["dec 10 13pm", "dec 10 10:75", "dec 10 25:00", "dec 10 0am"] {
        let e = when(text).unwrap_err();
        assert!(
            e.contains("is not a time") && e.contains("10:00 AM"),
            "{text}: {e}"
        );
    }
    let e = when("10am").unwrap_err();
    assert!(
        e.contains("\"10am\" is not a date"),
        "a time alone needs its day: {e}"
    );
    let w = when("Dec 10 10:00").unwrap();
    assert_eq!(w.long(), "Thursday, December 10, 2026 at 10:00 AM");
    assert_eq!(w.typed(), "12/10/2026 10:00 AM");
    assert_eq!(
        when(&w.typed()),
        Ok(w),
        "what the field reopens with reads back"
    );
}

#[test]
fn both_spellings_and_today_are_accepted() {
    assert_eq!(read(" 2026-12-07 "), Ok(d("2026-12-07")));
    assert_eq!(read("12/07/2026"), Ok(d("2026-12-07")));
    assert_eq!(read("2026-11-23"), Ok(d(TODAY)));
}

#[test]
fn dates_as_people_write_them_are_read() {
    for text in [
        "12/7",
        "12/07/26",
        "12-07-2026",
        "Dec 7",
        "dec. 7th",
        "December 7, 2026",
        "DECEMBER 7TH 2026",
        "7 Dec",
        "7 December 2026",
        "Monday, Dec 7",
        "mon dec 7",
        "on the 7th of December",
    ] {
        assert_eq!(read(text), Ok(d("2026-12-07")), "{text}");
    }
    assert_eq!(
        read("Sept 3"),
        Ok(d("2027-09-03")),
        "a month gone by is next year's"
    );
}

#[test]
fn today_and_tomorrow_are_words_enough_but_a_weekday_alone_is_not() {
    assert_eq!(read("Today"), Ok(d(TODAY)));
    assert_eq!(read("tomorrow"), Ok(d("2026-11-24")));
    let w = parse_interview("tomorrow at 2pm", d(TODAY)).unwrap();
    assert_eq!((w.date, w.time), (d("2026-11-24"), at(14, 0)));
    // "Thursday" could be this week's or next; the date says which.
    assert!(read("thursday").is_err());
}

/// A weekday with no date is answered with the two days it could mean, today counting, and a way
/// to type the first (with the time typed, if one was).
#[test]
fn a_weekday_alone_is_answered_with_the_two_days_it_could_be() {
    // 23 November 2026 is a Monday.
    let e = read("Thursday").unwrap_err();
    assert_eq!(
        e,
        "Which Thursday: November 26 or December 3? Type the date, like Nov 26."
    );
    let e = read("next thurs 10am").unwrap_err();
    assert_eq!(
        e,
        "Which Thursday: November 26 or December 3? Type the date, like Nov 26 10:00 AM."
    );
    let e = read("this Monday").unwrap_err();
    assert_eq!(
        e,
        "Which Monday: November 23 (today) or November 30? Type the date, like Nov 23."
    );
    let e = read("on sunday, at noon").unwrap_err();
    assert!(
        e.starts_with("Which Sunday: November 29 or December 6?"),
        "{e}"
    );
    // What the answer suggests reads as the first day it named.
    assert_eq!(
        parse_interview("Nov 26 10:00 AM", d(TODAY)),
        Ok(When {
            date: d("2026-11-26"),
            time: at(10, 0)
        })
    );
    // Two weekdays, or a weekday and a word that is not a date, are not a date at all.
    for text in ["monday friday", "next week", "thursday morning"] {
        let e = read(text).unwrap_err();
        assert!(e.contains("not a date"), "{text}: {e}");
    }
}

#[test]
fn without_a_year_it_is_the_next_such_day_today_included() {
    assert_eq!(read("11/23"), Ok(d(TODAY)));
    assert_eq!(read("Nov 24"), Ok(d("2026-11-24")));
    assert_eq!(read("1/5"), Ok(d("2027-01-05")));
    // Gone by in the last month: a slip or a past interview, said to be past, not next year's.
    let past = read("Nov 22").unwrap_err();
    assert!(past.contains("November 22, 2026 is in the past"), "{past}");
    assert!(past.contains("with the year"), "{past}");
    assert!(read("10/23").is_err(), "31 days back");
    assert_eq!(
        read("10/22"),
        Ok(d("2027-10-22")),
        "32 days back: next year's"
    );
    assert_eq!(
        read("11/22/2027"),
        Ok(d("2027-11-22")),
        "with the year, next year's"
    );
    // No February 29th in 2027 either: not a date.
    assert!(read("2/29").is_err());
    assert_eq!(
        parse_interview("2/29", d("2027-12-01")).map(|w| w.date),
        Ok(d("2028-02-29"))
    );
}

#[test]
fn nonsense_and_the_past_are_refused_with_advice() {
    for text in [
        "next week",
        "2026-02-30",
        "13/01/2026",
        "12/7/202",
        "Dec",
        "Dec 7 8 2026",
        "Dec Jan 7",
        "7",
        "12//7",
        "ma 7",
    ] {
        let e = read(text).unwrap_err();
        assert!(e.contains("not a date"), "{text}: {e}");
        assert!(e.contains("12/07/2026 or Dec 7"), "{text}: {e}");
    }
    let e = read("2026-11-22").unwrap_err();
    assert!(e.contains("November 22, 2026 is in the past"), "{e}");
    let e = read("11/22/26").unwrap_err();
    assert!(e.contains("in the past"), "{e}");
    let e = read("\u{1b}[2J").unwrap_err();
    assert!(
        !e.contains('\u{1b}'),
        "typed control characters are not echoed"
    );
}

#[test]
fn the_examples_are_two_weeks_out() {
    assert_eq!(examples(d(TODAY)), "12/07/2026 or Dec 7 10am");
    assert_eq!(examples(d("2026-12-25")), "01/08/2027 or Jan 8 10am");
    for e in examples(d(TODAY)).split(" or ") {
        assert!(
            parse_interview(e, d(TODAY)).is_ok(),
            "the example {e} reads"
        );
    }
}

proptest::proptest! {
    /// Whatever is typed, reading it never panics, and a date it accepts is never in the past.
    #[test]
    fn any_text_is_read_or_refused(text in "\\PC{0,24}") {
        if let Ok(date) = read(&text) {
            proptest::prop_assert!(date >= d(TODAY));
        }
    }

    /// Every day of the coming years reads back from its US form and from its month name.
    #[test]
    fn every_future_day_reads_back(days in 0u64..2000) {
        let date = d(TODAY) + Days::new(days);
        proptest::prop_assert_eq!(read(&date.format("%m/%d/%Y").to_string()), Ok(date));
        proptest::prop_assert_eq!(read(&date.format("%B %-d, %Y").to_string()), Ok(date));
        proptest::prop_assert_eq!(read(&date.format("%a %b %-d %Y").to_string()), Ok(date));
        let time = NaiveTime::from_hms_opt((days % 24) as u32, (days % 60) as u32, 0);
        let w = When { date, time };
        proptest::prop_assert_eq!(parse_interview(&w.typed(), d(TODAY)), Ok(w));
    }
}

/// Under the field while a date is typed: the day in full with how far off it is, or the error.
#[test]
fn the_reading_spells_out_the_day_and_how_far_off_it_is() {
    let today = d(TODAY);
    assert_eq!(reading("  ", today), None);
    assert_eq!(
        reading("Dec 17 10am", today),
        Some(Ok(
            "Thursday, December 17, 2026 at 10:00 AM, in 24 days".to_string()
        ))
    );
    assert_eq!(
        reading("today", today),
        Some(Ok("Monday, November 23, 2026, today".to_string()))
    );
    assert_eq!(
        reading("tomorrow", today),
        Some(Ok("Tuesday, November 24, 2026, tomorrow".to_string()))
    );
    assert_eq!(
        reading("Thursday", today),
        Some(Err(
            "Which Thursday: November 26 or December 3? Type the date, like Nov 26.".to_string()
        ))
    );
}

/// "Dec 17 at 10", as people say it: an hour alone after "at" is taken as a working day's, 7 to 11
/// in the morning and 12 to 6 in the afternoon; the reading spells out which.
#[test]
fn an_hour_alone_after_at_is_read_as_a_working_days() {
    let when = |text: &str| parse_interview(text, d(TODAY)).map(|w| (w.date, w.time));
    for (text, time) in [
        ("Dec 17 at 10", at(10, 0)),
        ("12/17 at 7", at(7, 0)),
        ("dec 17 @ 12", at(12, 0)),
        ("Thursday, Dec 17 at 2", at(14, 0)),
        ("12/17/2026 at 6", at(18, 0)),
        ("dec 17 at 18", at(18, 0)),
        ("tomorrow at 9", at(9, 0)),
    ] {
        let date = if text.starts_with("tomorrow") {
            d("2026-11-24")
        } else {
            d("2026-12-17")
        };
        assert_eq!(when(text), Ok((date, time)), "{text}");
    }
    assert_eq!(
        reading("Dec 17 at 2", d(TODAY)),
        Some(Ok(
            "Thursday, December 17, 2026 at 2:00 PM, in 24 days".to_string()
        ))
    );
    // No hour 0 or 24 and beyond; a day number with no "at" stays a day; "at" alone is no time.
    for text in [
        "dec 17 at 0",
        "dec 17 at 24",
        "dec 17 at 100",
        "dec at 17",
        "dec 17 at",
    ] {
        assert!(when(text).is_err(), "{text}: {:?}", when(text));
    }
    assert_eq!(when("Dec 17"), Ok((d("2026-12-17"), None)));
}

/// "Dec 13 10" read strictly is December 13, 2010: in the past, so refused. A number alone at the
/// end is the hour with "at" left out, when the date it leaves is ahead; a year still wins where
/// it makes a date ahead.
#[test]
fn an_hour_at_the_end_without_at_is_not_taken_for_a_past_year() {
    let when = |text: &str| parse_interview(text, d(TODAY)).map(|w| (w.date, w.time));
    for (text, time) in [
        ("Dec 13 10", at(10, 0)),
        ("Sun Dec 13 10", at(10, 0)),
        ("12/13 2", at(14, 0)),
        ("December 13th 9", at(9, 0)),
    ] {
        assert_eq!(when(text), Ok((d("2026-12-13"), time)), "{text}");
    }
    assert_eq!(when("Dec 13 26"), Ok((d("2026-12-13"), None)), "2026");
    assert_eq!(when("Dec 13 27"), Ok((d("2027-12-13"), None)), "2027");
    assert_eq!(
        reading("Dec 13 10", d(TODAY)),
        Some(Ok(
            "Sunday, December 13, 2026 at 10:00 AM, in 20 days".to_string()
        )),
        "the reading under the field shows the guess before it is saved"
    );
    assert!(when("Dec 13 10am 10").is_err(), "two times are no date");
}

/// A weekday that does not fit the date means one of the two is wrong: the user is asked which,
/// with both days spelled out, rather than counting down to a day off by one.
#[test]
fn a_weekday_that_does_not_fit_the_date_is_asked_about() {
    // December 16, 2026 is a Wednesday; the nearest Thursday to it is the 17th.
    let e = read("Thursday, Dec 16 at 10am").unwrap_err();
    assert_eq!(
        e,
        "December 16, 2026 is a Wednesday, not a Thursday. Which is it: Wednesday, Dec 16 or \
         Thursday, Dec 17? Type the date again."
    );
    // The nearer of the two named days is offered: Tuesday the 15th is one day before.
    let e = read("tue 12/16").unwrap_err();
    assert!(e.contains("Wednesday, Dec 16 or Tuesday, Dec 15"), "{e}");
    // A nearer day that is already past is not offered: today is Monday, November 23.
    let e = read("Sunday, Nov 24").unwrap_err();
    assert!(e.contains("Tuesday, Nov 24 or Sunday, Nov 29"), "{e}");
    // Either answer then reads, and a weekday that fits changes nothing.
    assert_eq!(read("Thursday, Dec 17"), Ok(d("2026-12-17")));
    assert_eq!(read("Wed 12/16/2026"), Ok(d("2026-12-16")));
    assert_eq!(read("wednesday, 12/16"), Ok(d("2026-12-16")));
    assert_eq!(read("Tomorrow, Tuesday"), Ok(d("2026-11-24")));
    assert!(
        read("tomorrow, friday")
            .unwrap_err()
            .contains("not a Friday")
    );
}

/// Dates written in numbers take a weekday before them, as texts and calendars write them.
#[test]
fn a_weekday_before_a_date_in_numbers_is_read() {
    let w = parse_interview("Thu 12/17 10am", d(TODAY)).unwrap();
    assert_eq!((w.date, w.time), (d("2026-12-17"), at(10, 0)));
    let w = parse_interview("Thursday, 12/17/2026 at 2:30 pm", d(TODAY)).unwrap();
    assert_eq!((w.date, w.time), (d("2026-12-17"), at(14, 30)));
}

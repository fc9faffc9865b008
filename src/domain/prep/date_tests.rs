use super::*;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

const TODAY: &str = "2026-11-23";

fn read(text: &str) -> Result<NaiveDate, String> {
    parse_interview_date(text, d(TODAY))
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
fn without_a_year_it_is_the_next_such_day_today_included() {
    assert_eq!(read("11/23"), Ok(d(TODAY)));
    assert_eq!(read("Nov 24"), Ok(d("2026-11-24")));
    assert_eq!(read("1/5"), Ok(d("2027-01-05")));
    assert_eq!(read("Nov 22"), Ok(d("2027-11-22")));
    // No February 29th in 2027 either: not a date.
    assert!(read("2/29").is_err());
    assert_eq!(
        parse_interview_date("2/29", d("2027-12-01")),
        Ok(d("2028-02-29"))
    );
}

#[test]
fn nonsense_and_the_past_are_refused_with_advice() {
    for text in [
        "next friday",
        "friday",
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
    assert_eq!(examples(d(TODAY)), "12/07/2026 or Dec 7");
    assert_eq!(examples(d("2026-12-25")), "01/08/2027 or Jan 8");
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
    }
}

//! Reading the interview date the user types.

use chrono::NaiveDate;

/// Parses a date typed as `2026-12-07` or `12/07/2026` (month first, as on US forms). Dates before
/// `today` are refused, since a countdown to the past helps no one. The error is a sentence for the
/// user.
pub fn parse_interview_date(text: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    let t = text.trim();
    let date = NaiveDate::parse_from_str(t, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(t, "%m/%d/%Y"))
        .map_err(|_| {
            format!(
                "\"{}\" is not a date clinicprep can read. Type it like {} or {}.",
                crate::storage::sanitize::clean_line(t),
                today.format("%Y-%m-%d"),
                today.format("%m/%d/%Y")
            )
        })?;
    if date < today {
        return Err(format!(
            "{} is in the past. Type the date of your interview, today or later.",
            date.format("%Y-%m-%d")
        ));
    }
    Ok(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn both_spellings_and_today_are_accepted() {
        let today = d("2026-11-23");
        assert_eq!(
            parse_interview_date(" 2026-12-07 ", today),
            Ok(d("2026-12-07"))
        );
        assert_eq!(
            parse_interview_date("12/07/2026", today),
            Ok(d("2026-12-07"))
        );
        assert_eq!(parse_interview_date("2026-11-23", today), Ok(today));
    }

    #[test]
    fn nonsense_and_the_past_are_refused_with_advice() {
        let today = d("2026-11-23");
        let e = parse_interview_date("next friday", today).unwrap_err();
        assert!(e.contains("2026-11-23") && e.contains("11/23/2026"), "{e}");
        assert!(parse_interview_date("2026-02-30", today).is_err());
        let e = parse_interview_date("2026-11-22", today).unwrap_err();
        assert!(e.contains("in the past"), "{e}");
        let e = parse_interview_date("\u{1b}[2J", today).unwrap_err();
        assert!(
            !e.contains('\u{1b}'),
            "typed control characters are not echoed"
        );
    }
}

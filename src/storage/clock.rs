//! The wall clock, read without panicking whatever it says.
//!
//! chrono's `Utc::now()` and `Local::now()` panic when the system clock is before 1970 ("system time
//! before Unix epoch"), and the crash handler used them too, so such a clock crashed the app at start
//! and then the crash report. Everything that reads the clock goes through here instead; the domain
//! never reads it at all (it is given `now`).

use chrono::{DateTime, FixedOffset, Local, Offset, TimeZone, Utc};
use std::time::{SystemTime, UNIX_EPOCH};

/// The current time in UTC. A clock before 1970 gives that (negative) time; one past what chrono can
/// hold gives its limit.
pub fn now() -> DateTime<Utc> {
    from_system(SystemTime::now())
}

/// `t` as a UTC time, clamped to the range chrono can hold. Never panics.
pub fn from_system(t: SystemTime) -> DateTime<Utc> {
    let (secs, nanos) = match t.duration_since(UNIX_EPOCH) {
        Ok(d) => (
            i64::try_from(d.as_secs()).unwrap_or(i64::MAX),
            d.subsec_nanos(),
        ),
        Err(e) => {
            let d = e.duration();
            let secs = i64::try_from(d.as_secs()).unwrap_or(i64::MAX);
            match d.subsec_nanos() {
                0 => (-secs, 0),
                n => (-secs.saturating_add(1), 1_000_000_000 - n),
            }
        }
    };
    DateTime::from_timestamp(secs, nanos).unwrap_or(if secs < 0 {
        DateTime::<Utc>::MIN_UTC
    } else {
        DateTime::<Utc>::MAX_UTC
    })
}

/// The local offset from UTC at `at` (UTC if the time zone cannot say).
pub fn local_offset(at: DateTime<Utc>) -> FixedOffset {
    Local.offset_from_utc_datetime(&at.naive_utc()).fix()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn clocks_before_1970_and_far_ahead_never_panic() {
        let before = UNIX_EPOCH - Duration::from_secs(10 * 365 * 86_400) - Duration::from_millis(1);
        let t = from_system(before);
        assert_eq!(t.timestamp(), -10 * 365 * 86_400 - 1);
        assert_eq!(t.timestamp_subsec_millis(), 999);
        let far = UNIX_EPOCH + Duration::from_secs(u64::MAX / 4);
        assert_eq!(from_system(far), DateTime::<Utc>::MAX_UTC);
        assert_eq!(from_system(UNIX_EPOCH).timestamp(), 0);
        let _ = local_offset(t);
        let _ = local_offset(DateTime::<Utc>::MAX_UTC);
        let _ = local_offset(DateTime::<Utc>::MIN_UTC);
        let _ = now();
    }
}

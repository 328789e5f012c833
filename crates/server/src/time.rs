//! The server's clock and the ways it writes a moment: RFC 3339 for the API, the
//! `Fri Jan 09 22:58:03 UTC 2015` form of Pol.is's CSV exports, and "12 March 2027, 17:00 UTC"
//! for people; and reading a moment as the API and the forms send it.
//!
//! Times are milliseconds since the Unix epoch everywhere else. The clock is injected so that
//! tests and imports can fix it.

use std::sync::Arc;

/// Tells the current time in milliseconds since the Unix epoch.
pub trait Clock: Send + Sync {
    /// Returns the current time in milliseconds since the Unix epoch.
    fn now_ms(&self) -> i64;
}

/// The operating system's wall clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now_ms(&self) -> i64 {
        let elapsed = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default();
        i64::try_from(elapsed.as_millis()).unwrap_or(i64::MAX)
    }
}

/// A shared clock.
pub type SharedClock = Arc<dyn Clock>;

/// A civil date and time in UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Civil {
    year: i64,
    month: u32,
    day: u32,
    hour: i64,
    minute: i64,
    second: i64,
    millisecond: i64,
    weekday: usize,
}

/// Converts days since 1970-01-01 to (year, month, day) in the proleptic Gregorian calendar
/// (Howard Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let shifted = days + 719_468;
    let era = shifted.div_euclid(146_097);
    let day_of_era = shifted.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (
        year,
        u32::try_from(month).unwrap_or(1),
        u32::try_from(day).unwrap_or(1),
    )
}

/// Converts a (year, month, day) of the proleptic Gregorian calendar to days since 1970-01-01
/// (Howard Hinnant's `days_from_civil`).
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year.rem_euclid(400);
    let month = i64::from(month);
    let shifted_month = if month > 2 { month - 3 } else { month + 9 };
    let day_of_year = (153 * shifted_month + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// Reads a calendar date written `YYYY-MM-DD` (years 1970 to 9999) as days since 1970-01-01;
/// `None` for any other form or a day that does not exist (`2026-02-30`).
pub fn parse_day(text: &str) -> Option<i32> {
    let bytes = text.as_bytes();
    let shape_ok = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(index, byte)| index == 4 || index == 7 || byte.is_ascii_digit());
    if !shape_ok {
        return None;
    }
    let year: i64 = text.get(0..4)?.parse().ok()?;
    let month: u32 = text.get(5..7)?.parse().ok()?;
    let day: u32 = text.get(8..10)?.parse().ok()?;
    if year < 1970 || !(1..=12).contains(&month) || day == 0 {
        return None;
    }
    let days = days_from_civil(year, month, day);
    (civil_from_days(days) == (year, month, day))
        .then(|| i32::try_from(days).ok())
        .flatten()
}

/// Returns the day (since 1970-01-01, in UTC) of a moment in ms since the epoch.
pub fn day_of(epoch_ms: i64) -> i32 {
    i32::try_from(epoch_ms.div_euclid(86_400_000)).unwrap_or(i32::MAX)
}

fn civil(epoch_ms: i64) -> Civil {
    let days = epoch_ms.div_euclid(86_400_000);
    let in_day = epoch_ms.rem_euclid(86_400_000);
    let (year, month, day) = civil_from_days(days);
    // 1970-01-01 was a Thursday; weekdays count from Sunday = 0.
    let weekday = usize::try_from((days + 4).rem_euclid(7)).unwrap_or(0);
    Civil {
        year,
        month,
        day,
        hour: in_day / 3_600_000,
        minute: in_day / 60_000 % 60,
        second: in_day / 1000 % 60,
        millisecond: in_day % 1000,
        weekday,
    }
}

/// Returns the moment as RFC 3339 in UTC with milliseconds, e.g. `2015-01-09T22:58:03.123Z`.
pub fn rfc3339(epoch_ms: i64) -> String {
    let c = civil(epoch_ms);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
        c.year, c.month, c.day, c.hour, c.minute, c.second, c.millisecond
    )
}

/// Returns the moment in the form Pol.is's CSV exports use, in UTC:
/// `Fri Jan 09 22:58:03 UTC 2015`.
pub fn polis_datetime(epoch_ms: i64) -> String {
    const WEEKDAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let c = civil(epoch_ms);
    let month = MONTHS
        .get(c.month.saturating_sub(1) as usize)
        .copied()
        .unwrap_or("Jan");
    format!(
        "{} {} {:02} {:02}:{:02}:{:02} UTC {}",
        WEEKDAYS[c.weekday], month, c.day, c.hour, c.minute, c.second, c.year
    )
}

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Returns the moment's day of the month, month (1 to 12), year and time of day (`17:00`), in
/// UTC, for pages that say dates in words of other languages.
pub fn date_parts(epoch_ms: i64) -> (u32, u32, i64, String) {
    let c = civil(epoch_ms);
    (
        c.day,
        c.month,
        c.year,
        format!("{:02}:{:02}", c.hour, c.minute),
    )
}

/// Returns the moment for people to read, in UTC: `12 March 2027, 17:00 UTC`.
pub fn long_date_time(epoch_ms: i64) -> String {
    let c = civil(epoch_ms);
    let month = MONTH_NAMES
        .get(c.month.saturating_sub(1) as usize)
        .copied()
        .unwrap_or("January");
    format!(
        "{} {month} {}, {:02}:{:02} UTC",
        c.day, c.year, c.hour, c.minute
    )
}

/// Returns the moment as a date-and-time form field shows it, in UTC: `2027-03-12T17:00`.
pub fn form_date_time(epoch_ms: i64) -> String {
    let c = civil(epoch_ms);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}",
        c.year, c.month, c.day, c.hour, c.minute
    )
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

/// Why a moment could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error(
    "is not a date and time such as 2027-03-12T17:00 (read as UTC) or 2027-03-12T17:00:00+01:00"
)]
pub struct MomentError;

/// Reads a number of exactly `width` ASCII digits at the start of `text`.
fn digits(text: &str, width: usize) -> Result<(i64, &str), MomentError> {
    let (head, rest) = text.split_at_checked(width).ok_or(MomentError)?;
    if !head.bytes().all(|byte| byte.is_ascii_digit()) {
        return Err(MomentError);
    }
    Ok((head.parse().map_err(|_| MomentError)?, rest))
}

/// Reads `separator` at the start of `text`.
fn expect(text: &str, separator: char) -> Result<&str, MomentError> {
    text.strip_prefix(separator).ok_or(MomentError)
}

/// Reads a moment as the API and the forms send it: RFC 3339
/// (`2027-03-12T17:00:00Z`, `2027-03-12T17:00:00.5+01:00`), or a date and time without an
/// offset as a browser's date-and-time field sends it (`2027-03-12T17:00`, seconds optional,
/// a space allowed for the `T`), which is read as UTC. Returns milliseconds since the epoch.
pub fn parse_moment(text: &str) -> Result<i64, MomentError> {
    let text = text.trim();
    let (year, rest) = digits(text, 4)?;
    let (month, rest) = digits(expect(rest, '-')?, 2)?;
    let (day, rest) = digits(expect(rest, '-')?, 2)?;
    let rest = rest.strip_prefix(['T', 't', ' ']).ok_or(MomentError)?;
    let (hour, rest) = digits(rest, 2)?;
    let (minute, mut rest) = digits(expect(rest, ':')?, 2)?;
    let mut second = 0;
    let mut millisecond = 0;
    if let Some(after) = rest.strip_prefix(':') {
        (second, rest) = digits(after, 2)?;
        if let Some(after) = rest.strip_prefix('.') {
            let end = after
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(after.len());
            if end == 0 {
                return Err(MomentError);
            }
            let fraction: String = after[..end].chars().chain("000".chars()).take(3).collect();
            millisecond = fraction.parse().map_err(|_| MomentError)?;
            rest = &after[end..];
        }
    }
    let offset_minutes = match rest {
        "" | "Z" | "z" => 0,
        _ => {
            let sign = match rest.chars().next() {
                Some('+') => 1,
                Some('-') => -1,
                _ => return Err(MomentError),
            };
            let (hours, after) = digits(&rest[1..], 2)?;
            let (minutes, after) = digits(expect(after, ':')?, 2)?;
            if !after.is_empty() || hours > 23 || minutes > 59 {
                return Err(MomentError);
            }
            sign * (hours * 60 + minutes)
        }
    };
    let month = u32::try_from(month).map_err(|_| MomentError)?;
    let day = u32::try_from(day).map_err(|_| MomentError)?;
    if !(1..=12).contains(&month)
        || day == 0
        || day > days_in_month(year, month)
        || hour > 23
        || minute > 59
        || second > 59
    {
        return Err(MomentError);
    }
    let days = days_from_civil(year, month, day);
    Ok(((days * 24 + hour) * 60 + minute - offset_minutes) * 60_000 + second * 1000 + millisecond)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moments_are_read_as_rfc3339_or_as_a_form_sends_them() {
        let five_pm = 1_804_870_800_000;
        assert_eq!(rfc3339(five_pm), "2027-03-12T17:00:00.000Z");
        for text in [
            "2027-03-12T17:00",
            "2027-03-12 17:00",
            "2027-03-12T17:00:00",
            "2027-03-12T17:00:00Z",
            " 2027-03-12t17:00:00.000z ",
            "2027-03-12T18:00:00+01:00",
            "2027-03-12T12:30:00-04:30",
        ] {
            assert_eq!(parse_moment(text), Ok(five_pm), "{text}");
        }
        assert_eq!(parse_moment("2027-03-12T17:00:00.25Z"), Ok(five_pm + 250));
        assert_eq!(parse_moment("2024-02-29T00:00"), Ok(1_709_164_800_000));
        for text in [
            "",
            "tomorrow",
            "2027-03-12",
            "2027-3-12T17:00",
            "2027-02-29T17:00",
            "2027-13-01T17:00",
            "2027-03-12T24:00",
            "2027-03-12T17:60",
            "2027-03-12T17:00+1",
            "2027-03-12T17:00:00.Z",
            "2027-03-12T17:00 UTC",
        ] {
            assert_eq!(parse_moment(text), Err(MomentError), "{text}");
        }
    }

    #[test]
    fn moments_are_written_for_people_and_for_forms() {
        let five_pm = 1_804_870_800_000;
        assert_eq!(long_date_time(five_pm), "12 March 2027, 17:00 UTC");
        assert_eq!(form_date_time(five_pm), "2027-03-12T17:00");
        assert_eq!(parse_moment(&form_date_time(five_pm)), Ok(five_pm));
    }

    #[test]
    fn the_epoch_and_known_moments_format_as_rfc3339() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(rfc3339(1_420_948_021_768), "2015-01-11T03:47:01.768Z");
        assert_eq!(rfc3339(951_782_400_000), "2000-02-29T00:00:00.000Z");
        assert_eq!(rfc3339(-1), "1969-12-31T23:59:59.999Z");
    }

    #[test]
    fn polis_datetimes_name_the_weekday_and_month() {
        // Pol.is wrote this vote as "Sun Jan 11 10:47:01 WIB 2015", seven hours ahead of UTC.
        assert_eq!(
            polis_datetime(1_420_948_021_768),
            "Sun Jan 11 03:47:01 UTC 2015"
        );
        assert_eq!(polis_datetime(0), "Thu Jan 01 00:00:00 UTC 1970");
    }

    #[test]
    fn extreme_moments_do_not_panic() {
        for moment in [i64::MIN, i64::MAX, i64::MIN / 2, i64::MAX / 2] {
            assert!(!rfc3339(moment).is_empty());
            assert!(!polis_datetime(moment).is_empty());
        }
    }

    #[test]
    fn calendar_days_parse_only_when_they_exist() {
        assert_eq!(parse_day("1970-01-01"), Some(0));
        assert_eq!(parse_day("2000-02-29"), Some(11_016));
        assert_eq!(day_of(951_782_400_000), 11_016);
        assert_eq!(parse_day("2026-12-04"), Some(day_of(1_796_342_400_000)));
        for bad in [
            "2026-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-04-31",
            "26-01-01",
            "2026-1-01",
            "2026/01/01",
            "+026-01-01",
            "1969-12-31",
            "",
            "2026-01-01T00:00",
        ] {
            assert_eq!(parse_day(bad), None, "{bad}");
        }
    }
}

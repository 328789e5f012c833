//! A small iCalendar (RFC 5545) writer for the actions' due dates: a `VCALENDAR` of all-day
//! `VEVENT`s. Lines end in CRLF and are folded at 75 octets (never inside a UTF-8 character);
//! text values escape backslashes, commas, semicolons and newlines (RFC 5545 §3.3.11).

use std::fmt::Write as _;

/// The longest a content line may be, in octets, before the line break (RFC 5545 §3.1).
const LINE_OCTETS: usize = 75;

/// One all-day event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// A globally unique, stable identifier.
    pub uid: String,
    /// When the event's information last changed, as `YYYYMMDDTHHMMSSZ`.
    pub stamp: String,
    /// The day, as `YYYYMMDD`.
    pub date: String,
    /// The day after (the exclusive end of an all-day event), as `YYYYMMDD`.
    pub end_date: String,
    /// A one-line summary.
    pub summary: String,
    /// A longer description; may hold newlines.
    pub description: String,
    /// `CONFIRMED` or `CANCELLED`.
    pub status: &'static str,
}

/// A calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calendar {
    /// The product that wrote it (`-//Common Ground//Actions//EN`).
    pub product: String,
    /// A name calendar apps show for the subscription.
    pub name: String,
    /// The events.
    pub events: Vec<Event>,
}

/// Escapes a TEXT value: `\` `;` `,` and newlines (CRLF, CR or LF become `\n`).
pub fn escape_text(value: &str) -> String {
    let mut escaped = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(character) = chars.next() {
        match character {
            '\\' => escaped.push_str("\\\\"),
            ';' => escaped.push_str("\\;"),
            ',' => escaped.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                escaped.push_str("\\n");
            }
            '\n' => escaped.push_str("\\n"),
            // Other control characters are not allowed in TEXT; a space keeps words apart.
            control if control.is_control() => escaped.push(' '),
            other => escaped.push(other),
        }
    }
    escaped
}

/// Folds one content line: at most 75 octets per physical line, continuation lines starting
/// with one space, each ending in CRLF. A UTF-8 character is never split.
pub fn fold(line: &str) -> String {
    let mut folded = String::with_capacity(line.len() + line.len() / LINE_OCTETS * 3 + 2);
    let mut used = 0;
    for character in line.chars() {
        let width = character.len_utf8();
        if used + width > LINE_OCTETS {
            folded.push_str("\r\n ");
            // The leading space counts towards the continuation line's 75 octets.
            used = 1;
        }
        folded.push(character);
        used += width;
    }
    folded.push_str("\r\n");
    folded
}

impl Calendar {
    /// Writes the calendar as an iCalendar object.
    pub fn to_ics(&self) -> String {
        let mut out = String::new();
        let mut line = |text: String| out.push_str(&fold(&text));
        line("BEGIN:VCALENDAR".to_owned());
        line("VERSION:2.0".to_owned());
        line(format!("PRODID:{}", self.product));
        line("CALSCALE:GREGORIAN".to_owned());
        line("METHOD:PUBLISH".to_owned());
        line(format!("X-WR-CALNAME:{}", escape_text(&self.name)));
        for event in &self.events {
            line("BEGIN:VEVENT".to_owned());
            line(format!("UID:{}", event.uid));
            line(format!("DTSTAMP:{}", event.stamp));
            line(format!("DTSTART;VALUE=DATE:{}", event.date));
            line(format!("DTEND;VALUE=DATE:{}", event.end_date));
            line(format!("SUMMARY:{}", escape_text(&event.summary)));
            line(format!("DESCRIPTION:{}", escape_text(&event.description)));
            line(format!("STATUS:{}", event.status));
            line("TRANSP:TRANSPARENT".to_owned());
            line("END:VEVENT".to_owned());
        }
        line("END:VCALENDAR".to_owned());
        out
    }
}

/// Writes a day given as days since 1970-01-01 as `YYYYMMDD`.
pub fn date_value(day: i32) -> String {
    let iso = crate::time::rfc3339(i64::from(day) * 86_400_000);
    iso.get(0..10).unwrap_or_default().replace('-', "")
}

/// Writes a moment in ms since the epoch as a UTC `DATE-TIME` (`YYYYMMDDTHHMMSSZ`).
pub fn stamp_value(epoch_ms: i64) -> String {
    let iso = crate::time::rfc3339(epoch_ms);
    let mut stamp = String::with_capacity(16);
    for character in iso.get(0..19).unwrap_or_default().chars() {
        if character != '-' && character != ':' {
            let _ = write!(stamp, "{character}");
        }
    }
    stamp.push('Z');
    stamp
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_escapes_the_four_specials_and_every_newline() {
        assert_eq!(
            escape_text(r"a\b;c,d"),
            r"a\\b\;c\,d",
            "backslash, semicolon and comma"
        );
        assert_eq!(
            escape_text("one\ntwo\r\nthree\rfour"),
            r"one\ntwo\nthree\nfour"
        );
        assert_eq!(escape_text("tab\there"), "tab here");
        assert_eq!(escape_text("colon: fine"), "colon: fine");
    }

    #[test]
    fn lines_fold_at_75_octets_without_splitting_a_character() {
        let short = "SUMMARY:short";
        assert_eq!(fold(short), "SUMMARY:short\r\n");
        let exact = "X".repeat(75);
        assert_eq!(fold(&exact), format!("{exact}\r\n"));
        let long = format!("DESCRIPTION:{}", "a".repeat(200));
        let folded = fold(&long);
        for physical in folded.split("\r\n").filter(|line| !line.is_empty()) {
            assert!(physical.len() <= 75, "{} octets", physical.len());
        }
        let unfolded = folded.replace("\r\n ", "");
        assert_eq!(unfolded, format!("{long}\r\n"));
        // Three-octet characters: a fold falls between characters, never inside one.
        let wide = format!("SUMMARY:{}", "€".repeat(40));
        let folded = fold(&wide);
        for physical in folded.split("\r\n").filter(|line| !line.is_empty()) {
            assert!(physical.len() <= 75, "{} octets", physical.len());
            assert!(std::str::from_utf8(physical.as_bytes()).is_ok());
        }
        assert_eq!(folded.replace("\r\n ", ""), format!("{wide}\r\n"));
        let first = folded.split("\r\n").next().unwrap();
        assert_eq!(first.len(), 8 + 3 * 22, "22 euro signs fit after the name");
    }

    #[test]
    fn a_calendar_is_crlf_lines_with_all_day_events() {
        let calendar = Calendar {
            product: "-//Common Ground//Actions//EN".to_owned(),
            name: "Northvale, actions".to_owned(),
            events: vec![Event {
                uid: "action-7@partnership-3.commonground".to_owned(),
                stamp: stamp_value(1_796_342_400_000),
                date: date_value(20_426),
                end_date: date_value(20_427),
                summary: "Due: Open the hub; evenings, too".to_owned(),
                description: "Owner: Carers Together\nStatus: planned".to_owned(),
                status: "CONFIRMED",
            }],
        };
        let ics = calendar.to_ics();
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(ics.ends_with("END:VEVENT\r\nEND:VCALENDAR\r\n"));
        assert!(
            !ics.replace("\r\n", "").contains('\n'),
            "every line ends in CRLF"
        );
        assert!(ics.contains("X-WR-CALNAME:Northvale\\, actions\r\n"));
        assert!(ics.contains("DTSTART;VALUE=DATE:20251204\r\n"));
        assert!(ics.contains("DTEND;VALUE=DATE:20251205\r\n"));
        assert!(ics.contains("DTSTAMP:20261204T000000Z\r\n"));
        assert!(ics.contains("SUMMARY:Due: Open the hub\\; evenings\\, too\r\n"));
        assert!(ics.contains("DESCRIPTION:Owner: Carers Together\\nStatus: planned\r\n"));
        assert!(ics.contains("UID:action-7@partnership-3.commonground\r\n"));
    }
}

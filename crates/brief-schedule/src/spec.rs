//! `[schedule]`: a cron expression in a time zone, or a fixed interval.

use std::str::FromStr;

use brief_config::ScheduleConfig;
use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use croner::Cron;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct ScheduleError(pub String);

#[derive(Debug, Clone)]
pub enum Schedule {
    /// Standard 5-field cron, evaluated on the wall clock of `zone`. Across daylight-saving
    /// changes a time skipped by the spring-forward gap runs right after the gap, and a time
    /// repeated by the fall-back overlap runs once (croner's rules, as Vixie cron does).
    Cron {
        cron: Box<Cron>,
        zone: Tz,
        text: String,
    },
    /// Every `period`, counted from the Unix epoch so slots do not drift with run times.
    Every { period: Duration, text: String },
}

impl Schedule {
    pub fn parse(config: &ScheduleConfig) -> Result<Self, ScheduleError> {
        match (&config.cron, &config.every) {
            (Some(_), Some(_)) => Err(ScheduleError(
                "give either `cron` or `every`, not both".into(),
            )),
            (None, None) => Err(ScheduleError(
                "[schedule] needs `cron = \"…\"` or `every = \"…\"`".into(),
            )),
            (Some(expr), None) => {
                if expr.split_whitespace().count() != 5 {
                    return Err(ScheduleError(format!(
                        "cron `{expr}` must have 5 fields: minute hour day-of-month month day-of-week"
                    )));
                }
                // croner's own parser is trusted with nothing it could panic on: each field
                // is checked against its range first
                check_cron_fields(expr)?;
                let cron = Cron::from_str(expr)
                    .map_err(|e| ScheduleError(format!("cron `{expr}`: {e}")))?;
                // a date that never comes (30 February) would leave the brief silently
                // never regenerated; eight years cover every leap day
                let from = DateTime::from_timestamp(FIXED_REFERENCE, 0).unwrap_or_default();
                let fires = cron
                    .find_next_occurrence(&from, false)
                    .ok()
                    .is_some_and(|t| (t - from).num_days() <= 8 * 366);
                if !fires {
                    return Err(ScheduleError(format!(
                        "cron `{expr}` never matches a date; check its day and month"
                    )));
                }
                let zone = match &config.timezone {
                    None => Tz::UTC,
                    Some(name) => Tz::from_str(name).map_err(|_| {
                        ScheduleError(format!(
                            "unknown time zone `{name}`; use an IANA name such as Europe/Berlin"
                        ))
                    })?,
                };
                Ok(Schedule::Cron {
                    cron: Box::new(cron),
                    zone,
                    text: format!("cron \"{expr}\" ({})", zone.name()),
                })
            }
            (None, Some(every)) => {
                if config.timezone.is_some() {
                    return Err(ScheduleError("`timezone` applies to `cron` only".into()));
                }
                let period = parse_period(every)?;
                Ok(Schedule::Every {
                    period,
                    text: format!("every {every}"),
                })
            }
        }
    }

    /// The first slot strictly after `after`.
    pub fn next_after(&self, after: DateTime<Utc>) -> Option<DateTime<Utc>> {
        match self {
            Schedule::Cron { cron, zone, .. } => cron
                .find_next_occurrence(&after.with_timezone(zone), false)
                .ok()
                .map(|t| t.with_timezone(&Utc)),
            Schedule::Every { period, .. } => {
                let p = period.num_seconds().max(1);
                let t = after.timestamp();
                DateTime::from_timestamp((t.div_euclid(p) + 1) * p, 0)
            }
        }
    }

    /// The last slot at or before `at`.
    pub fn previous_at_or_before(&self, at: DateTime<Utc>) -> Option<DateTime<Utc>> {
        match self {
            Schedule::Cron { cron, zone, .. } => cron
                .find_previous_occurrence(&at.with_timezone(zone), true)
                .ok()
                .map(|t| t.with_timezone(&Utc)),
            Schedule::Every { period, .. } => {
                let p = period.num_seconds().max(1);
                DateTime::from_timestamp(at.timestamp().div_euclid(p) * p, 0)
            }
        }
    }
}

impl std::fmt::Display for Schedule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Schedule::Cron { text, .. } | Schedule::Every { text, .. } => f.write_str(text),
        }
    }
}

/// 2026-01-01T00:00:00Z: where [`Schedule::parse`] looks for a cron's first date, so the
/// check does not depend on the clock.
const FIXED_REFERENCE: i64 = 1_767_225_600;

/// The longest `every`: a brief regenerated less than once a year needs no schedule.
pub const MAX_PERIOD_SECONDS: i64 = 366 * 86_400;

/// The shortest `every`.
pub const MIN_PERIOD_SECONDS: i64 = 1;

/// Each cron field holds numbers within its range (names such as `MON` or `JAN` are left to
/// croner), so that no value reaches date arithmetic out of range.
fn check_cron_fields(expr: &str) -> Result<(), ScheduleError> {
    const FIELDS: [(&str, u64, u64); 5] = [
        ("minute", 0, 59),
        ("hour", 0, 23),
        ("day of month", 1, 31),
        ("month", 1, 12),
        ("day of week", 0, 7),
    ];
    for (field, (name, low, high)) in expr.split_whitespace().zip(FIELDS) {
        for part in field.split(',') {
            let (range, step) = part.split_once('/').unwrap_or((part, ""));
            if !step.is_empty() {
                match step.parse::<u64>() {
                    Ok(n) if (1..=high.max(1)).contains(&n) => {}
                    _ => {
                        return Err(ScheduleError(format!(
                            "cron `{expr}`: step `/{step}` in the {name} field must be 1 to {high}"
                        )));
                    }
                }
            }
            for number in range.split('-') {
                if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) {
                    continue;
                }
                if !number
                    .parse::<u64>()
                    .is_ok_and(|n| (low..=high).contains(&n))
                {
                    return Err(ScheduleError(format!(
                        "cron `{expr}`: {number} is out of range for the {name} field ({low}-{high})"
                    )));
                }
            }
        }
    }
    Ok(())
}

/// "90s", "30m", "6h", "1d" (one number, one unit), from 1 s to 366 days.
fn parse_period(text: &str) -> Result<Duration, ScheduleError> {
    let t = text.trim();
    let bad = || {
        ScheduleError(format!(
            "`every = \"{text}\"`: expected a number and a unit s, m, h or d, e.g. \"30m\""
        ))
    };
    let split = t.find(|c: char| !c.is_ascii_digit()).ok_or_else(bad)?;
    let out_of_range = || {
        ScheduleError(format!(
            "`every = \"{text}\"` is out of range: from 1s to 366d"
        ))
    };
    if split == 0 {
        return Err(bad());
    }
    // a number too long for i64 is out of range, not malformed
    let n: i64 = t[..split].parse().map_err(|_| out_of_range())?;
    if n == 0 {
        return Err(ScheduleError(format!(
            "`every = \"{text}\"` must be longer than zero"
        )));
    }
    let unit = match t[split..].trim() {
        "s" => 1,
        "m" => 60,
        "h" => 3600,
        "d" => 86_400,
        _ => return Err(bad()),
    };
    let secs = n
        .checked_mul(unit)
        .filter(|s| (MIN_PERIOD_SECONDS..=MAX_PERIOD_SECONDS).contains(s))
        .ok_or_else(out_of_range)?;
    Ok(Duration::seconds(secs))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn cron(expr: &str, tz: &str) -> Schedule {
        Schedule::parse(&ScheduleConfig {
            cron: Some(expr.into()),
            timezone: Some(tz.into()),
            ..Default::default()
        })
        .unwrap()
    }

    fn ny(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
        chrono_tz::America::New_York
            .with_ymd_and_hms(y, mo, d, h, mi, 0)
            .earliest()
            .unwrap()
            .with_timezone(&Utc)
    }

    #[test]
    fn weekday_morning_cron_in_a_zone() {
        let s = cron("0 6 * * 1-5", "America/New_York");
        // Friday 2026-11-27 07:00 New York → next is Monday 06:00
        let next = s.next_after(ny(2026, 11, 27, 7, 0)).unwrap();
        assert_eq!(next, ny(2026, 11, 30, 6, 0));
    }

    #[test]
    fn spring_forward_gap_runs_once_right_after_the_gap() {
        // 2025-03-09 02:30 does not exist in New York: clocks jump from 02:00 to 03:00
        let s = cron("30 2 * * *", "America/New_York");
        let before = ny(2025, 3, 9, 1, 0);
        let first = s.next_after(before).unwrap();
        assert_eq!(first, ny(2025, 3, 9, 3, 0));
        let second = s.next_after(first).unwrap();
        assert_eq!(
            second,
            ny(2025, 3, 10, 2, 30),
            "no second run on the gap day"
        );
    }

    #[test]
    fn fall_back_overlap_runs_once() {
        // 2025-11-02 01:30 happens twice in New York
        let s = cron("30 1 * * *", "America/New_York");
        let before = ny(2025, 11, 2, 0, 0);
        let first = s.next_after(before).unwrap();
        assert_eq!(
            first,
            Utc.with_ymd_and_hms(2025, 11, 2, 5, 30, 0).unwrap(),
            "01:30 EDT"
        );
        let second = s.next_after(first).unwrap();
        assert_eq!(second, ny(2025, 11, 3, 1, 30), "not again at 01:30 EST");
    }

    #[test]
    fn intervals_are_aligned_to_the_epoch() {
        let s = Schedule::parse(&ScheduleConfig {
            every: Some("30m".into()),
            ..Default::default()
        })
        .unwrap();
        let t = Utc.with_ymd_and_hms(2026, 1, 1, 10, 7, 0).unwrap();
        assert_eq!(
            s.next_after(t).unwrap(),
            Utc.with_ymd_and_hms(2026, 1, 1, 10, 30, 0).unwrap()
        );
    }

    #[test]
    fn huge_intervals_are_refused_not_a_panic() {
        // regression: `every = "1000000000000d"` overflowed into chrono and panicked
        for every in [
            "1000000000000d",
            "99999999999999999999s",
            "367d",
            "9223372036854775807h",
        ] {
            let e = Schedule::parse(&ScheduleConfig {
                every: Some(every.into()),
                ..Default::default()
            })
            .unwrap_err()
            .0;
            assert!(e.contains("out of range: from 1s to 366d"), "{every}: {e}");
        }
        assert!(
            Schedule::parse(&ScheduleConfig {
                every: Some("366d".into()),
                ..Default::default()
            })
            .is_ok()
        );
    }

    #[test]
    fn cron_values_out_of_range_or_never_matching_are_refused() {
        for (expr, said) in [
            ("61 * * * *", "61 is out of range for the minute field"),
            ("0 24 * * *", "24 is out of range for the hour field"),
            ("0 0 0 * *", "0 is out of range for the day of month field"),
            ("0 0 1 13 *", "13 is out of range for the month field"),
            ("*/0 * * * *", "step `/0`"),
            ("*/99999999999999999999 * * * *", "step"),
            ("0 0 30 2 *", "never matches a date"),
        ] {
            let e = Schedule::parse(&ScheduleConfig {
                cron: Some(expr.into()),
                ..Default::default()
            })
            .unwrap_err()
            .0;
            assert!(e.contains(said), "{expr}: {e}");
        }
        // a leap day is a real date
        assert!(
            Schedule::parse(&ScheduleConfig {
                cron: Some("0 0 29 2 *".into()),
                ..Default::default()
            })
            .is_ok()
        );
    }

    #[test]
    fn bad_specs_are_explained() {
        let e = |c: ScheduleConfig| Schedule::parse(&c).unwrap_err().0;
        assert!(e(ScheduleConfig::default()).contains("needs"));
        assert!(
            e(ScheduleConfig {
                every: Some("soon".into()),
                ..Default::default()
            })
            .contains("unit")
        );
        assert!(
            e(ScheduleConfig {
                cron: Some("0 6 * *".into()),
                ..Default::default()
            })
            .contains("5 fields")
        );
        assert!(
            e(ScheduleConfig {
                cron: Some("0 6 * * *".into()),
                timezone: Some("Mars/Olympus".into()),
                ..Default::default()
            })
            .contains("unknown time zone")
        );
    }
}

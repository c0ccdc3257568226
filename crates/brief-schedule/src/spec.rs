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
                let cron = Cron::from_str(expr)
                    .map_err(|e| ScheduleError(format!("cron `{expr}`: {e}")))?;
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

/// "90s", "30m", "6h", "1d" (one number, one unit).
fn parse_period(text: &str) -> Result<Duration, ScheduleError> {
    let t = text.trim();
    let bad = || {
        ScheduleError(format!(
            "`every = \"{text}\"`: expected a number and a unit s, m, h or d, e.g. \"30m\""
        ))
    };
    let split = t.find(|c: char| !c.is_ascii_digit()).ok_or_else(bad)?;
    let n: i64 = t[..split].parse().map_err(|_| bad())?;
    if n == 0 {
        return Err(ScheduleError(format!(
            "`every = \"{text}\"` must be longer than zero"
        )));
    }
    let secs = match t[split..].trim() {
        "s" => n,
        "m" => n * 60,
        "h" => n * 3600,
        "d" => n * 86_400,
        _ => return Err(bad()),
    };
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

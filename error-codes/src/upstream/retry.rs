//! The retry delay a provider asks for: `retry-after-ms`, `retry-after`
//! (seconds or an HTTP date), Google's `RetryInfo.retryDelay`, and
//! "try again in 11.054s" in the message.

use http::HeaderMap;
use std::time::{Duration, SystemTime};

/// The longest delay read; anything longer is taken as this (a day), so a
/// hostile or broken value cannot overflow a client's timer.
const MAX_DELAY: Duration = Duration::from_secs(24 * 60 * 60);

/// The delay the headers ask for: `retry-after-ms` (milliseconds, the more
/// precise, as OpenAI and Anthropic send it), else `retry-after` as
/// seconds (whole or decimal) or an HTTP date in any of the three forms
/// RFC 9110 §5.6.7 has recipients read (IMF-fixdate, RFC 850, asctime),
/// measured from `now`. A date in the past is no wait (zero).
pub(crate) fn from_headers(headers: &HeaderMap, now: SystemTime) -> Option<Duration> {
    let header = |name: &str| headers.get(name).and_then(|value| value.to_str().ok());
    if let Some(millis) = header("retry-after-ms").and_then(|text| seconds(text.trim())) {
        return Some(capped(millis / 1000.0));
    }
    let value = header("retry-after")?.trim();
    if let Some(seconds) = seconds(value) {
        return Some(capped(seconds));
    }
    let at = httpdate::parse_http_date(value).ok()?;
    Some(
        at.duration_since(now)
            .unwrap_or(Duration::ZERO)
            .min(MAX_DELAY),
    )
}

/// A Google `Duration` in its JSON form: `"58s"`, `"11.05s"`, `"0.5s"`.
pub(crate) fn google_duration(text: &str) -> Option<Duration> {
    seconds(text.trim().strip_suffix('s')?).map(capped)
}

/// A delay written in a message: "try again in 11.054s", "Please try
/// again in 20ms", "try again in 1m12.5s", "Please retry in 34.07s",
/// "retry after 6 seconds".
pub(crate) fn from_message(message: &str) -> Option<Duration> {
    const PHRASES: [&str; 3] = ["try again in ", "retry in ", "retry after "];
    let lower = message.to_ascii_lowercase();
    PHRASES.iter().find_map(|phrase| {
        let start = lower.find(phrase)? + phrase.len();
        written_duration(&lower[start..])
    })
}

/// `1m12.5s`, `20ms`, `11.054s`, `6 seconds`, `2 minutes`: number-unit
/// pairs, read until something else.
fn written_duration(text: &str) -> Option<Duration> {
    let mut rest = text;
    let mut total = 0.0;
    let mut any = false;
    loop {
        let digits = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len());
        if digits == 0 {
            break;
        }
        let Some(number) = seconds(&rest[..digits]) else {
            break;
        };
        let after = rest[digits..].trim_start_matches(' ');
        let units: [(&str, f64); 8] = [
            ("milliseconds", 0.001),
            ("ms", 0.001),
            ("seconds", 1.0),
            ("second", 1.0),
            ("s", 1.0),
            ("minutes", 60.0),
            ("minute", 60.0),
            ("m", 60.0),
        ];
        let unit_ends = |unit: &str| {
            after.starts_with(unit)
                && !after[unit.len()..].starts_with(|c: char| c.is_ascii_alphabetic())
        };
        let Some((unit, scale)) = units.iter().find(|(unit, _)| unit_ends(unit)) else {
            break;
        };
        total += number * scale;
        any = true;
        rest = &after[unit.len()..];
    }
    any.then(|| capped(total))
}

/// A non-negative decimal number of seconds (or of any unit), finite.
fn seconds(text: &str) -> Option<f64> {
    let valid = !text.is_empty()
        && text
            .bytes()
            .all(|byte| byte.is_ascii_digit() || byte == b'.')
        && text.bytes().filter(|byte| *byte == b'.').count() <= 1
        && text != ".";
    if !valid {
        return None;
    }
    text.parse::<f64>().ok().filter(|value| value.is_finite())
}

fn capped(seconds: f64) -> Duration {
    Duration::try_from_secs_f64(seconds)
        .unwrap_or(MAX_DELAY)
        .min(MAX_DELAY)
}

#[cfg(test)]
mod tests {
    use super::*;
    use http::HeaderValue;
    use std::time::UNIX_EPOCH;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, HeaderValue::from_static(value));
        }
        map
    }

    #[test]
    fn reads_header_delays() {
        let now = UNIX_EPOCH + Duration::from_secs(784_111_777);
        let read = |pairs| from_headers(&headers(pairs), now);
        assert_eq!(
            read(&[("retry-after", "30")]),
            Some(Duration::from_secs(30))
        );
        assert_eq!(
            read(&[("retry-after", "1.5")]),
            Some(Duration::from_millis(1500))
        );
        assert_eq!(
            read(&[("retry-after", "30"), ("retry-after-ms", "1234")]),
            Some(Duration::from_millis(1234))
        );
        assert_eq!(
            read(&[("retry-after", "Sun, 06 Nov 1994 08:49:47 GMT")]),
            Some(Duration::from_secs(10))
        );
        assert_eq!(
            read(&[("retry-after", "Sun, 06 Nov 1994 08:49:00 GMT")]),
            Some(Duration::ZERO)
        );
        assert_eq!(read(&[("retry-after", "soon")]), None);
        assert_eq!(read(&[("retry-after", "-3")]), None);
        assert_eq!(
            read(&[("retry-after", "99999999999999999999")]),
            Some(MAX_DELAY)
        );
        assert_eq!(read(&[]), None);
    }

    #[test]
    fn reads_the_three_http_date_forms() {
        // RFC 9110 §5.6.7's example instant, in each of its forms.
        let at = UNIX_EPOCH + Duration::from_secs(784_111_777);
        let now = at - Duration::from_secs(90);
        for form in [
            "Sun, 06 Nov 1994 08:49:37 GMT",
            "Sunday, 06-Nov-94 08:49:37 GMT",
            "Sun Nov  6 08:49:37 1994",
        ] {
            let mut headers = HeaderMap::new();
            headers.insert("retry-after", HeaderValue::from_static(form));
            assert_eq!(
                from_headers(&headers, now),
                Some(Duration::from_secs(90)),
                "{form}"
            );
        }
        let mut headers = HeaderMap::new();
        headers.insert(
            "retry-after",
            HeaderValue::from_static("Sun, 06 Foo 1994 08:49:37 GMT"),
        );
        assert_eq!(from_headers(&headers, now), None);
    }

    #[test]
    fn reads_written_delays() {
        assert_eq!(google_duration("58s"), Some(Duration::from_secs(58)));
        assert_eq!(
            google_duration("11.05s"),
            Some(Duration::from_millis(11_050))
        );
        assert_eq!(google_duration("11"), None);
        let read = from_message;
        assert_eq!(
            read("Rate limit reached. Please try again in 11.054s. Visit ..."),
            Some(Duration::from_millis(11_054))
        );
        assert_eq!(
            read("Please try again in 20ms."),
            Some(Duration::from_millis(20))
        );
        assert_eq!(
            read("try again in 1m12.5s"),
            Some(Duration::from_millis(72_500))
        );
        assert_eq!(
            read("Please retry after 6 seconds."),
            Some(Duration::from_secs(6))
        );
        assert_eq!(
            read("Please retry in 34.07s."),
            Some(Duration::from_millis(34_070))
        );
        assert_eq!(read("Please try again later."), None);
        assert_eq!(read("try again in ..s"), None);
    }
}

//! `retry_after` and `retryable`.

use super::*;

#[derive(Debug, ApiError)]
pub enum Retries {
    #[api_error(code = "rate_limit_exceeded", retry_after = wait)]
    Duration { wait: Duration },
    #[api_error(code = "service_unavailable", retry_after = 0)]
    Seconds(u64),
    #[api_error(code = "upstream_error", retry_after = 0)]
    Maybe(Option<Duration>),
    #[api_error(code = "upstream_timeout", retry_after = 0)]
    SmallSeconds(u16),
    #[api_error(code = "internal_error")]
    NoDelay,
    /// Catalogue says retryable; this variant says otherwise.
    #[api_error(code = "rate_limit_exceeded", retryable = false)]
    NotThisTime,
    /// Catalogue says not retryable; this variant says it is.
    #[api_error(code = "invalid_request", retryable)]
    TryAgain,
    #[api_error(
        code = "private_retry",
        status = 503,
        message = "busy",
        retryable = true
    )]
    PrivateRetryable,
    #[api_error(code = "private_plain", status = 503, message = "busy")]
    PrivateDefault,
}

#[test]
fn retry_after_from_duration_or_seconds() {
    assert_eq!(
        Retries::Duration {
            wait: Duration::from_millis(1500)
        }
        .retry_after(),
        Some(Duration::from_millis(1500))
    );
    assert_eq!(
        Retries::Seconds(3).retry_after(),
        Some(Duration::from_secs(3))
    );
    assert_eq!(Retries::Maybe(None).retry_after(), None);
    assert_eq!(
        Retries::Maybe(Some(Duration::from_secs(1))).retry_after(),
        Some(Duration::from_secs(1))
    );
    assert_eq!(
        Retries::SmallSeconds(9).retry_after(),
        Some(Duration::from_secs(9))
    );
    assert_eq!(Retries::NoDelay.retry_after(), None);
}

#[test]
fn retry_after_reaches_the_response() {
    let response = Retries::Seconds(2).to_http_response(Format::OpenAi);
    assert_eq!(response.headers()["retry-after"], "2");
    assert_eq!(response.headers()["x-should-retry"], "true");
}

#[test]
fn retryable_overrides_the_catalogue() {
    assert!(ErrorCode::RateLimitExceeded.is_retryable());
    assert!(!Retries::NotThisTime.is_retryable());
    assert_eq!(Retries::NotThisTime.status(), 429);
    assert!(!ErrorCode::InvalidRequest.is_retryable());
    assert!(Retries::TryAgain.is_retryable());
    assert!(Retries::PrivateRetryable.is_retryable());
    assert!(!Retries::PrivateDefault.is_retryable());
}

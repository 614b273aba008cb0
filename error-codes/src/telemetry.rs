//! Errors in traces (feature `tracing`): [`record`] writes an error onto
//! the current span, in the names OpenTelemetry dashboards read.
//!
//! | span field | value | convention |
//! |---|---|---|
//! | `error.type` | the code, `rate_limit_exceeded` | OpenTelemetry's `error.type`, which the GenAI and HTTP conventions set on a failed operation |
//! | `http.response.status_code` | the status, `429` (not recorded for status 0: no response is sent) | OpenTelemetry's HTTP convention |
//! | `api_error.origin` | [`Origin::as_str`](crate::Origin::as_str): `gateway`, `upstream`, `client` | this crate's |
//! | `api_error.provider` | the upstream [`Provider::name`](crate::upstream::Provider::name), when one generated the error | this crate's |
//!
//! `tracing` records only the fields a span declared when it was created,
//! so declare these four, empty, on the span that should carry the error
//! (the request's span); `tracing-opentelemetry` then exports each as an
//! attribute of the span. Every value is a `&'static str` or a number from
//! the catalogue, never what a client or provider sent, so they are
//! low-cardinality labels for metrics too.
//!
//! ```
//! use api_error_codes::{telemetry, ErrorCode};
//! use tracing::field::Empty;
//!
//! let span = tracing::info_span!(
//!     "request",
//!     "error.type" = Empty,
//!     "http.response.status_code" = Empty,
//!     "api_error.origin" = Empty,
//!     "api_error.provider" = Empty,
//! );
//! let _entered = span.enter();
//! telemetry::record(&ErrorCode::UpstreamTimeout);
//! ```

use crate::ApiError;

/// Records `error` on the current span: `error.type`,
/// `http.response.status_code`, `api_error.origin` and `api_error.provider`
/// (the [module](self)'s table). A field the span did not declare is left
/// out, as `tracing` does; with no current span, nothing is recorded.
pub fn record(error: &dyn ApiError) {
    let span = tracing::Span::current();
    span.record("error.type", error.code());
    if let Some(status) = error.http_status() {
        span.record("http.response.status_code", status.as_u16());
    }
    span.record("api_error.origin", error.origin().as_str());
    if let Some(provider) = error.provider() {
        span.record("api_error.provider", provider.name());
    }
}

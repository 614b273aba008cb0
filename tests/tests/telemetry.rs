//! `telemetry::record`: the span fields it writes, read by a test
//! subscriber as any `tracing` layer (`tracing-opentelemetry` among them)
//! receives them.

use api_error_codes::upstream::{Provider, UpstreamError};
use api_error_codes::{telemetry, ApiError, ErrorCode};
use std::collections::BTreeMap;
use std::fmt::Debug;
use std::sync::{Arc, Mutex};
use tracing::field::{Empty, Field, Visit};
use tracing::span::{Id, Record};
use tracing::Subscriber;
use tracing_subscriber::layer::{Context, Layer, SubscriberExt};

/// Every value recorded on a span after its creation, by field name, with
/// the type `tracing` delivered it as (`str:...`, `u64:...`).
#[derive(Clone, Default)]
struct Recorded(Arc<Mutex<BTreeMap<&'static str, String>>>);

impl Visit for &Recorded {
    fn record_str(&mut self, field: &Field, value: &str) {
        self.0
            .lock()
            .unwrap()
            .insert(field.name(), format!("str:{value}"));
    }
    fn record_u64(&mut self, field: &Field, value: u64) {
        self.0
            .lock()
            .unwrap()
            .insert(field.name(), format!("u64:{value}"));
    }
    fn record_debug(&mut self, field: &Field, value: &dyn Debug) {
        self.0
            .lock()
            .unwrap()
            .insert(field.name(), format!("debug:{value:?}"));
    }
}

impl<S: Subscriber> Layer<S> for Recorded {
    fn on_record(&self, _: &Id, values: &Record<'_>, _: Context<'_, S>) {
        values.record(&mut &*self);
    }
}

/// What `record(error)` writes on a span that declares the four fields.
fn recorded(error: &dyn ApiError) -> BTreeMap<&'static str, String> {
    let recorded = Recorded::default();
    let subscriber = tracing_subscriber::registry().with(recorded.clone());
    tracing::subscriber::with_default(subscriber, || {
        let span = tracing::info_span!(
            "request",
            "error.type" = Empty,
            "http.response.status_code" = Empty,
            "api_error.origin" = Empty,
            "api_error.provider" = Empty,
        );
        let _entered = span.enter();
        telemetry::record(error);
    });
    recorded.0.lock().unwrap().clone()
}

fn fields<const N: usize>(pairs: [(&'static str, &str); N]) -> BTreeMap<&'static str, String> {
    pairs
        .into_iter()
        .map(|(name, value)| (name, value.to_owned()))
        .collect()
}

#[test]
fn a_gateway_error_records_its_code_status_and_origin() {
    assert_eq!(
        recorded(&ErrorCode::RateLimitExceeded),
        fields([
            ("error.type", "str:rate_limit_exceeded"),
            ("http.response.status_code", "u64:429"),
            ("api_error.origin", "str:gateway"),
        ])
    );
}

#[test]
fn an_upstream_error_records_its_provider() {
    let error = UpstreamError::from_response(Provider::Mistral, 503, &http::HeaderMap::new(), b"");
    let code = format!("str:{}", error.code());
    let status = format!("u64:{}", error.status());
    assert_eq!(
        recorded(&error),
        fields([
            ("error.type", code.as_str()),
            ("http.response.status_code", &status),
            ("api_error.origin", "str:upstream"),
            ("api_error.provider", "str:mistral"),
        ])
    );
}

#[test]
fn a_client_that_went_away_records_no_status() {
    assert_eq!(
        recorded(&ErrorCode::ClientDisconnected),
        fields([
            ("error.type", "str:client_disconnected"),
            ("api_error.origin", "str:client")
        ])
    );
}

#[test]
fn a_span_without_the_fields_gets_none_and_no_span_is_no_failure() {
    let recorded = Recorded::default();
    let subscriber = tracing_subscriber::registry().with(recorded.clone());
    tracing::subscriber::with_default(subscriber, || {
        telemetry::record(&ErrorCode::InternalError);
        let span = tracing::info_span!("request", other = Empty);
        let _entered = span.enter();
        telemetry::record(&ErrorCode::InternalError);
    });
    assert!(recorded.0.lock().unwrap().is_empty());
}

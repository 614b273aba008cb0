//! Alone, the derive makes a std error: `Display` is the message clients
//! read, `source()` the wrapped error or the source field, and `From` the
//! conversion `?` uses.

use super::*;
use std::error::Error;

#[derive(Debug, ApiError)]
pub enum Service {
    #[api_error(code = "rate_limit_exceeded")]
    Limited,
    #[api_error(
        code = "tenant_suspended",
        status = 403,
        message = "tenant {0} is suspended"
    )]
    Suspended(String),
    #[api_error(code = "internal_error")]
    Storage { source: std::io::Error },
    #[api_error(code = "upstream_error", source = cause)]
    Upstream { cause: Box<dyn Error + Send + Sync> },
    #[api_error(code = "upstream_timeout", source = 0)]
    Maybe(Option<std::io::Error>),
    #[api_error(transparent)]
    Canonical(ErrorCode),
    #[api_error(transparent, no_from)]
    Boxed(Box<ErrorCode>),
    #[api_error(transparent)]
    Nested(super::transparent::Inner),
}

#[test]
fn display_is_the_message_clients_read() {
    let errors = [
        Service::Limited,
        Service::Suspended("acme".into()),
        Service::Storage {
            source: std::io::Error::other("disk"),
        },
        Service::Canonical(ErrorCode::BatchOnly),
        Service::Nested(super::transparent::Inner::Private),
    ];
    for error in &errors {
        assert_eq!(error.to_string(), error.message(), "{error:?}");
    }
    assert_eq!(errors[1].to_string(), "tenant acme is suspended");
    assert_eq!(errors[2].to_string(), "Unexpected server error");
    assert_eq!(errors[4].to_string(), "pay up");
    assert_eq!(
        ErrorCode::RateLimitExceeded.to_string(),
        "Requests-per-minute cap hit"
    );
}

#[test]
fn source_is_the_wrapped_error_or_the_source_field() {
    let storage = Service::Storage {
        source: std::io::Error::other("disk"),
    };
    assert_eq!(storage.source().unwrap().to_string(), "disk");
    let upstream = Service::Upstream {
        cause: "refused".into(),
    };
    assert_eq!(upstream.source().unwrap().to_string(), "refused");
    assert!(Service::Maybe(None).source().is_none());
    let maybe = Service::Maybe(Some(std::io::Error::other("late")));
    assert_eq!(maybe.source().unwrap().to_string(), "late");
    assert!(Service::Limited.source().is_none());
    assert!(Service::Suspended("x".into()).source().is_none());

    // A wrapped error is the source: a chain reaches it, by type.
    let wrapped = Service::Canonical(ErrorCode::ModelNotFound);
    let source = wrapped.source().unwrap();
    assert_eq!(
        source.downcast_ref::<ErrorCode>(),
        Some(&ErrorCode::ModelNotFound)
    );
    let boxed = Service::Boxed(Box::new(ErrorCode::BatchOnly));
    assert!(boxed
        .source()
        .unwrap()
        .downcast_ref::<ErrorCode>()
        .is_some());
}

#[test]
fn from_converts_each_wrapped_type() {
    fn find() -> Result<(), Service> {
        Err(ErrorCode::ModelNotFound)?
    }
    let error = find().unwrap_err();
    assert!(matches!(
        error,
        Service::Canonical(ErrorCode::ModelNotFound)
    ));
    let nested: Service = super::transparent::Inner::Limited.into();
    assert_eq!(nested.code(), "rate_limit_exceeded");

    #[derive(Debug, ApiError)]
    #[api_error(transparent)]
    struct Newtype(ErrorCode);
    let newtype: Newtype = ErrorCode::InvalidApiKey.into();
    assert_eq!(newtype.status(), 401);
}

/// A derived error goes wherever a std error goes: `Box<dyn Error>`,
/// across threads, through `?`.
#[test]
fn derived_errors_are_std_errors() {
    fn run() -> Result<(), Box<dyn Error + Send + Sync>> {
        Err(Service::Suspended("acme".into()))?
    }
    let error = run().unwrap_err();
    assert_eq!(error.to_string(), "tenant acme is suspended");
    let service = error.downcast::<Service>().unwrap();
    assert_eq!(service.status(), 403);
    let generic: generics::Wrapper<ErrorCode> = ErrorCode::UpstreamTimeout.into();
    let generic: Box<dyn Error> = Box::new(generic);
    assert!(generic.source().is_some());
}

//! `transparent`: wrapping another `ApiError`.

use super::*;

#[derive(Debug, ApiError)]
pub enum Inner {
    #[api_error(code = "inner_only", status = 402, message = "pay up")]
    Private,
    #[api_error(code = "rate_limit_exceeded", message = "inner limit")]
    Limited,
    #[api_error(transparent)]
    Canonical(ErrorCode),
}

#[derive(Debug, ApiError)]
pub enum Outer {
    #[api_error(
        code = "outer_only",
        status = 409,
        message = "outer conflict {0}",
        param = 0
    )]
    Conflict(String),
    /// The same code as `Inner` with the same status: allowed.
    #[api_error(code = "inner_only", status = 402, message = "pay the outer")]
    AlsoInner,
    #[api_error(transparent)]
    Inner(Inner),
    #[api_error(transparent)]
    Boxed { source: Box<Inner> },
}

#[test]
fn transparent_delegates_everything() {
    let direct = Inner::Canonical(ErrorCode::UpstreamTimeout);
    assert_eq!(direct.code(), "upstream_timeout");
    assert_eq!(direct.status(), 504);
    assert!(direct.is_retryable());
    assert_eq!(direct.message(), ErrorCode::UpstreamTimeout.description());

    let nested = Outer::Inner(Inner::Canonical(ErrorCode::BudgetExhausted));
    assert_eq!(nested.code(), "budget_exhausted");
    assert_eq!(nested.status(), 429);
    assert!(!nested.is_retryable());
    assert_eq!(nested.anthropic_type(), "billing_error");

    let message = Outer::Inner(Inner::Limited);
    assert_eq!(message.message(), "inner limit");
    assert!(message.is_retryable());

    let boxed = Outer::Boxed {
        source: Box::new(Inner::Private),
    };
    assert_eq!((boxed.code(), boxed.status()), ("inner_only", 402));
    assert_eq!(boxed.message(), "pay up");

    let own = Outer::Conflict("x".into());
    assert_eq!(own.param().as_deref(), Some("x"));
    assert_eq!(own.message(), "outer conflict x");
}

#[test]
fn transparent_delegates_param_and_retry_after() {
    #[derive(Debug, ApiError)]
    enum Leaf {
        #[api_error(code = "rate_limit_exceeded", retry_after = 0, param = 1)]
        Limited(u64, &'static str),
    }
    #[derive(Debug, ApiError)]
    enum Middle {
        #[api_error(transparent)]
        Leaf(Leaf),
    }
    #[derive(Debug, ApiError)]
    #[api_error(transparent)]
    struct Top(Middle);

    let top = Top(Middle::Leaf(Leaf::Limited(4, "n")));
    assert_eq!(top.retry_after(), Some(Duration::from_secs(4)));
    assert_eq!(top.param().as_deref(), Some("n"));
    assert_eq!(top.code(), "rate_limit_exceeded");
}

/// The upstream provider behind a wrapped `UpstreamError` is named in
/// the wrapping type's bodies, as in the error's own; an own variant names
/// none.
#[test]
fn transparent_delegates_the_provider() {
    use api_error_codes::upstream::{Provider, UpstreamError};

    #[derive(Debug, ApiError)]
    enum Gateway {
        #[api_error(code = "model_not_found")]
        NoModel,
        #[api_error(transparent)]
        Upstream(Box<UpstreamError>),
    }
    let body = br#"{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}"#;
    let upstream =
        UpstreamError::from_response(Provider::Anthropic, 529, &http::HeaderMap::new(), body);
    let expected = upstream.to_body(Format::OpenAi);
    let wrapped = Gateway::Upstream(Box::new(upstream));
    assert_eq!(wrapped.provider(), Some(Provider::Anthropic));
    assert_eq!(wrapped.code(), "model_unavailable");
    assert_eq!(wrapped.to_body(Format::OpenAi), expected);
    assert!(String::from_utf8(expected)
        .unwrap()
        .contains(r#""provider":"anthropic""#));
    assert_eq!(Gateway::NoModel.provider(), None);
}

#[test]
fn codes_list_own_then_wrapped_deduplicated() {
    let codes: Vec<&str> = CodeList::of::<Outer>()
        .iter()
        .map(|info| info.code())
        .collect();
    // Own codes first, in declaration order.
    assert_eq!(&codes[..2], ["outer_only", "inner_only"]);
    // `Inner` adds only `rate_limit_exceeded` before the catalogue: its
    // `inner_only` is already listed. Every canonical code appears once.
    assert_eq!(codes[2], "rate_limit_exceeded");
    assert_eq!(codes.len(), 2 + ErrorCode::ALL.len());
    let mut sorted = codes.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(sorted.len(), codes.len(), "no code is listed twice");
    for code in ErrorCode::ALL {
        assert!(codes.contains(&code.code()), "{code:?}");
    }
    // The raw lists keep the structure: two own entries, two wrapped
    // lists (`Inner` and `Box<Inner>`).
    assert_eq!(CodeList::of::<Outer>().own().len(), 2);
    assert_eq!(CodeList::of::<Outer>().wrapped().len(), 2);
    // `find` prefers the type's own entry over a wrapped one.
    assert_eq!(
        CodeList::of::<Outer>()
            .find("inner_only")
            .map(|i| i.description()),
        Some("pay the outer")
    );
}

#[test]
fn codes_are_readable_in_const() {
    const OUTER: CodeList = CodeList::of::<Outer>();
    const TIMEOUT: u16 = match OUTER.find("upstream_timeout") {
        Some(info) => info.status(),
        None => 0,
    };
    assert_eq!(TIMEOUT, 504);
    // Evaluated by the compiler: a wrong answer fails the build.
    const {
        assert!(OUTER.find("outer_only").is_some());
        assert!(OUTER.find("not_a_code").is_none());
        assert!(OUTER.status_conflict().is_none());
    };
}

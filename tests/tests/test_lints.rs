//! The code `#[derive(ApiError)]` writes stays warning-free under strict
//! lint levels, as thiserror's `test_lints.rs` checks for its derive. Run
//! `cargo clippy -p error-codes-tests --all-targets -- -D warnings` for the
//! clippy half (the generated code allows no lint group, only what a line
//! needs, so a clippy warning in it fails there); rustc's lints are checked
//! by building this file at all.

/// Every attribute form and shape, under `deny` of rustc's warnings, a set of
/// allow-by-default rustc lints that generated code commonly trips, and
/// clippy's `all` and `pedantic` groups.
mod strict {
    #![deny(warnings)]
    #![deny(
        unused_qualifications,
        unused_results,
        unused_lifetimes,
        single_use_lifetimes,
        elided_lifetimes_in_paths,
        trivial_casts,
        trivial_numeric_casts,
        unreachable_pub,
        unused_import_braces,
        let_underscore_drop,
        missing_docs
    )]
    #![deny(clippy::all, clippy::pedantic)]

    use api_error_codes::{ApiError, ErrorCode};
    use std::borrow::Cow;
    use std::fmt::{Display, LowerHex};
    use std::time::Duration;

    /// Every variant-level key, and every variant shape.
    #[derive(Debug, ApiError)]
    pub(super) enum Everything<'a, T: Display, H: LowerHex> {
        /// Canonical: everything from the catalogue.
        #[api_error(code = "rate_limit_exceeded")]
        Canonical,
        /// Private, with every optional key.
        #[api_error(
            code = "quota_gone",
            status = 429,
            message = "quota {used:>5} of {limit} used by {who:?}",
            param = who,
            retry_after = wait,
            retryable,
            openai_type = "insufficient_quota",
            anthropic_type = "billing_error"
        )]
        AllKeys {
            /// How much was used.
            used: u64,
            /// The allowance.
            limit: u64,
            /// Whose quota.
            who: Option<String>,
            /// When to come back.
            wait: Duration,
        },
        /// Tuple fields by index, a borrowed field, a fixed param.
        #[api_error(
            code = "invalid_parameter_value",
            message = "{0} is not a valid {1}",
            param = "temperature",
            retryable = false
        )]
        Tuple(T, &'a str),
        /// A field formatted as hex only needs `LowerHex`; a fill character
        /// is a fill, not an argument.
        #[api_error(code = "bad_digest", status = 400, message = "digest {0:#x} [{1:*^7}]")]
        Hex(H, &'a str),
        /// Seconds as an integer, param by index.
        #[api_error(code = "service_unavailable", retry_after = 0, param = 1)]
        Seconds(u32, Cow<'a, str>),
        /// A private code close to a canonical one, on purpose; status 0.
        #[api_error(
            code = "rate_limit_exceded",
            private,
            status = 0,
            message = "typo kept"
        )]
        Documented,
        /// A source field, `Display`ed only in logs; a pointer and a brace
        /// fill in the message.
        #[api_error(code = "internal_error", message = "at {0:p} [{1:}>5}]", source = 2)]
        Stored(&'a u8, u8, #[doc = "The cause."] std::io::Error),
        /// A deprecated variant.
        #[deprecated = "use `Canonical`"]
        #[api_error(code = "legacy_limit", status = 429, message = "legacy")]
        Legacy,
        /// Configured away.
        #[cfg(any())]
        #[api_error(code = "gone", status = 400, message = "gone")]
        Gone,
        /// Configured in, after a variant configured away.
        #[cfg(test)]
        #[api_error(code = "gated_in", status = 409, message = "gated in")]
        GatedIn,
        /// After the configured variants: its place counts only those
        /// compiled in.
        #[api_error(code = "after_gated", status = 410, message = "after")]
        AfterGated,
        /// Everything else.
        #[api_error(transparent)]
        Wrapped(ErrorCode),
        /// The same type again, without a second `From`.
        #[api_error(transparent, no_from)]
        Again(Box<ErrorCode>),
        /// A named source field.
        #[api_error(code = "upstream_error", source = cause)]
        Upstream {
            /// The cause.
            cause: Box<dyn std::error::Error + Send + Sync>,
        },
    }

    /// Beside thiserror, which writes `Display`, `Error` and `From`.
    #[derive(Debug, thiserror::Error, ApiError)]
    pub(super) enum WithThiserror {
        /// The `#[error]` text is the wire message of a private code.
        #[error("card {0} declined")]
        #[api_error(code = "card_declined", status = 402)]
        Declined(String),
        /// A canonical code keeps the catalogue's message.
        #[error("io: {0}")]
        #[api_error(code = "internal_error")]
        Io(#[from] std::io::Error),
    }

    /// A struct, with the runtime crate named by path.
    #[derive(Debug, ApiError)]
    #[api_error(crate = ::api_error_codes, code = "upstream_timeout", retry_after = after)]
    pub(super) struct Timeout {
        /// When to come back.
        pub(super) after: Option<Duration>,
    }

    /// A transparent newtype over a generic error.
    #[derive(Debug, ApiError)]
    #[api_error(transparent)]
    pub(super) struct Newtype<E: ApiError>(pub(super) E);

    /// A deprecated type.
    #[deprecated = "use `Timeout`"]
    #[derive(Debug, ApiError)]
    #[api_error(code = "internal_error")]
    pub(super) struct DeprecatedType;

    /// No variants at all.
    #[derive(Debug, ApiError)]
    pub(super) enum Empty {}
}

#[test]
#[allow(deprecated)]
fn strict_types_work() {
    use api_error_codes::{ApiError, ErrorCode};
    use std::time::Duration;
    use strict::{DeprecatedType, Empty, Everything, Newtype, Timeout};

    let everything: Everything<'_, f32, u8> = Everything::AllKeys {
        used: 12,
        limit: 10,
        who: Some("team".to_owned()),
        wait: Duration::from_secs(5),
    };
    assert_eq!(
        everything.message(),
        "quota    12 of 10 used by Some(\"team\")"
    );
    assert_eq!(everything.param().as_deref(), Some("team"));
    assert_eq!(everything.retry_after(), Some(Duration::from_secs(5)));
    assert!(everything.is_retryable());
    assert_eq!(everything.openai_type(), "insufficient_quota");

    let tuple: Everything<'_, f32, u8> = Everything::Tuple(2.5, "temperature");
    assert_eq!(tuple.message(), "2.5 is not a valid temperature");
    assert!(!tuple.is_retryable());

    let hex: Everything<'_, f32, u8> = Everything::Hex(255, "ab");
    assert_eq!(hex.message(), "digest 0xff [**ab***]");

    let seconds: Everything<'_, f32, u8> = Everything::Seconds(3, "n".into());
    assert_eq!(seconds.retry_after(), Some(Duration::from_secs(3)));
    assert_eq!(seconds.param().as_deref(), Some("n"));

    let documented: Everything<'_, f32, u8> = Everything::Documented;
    assert_eq!(documented.message(), "typo kept");
    assert_eq!(documented.to_string(), "typo kept");
    assert_eq!(documented.http_status(), None);

    static BYTE: u8 = 7;
    let stored: Everything<'_, f32, u8> =
        Everything::Stored(&BYTE, 3, std::io::Error::other("disk"));
    let message = stored.message();
    assert_eq!(message, format!("at {:p} [}}}}}}}}3]", &raw const BYTE));
    let source = std::error::Error::source(&stored).map(ToString::to_string);
    assert_eq!(source.as_deref(), Some("disk"));
    let upstream: Everything<'_, f32, u8> = Everything::Upstream {
        cause: "refused".into(),
    };
    let source = std::error::Error::source(&upstream).map(ToString::to_string);
    assert_eq!(source.as_deref(), Some("refused"));
    let converted: Everything<'_, f32, u8> = ErrorCode::BatchOnly.into();
    assert!(matches!(
        converted,
        Everything::Wrapped(ErrorCode::BatchOnly)
    ));
    let again: Everything<'_, f32, u8> = Everything::Again(Box::new(ErrorCode::BatchOnly));
    assert_eq!(again.to_string(), ErrorCode::BatchOnly.description());

    let declined = strict::WithThiserror::Declined("4242".into());
    assert_eq!(declined.message(), "card 4242 declined");
    let io: strict::WithThiserror = std::io::Error::other("secret").into();
    assert_eq!(io.to_string(), "io: secret");
    assert_eq!(io.message(), ErrorCode::InternalError.description());

    let legacy: Everything<'_, f32, u8> = Everything::Legacy;
    assert_eq!(legacy.code(), "legacy_limit");
    let canonical: Everything<'_, f32, u8> = Everything::Canonical;
    assert_eq!(canonical.status(), 429);
    let gated_in: Everything<'_, f32, u8> = Everything::GatedIn;
    assert_eq!((gated_in.code(), gated_in.status()), ("gated_in", 409));
    let after: Everything<'_, f32, u8> = Everything::AfterGated;
    assert_eq!((after.code(), after.status()), ("after_gated", 410));
    let wrapped: Everything<'_, f32, u8> = Everything::Wrapped(ErrorCode::BatchOnly);
    assert_eq!(wrapped.code(), "batch_only");

    assert_eq!(Timeout { after: None }.status(), 504);
    assert_eq!(Newtype(ErrorCode::InvalidApiKey).status(), 401);
    assert_eq!(DeprecatedType.code(), "internal_error");
    assert!(api_error_codes::CodeList::of::<Empty>().is_empty());
}

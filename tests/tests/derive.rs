//! Behaviour of `#[derive(ApiError)]`: what the generated impls return for
//! every attribute form, variant shape and kind of type.

// Every item here exists to be derived and read through the trait.
#![allow(dead_code)]

use error_codes::{ApiError, CodeList, ErrorCode, Format};
use std::borrow::Cow;
use std::fmt;
use std::time::Duration;

/// A type that is neither `Display` nor `Debug` nor `ApiError`.
struct Opaque;

mod shapes {
    use super::*;

    #[derive(Debug, ApiError)]
    pub enum Shapes {
        #[api_error(code = "invalid_api_key")]
        Unit,
        #[api_error(code = "model_not_found", message = "no model named {0}")]
        Tuple(String),
        #[api_error(
            code = "prompt_too_long",
            status = 400,
            message = "prompt has {used} tokens; the model allows {max}"
        )]
        Struct { used: u32, max: u32 },
    }

    #[test]
    fn unit_tuple_and_struct_variants() {
        let unit = Shapes::Unit;
        assert_eq!(unit.code(), "invalid_api_key");
        assert_eq!(unit.status(), 401);
        assert_eq!(unit.message(), ErrorCode::InvalidApiKey.description());
        assert!(matches!(unit.message(), Cow::Borrowed(_)));

        let tuple = Shapes::Tuple("gpt-9".to_owned());
        assert_eq!(tuple.code(), "model_not_found");
        assert_eq!(tuple.status(), 404);
        assert_eq!(tuple.message(), "no model named gpt-9");

        let fields = Shapes::Struct {
            used: 9000,
            max: 8192,
        };
        assert_eq!(fields.code(), "prompt_too_long");
        assert_eq!(fields.status(), 400);
        assert_eq!(
            fields.message(),
            "prompt has 9000 tokens; the model allows 8192"
        );
        assert_eq!(fields.http_status(), Some(http::StatusCode::BAD_REQUEST));
    }

    /// A struct carries the variant keys on the type itself.
    #[derive(ApiError)]
    #[api_error(
        code = "context_length_exceeded",
        message = "{used} tokens is over the {limit}-token window",
        param = "messages"
    )]
    pub struct TooLong {
        used: usize,
        limit: usize,
    }

    #[derive(ApiError)]
    #[api_error(code = "teapot", status = 418, message = "short and stout, {0}")]
    pub struct Teapot(&'static str);

    #[derive(ApiError)]
    #[api_error(code = "upstream_timeout")]
    pub struct Timeout;

    #[test]
    fn structs_derive_it_too() {
        let error = TooLong {
            used: 130_000,
            limit: 128_000,
        };
        assert_eq!(error.code(), "context_length_exceeded");
        assert_eq!(error.status(), 400);
        assert_eq!(
            error.message(),
            "130000 tokens is over the 128000-token window"
        );
        assert_eq!(error.param().as_deref(), Some("messages"));

        let teapot = Teapot("tip me over");
        assert_eq!((teapot.code(), teapot.status()), ("teapot", 418));
        assert_eq!(teapot.message(), "short and stout, tip me over");

        assert_eq!(Timeout.status(), 504);
        assert!(Timeout.is_retryable());
        assert_eq!(Timeout.anthropic_type(), "timeout_error");
    }

    /// An enum with no variants has nothing to say, and says so in `const`.
    #[derive(ApiError)]
    pub enum Never {}

    #[test]
    fn empty_enum() {
        const { assert!(Never::CODES.is_empty()) };
        assert_eq!(Never::CODES.iter().count(), 0);
        // A `Result` that cannot fail still type-checks against the trait.
        fn takes<E: ApiError>(result: Result<u8, E>) -> u8 {
            match result {
                Ok(value) => value,
                Err(error) => error.status() as u8,
            }
        }
        assert_eq!(takes::<Never>(Ok(7)), 7);
    }
}

mod generics {
    use super::*;

    /// `T` must be `Display` for `A` only; `U` is never formatted, so it needs
    /// no bound at all.
    #[derive(ApiError)]
    pub enum Generic<T, U> {
        #[api_error(code = "bad_thing", status = 400, message = "bad {0}")]
        A(T),
        #[api_error(code = "other_thing", status = 400, message = "fixed text")]
        B(U),
    }

    #[test]
    fn bounds_are_inferred_only_where_a_field_is_used() {
        let a: Generic<u32, Opaque> = Generic::A(7);
        assert_eq!(a.message(), "bad 7");
        let b: Generic<u32, Opaque> = Generic::B(Opaque);
        assert_eq!(b.message(), "fixed text");
        assert_eq!(b.code(), "other_thing");
    }

    /// `{0:?}` asks for `Debug`, not `Display`.
    #[derive(ApiError)]
    pub enum Debugged<T> {
        #[api_error(code = "bad_list", status = 422, message = "bad items {0:?}")]
        A(Vec<T>),
    }

    #[test]
    fn debug_placeholders_need_debug_only() {
        #[derive(Debug)]
        struct OnlyDebug;
        let error = Debugged::A(vec![OnlyDebug]);
        assert_eq!(error.message(), "bad items [OnlyDebug]");
        assert_eq!(error.status(), 422);
    }

    /// A generic wrapper delegates to whatever `ApiError` it holds.
    #[derive(ApiError)]
    pub enum Wrapper<E> {
        #[api_error(code = "wrapper_own", status = 409, message = "the wrapper's own")]
        Own,
        #[api_error(transparent)]
        Inner(E),
    }

    #[test]
    fn generic_transparent_wrapper() {
        let inner: Wrapper<ErrorCode> = Wrapper::Inner(ErrorCode::UpstreamTimeout);
        assert_eq!(inner.code(), "upstream_timeout");
        assert!(inner.is_retryable());
        let own: Wrapper<ErrorCode> = Wrapper::Own;
        assert_eq!(own.status(), 409);
        let codes: Vec<&str> = Wrapper::<ErrorCode>::CODES
            .iter()
            .map(|i| i.code())
            .collect();
        assert_eq!(codes.len(), 1 + ErrorCode::ALL.len());
        assert_eq!(codes[0], "wrapper_own");
    }

    /// Borrowed fields: the message and the param borrow from the error.
    #[derive(ApiError)]
    pub enum Borrowed<'a> {
        #[api_error(
            code = "invalid_parameter_value",
            message = "`{0}` is not allowed",
            param = 0
        )]
        Value(&'a str),
        #[api_error(code = "unknown_field", status = 400, message = "no field {name}", param = name)]
        Field { name: &'a str, rest: &'a [u8] },
    }

    #[test]
    fn lifetimes() {
        let owner = String::from("temperature");
        let error = Borrowed::Value(&owner);
        assert_eq!(error.message(), "`temperature` is not allowed");
        assert_eq!(error.param(), Some(Cow::Borrowed("temperature")));
        let field = Borrowed::Field {
            name: &owner,
            rest: b"",
        };
        assert_eq!(field.message(), "no field temperature");
        assert_eq!(field.param().as_deref(), Some("temperature"));
    }

    /// Lifetimes and type parameters together, with a transparent arm.
    #[derive(ApiError)]
    pub enum Both<'a, T: fmt::Display> {
        #[api_error(code = "both_bad", status = 400, message = "{name}: {value}")]
        Bad { name: &'a str, value: T },
        #[api_error(transparent)]
        Canonical(ErrorCode),
    }

    #[test]
    fn lifetimes_and_type_parameters() {
        let error = Both::Bad {
            name: "n",
            value: 1.5,
        };
        assert_eq!(error.message(), "n: 1.5");
        let canonical: Both<'_, f64> = Both::Canonical(ErrorCode::InvalidRequest);
        assert_eq!(canonical.status(), 400);
    }
}

mod cfg_and_deprecated {
    use super::*;

    #[derive(ApiError)]
    pub enum Configured {
        #[api_error(code = "kept", status = 400, message = "kept")]
        Kept,
        /// Configured away: its field type is no `ApiError`, and the type
        /// does not even exist, yet nothing of it is compiled.
        #[cfg(any())]
        #[api_error(transparent)]
        Gone(DoesNotExist),
        #[cfg(any())]
        #[api_error(code = "gone_too", status = 400, message = "{0}")]
        GoneToo(Opaque),
        #[cfg(test)]
        #[api_error(code = "present", status = 404, message = "present")]
        Present,
        #[cfg(any())]
        #[cfg(test)]
        #[api_error(code = "gone_twice", status = 400, message = "gone")]
        GoneTwice,
        #[api_error(code = "last", status = 409, message = "last")]
        Last,
    }

    #[test]
    fn cfg_removes_variants_everywhere() {
        // Each variant gets its own facts, wherever the variants configured
        // away sat before it.
        let facts =
            |error: &Configured| (error.code(), error.status(), error.message().into_owned());
        assert_eq!(facts(&Configured::Kept), ("kept", 400, "kept".to_owned()));
        assert_eq!(
            facts(&Configured::Present),
            ("present", 404, "present".to_owned())
        );
        assert_eq!(facts(&Configured::Last), ("last", 409, "last".to_owned()));
        let codes: Vec<&str> = Configured::CODES.iter().map(|i| i.code()).collect();
        assert_eq!(codes, ["kept", "present", "last"]);
    }

    /// Every variant configured away: still a valid (empty) impl.
    #[derive(ApiError)]
    pub enum AllGone {
        #[cfg(any())]
        #[api_error(code = "gone", status = 400, message = "gone")]
        Gone,
    }

    #[test]
    fn all_variants_configured_away() {
        assert!(AllGone::CODES.is_empty());
    }

    // Any warning in the generated code (for instance using the deprecated
    // variant without allowing it) fails the build here.
    #[deny(warnings)]
    mod strict {
        use error_codes::ApiError;

        #[derive(ApiError)]
        pub enum Old {
            #[deprecated = "use `New`"]
            #[api_error(code = "legacy_error", status = 400, message = "legacy {0}")]
            Legacy(u32),
            #[api_error(code = "invalid_request")]
            New,
        }
    }

    #[test]
    #[allow(deprecated)]
    fn deprecated_variant() {
        let error = strict::Old::Legacy(2);
        assert_eq!(error.message(), "legacy 2");
        assert_eq!(strict::Old::New.status(), 400);
    }
}

mod crate_path {
    use super::*;

    /// The runtime crate reached through another path, as a facade crate
    /// would re-export it.
    mod reexport {
        pub use ::error_codes as ec;
    }

    #[derive(ApiError)]
    #[api_error(crate = reexport::ec)]
    pub enum ViaPath {
        #[api_error(code = "rate_limit_exceeded")]
        Limited,
        #[api_error(transparent)]
        Canonical(reexport::ec::ErrorCode),
    }

    #[derive(ApiError)]
    #[api_error(
        crate = "reexport::ec",
        code = "via_string",
        status = 400,
        message = "via a string"
    )]
    pub struct ViaString;

    #[test]
    fn crate_override() {
        assert_eq!(ViaPath::Limited.status(), 429);
        assert!(ViaPath::Limited.is_retryable());
        assert_eq!(
            ViaPath::Canonical(ErrorCode::BatchOnly).code(),
            "batch_only"
        );
        assert_eq!(ViaString.message(), "via a string");
    }
}

mod messages {
    use super::*;

    #[derive(ApiError)]
    pub enum Templates {
        #[api_error(code = "padded", status = 400, message = "[{0:>5}] [{0:<4}] [{1:.2}]")]
        Padded(u32, f64),
        #[api_error(code = "debugged", status = 400, message = "got {x:?} and {x}")]
        Debugged { x: String },
        #[api_error(code = "braces", status = 400, message = "use {{json}} not }}{0}{{")]
        Braces(u8),
        #[api_error(code = "raw_field", status = 400, message = "bad type {type}")]
        Raw { r#type: &'static str },
        /// The doc comment of a private code is its message.
        #[api_error(code = "documented", status = 400)]
        Documented,
        /// First paragraph only,
        /// joined across lines.
        ///
        /// Developer notes in later paragraphs stay out of the message.
        #[api_error(code = "documented_long", status = 400)]
        DocumentedLong,
        /// This doc comment is for developers; a canonical code keeps the
        /// catalogue's message.
        #[api_error(code = "internal_error")]
        CanonicalDocumented,
        /// An explicit message wins over the doc comment.
        #[api_error(code = "explicit", status = 400, message = "explicit wins")]
        Explicit,
    }

    #[test]
    fn format_specs() {
        assert_eq!(
            Templates::Padded(42, 2.5).message(),
            "[   42] [42  ] [2.50]"
        );
        assert_eq!(
            Templates::Debugged { x: "a\"b".into() }.message(),
            r#"got "a\"b" and a"b"#
        );
        assert_eq!(Templates::Braces(1).message(), "use {json} not }1{");
        assert_eq!(Templates::Raw { r#type: "x" }.message(), "bad type x");
    }

    #[test]
    fn doc_comments() {
        assert_eq!(
            Templates::Documented.message(),
            "The doc comment of a private code is its message."
        );
        assert_eq!(
            Templates::DocumentedLong.message(),
            "First paragraph only, joined across lines."
        );
        let codes = Templates::CODES;
        assert_eq!(
            codes.find("documented").map(|i| i.description()),
            Some("The doc comment of a private code is its message.")
        );
        assert_eq!(
            Templates::CanonicalDocumented.message(),
            ErrorCode::InternalError.description()
        );
        assert_eq!(
            codes.find("internal_error").map(|i| i.description()),
            Some(ErrorCode::InternalError.description())
        );
        assert_eq!(Templates::Explicit.message(), "explicit wins");
    }

    /// What `write_message` writes is what `message` returns, for every
    /// kind of message: templates, doc comments, catalogue text, explicit.
    #[test]
    fn write_message_writes_what_message_returns() {
        let all = [
            Templates::Padded(42, 2.5),
            Templates::Debugged { x: "a\"b".into() },
            Templates::Braces(1),
            Templates::Raw { r#type: "x" },
            Templates::Documented,
            Templates::DocumentedLong,
            Templates::CanonicalDocumented,
            Templates::Explicit,
        ];
        for error in &all {
            let mut written = String::from("> ");
            error.write_message(&mut written).unwrap();
            assert_eq!(written, format!("> {}", error.message()));
        }
    }

    #[derive(ApiError)]
    pub enum Wrapping {
        #[api_error(transparent)]
        Templated(Templates),
        #[api_error(code = "plain", status = 400, message = "plain text")]
        Plain,
    }

    #[derive(ApiError)]
    pub enum WrappingFixed {
        #[api_error(transparent)]
        Canonical(ErrorCode),
        #[api_error(code = "plain", status = 400, message = "plain text")]
        Plain,
    }

    #[derive(ApiError)]
    #[api_error(transparent)]
    pub struct Generic<E: ApiError>(E);

    /// `FORMATS_MESSAGE` is true exactly when some message is formatted,
    /// directly or through a wrapped type.
    #[test]
    fn formats_message_says_whether_a_template_is_reachable() {
        let answers = [
            ("Templates", Templates::FORMATS_MESSAGE),
            ("Wrapping", Wrapping::FORMATS_MESSAGE),
            ("WrappingFixed", WrappingFixed::FORMATS_MESSAGE),
            ("ErrorCode", ErrorCode::FORMATS_MESSAGE),
            ("Generic<Templates>", Generic::<Templates>::FORMATS_MESSAGE),
            ("Generic<ErrorCode>", Generic::<ErrorCode>::FORMATS_MESSAGE),
            ("&Templates", <&Templates>::FORMATS_MESSAGE),
            ("Box<ErrorCode>", <Box<ErrorCode>>::FORMATS_MESSAGE),
        ];
        assert_eq!(
            answers,
            [
                ("Templates", true),
                ("Wrapping", true),
                ("WrappingFixed", false),
                ("ErrorCode", false),
                ("Generic<Templates>", true),
                ("Generic<ErrorCode>", false),
                ("&Templates", true),
                ("Box<ErrorCode>", false),
            ]
        );

        let wrapped = Wrapping::Templated(Templates::Braces(7));
        let mut written = String::new();
        wrapped.write_message(&mut written).unwrap();
        assert_eq!(written, "use {json} not }7{");
        assert_eq!(wrapped.message(), "use {json} not }7{");
        let mut written = String::new();
        Wrapping::Plain.write_message(&mut written).unwrap();
        assert_eq!(written, "plain text");
    }

    /// A `Display` that fails (a bug in that impl) ends the message where it
    /// failed: no panic, and the body carries the text written so far.
    #[test]
    fn a_failing_display_truncates_the_message() {
        struct Broken;
        impl fmt::Display for Broken {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("half")?;
                Err(fmt::Error)
            }
        }
        #[derive(ApiError)]
        #[api_error(code = "broken", status = 400, message = "before {0} after")]
        struct Failing(Broken);

        let error = Failing(Broken);
        let mut written = String::new();
        assert!(error.write_message(&mut written).is_err());
        assert_eq!(written, "before half");
        assert_eq!(error.message(), "before half");
        for format in Format::ALL {
            let body = String::from_utf8(error.to_body(format)).unwrap();
            // Problem details carry the message as `detail`.
            let key = if format == Format::Problem {
                "detail"
            } else {
                "message"
            };
            assert!(
                body.contains(&format!(r#""{key}":"before half""#)),
                "{body}"
            );
        }
    }

    /// A formatted message longer than the stack buffer the bodies write it
    /// into is rendered in full, escaped, the same as a short one.
    #[test]
    fn long_formatted_messages_render_in_full() {
        #[derive(ApiError)]
        #[api_error(code = "long", status = 400, message = "upstream said: {0}")]
        struct Upstream(String);

        for len in [0, 1, 200, 236, 237, 238, 255, 256, 257, 1000, 10_000] {
            let text: String = "ab\"\u{e9}\n".chars().cycle().take(len).collect();
            let error = Upstream(text.clone());
            let expected = format!("upstream said: {text}");
            assert_eq!(error.message(), expected);
            for format in Format::ALL {
                let body: serde_json::Value =
                    serde_json::from_slice(&error.to_body(format)).unwrap();
                let message = if format == Format::Problem {
                    &body["detail"]
                } else {
                    &body["error"]["message"]
                };
                assert_eq!(message, expected.as_str(), "{len} {format:?}");
            }
        }
    }

    #[test]
    fn messages_never_leak_a_wrapped_source() {
        #[derive(ApiError)]
        enum Storage {
            #[api_error(code = "internal_error")]
            Io(std::io::Error),
        }
        let error = Storage::Io(std::io::Error::other("password=hunter2"));
        assert_eq!(error.message(), ErrorCode::InternalError.description());
        let body = String::from_utf8(error.to_body(Format::OpenAi)).unwrap();
        assert!(!body.contains("hunter2"), "{body}");
    }
}

mod params {
    use super::*;

    #[derive(ApiError)]
    pub enum Params {
        #[api_error(code = "invalid_parameter_value", param = name)]
        ByField { name: String },
        #[api_error(code = "missing_required_parameter", param = 1)]
        ByIndex(u32, &'static str),
        #[api_error(code = "invalid_request", param = "model")]
        Fixed,
        #[api_error(code = "invalid_parameter_value", param = which)]
        Optional { which: Option<String> },
        #[api_error(code = "invalid_parameter_value", param = 0)]
        Boxed(Box<str>),
        #[api_error(code = "invalid_parameter_value", param = 0)]
        CowField(Cow<'static, str>),
        #[api_error(code = "invalid_request")]
        NoParam,
    }

    #[test]
    fn param_from_field_index_or_fixed() {
        let by_field = Params::ByField {
            name: "temperature".into(),
        };
        assert_eq!(by_field.param().as_deref(), Some("temperature"));
        assert!(matches!(by_field.param(), Some(Cow::Borrowed(_))));
        assert_eq!(
            Params::ByIndex(1, "messages").param().as_deref(),
            Some("messages")
        );
        assert_eq!(Params::Fixed.param().as_deref(), Some("model"));
        assert_eq!(Params::Optional { which: None }.param(), None);
        assert_eq!(
            Params::Optional {
                which: Some("top_p".into())
            }
            .param()
            .as_deref(),
            Some("top_p")
        );
        assert_eq!(Params::Boxed("n".into()).param().as_deref(), Some("n"));
        assert_eq!(
            Params::CowField(Cow::Borrowed("stop")).param().as_deref(),
            Some("stop")
        );
        assert_eq!(Params::NoParam.param(), None);
    }

    #[test]
    fn param_reaches_the_openai_body() {
        let body = Params::Fixed.to_body(Format::OpenAi);
        let json: serde_json::Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(json["error"]["param"], "model");
        assert_eq!(json["error"]["code"], "invalid_request");
    }
}

mod retries {
    use super::*;

    #[derive(ApiError)]
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
}

mod envelope_types {
    use super::*;

    #[derive(ApiError)]
    pub enum Types {
        #[api_error(code = "rate_limit_exceeded", openai_type = "insufficient_quota")]
        OpenAiOverride,
        #[api_error(code = "service_unavailable", anthropic_type = "overloaded_error")]
        AnthropicOverride,
        #[api_error(code = "budget_exhausted")]
        Inherited,
        #[api_error(code = "private_gone", status = 410, message = "gone")]
        PrivateDefaults,
    }

    #[test]
    fn type_overrides_and_defaults() {
        assert_eq!(Types::OpenAiOverride.openai_type(), "insufficient_quota");
        assert_eq!(
            Types::OpenAiOverride.anthropic_type(),
            ErrorCode::RateLimitExceeded.anthropic_type()
        );
        assert_eq!(
            Types::AnthropicOverride.anthropic_type(),
            "overloaded_error"
        );
        assert_eq!(
            Types::AnthropicOverride.openai_type(),
            ErrorCode::ServiceUnavailable.openai_type()
        );
        // The catalogue's own overrides come along with a canonical code.
        assert_eq!(Types::Inherited.anthropic_type(), "billing_error");
        assert!(!Types::Inherited.is_retryable());
        // A private code's types follow its status.
        assert_eq!(
            Types::PrivateDefaults.openai_type(),
            Format::OpenAi.default_type(410)
        );
        assert_eq!(
            Types::PrivateDefaults.anthropic_type(),
            Format::Anthropic.default_type(410)
        );
        let body = Types::AnthropicOverride.to_body(Format::Anthropic);
        let json: serde_json::Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(json["error"]["type"], "overloaded_error");
    }
}

mod catalogue {
    use super::*;

    #[derive(ApiError)]
    pub enum Canonical {
        /// Status, message and retry policy all come from the catalogue.
        #[api_error(code = "rate_limit_exceeded")]
        Limited,
        /// Restating the catalogue's status is allowed.
        #[api_error(code = "model_not_found", status = 404)]
        Restated,
        /// Status 0: no HTTP response is sent.
        #[api_error(code = "client_disconnected")]
        Gone,
        #[api_error(code = "hung_up", status = 0, message = "the client hung up")]
        PrivateZero,
        /// Two variants may share a code with one status.
        #[api_error(code = "rate_limit_exceeded", message = "slow down, {0}")]
        LimitedFor(String),
    }

    #[test]
    fn canonical_code_inherits_everything() {
        let limited = Canonical::Limited;
        assert_eq!(limited.status(), ErrorCode::RateLimitExceeded.status());
        assert_eq!(
            limited.message(),
            ErrorCode::RateLimitExceeded.description()
        );
        assert!(limited.is_retryable());
        assert_eq!(limited.openai_type(), "rate_limit_error");
        assert_eq!(Canonical::Restated.status(), 404);
        assert_eq!(
            Canonical::LimitedFor("bob".into()).message(),
            "slow down, bob"
        );
        assert_eq!(Canonical::LimitedFor("bob".into()).status(), 429);
    }

    #[test]
    fn status_zero() {
        assert_eq!(Canonical::Gone.status(), 0);
        assert_eq!(Canonical::Gone.http_status(), None);
        assert_eq!(Canonical::PrivateZero.status(), 0);
        assert_eq!(Canonical::PrivateZero.http_status(), None);
        assert_eq!(Canonical::PrivateZero.message(), "the client hung up");
    }

    /// Each canonical code, declared by a user, behaves like `ErrorCode`'s.
    #[test]
    fn info_matches_the_catalogue_row() {
        let rows = error_codes_tests::seed_table();
        for (value, code) in [
            (Canonical::Limited.info(), "rate_limit_exceeded"),
            (Canonical::Restated.info(), "model_not_found"),
            (Canonical::Gone.info(), "client_disconnected"),
        ] {
            let row = rows.iter().find(|row| row.code == code).unwrap();
            assert_eq!(value.code(), row.code);
            assert_eq!(value.status(), row.status);
            assert_eq!(value.description(), row.description);
        }
    }
}

mod transparent {
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
        #[derive(ApiError)]
        enum Leaf {
            #[api_error(code = "rate_limit_exceeded", retry_after = 0, param = 1)]
            Limited(u64, &'static str),
        }
        #[derive(ApiError)]
        enum Middle {
            #[api_error(transparent)]
            Leaf(Leaf),
        }
        #[derive(ApiError)]
        #[api_error(transparent)]
        struct Top(Middle);

        let top = Top(Middle::Leaf(Leaf::Limited(4, "n")));
        assert_eq!(top.retry_after(), Some(Duration::from_secs(4)));
        assert_eq!(top.param().as_deref(), Some("n"));
        assert_eq!(top.code(), "rate_limit_exceeded");
    }

    #[test]
    fn codes_list_own_then_wrapped_deduplicated() {
        let codes: Vec<&str> = Outer::CODES.iter().map(|info| info.code()).collect();
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
        assert_eq!(Outer::CODES.own().len(), 2);
        assert_eq!(Outer::CODES.wrapped().len(), 2);
        // `find` prefers the type's own entry over a wrapped one.
        assert_eq!(
            Outer::CODES.find("inner_only").map(|i| i.description()),
            Some("pay the outer")
        );
    }

    #[test]
    fn codes_are_readable_in_const() {
        const OUTER: CodeList = Outer::CODES;
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
}

mod literals {
    use super::*;

    /// Plain literals are read on a fast path, the others by syn: both must
    /// give the literal's value, and the message must reach `CodeInfo`.
    #[derive(Debug, ApiError)]
    enum Literals {
        #[api_error(code = "plain_text", status = 400, message = "plain words")]
        Plain,
        #[api_error(
            code = "escaped_text",
            status = 400,
            message = "say \"hi\"\tnow \u{e9}"
        )]
        Escaped,
        #[api_error(code = r"raw_text", status = 400, message = r#"raw "quoted" \n"#)]
        Raw,
        #[api_error(code = "braces_text", status = 400, message = "a {{literal}} brace")]
        Braces,
    }

    #[test]
    fn every_literal_form_gives_its_value() {
        let expected = [
            (Literals::Plain, "plain_text", "plain words"),
            (Literals::Escaped, "escaped_text", "say \"hi\"\tnow \u{e9}"),
            (Literals::Raw, "raw_text", r#"raw "quoted" \n"#),
            (Literals::Braces, "braces_text", "a {literal} brace"),
        ];
        for (error, code, message) in expected {
            assert_eq!(error.code(), code);
            assert_eq!(error.message(), message);
            assert_eq!(error.info().message(), message);
            // A private code's description is its plain message.
            assert_eq!(error.info().description(), message);
        }
    }

    /// A canonical code with its own message keeps the catalogue's
    /// description and says the message.
    #[derive(Debug, ApiError)]
    enum Reworded {
        #[api_error(code = "rate_limit_exceeded", message = "Slow down")]
        Limited,
    }

    #[test]
    fn canonical_code_with_its_own_message() {
        let info = Reworded::Limited.info();
        assert_eq!(info.message(), "Slow down");
        assert_eq!(Reworded::Limited.message(), "Slow down");
        assert_eq!(
            info.description(),
            ErrorCode::RateLimitExceeded.description()
        );
        assert_eq!(info.status(), 429);
    }
}

//! What [`ApiError`] for `&T` and `Box<T>` forwards to `T`: every method,
//! written once, so an error behaves the same behind a reference or a box.

/// The body of `impl ApiError for &T` and `for Box<T>` (in `api_error.rs`):
/// every constant and every method that can be forwarded, forwarded to
/// `T`. [`ApiError::envelope`] is the one left to its default: its
/// `Envelope<'_, Self>` names the pointer type, and that envelope reads
/// the error through these same forwarding methods.
macro_rules! forwarded_to_target {
    () => {
        const CODES: CodeList = T::CODES;
        const FORMATS_MESSAGE: bool = T::FORMATS_MESSAGE;

        fn info(&self) -> &'static CodeInfo {
            (**self).info()
        }
        fn code(&self) -> &'static str {
            (**self).code()
        }
        fn status(&self) -> u16 {
            (**self).status()
        }
        fn http_status(&self) -> Option<http::StatusCode> {
            (**self).http_status()
        }
        fn message(&self) -> Cow<'_, str> {
            (**self).message()
        }
        fn write_message(&self, out: &mut dyn fmt::Write) -> fmt::Result {
            (**self).write_message(out)
        }
        fn param(&self) -> Option<Cow<'_, str>> {
            (**self).param()
        }
        fn is_retryable(&self) -> bool {
            (**self).is_retryable()
        }
        fn retry_after(&self) -> Option<Duration> {
            (**self).retry_after()
        }
        fn provider(&self) -> Option<&str> {
            (**self).provider()
        }
        fn openai_type(&self) -> &'static str {
            (**self).openai_type()
        }
        fn anthropic_type(&self) -> &'static str {
            (**self).anthropic_type()
        }
        fn to_body(&self, format: Format) -> Vec<u8> {
            (**self).to_body(format)
        }
        fn to_http_response(&self, format: Format) -> http::Response<Vec<u8>> {
            (**self).to_http_response(format)
        }
        fn to_sse_event(&self, format: Format) -> Vec<u8> {
            (**self).to_sse_event(format)
        }
    };
}
pub(crate) use forwarded_to_target;

#[cfg(test)]
mod tests {
    use crate::{ApiError, CodeInfo, CodeList, ErrorCode, Format};

    /// A hand-written impl overriding every method a default would
    /// otherwise compute from `info`.
    struct Overriding;

    const INFO: CodeInfo = CodeInfo::new("teapot", 418, "I am a teapot");

    impl ApiError for Overriding {
        const CODES: CodeList = CodeList::new(&[INFO], &[]);

        fn info(&self) -> &'static CodeInfo {
            &INFO
        }
        fn code(&self) -> &'static str {
            "kettle"
        }
        fn status(&self) -> u16 {
            503
        }
        fn http_status(&self) -> Option<http::StatusCode> {
            Some(http::StatusCode::SERVICE_UNAVAILABLE)
        }
        fn is_retryable(&self) -> bool {
            true
        }
        fn openai_type(&self) -> &'static str {
            "kettle_error"
        }
        fn anthropic_type(&self) -> &'static str {
            "overloaded_error"
        }
        fn provider(&self) -> Option<&str> {
            Some("kettle_co")
        }
        fn to_sse_event(&self, format: Format) -> Vec<u8> {
            let mut event = b": overridden\n".to_vec();
            event.extend(self.envelope(format).to_sse_event());
            event
        }
    }

    /// Everything a caller can observe of an error.
    fn observed<E: ApiError>(error: &E) -> Vec<String> {
        let mut seen = vec![
            error.info().code().to_owned(),
            error.code().to_owned(),
            error.status().to_string(),
            format!("{:?}", error.http_status()),
            error.message().into_owned(),
            format!("{:?}", error.param()),
            error.is_retryable().to_string(),
            format!("{:?}", error.retry_after()),
            error.openai_type().to_owned(),
            error.anthropic_type().to_owned(),
            format!("{:?}", error.provider()),
        ];
        for format in Format::ALL {
            let response = error.to_http_response(format);
            seen.push(format!("{:?} {:?}", response.status(), response.headers()));
            for bytes in [
                response.into_body(),
                error.to_body(format),
                error.to_sse_event(format),
            ] {
                seen.push(String::from_utf8(bytes).unwrap_or_default());
            }
            let envelope = error.envelope(format).request_id("req_1");
            seen.push(format!("{:?}", envelope.to_http_response()));
            seen.push(String::from_utf8(envelope.to_sse_event()).unwrap_or_default());
        }
        seen
    }

    #[test]
    fn a_reference_and_a_box_behave_as_the_error() {
        let direct = observed(&Overriding);
        assert_eq!(direct[1], "kettle");
        assert_eq!(observed(&&Overriding), direct);
        assert_eq!(observed(&Box::new(Overriding)), direct);
        assert_eq!(observed(&Box::new(&Overriding)), direct);
        for code in ErrorCode::ALL {
            assert_eq!(observed(&Box::new(code)), observed(code), "{code:?}");
        }
    }
}

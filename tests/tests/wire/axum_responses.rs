//! The `axum` feature: each wrapper answers with exactly
//! `Envelope::to_http_response`, the body in an axum `Body`.

use api_error_codes::axum::{Anthropic, OpenAi, OwnedEnvelope, Problem};
use api_error_codes::{ApiError, ErrorCode, Format};
use axum::response::{IntoResponse, Response};

fn body_bytes(response: Response) -> Vec<u8> {
    use axum::extract::{FromRequest, Request};
    use std::future::Future;
    use std::pin::pin;
    use std::task::{Context, Poll, Waker};

    // An in-memory body is ready at once: poll the extractor without a
    // runtime. (Every envelope is UTF-8 JSON, so `String` extracts it.)
    let request = Request::new(response.into_body());
    let mut future = pin!(<String as FromRequest<()>>::from_request(request, &()));
    match future
        .as_mut()
        .poll(&mut Context::from_waker(Waker::noop()))
    {
        Poll::Ready(Ok(text)) => text.into_bytes(),
        Poll::Ready(Err(rejection)) => panic!("body failed: {rejection:?}"),
        Poll::Pending => panic!("an in-memory body is never pending"),
    }
}

#[test]
fn every_wrapper_gives_the_same_response_as_the_envelope() {
    for &code in ErrorCode::ALL {
        for &format in Format::ALL {
            let expected = code.envelope(format).request_id("req_x").to_http_response();
            let response = OwnedEnvelope::new(code, format)
                .request_id("req_x")
                .into_response();
            assert_eq!(response.status(), expected.status(), "{code:?}");
            assert_eq!(response.headers(), expected.headers(), "{code:?}");
            assert_eq!(body_bytes(response), *expected.body(), "{code:?}");
        }
        let openai = OpenAi(code).into_response();
        let expected = code.to_http_response(Format::OpenAi);
        assert_eq!(openai.headers(), expected.headers());
        assert_eq!(body_bytes(openai), *expected.body());
        let anthropic = Anthropic(code).into_response();
        let expected = code.to_http_response(Format::Anthropic);
        assert_eq!(anthropic.headers(), expected.headers());
        assert_eq!(body_bytes(anthropic), *expected.body());
        let problem = Problem(code).into_response();
        let expected = code.to_http_response(Format::Problem);
        assert_eq!(problem.status(), expected.status());
        assert_eq!(problem.headers(), expected.headers());
        assert_eq!(body_bytes(problem), *expected.body());
    }
}

#[test]
fn status_zero_is_answered_with_499() {
    let response = OpenAi(ErrorCode::ClientDisconnected).into_response();
    assert_eq!(response.status().as_u16(), 499);
}

#[test]
fn details_error_code_reaches_the_body() {
    let response = OwnedEnvelope::new(ErrorCode::ModelNotFound, Format::Anthropic)
        .details_error_code(true)
        .request_id("req_1")
        .into_response();
    let json: serde_json::Value = serde_json::from_slice(&body_bytes(response)).unwrap();
    assert_eq!(json["error"]["details"]["error_code"], "model_not_found");
    assert_eq!(json["request_id"], "req_1");
}

/// A boxed error of any type answers as the error itself would.
#[test]
fn boxed_dyn_errors_answer_in_every_wrapper() {
    let boxed = || -> Box<dyn ApiError + Send + Sync> { Box::new(ErrorCode::RateLimitExceeded) };
    for &format in Format::ALL {
        let expected = ErrorCode::RateLimitExceeded
            .envelope(format)
            .request_id("req_b")
            .to_http_response();
        let response = OwnedEnvelope::new(boxed(), format)
            .request_id("req_b")
            .into_response();
        assert_eq!(response.status(), expected.status());
        assert_eq!(response.headers(), expected.headers());
        assert_eq!(body_bytes(response), *expected.body());
    }
    let openai = OpenAi(boxed()).into_response();
    assert_eq!(
        body_bytes(openai),
        ErrorCode::RateLimitExceeded.to_body(Format::OpenAi)
    );
    assert_eq!(
        OpenAi(boxed()).to_string(),
        "rate_limit_exceeded: Requests-per-minute cap hit"
    );
    let debug = r#"ApiError { code: "rate_limit_exceeded", status: 429, message: "Requests-per-minute cap hit" }"#;
    assert_eq!(format!("{:?}", boxed()), debug);
    let envelope = format!("{:?}", OpenAi(boxed()).envelope());
    assert!(
        envelope.starts_with(&format!("Envelope {{ error: {debug}, format: OpenAi")),
        "{envelope}"
    );
}

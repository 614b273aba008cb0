//! The `actix-web` feature through `actix_web::test`: for every canonical
//! code in every format, each wrapper answers with the status, headers and
//! body bytes of `to_http_response`, as a handler's `Err` (`ResponseError`)
//! and as a returned value (`Responder`).

use actix_web::dev::{Service, ServiceResponse};
use actix_web::{test, web, App, HttpRequest, HttpResponse};
use api_error_codes::actix_web::{Anthropic, OpenAi, OwnedEnvelope, Problem};
use api_error_codes::{ApiError, ErrorCode, Format};

/// The code named by the request's last path segment.
fn code_of(request: &HttpRequest) -> ErrorCode {
    let name = request.match_info().get("code").unwrap_or_default();
    ErrorCode::from_code(name).unwrap_or(ErrorCode::ResourceNotFound)
}

async fn openai_err(request: HttpRequest) -> Result<HttpResponse, OpenAi<ErrorCode>> {
    Err(OpenAi(code_of(&request)))
}

async fn anthropic_err(request: HttpRequest) -> Result<HttpResponse, Anthropic<ErrorCode>> {
    Err(Anthropic(code_of(&request)))
}

async fn problem_err(request: HttpRequest) -> Result<HttpResponse, Problem<ErrorCode>> {
    Err(Problem(code_of(&request)))
}

async fn problem_value(request: HttpRequest) -> Problem<ErrorCode> {
    Problem(code_of(&request))
}

async fn openai_value(request: HttpRequest) -> OpenAi<ErrorCode> {
    OpenAi(code_of(&request))
}

async fn anthropic_value(request: HttpRequest) -> Anthropic<ErrorCode> {
    Anthropic(code_of(&request))
}

fn owned(request: &HttpRequest, format: Format) -> OwnedEnvelope<ErrorCode> {
    OwnedEnvelope::new(code_of(request), format)
        .request_id("req_actix")
        .details_error_code(true)
}

async fn owned_err(request: HttpRequest) -> Result<HttpResponse, OwnedEnvelope<ErrorCode>> {
    let format = match request.match_info().get("format") {
        Some("anthropic") => Format::Anthropic,
        Some("problem") => Format::Problem,
        _ => Format::OpenAi,
    };
    Err(owned(&request, format))
}

async fn owned_value(request: HttpRequest) -> OwnedEnvelope<ErrorCode> {
    let format = match request.match_info().get("format") {
        Some("anthropic") => Format::Anthropic,
        Some("problem") => Format::Problem,
        _ => Format::OpenAi,
    };
    owned(&request, format)
}

async fn borrowed_envelope(request: HttpRequest) -> HttpResponse {
    use actix_web::Responder;
    let code = code_of(&request);
    code.envelope(Format::Anthropic)
        .request_id("req_borrowed")
        .respond_to(&request)
}

/// Status, headers (name and bytes, in order) and body of a response.
type Seen = (u16, Vec<(String, Vec<u8>)>, Vec<u8>);

async fn seen(response: ServiceResponse) -> Seen {
    let status = response.status().as_u16();
    let headers = response
        .headers()
        .iter()
        .map(|(name, value)| (name.as_str().to_owned(), value.as_bytes().to_vec()))
        .collect::<Vec<_>>();
    let body = test::read_body(response).await.to_vec();
    (status, sorted(headers), body)
}

fn expected(response: http::Response<Vec<u8>>) -> Seen {
    let headers = response
        .headers()
        .iter()
        .map(|(name, value)| (name.as_str().to_owned(), value.as_bytes().to_vec()))
        .collect::<Vec<_>>();
    (
        response.status().as_u16(),
        sorted(headers),
        response.into_body(),
    )
}

/// actix-web's header map does not keep insertion order across names.
fn sorted(mut headers: Vec<(String, Vec<u8>)>) -> Vec<(String, Vec<u8>)> {
    headers.sort();
    headers
}

#[test]
fn every_code_in_every_format_answers_as_to_http_response() {
    actix_web::rt::System::new().block_on(async {
        let app = test::init_service(
            App::new()
                .route("/err/openai/{code}", web::get().to(openai_err))
                .route("/err/anthropic/{code}", web::get().to(anthropic_err))
                .route("/value/openai/{code}", web::get().to(openai_value))
                .route("/value/anthropic/{code}", web::get().to(anthropic_value))
                .route("/err/problem/{code}", web::get().to(problem_err))
                .route("/value/problem/{code}", web::get().to(problem_value))
                .route("/owned/err/{format}/{code}", web::get().to(owned_err))
                .route("/owned/value/{format}/{code}", web::get().to(owned_value))
                .route("/envelope/{code}", web::get().to(borrowed_envelope)),
        )
        .await;
        let call = |uri: String| {
            let request = test::TestRequest::get().uri(&uri).to_request();
            app.call(request)
        };
        for &code in ErrorCode::ALL {
            let name = code.code();
            for (format, segment) in [
                (Format::OpenAi, "openai"),
                (Format::Anthropic, "anthropic"),
                (Format::Problem, "problem"),
            ] {
                let plain = expected(code.to_http_response(format));
                for kind in ["err", "value"] {
                    let response = call(format!("/{kind}/{segment}/{name}")).await.unwrap();
                    assert_eq!(seen(response).await, plain, "{kind} {segment} {name}");
                }
                let with_options = expected(
                    code.envelope(format)
                        .request_id("req_actix")
                        .details_error_code(true)
                        .to_http_response(),
                );
                for kind in ["err", "value"] {
                    let response = call(format!("/owned/{kind}/{segment}/{name}"))
                        .await
                        .unwrap();
                    assert_eq!(
                        seen(response).await,
                        with_options,
                        "owned {kind} {segment} {name}"
                    );
                }
            }
            let borrowed = expected(
                code.envelope(Format::Anthropic)
                    .request_id("req_borrowed")
                    .to_http_response(),
            );
            let response = call(format!("/envelope/{name}")).await.unwrap();
            assert_eq!(seen(response).await, borrowed, "envelope {name}");
        }
    });
}

#[test]
fn status_zero_is_answered_with_499() {
    use actix_web::ResponseError;
    let error = OpenAi(ErrorCode::ClientDisconnected);
    assert_eq!(error.status_code().as_u16(), 499);
    assert_eq!(error.error_response().status().as_u16(), 499);
}

#[test]
fn a_retry_delay_reaches_the_headers() {
    use actix_web::ResponseError;
    use std::time::Duration;

    #[derive(Debug, ApiError)]
    #[api_error(code = "rate_limit_exceeded", retry_after = wait)]
    struct Limited {
        wait: Duration,
    }

    let error = Anthropic(Limited {
        wait: Duration::from_millis(1500),
    });
    let response = error.error_response();
    assert_eq!(response.headers().get("retry-after").unwrap(), "2");
    assert_eq!(response.headers().get("retry-after-ms").unwrap(), "1500");
    assert_eq!(
        error.to_string(),
        "rate_limit_exceeded: Requests-per-minute cap hit"
    );
}

/// A boxed error of any type is a `ResponseError` (and `Responder`) in
/// every wrapper, answering as the error itself would.
#[test]
fn boxed_dyn_errors_are_response_errors() {
    use actix_web::ResponseError;

    let boxed = || -> Box<dyn ApiError + Send + Sync> { Box::new(ErrorCode::ServiceUnavailable) };
    let concrete = Problem(ErrorCode::ServiceUnavailable).error_response();
    let response = Problem(boxed()).error_response();
    assert_eq!(response.status(), concrete.status());
    assert_eq!(
        response.headers().get("content-type").unwrap(),
        "application/problem+json"
    );
    assert_eq!(OpenAi(boxed()).status_code().as_u16(), 503);
    let owned = OwnedEnvelope::new(boxed(), Format::Anthropic).request_id("req_1");
    assert_eq!(
        owned.error_response().headers().get("request-id").unwrap(),
        "req_1"
    );
}

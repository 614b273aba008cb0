//! OpenAPI with utoipa (feature `utoipa`): the three envelopes as schemas
//! ([`ErrorSchemas`]), and the error responses of a route
//! ([`error_responses`], or [`OpenAiErrors`], [`AnthropicErrors`] and
//! [`ProblemErrors`] in `#[utoipa::path(responses(...))]`), so Swagger UI and
//! generated clients show every error a route can return.
//!
//! ```
//! use api_error_codes::openapi::{ErrorSchemas, OpenAiErrors};
//! use api_error_codes::{ApiError, ErrorCode};
//! use utoipa::OpenApi;
//!
//! #[derive(Debug, ApiError)]
//! enum ChatError {
//!     #[api_error(code = "model_not_found")]
//!     NoModel,
//!     #[api_error(code = "rate_limit_exceeded")]
//!     Limited,
//! }
//!
//! /// A chat completion.
//! #[utoipa::path(post, path = "/v1/chat/completions",
//!     responses((status = 200, description = "The completion"), OpenAiErrors<ChatError>))]
//! fn chat_completions() {}
//!
//! #[derive(OpenApi)]
//! #[openapi(paths(chat_completions), modifiers(&ErrorSchemas))]
//! struct Api;
//!
//! let doc = serde_json::to_value(Api::openapi()).unwrap();
//! let limited = &doc["paths"]["/v1/chat/completions"]["post"]["responses"]["429"];
//! let example = &limited["content"]["application/json"]["examples"]["rate_limit_exceeded"]["value"];
//! assert_eq!(example["error"]["message"], "Requests-per-minute cap hit");
//! assert!(doc["components"]["schemas"]["OpenAiEnvelope"].is_object());
//! ```

use crate::envelope::ProblemBody;
use crate::{AnthropicEnvelope, ApiError, CodeInfo, CodeList, Describe, Format, OpenAiEnvelope};
use std::collections::BTreeMap;
use std::marker::PhantomData;
use utoipa::openapi::example::ExampleBuilder;
use utoipa::openapi::{ContentBuilder, OpenApi, Ref, RefOr, Response, ResponseBuilder, Schema};
use utoipa::{IntoResponses, Modify, ToSchema};

/// Adds the schemas of the three envelopes to a document's components:
/// `OpenAiEnvelope`, `AnthropicEnvelope` and `ProblemDetails`
/// ([`schema_name`]), with the objects they hold. The responses of
/// [`error_responses`] refer to them: add them to every document that has
/// those responses (`#[openapi(modifiers(&ErrorSchemas))]`, or
/// `ErrorSchemas.modify(&mut doc)`).
#[derive(Clone, Copy, Debug, Default)]
pub struct ErrorSchemas;

impl Modify for ErrorSchemas {
    fn modify(&self, openapi: &mut OpenApi) {
        fn named<T: ToSchema>() -> (String, RefOr<Schema>) {
            (T::name().into_owned(), T::schema())
        }
        let mut schemas = vec![named::<OpenAiEnvelope>(), named::<AnthropicEnvelope>()];
        schemas.push(named::<ProblemBody>());
        OpenAiEnvelope::schemas(&mut schemas);
        AnthropicEnvelope::schemas(&mut schemas);
        let components = openapi.components.get_or_insert_with(Default::default);
        components.schemas.extend(schemas);
    }
}

/// The name of `format`'s envelope schema in the components:
/// `OpenAiEnvelope`, `AnthropicEnvelope` or `ProblemDetails`.
pub fn schema_name(format: Format) -> &'static str {
    match format {
        Format::OpenAi => "OpenAiEnvelope",
        Format::Anthropic => "AnthropicEnvelope",
        Format::Problem => "ProblemDetails",
    }
}

/// The error responses of a route whose errors have the codes `codes`,
/// answered in `format`: one response per HTTP status, its description
/// the status and its codes, its content `format`'s content type with the
/// envelope's schema ([`ErrorSchemas`]) and one example per code, named by
/// the code: the body the code's catalogue message renders to.
///
/// A code of status 0 (`client_disconnected`) has no response: no client
/// receives one (the 499 a rendered response gets is for logs).
///
/// ```
/// use api_error_codes::{openapi, CodeList, ErrorCode, Format};
///
/// let responses = openapi::error_responses(&CodeList::of::<ErrorCode>(), Format::Problem);
/// let statuses: Vec<&str> = responses.keys().map(String::as_str).collect();
/// assert_eq!(statuses, ["400", "401", "403", "404", "405", "409", "413", "429", "500", "502", "503", "504"]);
/// ```
pub fn error_responses(codes: &CodeList, format: Format) -> BTreeMap<String, RefOr<Response>> {
    let mut by_status: BTreeMap<u16, Vec<&'static CodeInfo>> = BTreeMap::new();
    for info in codes.iter().filter(|info| info.status() != 0) {
        by_status.entry(info.status()).or_default().push(info);
    }
    let response =
        |(status, infos): (u16, Vec<_>)| (status.to_string(), response(status, &infos, format));
    by_status.into_iter().map(response).collect()
}

/// The response of `status`, whose codes are `infos`.
fn response(status: u16, infos: &[&'static CodeInfo], format: Format) -> RefOr<Response> {
    let example = |info: &&'static CodeInfo| {
        let body = serde_json::from_slice(&Sample(info).to_body(format)).ok();
        let example = ExampleBuilder::new()
            .summary(info.description())
            .value(body);
        (info.code(), example)
    };
    let content = ContentBuilder::new()
        .schema(Some(Ref::from_schema_name(schema_name(format))))
        .examples_from_iter(infos.iter().map(example));
    let reason = http::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason());
    let codes: Vec<&str> = infos.iter().map(|info| info.code()).collect();
    let description = format!("{}: {}", reason.unwrap_or("Error"), codes.join(", "));
    let response = ResponseBuilder::new().description(description);
    response
        .content(format.content_type(), content.build())
        .into()
}

/// One code with its catalogue message, to render an example body.
struct Sample(&'static CodeInfo);

impl Describe for Sample {
    const CODES: CodeList = CodeList::EMPTY;
    fn info(this: &Self) -> &'static CodeInfo {
        this.0
    }
}

/// The [`IntoResponses`] types: `T`'s [`error_responses`] in one format.
macro_rules! errors_in {
    ($($(#[$doc:meta])* $name:ident => $format:expr;)+) => {$(
        $(#[$doc])*
        pub struct $name<T: ?Sized>(PhantomData<T>);

        impl<T: Describe + ?Sized> IntoResponses for $name<T> {
            fn responses() -> BTreeMap<String, RefOr<Response>> {
                error_responses(&CodeList::of::<T>(), $format)
            }
        }
    )+};
}

errors_in! {
    /// The OpenAI-format error responses of a route whose errors are `T`
    /// ([`error_responses`]), as `responses(OpenAiErrors<T>)` of
    /// `#[utoipa::path]`.
    OpenAiErrors => Format::OpenAi;
    /// The Anthropic-format error responses of a route whose errors are `T`
    /// ([`error_responses`]), as `responses(AnthropicErrors<T>)` of
    /// `#[utoipa::path]`.
    AnthropicErrors => Format::Anthropic;
    /// The problem details error responses of a route whose errors are `T`
    /// ([`error_responses`]), as `responses(ProblemErrors<T>)` of
    /// `#[utoipa::path]`.
    ProblemErrors => Format::Problem;
}

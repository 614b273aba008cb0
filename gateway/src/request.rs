//! What every completion request must have, checked in order: a key
//! ([`Authorized`]), a JSON object body, a string `model`, a boolean
//! `stream`; and what the `model` asks for.

use crate::context::Answer;
use crate::errors::{clip, json_kind, GatewayError};
use api_error_codes::layer::ErrorContext;
use api_error_codes::stream::ClientApi;
use api_error_codes::ErrorCode;
use axum::extract::FromRequestParts;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value};

/// The model that answers normally, echoing the last user message.
const ECHO_MODEL: &str = "echo";

/// The prefix of the models that answer with a canonical error:
/// `error/rate_limit_exceeded`.
const ERROR_MODEL_PREFIX: &str = "error/";

/// A completion request that passed the checks every API shares.
#[derive(Debug)]
pub(crate) struct CompletionRequest {
    /// The body, a JSON object.
    pub(crate) body: Map<String, Value>,
    /// The body's `model`.
    pub(crate) model: String,
    /// The body's `stream`, `false` when absent.
    pub(crate) stream: bool,
}

/// What a `model` asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Target<'a> {
    /// [`ECHO_MODEL`]: a normal answer.
    Echo,
    /// `error/<code>`: that canonical code.
    Error(ErrorCode),
    /// `NAME/<model>`: the upstream named `NAME`, asked for `<model>`.
    Upstream {
        /// The part before the first `/`.
        name: &'a str,
        /// The part after it.
        model: &'a str,
    },
}

/// A request with a key: `Authorization: Bearer <key>` or `x-api-key:
/// <key>`, any non-empty key; else `invalid_api_key`. An extractor, so a
/// handler that takes it before the body reads no body without a key.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Authorized;

impl<S: Send + Sync> FromRequestParts<S> for Authorized {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Response> {
        if api_key(&parts.headers).is_some() {
            return Ok(Authorized);
        }
        let context = ErrorContext::from_request_parts(parts, state).await;
        let context = context.map_err(IntoResponse::into_response)?;
        Err(context.reject(&GatewayError::MissingApiKey))
    }
}

impl CompletionRequest {
    /// Reads the body, parsed as JSON whatever its `content-type` (`curl
    /// -d` sends a form type).
    pub(crate) fn read(bytes: &[u8]) -> Result<Self, GatewayError> {
        let json: Value = serde_json::from_slice(bytes).map_err(|error| GatewayError::NotJson {
            reason: error.to_string(),
        })?;
        let Value::Object(body) = json else {
            return Err(GatewayError::NotAnObject {
                found: json_kind(&json),
            });
        };
        let model = match body.get("model") {
            None | Some(Value::Null) => {
                return Err(GatewayError::MissingParameter { param: "model" })
            }
            Some(Value::String(model)) => model.clone(),
            Some(other) => {
                return Err(GatewayError::WrongType {
                    param: "model",
                    expected: "a string",
                    found: json_kind(other),
                })
            }
        };
        let stream = match body.get("stream") {
            None | Some(Value::Null) => false,
            Some(Value::Bool(stream)) => *stream,
            Some(other) => {
                return Err(GatewayError::WrongType {
                    param: "stream",
                    expected: "a boolean",
                    found: json_kind(other),
                })
            }
        };
        Ok(CompletionRequest {
            body,
            model,
            stream,
        })
    }

    /// What the model asks for; `model_not_found` for anything else.
    pub(crate) fn target(&self) -> Result<Target<'_>, GatewayError> {
        let model = self.model.as_str();
        if model == ECHO_MODEL {
            return Ok(Target::Echo);
        }
        if let Some(code) = model.strip_prefix(ERROR_MODEL_PREFIX) {
            return ErrorCode::from_code(code)
                .map(Target::Error)
                .ok_or_else(|| self.unknown_model());
        }
        match model.split_once('/') {
            Some((name, model)) if !name.is_empty() => Ok(Target::Upstream { name, model }),
            _ => Err(self.unknown_model()),
        }
    }

    /// `model_not_found` for this request's model.
    pub(crate) fn unknown_model(&self) -> GatewayError {
        GatewayError::UnknownModel {
            model: clip(&self.model).into_owned(),
        }
    }
}

/// The key from `Authorization: Bearer <key>` or `x-api-key: <key>`; any
/// non-empty key is accepted.
fn api_key(headers: &HeaderMap) -> Option<&str> {
    let bearer = headers
        .get(AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| {
            let (scheme, key) = value.trim().split_once(' ')?;
            scheme.eq_ignore_ascii_case("bearer").then_some(key.trim())
        });
    let x_api_key = headers
        .get("x-api-key")
        .and_then(|value| value.to_str().ok())
        .map(str::trim);
    bearer
        .into_iter()
        .chain(x_api_key)
        .find(|key| !key.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn read(body: &str) -> Result<CompletionRequest, GatewayError> {
        CompletionRequest::read(body.as_bytes())
    }

    #[test]
    fn api_keys_come_from_either_header() {
        type Pairs = &'static [(&'static str, &'static str)];
        let headers = |pairs: Pairs| {
            let mut map = HeaderMap::new();
            for (name, value) in pairs {
                map.append(*name, HeaderValue::from_static(value));
            }
            map
        };
        let cases: [(Pairs, Option<&str>); 8] = [
            (&[("authorization", "Bearer sk-1")], Some("sk-1")),
            (&[("authorization", "bearer  sk-2 ")], Some("sk-2")),
            (&[("x-api-key", "sk-3")], Some("sk-3")),
            (
                &[("authorization", "Bearer "), ("x-api-key", "sk-4")],
                Some("sk-4"),
            ),
            (&[("authorization", "Basic dXNlcg==")], None),
            (&[("authorization", "Bearer")], None),
            (&[("x-api-key", "  ")], None),
            (&[], None),
        ];
        for (pairs, key) in cases {
            assert_eq!(api_key(&headers(pairs)), key, "{pairs:?}");
        }
    }

    #[test]
    fn models_name_their_target() {
        let target = |model: &str| {
            let request = read(&serde_json::json!({ "model": model }).to_string()).unwrap();
            request.target().map(|target| format!("{target:?}"))
        };
        assert_eq!(target("echo").unwrap(), "Echo");
        assert_eq!(
            target("error/upstream_timeout").unwrap(),
            "Error(UpstreamTimeout)"
        );
        assert_eq!(
            target("openai/gpt-4o/mini").unwrap(),
            r#"Upstream { name: "openai", model: "gpt-4o/mini" }"#
        );
        assert_eq!(
            target("error/nope").unwrap_err(),
            GatewayError::UnknownModel {
                model: "error/nope".into()
            }
        );
        assert!(target("/x").is_err());
        assert!(target("gpt-4o").is_err());
    }

    #[test]
    fn stream_must_be_a_boolean() {
        assert!(read(r#"{"model":"echo","stream":true}"#).unwrap().stream);
        assert!(!read(r#"{"model":"echo","stream":null}"#).unwrap().stream);
        assert_eq!(
            read(r#"{"model":"echo","stream":1}"#).unwrap_err(),
            GatewayError::WrongType {
                param: "stream",
                expected: "a boolean",
                found: "a number"
            }
        );
    }
}

/// The client-facing API of a completion endpoint.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Api {
    /// `POST /v1/chat/completions`.
    Chat,
    /// `POST /v1/messages`.
    Messages,
    /// `POST /v1/responses`.
    Responses,
}

impl Api {
    /// The endpoint's path, the same on the gateway and the upstream.
    pub(crate) fn path(self) -> &'static str {
        match self {
            Api::Chat => "/v1/chat/completions",
            Api::Messages => "/v1/messages",
            Api::Responses => "/v1/responses",
        }
    }

    /// The API as the crate's stream relay knows it.
    pub(crate) fn client_api(self) -> ClientApi {
        match self {
            Api::Chat => ClientApi::ChatCompletions,
            Api::Messages => ClientApi::Messages,
            Api::Responses => ClientApi::Responses,
        }
    }
}

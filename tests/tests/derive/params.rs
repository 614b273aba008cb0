//! `param`: from a field, or fixed.

use super::*;

#[derive(Debug, ApiError)]
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

//! The envelope options only problem details have: `instance` and the
//! problem types.

use crate::{Envelope, ProblemTypes};

impl<'a> Envelope<'a> {
    /// The problem details `instance`: a URI reference naming this
    /// occurrence, such as the request's path, written as given. Without
    /// it, a [request id](Self::request_id) gives `urn:request-id:<id>`.
    /// No effect on the OpenAI and Anthropic envelopes.
    ///
    /// ```
    /// use api_error_codes::{ApiError, ErrorCode, Format};
    ///
    /// let body = ErrorCode::FieldImmutable.envelope(Format::Problem).instance("/v1/workspaces/ws_1").to_body();
    /// let json: serde_json::Value = serde_json::from_slice(&body).unwrap();
    /// assert_eq!(json["instance"], "/v1/workspaces/ws_1");
    ///
    /// let body = ErrorCode::FieldImmutable.envelope(Format::Problem).request_id("req 7").to_body();
    /// let json: serde_json::Value = serde_json::from_slice(&body).unwrap();
    /// assert_eq!(json["instance"], "urn:request-id:req%207");
    /// assert_eq!(json["request_id"], "req 7");
    /// ```
    pub fn instance(mut self, instance: &'a str) -> Self {
        self.instance = Some(instance);
        self
    }

    /// The problem types this envelope's `type` is taken from, instead of
    /// the [installed](ProblemTypes::installed) ones. A
    /// [`doc_url`](Self::doc_url) still wins. No effect on the OpenAI and
    /// Anthropic envelopes.
    ///
    /// ```
    /// use api_error_codes::{ApiError, ErrorCode, Format, ProblemTypes};
    ///
    /// let types = ProblemTypes::new("https://docs.example.com/errors#").unwrap();
    /// let body = ErrorCode::BudgetExhausted.envelope(Format::Problem).problem_types(types).to_body();
    /// assert!(body.starts_with(br#"{"type":"https://docs.example.com/errors#budget_exhausted","#));
    /// ```
    pub fn problem_types(mut self, types: ProblemTypes) -> Self {
        self.problem_types = Some(types);
        self
    }
}

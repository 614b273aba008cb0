//! The stream relay and the SSE splitter (`api_error_codes::stream`).

mod http;
mod splitter;
mod support;

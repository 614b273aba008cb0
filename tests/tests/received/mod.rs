//! `ReceivedError`: what it accepts from real servers, and the precise error
//! for every hostile body.

use api_error_codes::{ParseError, ReceivedError};

pub(crate) fn parse(body: &[u8]) -> Result<ReceivedError, ParseError> {
    ReceivedError::parse(400, body)
}

pub(crate) fn error(body: &[u8]) -> ParseError {
    match parse(body) {
        Ok(received) => panic!("{:?} parsed as {received:?}", String::from_utf8_lossy(body)),
        Err(error) => error,
    }
}

mod hostile_bodies;
mod real_bodies;
mod sse_events;

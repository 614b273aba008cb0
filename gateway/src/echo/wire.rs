//! The success bodies and events of every API, as their SDKs parse them;
//! field order as the APIs send them.

pub(crate) mod chat;
pub(crate) mod messages;
pub(crate) mod responses;

//! RFC 9457 problem details, [`Format::Problem`](crate::Format::Problem):
//! the problem type URIs, the body writer, and problem bodies read back.

mod body;
mod types;
mod uri;

pub(crate) use body::{Instance, ProblemParts, TypeUri};
pub use types::{ProblemTypes, ProblemTypesError};

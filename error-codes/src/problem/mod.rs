//! RFC 9457 problem details, [`Format::Problem`](crate::Format::Problem):
//! the problem type URIs, the body writer, the envelope options only
//! problem details have, and problem bodies read back.

mod body;
mod options;
mod read;
mod received;
mod types;
mod uri;

pub(crate) use body::{Instance, ProblemParts, TypeUri};
pub(crate) use read::{is_problem, received_problem, ProblemMembers};
pub(crate) use received::is_problem_content_type;
pub use types::{ProblemTypes, ProblemTypesError};

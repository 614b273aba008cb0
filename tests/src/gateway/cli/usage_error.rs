//! [`UsageError`]: a command line the gateway cannot run with, and what
//! its message says.

use std::fmt;

/// A command line the gateway cannot run with.
///
/// ```
/// use error_codes_tests::gateway::{parse_args, UsageError};
///
/// let error = parse_args(["--listen".to_owned()]).unwrap_err();
/// assert_eq!(error, UsageError::MissingValue("--listen"));
/// assert_eq!(error.to_string(), "`--listen` needs a value, such as `--listen 127.0.0.1:8080`");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UsageError {
    /// An argument the gateway does not know.
    UnknownArgument(String),
    /// An option given without its value.
    MissingValue(&'static str),
    /// `--listen` with something that is not `IP:PORT`.
    BadAddress {
        /// What was given.
        input: String,
        /// Why it is not an address.
        reason: String,
    },
    /// `--listen` or `--upstream-timeout` given twice.
    Repeated(&'static str),
    /// `--upstream` or `--upstream-key` with a value it cannot use.
    BadUpstream {
        /// The option.
        option: &'static str,
        /// What was given (a key is never repeated back).
        input: String,
        /// What is wrong with it.
        reason: String,
    },
    /// `--upstream-timeout` with something that is not a whole number of
    /// seconds from 1 up.
    BadTimeout(String),
}

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UsageError::UnknownArgument(argument) => {
                write!(f, "unknown argument `{argument}`")
            }
            UsageError::MissingValue(option) => {
                write!(f, "`{option}` needs a value, such as `{option} {}`", example(option))
            }
            UsageError::BadAddress { input, reason } => write!(
                f,
                "`--listen {input}` is not an IP:PORT address ({reason}); try `--listen 127.0.0.1:8080`"
            ),
            UsageError::Repeated(option) => write!(f, "`{option}` is given more than once"),
            UsageError::BadUpstream {
                option,
                input,
                reason,
            } => write!(f, "`{option} {input}`: {reason}"),
            UsageError::BadTimeout(input) => write!(
                f,
                "`--upstream-timeout {input}` is not a whole number of seconds from 1 up"
            ),
        }
    }
}

impl std::error::Error for UsageError {}

fn example(option: &str) -> &'static str {
    match option {
        "--upstream" => "openai=https://api.openai.com",
        "--upstream-key" => "openai=sk-...",
        "--upstream-timeout" => "60",
        _ => "127.0.0.1:8080",
    }
}

//! The gateway's command line: `--listen ADDR`, `--help`.

use super::DEFAULT_LISTEN;
use std::fmt;
use std::net::SocketAddr;

/// The command line, as `--help` prints it and usage errors repeat it.
///
/// ```
/// assert!(error_codes_tests::gateway::USAGE.contains("--listen ADDR"));
/// ```
pub const USAGE: &str = "\
usage: cargo run --example gateway [-- --listen ADDR]

  --listen ADDR   address to listen on, such as 127.0.0.1:8080 or [::1]:9000
                  (default 127.0.0.1:8080; port 0 picks a free port)
  -h, --help      print this help";

/// What the command line asks for.
///
/// ```
/// use error_codes_tests::gateway::{parse_args, Command};
///
/// let command = parse_args(["--listen", "127.0.0.1:9000"].map(String::from)).unwrap();
/// assert_eq!(command, Command::Run { listen: "127.0.0.1:9000".parse().unwrap() });
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    /// Serve on this address.
    Run {
        /// The address to listen on.
        listen: SocketAddr,
    },
    /// Print [`USAGE`] and exit.
    Help,
}

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
    /// `--listen` given twice.
    Repeated(&'static str),
}

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UsageError::UnknownArgument(argument) => {
                write!(f, "unknown argument `{argument}`")
            }
            UsageError::MissingValue(option) => {
                write!(f, "`{option}` needs a value, such as `{option} 127.0.0.1:8080`")
            }
            UsageError::BadAddress { input, reason } => write!(
                f,
                "`--listen {input}` is not an IP:PORT address ({reason}); try `--listen 127.0.0.1:8080`"
            ),
            UsageError::Repeated(option) => write!(f, "`{option}` is given more than once"),
        }
    }
}

impl std::error::Error for UsageError {}

/// Reads the command line (without the program name): `--listen ADDR`,
/// `--listen=ADDR`, `-h`/`--help`.
///
/// ```
/// use error_codes_tests::gateway::{parse_args, Command, UsageError, DEFAULT_LISTEN};
///
/// assert_eq!(parse_args(Vec::<String>::new()), Ok(Command::Run { listen: DEFAULT_LISTEN }));
/// assert_eq!(parse_args(["--help".to_owned()]), Ok(Command::Help));
/// assert!(matches!(
///     parse_args(["--listen=localhost".to_owned()]),
///     Err(UsageError::BadAddress { .. })
/// ));
/// assert_eq!(
///     parse_args(["--port".to_owned()]),
///     Err(UsageError::UnknownArgument("--port".to_owned()))
/// );
/// ```
pub fn parse_args<I>(args: I) -> Result<Command, UsageError>
where
    I: IntoIterator<Item = String>,
{
    let mut listen = None;
    let mut args = args.into_iter();
    while let Some(argument) = args.next() {
        let value = match argument.as_str() {
            "-h" | "--help" => return Ok(Command::Help),
            "--listen" => args.next().ok_or(UsageError::MissingValue("--listen"))?,
            other => match other.strip_prefix("--listen=") {
                Some(value) => value.to_owned(),
                None => return Err(UsageError::UnknownArgument(argument)),
            },
        };
        if listen.is_some() {
            return Err(UsageError::Repeated("--listen"));
        }
        let address = value
            .parse::<SocketAddr>()
            .map_err(|error| UsageError::BadAddress {
                reason: error.to_string(),
                input: value,
            })?;
        listen = Some(address);
    }
    Ok(Command::Run {
        listen: listen.unwrap_or(DEFAULT_LISTEN),
    })
}

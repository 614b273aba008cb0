//! The gateway's command line: `--listen`, `--upstream`, `--upstream-key`,
//! `--upstream-timeout`, `--help`; and the upstream keys from the
//! environment.

mod config;
mod usage_error;

pub use config::{Config, UpstreamConfig};
pub use usage_error::UsageError;

use super::DEFAULT_LISTEN;
use api_error_codes::upstream::Provider;
use std::net::SocketAddr;
use std::time::Duration;

/// The command line, as `--help` prints it and usage errors repeat it.
///
/// ```
/// assert!(error_codes_tests::gateway::USAGE.contains("--listen ADDR"));
/// assert!(error_codes_tests::gateway::USAGE.contains("--upstream NAME=URL"));
/// ```
pub const USAGE: &str = "\
usage: cargo run --example gateway [-- OPTIONS]

  --listen ADDR             address to listen on, such as 127.0.0.1:8080 or [::1]:9000
                            (default 127.0.0.1:8080; port 0 picks a free port)
  --upstream NAME=URL       forward models `NAME/<model>` to this upstream (repeatable);
                            NAME: openai, mistral, groq, deepseek, openrouter,
                            openai_compatible (OpenAI format), anthropic (Anthropic format)
  --upstream-key NAME=KEY   the key the gateway sends to upstream NAME; without it,
                            the environment variable <NAME>_API_KEY (OPENAI_API_KEY, ...)
  --upstream-timeout SECS   how long an upstream may stay silent (default 60)
  -h, --help                print this help";

/// How long an upstream may stay silent without `--upstream-timeout`.
///
/// ```
/// assert_eq!(error_codes_tests::gateway::DEFAULT_UPSTREAM_TIMEOUT.as_secs(), 60);
/// ```
pub const DEFAULT_UPSTREAM_TIMEOUT: Duration = Duration::from_secs(60);

/// What the command line asks for.
///
/// ```
/// use error_codes_tests::gateway::{parse_args, Command};
///
/// let Ok(Command::Run(config)) = parse_args(["--listen", "127.0.0.1:9000"].map(String::from)) else {
///     panic!("a valid command line")
/// };
/// assert_eq!(config.listen, "127.0.0.1:9000".parse().unwrap());
/// assert!(config.upstreams.is_empty());
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// Serve with this configuration.
    Run(Config),
    /// Print [`USAGE`] and exit.
    Help,
}

/// The options that take a value.
const VALUED: [&str; 4] = [
    "--listen",
    "--upstream",
    "--upstream-key",
    "--upstream-timeout",
];

/// Reads the command line (without the program name). Options take their
/// value as the next argument or after `=`: `--listen ADDR`,
/// `--listen=ADDR`.
///
/// ```
/// use api_error_codes::upstream::Provider;
/// use error_codes_tests::gateway::{parse_args, Command, Config, UsageError};
///
/// assert_eq!(parse_args(Vec::<String>::new()), Ok(Command::Run(Config::default())));
/// assert_eq!(parse_args(["--help".to_owned()]), Ok(Command::Help));
/// assert!(matches!(
///     parse_args(["--listen=localhost".to_owned()]),
///     Err(UsageError::BadAddress { .. })
/// ));
/// let args = ["--upstream", "anthropic=https://api.anthropic.com/", "--upstream-key=anthropic=sk-ant-1"];
/// let Ok(Command::Run(config)) = parse_args(args.map(String::from)) else { panic!() };
/// assert_eq!(config.upstreams[0].provider, Provider::Anthropic);
/// assert_eq!(config.upstreams[0].url, "https://api.anthropic.com");
/// assert_eq!(config.upstreams[0].key.as_deref(), Some("sk-ant-1"));
/// ```
pub fn parse_args<I>(args: I) -> Result<Command, UsageError>
where
    I: IntoIterator<Item = String>,
{
    let mut config = Config::default();
    let (mut listen, mut timeout) = (None, None);
    let mut keys = Vec::new();
    let mut args = args.into_iter();
    while let Some(argument) = args.next() {
        if argument == "-h" || argument == "--help" {
            return Ok(Command::Help);
        }
        let (option, value) = match argument.split_once('=') {
            Some((option, value)) if VALUED.contains(&option) => (option, value.to_owned()),
            _ => match VALUED.iter().find(|option| **option == argument) {
                Some(option) => (
                    *option,
                    args.next().ok_or(UsageError::MissingValue(option))?,
                ),
                None => return Err(UsageError::UnknownArgument(argument)),
            },
        };
        match option {
            "--listen" => set_once(&mut listen, "--listen", parse_address(value)?)?,
            "--upstream-timeout" => {
                set_once(&mut timeout, "--upstream-timeout", parse_timeout(value)?)?;
            }
            "--upstream" => {
                let upstream = parse_upstream(&value)?;
                if config
                    .upstreams
                    .iter()
                    .any(|known| known.provider == upstream.provider)
                {
                    return Err(bad_upstream(
                        "--upstream",
                        value,
                        "this NAME is given more than once",
                    ));
                }
                config.upstreams.push(upstream);
            }
            _ => keys.push(parse_key(&value)?),
        }
    }
    for (provider, key) in keys {
        let upstream = config
            .upstreams
            .iter_mut()
            .find(|upstream| upstream.provider == provider)
            .ok_or_else(|| {
                bad_upstream(
                    "--upstream-key",
                    format!("{}=...", provider.name()),
                    "no `--upstream` with this NAME",
                )
            })?;
        if upstream.key.replace(key).is_some() {
            return Err(bad_upstream(
                "--upstream-key",
                format!("{}=...", provider.name()),
                "this NAME is given more than once",
            ));
        }
    }
    config.listen = listen.unwrap_or(DEFAULT_LISTEN);
    config.upstream_timeout = timeout.unwrap_or(DEFAULT_UPSTREAM_TIMEOUT);
    Ok(Command::Run(config))
}

fn set_once<T>(slot: &mut Option<T>, option: &'static str, value: T) -> Result<(), UsageError> {
    match slot.replace(value) {
        Some(_) => Err(UsageError::Repeated(option)),
        None => Ok(()),
    }
}

fn parse_address(value: String) -> Result<SocketAddr, UsageError> {
    value
        .parse::<SocketAddr>()
        .map_err(|error| UsageError::BadAddress {
            reason: error.to_string(),
            input: value,
        })
}

fn parse_timeout(value: String) -> Result<Duration, UsageError> {
    match value.parse::<u64>() {
        Ok(seconds) if seconds > 0 => Ok(Duration::from_secs(seconds)),
        _ => Err(UsageError::BadTimeout(value)),
    }
}

fn bad_upstream(option: &'static str, input: String, reason: &str) -> UsageError {
    UsageError::BadUpstream {
        option,
        input,
        reason: reason.to_owned(),
    }
}

fn parse_provider(option: &'static str, name: &str, input: String) -> Result<Provider, UsageError> {
    name.parse::<Provider>().map_err(|_| {
        let names: Vec<&str> = Provider::ALL
            .iter()
            .map(|provider| provider.name())
            .collect();
        bad_upstream(
            option,
            input,
            &format!(
                "`{name}` is not a provider name; one of {}",
                names.join(", ")
            ),
        )
    })
}

fn parse_upstream(value: &str) -> Result<UpstreamConfig, UsageError> {
    let Some((name, url)) = value.split_once('=') else {
        return Err(bad_upstream(
            "--upstream",
            value.to_owned(),
            "expected NAME=URL",
        ));
    };
    let provider = parse_provider("--upstream", name, value.to_owned())?;
    let rest = url
        .strip_prefix("http://")
        .or_else(|| url.strip_prefix("https://"));
    if rest.is_none_or(|rest| rest.is_empty() || rest.starts_with('/')) {
        return Err(bad_upstream(
            "--upstream",
            value.to_owned(),
            "the URL must start with http:// or https:// and name a host",
        ));
    }
    Ok(UpstreamConfig {
        provider,
        url: url.trim_end_matches('/').to_owned(),
        key: None,
    })
}

fn parse_key(value: &str) -> Result<(Provider, String), UsageError> {
    let shown = |name: &str| format!("{name}=...");
    match value.split_once('=') {
        Some((name, key)) if !key.is_empty() => Ok((
            parse_provider("--upstream-key", name, shown(name))?,
            key.to_owned(),
        )),
        Some((name, _)) => Err(bad_upstream(
            "--upstream-key",
            shown(name),
            "the KEY is empty",
        )),
        None => Err(bad_upstream(
            "--upstream-key",
            "...".to_owned(),
            "expected NAME=KEY",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Result<Command, UsageError> {
        parse_args(list.iter().map(|arg| (*arg).to_owned()))
    }

    #[test]
    fn usage_errors_name_the_bad_input() {
        assert_eq!(
            args(&["--listen", "0.0.0.0:1", "--listen", "0.0.0.0:2"]),
            Err(UsageError::Repeated("--listen"))
        );
        let Err(UsageError::BadAddress { input, reason }) = args(&["--listen", "127.0.0.1"]) else {
            panic!("a port-less address is rejected")
        };
        assert_eq!(input, "127.0.0.1");
        assert_eq!(reason, "invalid socket address syntax");
        assert_eq!(
            args(&["serve"]).unwrap_err().to_string(),
            "unknown argument `serve`"
        );
    }

    #[test]
    fn upstream_options_are_checked() {
        let message = |list: &[&str]| args(list).unwrap_err().to_string();
        assert_eq!(
            message(&["--upstream", "openai"]),
            "`--upstream openai`: expected NAME=URL"
        );
        assert!(message(&["--upstream", "cohere=https://x.test"])
            .starts_with("`--upstream cohere=https://x.test`: `cohere` is not a provider name; one of openai, azure, anthropic"));
        assert_eq!(
            message(&["--upstream", "openai=ftp://x.test"]),
            "`--upstream openai=ftp://x.test`: the URL must start with http:// or https:// and name a host"
        );
        assert_eq!(
            message(&[
                "--upstream=groq=http://a.test",
                "--upstream",
                "groq=http://b.test"
            ]),
            "`--upstream groq=http://b.test`: this NAME is given more than once"
        );
        let secret = message(&["--upstream-key", "mistral=sk-secret"]);
        assert_eq!(
            secret,
            "`--upstream-key mistral=...`: no `--upstream` with this NAME"
        );
        assert_eq!(
            message(&["--upstream-key", "mistral="]),
            "`--upstream-key mistral=...`: the KEY is empty"
        );
        assert_eq!(
            message(&["--upstream-timeout", "0"]),
            "`--upstream-timeout 0` is not a whole number of seconds from 1 up"
        );
        assert_eq!(
            message(&["--upstream-timeout"]),
            "`--upstream-timeout` needs a value, such as `--upstream-timeout 60`"
        );
        let Ok(Command::Run(config)) = args(&[
            "--upstream-key=openai_compatible=local",
            "--upstream",
            "openai_compatible=http://127.0.0.1:11434/",
            "--upstream-timeout=5",
        ]) else {
            panic!("keys may come before their upstream")
        };
        assert_eq!(config.upstreams[0].url, "http://127.0.0.1:11434");
        assert_eq!(config.upstreams[0].key.as_deref(), Some("local"));
        assert_eq!(config.upstream_timeout, Duration::from_secs(5));
    }

    #[test]
    fn environment_keys_fill_only_the_missing_ones() {
        let Ok(Command::Run(config)) = args(&[
            "--upstream=openai=https://a.test",
            "--upstream=anthropic=https://b.test",
            "--upstream-key=anthropic=given",
        ]) else {
            panic!()
        };
        let config = config.with_env_keys(|name| Some(format!("env:{name}")));
        assert_eq!(
            config.upstreams[0].key.as_deref(),
            Some("env:OPENAI_API_KEY")
        );
        assert_eq!(config.upstreams[1].key.as_deref(), Some("given"));
    }
}

//! The command line ([`Args`], read by clap) and the [`Config`] it makes,
//! with the upstream keys from the environment.

use crate::config::{Config, UpstreamConfig, DEFAULT_LISTEN, UPSTREAM_BODY_LIMIT};
use api_error_codes::upstream::Provider;
use clap::error::ErrorKind;
use clap::{CommandFactory, Parser};
use std::fmt;
use std::net::SocketAddr;
use std::time::Duration;

/// The gateway's command line.
///
/// ```
/// use api_error_codes_gateway::Args;
/// use clap::Parser;
///
/// let args = Args::try_parse_from(["gateway", "--upstream", "groq=https://api.groq.com/openai/"]).unwrap();
/// let config = args.into_config(|name| (name == "GROQ_API_KEY").then(|| "gsk-1".to_owned())).unwrap();
/// assert_eq!(config.upstreams[0].url, "https://api.groq.com/openai");
/// assert_eq!(config.upstreams[0].key.as_deref(), Some("gsk-1"));
/// ```
#[derive(Clone, Debug, Parser)]
#[command(
    name = "gateway",
    about = "The api-error-codes example gateway: OpenAI and Anthropic endpoints, \
             every error an api-error-codes envelope",
    long_about = None
)]
pub struct Args {
    /// Address to listen on, such as 127.0.0.1:8080 or [::1]:9000 (port 0
    /// picks a free port)
    #[arg(long, value_name = "ADDR", default_value_t = DEFAULT_LISTEN)]
    listen: SocketAddr,

    /// Forward models `NAME/<model>` to this upstream (repeatable). NAME:
    /// openai, mistral, groq, deepseek, openrouter, openai_compatible
    /// (OpenAI format), anthropic (Anthropic format)
    #[arg(long = "upstream", value_name = "NAME=URL", value_parser = parse_upstream)]
    upstreams: Vec<UpstreamConfig>,

    /// The key the gateway sends to upstream NAME (repeatable); without
    /// it, the environment variable `<NAME>_API_KEY` (`OPENAI_API_KEY`, ...)
    #[arg(long = "upstream-key", value_name = "NAME=KEY")]
    keys: Vec<KeyArg>,

    /// How long an upstream may take to connect or answer, and then stay
    /// silent, in seconds
    #[arg(long, value_name = "SECS", default_value_t = 60,
          value_parser = clap::value_parser!(u64).range(1..))]
    upstream_timeout: u64,
}

/// An `--upstream-key NAME=KEY` as given: checked by
/// [`Args::into_config`], whose errors never repeat a key.
#[derive(Clone)]
struct KeyArg(String);

impl From<String> for KeyArg {
    fn from(arg: String) -> Self {
        KeyArg(arg)
    }
}

impl fmt::Debug for KeyArg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = self.0.split_once('=').map_or("", |(name, _)| name);
        write!(f, "{name}=...")
    }
}

impl Args {
    /// The configuration: each `--upstream-key` on its upstream, and for
    /// the upstreams without one, the key from `<NAME>_API_KEY` in upper
    /// case (`OPENAI_API_KEY`, `OPENAI_COMPATIBLE_API_KEY`, ...), read with
    /// `env`. A NAME given twice, or a key for no `--upstream`, is a usage
    /// error.
    pub fn into_config(self, env: impl Fn(&str) -> Option<String>) -> Result<Config, clap::Error> {
        let mut upstreams = self.upstreams;
        for (index, upstream) in upstreams.iter().enumerate() {
            if upstreams[..index]
                .iter()
                .any(|seen| seen.provider == upstream.provider)
            {
                let name = upstream.provider.name();
                return Err(usage(format!(
                    "`--upstream {name}=...` is given more than once"
                )));
            }
        }
        for KeyArg(arg) in self.keys {
            let Some((name, key)) = arg.split_once('=') else {
                return Err(usage("`--upstream-key` expects NAME=KEY".to_owned()));
            };
            // Only a provider name is repeated back: what else is there
            // may be a key.
            let Ok(provider) = name.parse::<Provider>() else {
                return Err(usage(
                    "`--upstream-key NAME=KEY`: NAME is no provider name".to_owned(),
                ));
            };
            let option = format!("`--upstream-key {name}=...`");
            let upstream = upstreams
                .iter_mut()
                .find(|upstream| upstream.provider == provider)
                .ok_or_else(|| usage(format!("{option}: no `--upstream` with this NAME")))?;
            if key.is_empty() {
                return Err(usage(format!("{option}: the KEY is empty")));
            }
            if upstream.key.replace(key.to_owned()).is_some() {
                return Err(usage(format!("{option} is given more than once")));
            }
        }
        for upstream in upstreams
            .iter_mut()
            .filter(|upstream| upstream.key.is_none())
        {
            let variable = format!("{}_API_KEY", upstream.provider.name().to_uppercase());
            upstream.key = env(&variable).filter(|key| !key.is_empty());
        }
        Ok(Config {
            listen: self.listen,
            upstreams,
            upstream_timeout: Duration::from_secs(self.upstream_timeout),
            upstream_body_limit: UPSTREAM_BODY_LIMIT,
        })
    }
}

fn usage(message: String) -> clap::Error {
    Args::command().error(ErrorKind::ValueValidation, message)
}

/// `NAME=URL`: a provider name and an `http://` or `https://` URL with a
/// host, kept without its trailing `/`.
fn parse_upstream(value: &str) -> Result<UpstreamConfig, String> {
    let (name, url) = value.split_once('=').ok_or("expected NAME=URL")?;
    let provider = name
        .parse::<Provider>()
        .map_err(|error| error.to_string())?;
    let parsed =
        reqwest::Url::parse(url).map_err(|error| format!("the URL is invalid: {error}"))?;
    if !matches!(parsed.scheme(), "http" | "https") || parsed.host_str().is_none() {
        return Err("the URL must start with http:// or https:// and name a host".to_owned());
    }
    Ok(UpstreamConfig {
        provider,
        url: url.trim_end_matches('/').to_owned(),
        key: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(args: &[&str]) -> Result<Config, String> {
        let args = Args::try_parse_from(std::iter::once("gateway").chain(args.iter().copied()))
            .map_err(|error| error.to_string())?;
        let env = |name: &str| Some(format!("env:{name}"));
        args.into_config(env).map_err(|error| error.to_string())
    }

    fn first_line(args: &[&str]) -> String {
        let message = config(args).unwrap_err();
        message.lines().next().unwrap().to_owned()
    }

    #[test]
    fn defaults_and_every_option() {
        assert_eq!(config(&[]).unwrap(), Config::default());
        let config = config(&[
            "--listen=[::1]:9000",
            "--upstream-key=openai_compatible=local",
            "--upstream",
            "openai_compatible=http://127.0.0.1:11434/",
            "--upstream=anthropic=https://api.anthropic.com",
            "--upstream-timeout",
            "5",
        ])
        .unwrap();
        assert_eq!(config.listen, "[::1]:9000".parse().unwrap());
        assert_eq!(config.upstreams[0].url, "http://127.0.0.1:11434");
        assert_eq!(config.upstreams[0].key.as_deref(), Some("local"));
        assert_eq!(
            config.upstreams[1].key.as_deref(),
            Some("env:ANTHROPIC_API_KEY")
        );
        assert_eq!(config.upstream_timeout, Duration::from_secs(5));
    }

    #[test]
    fn usage_errors_name_the_bad_input() {
        assert_eq!(
            first_line(&["--listen", "127.0.0.1"]),
            "error: invalid value '127.0.0.1' for '--listen <ADDR>': invalid socket address syntax"
        );
        assert_eq!(
            first_line(&["--upstream", "openai"]),
            "error: invalid value 'openai' for '--upstream <NAME=URL>': expected NAME=URL"
        );
        assert!(first_line(&["--upstream", "cohere=https://x.test"])
            .contains(": unknown provider \"cohere\"; known: openai, "));
        assert!(first_line(&["--upstream", "openai=ftp://x.test"])
            .ends_with("the URL must start with http:// or https:// and name a host"));
        assert_eq!(
            first_line(&[
                "--upstream=groq=http://a.test",
                "--upstream",
                "groq=http://b.test"
            ]),
            "error: `--upstream groq=...` is given more than once"
        );
        assert!(first_line(&["--upstream-timeout", "0"]).contains("0 is not in 1.."));
        assert!(first_line(&["serve"]).starts_with("error: unexpected argument 'serve'"));
    }

    #[test]
    fn key_errors_never_repeat_the_key() {
        let cases = [
            (
                &["--upstream-key", "mistral=sk-secret"][..],
                "`--upstream-key mistral=...`: no `--upstream` with this NAME",
            ),
            (
                &["--upstream-key", "c2stc2VjcmV0="],
                "`--upstream-key NAME=KEY`: NAME is no provider name",
            ),
            (
                &["--upstream-key", "sk-secret"],
                "`--upstream-key` expects NAME=KEY",
            ),
            (
                &["--upstream=groq=http://a.test", "--upstream-key", "groq="],
                "`--upstream-key groq=...`: the KEY is empty",
            ),
            (
                &[
                    "--upstream=groq=http://a.test",
                    "--upstream-key=groq=sk-secret",
                    "--upstream-key=groq=sk-secret",
                ],
                "`--upstream-key groq=...` is given more than once",
            ),
        ];
        for (args, expected) in cases {
            assert_eq!(first_line(args), format!("error: {expected}"));
        }
        let args = Args::try_parse_from(["gateway", "--upstream-key", "groq=sk-secret"]).unwrap();
        assert!(!format!("{args:?}").contains("secret"));
    }
}

//! [`Provider`]: which upstream API sent an error, by its wire name.

use std::fmt;
use std::str::FromStr;

/// The upstream API an error came from. Its [`name`](Self::name) is what
/// the OpenAI-format body's `"provider"` field carries, and what
/// [`FromStr`] reads.
///
/// ```
/// use api_error_codes::upstream::Provider;
///
/// let provider: Provider = "anthropic".parse().unwrap();
/// assert_eq!(provider, Provider::Anthropic);
/// assert_eq!(provider.name(), "anthropic");
/// assert_eq!(Provider::OpenAiCompatible.to_string(), "openai_compatible");
///
/// let error = "claude".parse::<Provider>().unwrap_err();
/// assert!(error.to_string().starts_with("unknown provider \"claude\"; known: openai, azure, anthropic"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Provider {
    /// OpenAI's API (Chat Completions, Responses, ...).
    OpenAi,
    /// Azure OpenAI.
    Azure,
    /// Anthropic's Messages API.
    Anthropic,
    /// Google's Gemini API (`generativelanguage.googleapis.com`).
    Gemini,
    /// Google Cloud Vertex AI.
    Vertex,
    /// Amazon Bedrock.
    Bedrock,
    /// Mistral AI.
    Mistral,
    /// Groq.
    Groq,
    /// DeepSeek.
    DeepSeek,
    /// OpenRouter.
    OpenRouter,
    /// Any other server speaking the OpenAI API (vLLM, Ollama, LM Studio, ...).
    OpenAiCompatible,
}

impl Provider {
    /// Every provider, in declaration order.
    ///
    /// ```
    /// use api_error_codes::upstream::Provider;
    /// assert_eq!(Provider::ALL.len(), 11);
    /// assert!(Provider::ALL.iter().all(|p| p.name().parse::<Provider>() == Ok(*p)));
    /// ```
    pub const ALL: [Provider; 11] = [
        Provider::OpenAi,
        Provider::Azure,
        Provider::Anthropic,
        Provider::Gemini,
        Provider::Vertex,
        Provider::Bedrock,
        Provider::Mistral,
        Provider::Groq,
        Provider::DeepSeek,
        Provider::OpenRouter,
        Provider::OpenAiCompatible,
    ];

    /// The wire name: `openai`, `azure`, `anthropic`, `gemini`, `vertex`,
    /// `bedrock`, `mistral`, `groq`, `deepseek`, `openrouter`,
    /// `openai_compatible`.
    ///
    /// ```
    /// use api_error_codes::upstream::Provider;
    /// assert_eq!(Provider::DeepSeek.name(), "deepseek");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            Provider::OpenAi => "openai",
            Provider::Azure => "azure",
            Provider::Anthropic => "anthropic",
            Provider::Gemini => "gemini",
            Provider::Vertex => "vertex",
            Provider::Bedrock => "bedrock",
            Provider::Mistral => "mistral",
            Provider::Groq => "groq",
            Provider::DeepSeek => "deepseek",
            Provider::OpenRouter => "openrouter",
            Provider::OpenAiCompatible => "openai_compatible",
        }
    }
}

impl fmt::Display for Provider {
    /// The wire name, as [`name`](Provider::name).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Provider {
    type Err = UnknownProvider;

    /// Reads a wire name exactly (lower case, as [`name`](Provider::name)
    /// writes it).
    fn from_str(name: &str) -> Result<Provider, UnknownProvider> {
        Provider::ALL
            .into_iter()
            .find(|provider| provider.name() == name)
            .ok_or_else(|| UnknownProvider {
                name: name.to_owned(),
            })
    }
}

/// A provider name [`Provider`]'s [`FromStr`] does not know; its message
/// lists the known ones.
///
/// ```
/// use api_error_codes::upstream::Provider;
///
/// let error = "OpenAI".parse::<Provider>().unwrap_err();
/// assert_eq!(error.name(), "OpenAI");
/// assert_eq!(
///     error.to_string(),
///     "unknown provider \"OpenAI\"; known: openai, azure, anthropic, gemini, vertex, bedrock, mistral, groq, deepseek, openrouter, openai_compatible"
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownProvider {
    name: String,
}

impl UnknownProvider {
    /// The name that was not recognised.
    ///
    /// ```
    /// use api_error_codes::upstream::Provider;
    /// assert_eq!("x".parse::<Provider>().unwrap_err().name(), "x");
    /// ```
    pub fn name(&self) -> &str {
        &self.name
    }
}

impl fmt::Display for UnknownProvider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown provider {:?}; known: ", self.name)?;
        for (index, provider) in Provider::ALL.iter().enumerate() {
            if index > 0 {
                f.write_str(", ")?;
            }
            f.write_str(provider.name())?;
        }
        Ok(())
    }
}

impl std::error::Error for UnknownProvider {}

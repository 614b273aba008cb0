//! RFC 9457 problem details, [`Format::Problem`](crate::Format::Problem):
//! [`ProblemTypes`], where the `type` URI of each code's problem lives.

use percent_encoding::{utf8_percent_encode, AsciiSet, PercentEncode, NON_ALPHANUMERIC};
use std::fmt;
use std::sync::OnceLock;

/// The problem type URIs of an API: the `type` of a problem details body
/// ([`Format::Problem`](crate::Format::Problem)) is this base followed by
/// the code, unless the envelope has a
/// [`doc_url`](crate::Envelope::doc_url), which is then the type.
///
/// RFC 9457 makes `type` the primary identifier of a problem, and
/// encourages a URI that, dereferenced, documents it: give your API's
/// documentation as the base (`https://docs.example.com/errors/` gives
/// `https://docs.example.com/errors/rate_limit_exceeded`). The base is
/// checked to be an absolute URI (a scheme, then only characters a URI can
/// hold); the code is appended as is, so the base ends with its separator
/// (`/`, `#`, `:`, `=`). Bytes of a code that a URI cannot hold (none, for
/// the snake_case codes the derive allows) are percent-encoded.
///
/// Without configuration the base is [`DEFAULT`](Self::DEFAULT),
/// `tag:error-codes,2026:`: a `tag` URI (RFC 4151), stable across releases
/// and never dereferenced. Set the API's own base once at startup with
/// [`install`](Self::install), or per envelope with
/// [`Envelope::problem_types`](crate::Envelope::problem_types).
///
/// ```
/// use api_error_codes::{ApiError, ErrorCode, Format, ProblemTypes};
///
/// const DOCS: ProblemTypes = match ProblemTypes::new("https://docs.example.com/errors/") {
///     Ok(types) => types,
///     Err(_) => panic!("not an absolute URI"),
/// };
/// assert_eq!(DOCS.type_uri("mfa_required"), "https://docs.example.com/errors/mfa_required");
///
/// let body = ErrorCode::MfaRequired.envelope(Format::Problem).problem_types(DOCS).to_body();
/// let json: serde_json::Value = serde_json::from_slice(&body).unwrap();
/// assert_eq!(json["type"], "https://docs.example.com/errors/mfa_required");
///
/// assert_eq!(ProblemTypes::DEFAULT.type_uri("mfa_required"), "tag:error-codes,2026:mfa_required");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ProblemTypes {
    base: &'static str,
}

/// The base [`ProblemTypes::install`] set, once per process.
static INSTALLED: OnceLock<ProblemTypes> = OnceLock::new();

impl ProblemTypes {
    /// `tag:error-codes,2026:`, the base used until another is installed.
    pub const DEFAULT: ProblemTypes = ProblemTypes {
        base: "tag:error-codes,2026:",
    };

    /// The problem types under `base`, which must be an absolute URI: a
    /// scheme (a letter, then letters, digits, `+`, `-` or `.`) and `:`,
    /// then only characters a URI can hold, with each `%` starting a
    /// percent-encoded byte. Usable in `const`.
    ///
    /// ```
    /// use api_error_codes::{ProblemTypes, ProblemTypesError};
    ///
    /// assert!(ProblemTypes::new("urn:example:errors:").is_ok());
    /// assert_eq!(ProblemTypes::new("/errors/"), Err(ProblemTypesError::NoScheme));
    /// assert_eq!(
    ///     ProblemTypes::new("https://x.test/my errors/"),
    ///     Err(ProblemTypesError::InvalidByte { index: 17, byte: b' ' }),
    /// );
    /// assert_eq!(
    ///     ProblemTypes::new("https://x.test/%zz/"),
    ///     Err(ProblemTypesError::BadPercent { index: 15 }),
    /// );
    /// ```
    pub const fn new(base: &'static str) -> Result<ProblemTypes, ProblemTypesError> {
        let bytes = base.as_bytes();
        let mut i = 0;
        while i < bytes.len() && is_scheme_byte(bytes[i], i) {
            i += 1;
        }
        if i == 0 || i >= bytes.len() || bytes[i] != b':' {
            return Err(ProblemTypesError::NoScheme);
        }
        while i < bytes.len() {
            let byte = bytes[i];
            if byte == b'%' {
                if i + 2 >= bytes.len()
                    || !bytes[i + 1].is_ascii_hexdigit()
                    || !bytes[i + 2].is_ascii_hexdigit()
                {
                    return Err(ProblemTypesError::BadPercent { index: i });
                }
                i += 3;
                continue;
            }
            if !is_uri_byte(byte) {
                return Err(ProblemTypesError::InvalidByte { index: i, byte });
            }
            i += 1;
        }
        Ok(ProblemTypes { base })
    }

    /// The base each code is appended to.
    pub const fn base(&self) -> &'static str {
        self.base
    }

    /// The problem type URI of `code`: the base, then the code.
    pub fn type_uri(&self, code: &str) -> String {
        format!("{}{}", self.base, encode_uri_component(code))
    }

    /// Makes these the problem types of every envelope that sets none, for
    /// the rest of the process. Call it once, at startup, before the first
    /// problem body is written; `Err` gives back the types already
    /// installed (a second call changes nothing: problem types are an
    /// API's stable identifiers, not a setting to flip while it runs).
    ///
    /// ```
    /// use api_error_codes::ProblemTypes;
    ///
    /// let docs = ProblemTypes::new("https://docs.example.com/errors/").unwrap();
    /// assert_eq!(docs.install(), Ok(()));
    /// assert_eq!(ProblemTypes::installed(), docs);
    /// assert_eq!(ProblemTypes::DEFAULT.install(), Err(docs));
    /// ```
    pub fn install(self) -> Result<(), ProblemTypes> {
        let mut installed = false;
        let current = INSTALLED.get_or_init(|| {
            installed = true;
            self
        });
        if installed {
            Ok(())
        } else {
            Err(*current)
        }
    }

    /// The installed problem types, or [`DEFAULT`](Self::DEFAULT) when none
    /// were installed.
    pub fn installed() -> ProblemTypes {
        INSTALLED.get().copied().unwrap_or(ProblemTypes::DEFAULT)
    }
}

impl Default for ProblemTypes {
    /// [`ProblemTypes::DEFAULT`].
    fn default() -> Self {
        ProblemTypes::DEFAULT
    }
}

/// Why a base given to [`ProblemTypes::new`] is not an absolute URI.
///
/// ```
/// use api_error_codes::{ProblemTypes, ProblemTypesError};
///
/// let error = ProblemTypes::new("errors/").unwrap_err();
/// assert_eq!(error, ProblemTypesError::NoScheme);
/// assert_eq!(
///     error.to_string(),
///     "a problem type base must be an absolute URI, starting with a scheme such as `https:`",
/// );
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ProblemTypesError {
    /// The base does not start with a scheme and `:`.
    NoScheme,
    /// The byte at `index` is one a URI cannot hold (a space, a control
    /// character, non-ASCII, `"`, `<`, `>`, `\`, `^`, `` ` ``, `{`, `|`,
    /// `}`): percent-encode it.
    InvalidByte {
        /// Where it is, in bytes from the start.
        index: usize,
        /// The byte.
        byte: u8,
    },
    /// The `%` at `index` is not followed by two hexadecimal digits.
    BadPercent {
        /// Where it is, in bytes from the start.
        index: usize,
    },
}

impl fmt::Display for ProblemTypesError {
    /// What is wrong with the base, and where.
    ///
    /// ```
    /// use api_error_codes::ProblemTypes;
    ///
    /// let error = ProblemTypes::new("https://x.test/a b").unwrap_err();
    /// assert_eq!(error.to_string(), "a problem type base cannot hold byte 0x20 (at byte 16): percent-encode it");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProblemTypesError::NoScheme => f.write_str(
                "a problem type base must be an absolute URI, starting with a scheme such as `https:`",
            ),
            ProblemTypesError::InvalidByte { index, byte } => write!(
                f,
                "a problem type base cannot hold byte {byte:#04x} (at byte {index}): percent-encode it"
            ),
            ProblemTypesError::BadPercent { index } => write!(
                f,
                "the `%` at byte {index} of a problem type base does not start a percent-encoded byte (`%` and two hexadecimal digits)"
            ),
        }
    }
}

impl std::error::Error for ProblemTypesError {}

/// Whether `byte` can stand at `index` of a URI scheme.
const fn is_scheme_byte(byte: u8, index: usize) -> bool {
    byte.is_ascii_alphabetic()
        || (index > 0 && (byte.is_ascii_digit() || matches!(byte, b'+' | b'-' | b'.')))
}

/// Whether `byte` is one a URI holds as is: unreserved, reserved (RFC 3986).
const fn is_uri_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric()
        || matches!(
            byte,
            b'-' | b'.'
                | b'_'
                | b'~'
                | b':'
                | b'/'
                | b'?'
                | b'#'
                | b'['
                | b']'
                | b'@'
                | b'!'
                | b'$'
                | b'&'
                | b'\''
                | b'('
                | b')'
                | b'*'
                | b'+'
                | b','
                | b';'
                | b'='
        )
}

/// Every byte but RFC 3986's unreserved ones (`A-Z a-z 0-9 - . _ ~`).
const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// `text` made safe inside a URI: every byte but the unreserved ones
/// percent-encoded, as a code in a type URI or a request id in
/// `urn:request-id:<id>`.
pub(crate) fn encode_uri_component(text: &str) -> PercentEncode<'_> {
    utf8_percent_encode(text, COMPONENT)
}

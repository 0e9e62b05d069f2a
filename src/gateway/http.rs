//! The one HTTP client setup: proxies from the configuration only, no
//! redirects, timeouts, and TLS through reqwest's rustls with the platform's
//! roots. The gateway client and `doctor` both build theirs here, so what
//! `doctor` reaches is what a call reaches.

use std::time::Duration;

pub const USER_AGENT: &str = concat!("alipay-oauth/", env!("CARGO_PKG_VERSION"));

/// Proxies, as the environment (`HTTPS_PROXY`, `HTTP_PROXY`, `ALL_PROXY`,
/// `NO_PROXY`) or flags give them. Nothing here reads the environment.
#[derive(Debug, Clone, Default)]
pub struct ProxyConfig {
    pub http: Option<String>,
    pub https: Option<String>,
    pub all: Option<String>,
    pub no_proxy: Option<String>,
}

impl ProxyConfig {
    /// The proxies set, by kind, empty values left out.
    fn set(&self) -> impl Iterator<Item = (ProxyKind, &str)> {
        [
            (ProxyKind::Http, &self.http),
            (ProxyKind::Https, &self.https),
            (ProxyKind::All, &self.all),
        ]
        .into_iter()
        .filter_map(|(kind, url)| Some((kind, url.as_deref().filter(|u| !u.is_empty())?)))
    }

    /// True when any request may go through a proxy.
    pub fn any(&self) -> bool {
        self.set().next().is_some()
    }
}

/// Which requests a proxy setting applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProxyKind {
    Http,
    Https,
    All,
}

impl std::fmt::Display for ProxyKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            ProxyKind::Http => "http",
            ProxyKind::Https => "https",
            ProxyKind::All => "all",
        })
    }
}

/// Why no HTTP client could be set up.
#[derive(Debug, thiserror::Error)]
pub enum HttpSetupError {
    #[error("the {0} proxy setting is not a valid URL")]
    BadProxy(ProxyKind),
    #[error("cannot set up the HTTP client: {0}")]
    Build(String),
}

/// Builds the blocking HTTP client every outgoing request uses.
pub fn build_client(
    connect_timeout: Duration,
    request_timeout: Duration,
    proxy: &ProxyConfig,
) -> Result<reqwest::blocking::Client, HttpSetupError> {
    let mut builder = reqwest::blocking::Client::builder()
        .user_agent(USER_AGENT)
        .redirect(reqwest::redirect::Policy::none())
        .connect_timeout(connect_timeout)
        .timeout(request_timeout)
        // Proxies come only from the configuration.
        .no_proxy();
    let no_proxy = proxy
        .no_proxy
        .as_deref()
        .and_then(reqwest::NoProxy::from_string);
    for (kind, url) in proxy.set() {
        let p = match kind {
            ProxyKind::Http => reqwest::Proxy::http(url),
            ProxyKind::Https => reqwest::Proxy::https(url),
            ProxyKind::All => reqwest::Proxy::all(url),
        }
        .map_err(|_| HttpSetupError::BadProxy(kind))?;
        builder = builder.proxy(p.no_proxy(no_proxy.clone()));
    }
    builder
        .build()
        .map_err(|e| HttpSetupError::Build(e.without_url().to_string()))
}

/// The innermost cause of an error, which names what actually happened
/// (e.g. "Connection refused"), without URLs that may carry secrets.
pub fn root_cause(e: &(dyn std::error::Error + 'static)) -> String {
    let mut cur = e;
    while let Some(next) = cur.source() {
        cur = next;
    }
    let s = cur.to_string();
    s.split(" (os error").next().unwrap_or(&s).to_string()
}

/// The rustls certificate verdict inside a connection error, if that is
/// what failed. `io::Error` hides its payload from `source()`, so each link
/// is also looked into.
pub fn certificate_error(e: &(dyn std::error::Error + 'static)) -> Option<String> {
    let mut cur: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(err) = cur {
        // reqwest's connector nests io errors (Other around InvalidData
        // around rustls'), and each hides the next from `source()`.
        let mut candidates = vec![err];
        while let Some(inner) = candidates
            .last()
            .and_then(|c| c.downcast_ref::<std::io::Error>())
            .and_then(|io| io.get_ref())
        {
            candidates.push(inner as &(dyn std::error::Error + 'static));
        }
        for candidate in candidates {
            if let Some(tls @ rustls::Error::InvalidCertificate(c)) =
                candidate.downcast_ref::<rustls::Error>()
            {
                return Some(match c {
                    rustls::CertificateError::UnknownIssuer => {
                        "it is signed by an unknown certificate authority".into()
                    }
                    rustls::CertificateError::Expired
                    | rustls::CertificateError::ExpiredContext { .. } => "it has expired".into(),
                    rustls::CertificateError::NotValidForName
                    | rustls::CertificateError::NotValidForNameContext { .. } => {
                        "it is not valid for this host name".into()
                    }
                    _ => tls.to_string(),
                });
            }
        }
        cur = err.source();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn build(proxy: ProxyConfig) -> Result<reqwest::blocking::Client, HttpSetupError> {
        build_client(Duration::from_secs(1), Duration::from_secs(2), &proxy)
    }

    #[test]
    fn proxies_are_checked_and_empty_ones_ignored() {
        assert!(build(ProxyConfig::default()).is_ok());
        let empty = ProxyConfig {
            https: Some(String::new()),
            ..ProxyConfig::default()
        };
        assert!(!empty.any());
        assert!(build(empty).is_ok());
        let bad = ProxyConfig {
            https: Some("http://[::1".into()),
            ..ProxyConfig::default()
        };
        assert!(bad.any());
        let err = build(bad).unwrap_err();
        assert!(
            matches!(err, HttpSetupError::BadProxy(ProxyKind::Https)),
            "{err}"
        );
        assert_eq!(
            err.to_string(),
            "the https proxy setting is not a valid URL"
        );
    }

    #[test]
    fn root_cause_is_the_innermost_error_without_os_code() {
        let io = std::io::Error::new(
            std::io::ErrorKind::ConnectionRefused,
            "Connection refused (os error 111)",
        );
        let outer = std::io::Error::other(io);
        assert_eq!(root_cause(&outer), "Connection refused");
    }
}

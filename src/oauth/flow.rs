//! The browser half of the login sequence, shared by `authorize` and
//! `demo`: a fresh state, the callback plan put in place, the redirect URI,
//! the authorization URL, and the auth code of the callback.

use std::net::{Ipv4Addr, SocketAddr};

use super::listener::{ListenError, ListenPlan, Listener, ListenerConfig, PasteReason};
use super::{Callback, ScopeList, State, authorize_url};
use crate::secret::AuthCode;

/// Where a listener runs and which redirect URI it answers to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListenAt {
    pub addrs: Vec<SocketAddr>,
    pub path: String,
    /// The registered redirect URI; `None` derives it from the first bound
    /// address (a free port has no address before it is bound).
    pub redirect_uri: Option<String>,
}

impl ListenAt {
    /// A loopback listener on a free port at `path`.
    pub fn loopback(path: &str) -> ListenAt {
        ListenAt {
            addrs: vec![SocketAddr::from((Ipv4Addr::LOCALHOST, 0))],
            path: path.to_string(),
            redirect_uri: None,
        }
    }
}

/// How the callback comes back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CallbackPlan {
    /// Only the listener (no one at the keyboard, or a scripted browser).
    Listen(ListenAt),
    /// No listener: the person pastes the callback; `why` says why.
    Paste {
        redirect_uri: String,
        why: PasteReason,
    },
    /// The listener, and a pasted callback too (whichever comes first).
    Both(ListenAt),
}

impl CallbackPlan {
    /// The plan for a registered redirect URI, given the listener plan made
    /// from it; `paste_too` when someone can paste as well.
    pub fn registered(redirect_uri: String, planned: ListenPlan, paste_too: bool) -> CallbackPlan {
        match planned {
            ListenPlan::Listen { addrs, path } => {
                let at = ListenAt {
                    addrs,
                    path,
                    redirect_uri: Some(redirect_uri),
                };
                if paste_too {
                    CallbackPlan::Both(at)
                } else {
                    CallbackPlan::Listen(at)
                }
            }
            ListenPlan::PasteOnly { why } => CallbackPlan::Paste { redirect_uri, why },
        }
    }

    /// `at`, with pasting too when `paste_too`.
    pub fn listen(at: ListenAt, paste_too: bool) -> CallbackPlan {
        if paste_too {
            CallbackPlan::Both(at)
        } else {
            CallbackPlan::Listen(at)
        }
    }
}

/// One login under way: the callback is awaited on `listener`, which also
/// receives pasted input.
pub struct Login {
    pub state: State,
    pub listener: Listener,
    pub redirect_uri: String,
    plan: CallbackPlan,
}

/// Draws a fresh state and puts the callback plan in place (binding the
/// listener, when there is one, before anyone is sent to a browser).
pub fn begin(plan: CallbackPlan) -> Result<Login, ListenError> {
    let state = State::random();
    let (config, given) = match &plan {
        CallbackPlan::Listen(at) | CallbackPlan::Both(at) => (
            ListenerConfig {
                addrs: at.addrs.clone(),
                path: at.path.clone(),
                state: state.clone(),
            },
            at.redirect_uri.clone(),
        ),
        // A listener without addresses still carries pasted input and the
        // interrupt to the one wait loop.
        CallbackPlan::Paste { redirect_uri, .. } => (
            ListenerConfig {
                addrs: Vec::new(),
                path: String::new(),
                state: state.clone(),
            },
            Some(redirect_uri.clone()),
        ),
    };
    let listener = Listener::bind(config)?;
    let redirect_uri = match given {
        Some(uri) => uri,
        None => {
            let bound = listener
                .local_addrs()
                .first()
                .copied()
                .ok_or_else(|| ListenError::Start("it bound no address".into()))?;
            let path = match &plan {
                CallbackPlan::Listen(at) | CallbackPlan::Both(at) => at.path.as_str(),
                CallbackPlan::Paste { .. } => "",
            };
            format!("http://{bound}{path}")
        }
    };
    Ok(Login {
        state,
        listener,
        redirect_uri,
        plan,
    })
}

impl Login {
    pub fn plan(&self) -> &CallbackPlan {
        &self.plan
    }

    /// Why there is no listener, when the person must paste.
    pub fn paste_only(&self) -> Option<&PasteReason> {
        match &self.plan {
            CallbackPlan::Paste { why, .. } => Some(why),
            _ => None,
        }
    }

    /// Whether a pasted callback is accepted.
    pub fn accepts_paste(&self) -> bool {
        !matches!(self.plan, CallbackPlan::Listen(_))
    }

    /// Where the callback is awaited, when there is a listener.
    pub fn listening(&self) -> Option<SocketAddr> {
        self.listener.local_addrs().first().copied()
    }

    /// The authorization URL of this login.
    pub fn authorize_url(
        &self,
        authorize_page: &str,
        app_id: &str,
        scopes: &ScopeList,
    ) -> Result<url::Url, url::ParseError> {
        authorize_url(
            authorize_page,
            app_id,
            scopes,
            &self.redirect_uri,
            &self.state,
        )
    }
}

/// The auth code a callback carries. The listener only hands over callbacks
/// with a code, so a missing one is a bug, reported rather than a panic.
pub fn code_of(callback: &Callback) -> Result<AuthCode, ListenError> {
    callback.auth_code.clone().ok_or(ListenError::NoCode)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_free_port_gives_the_redirect_uri_of_the_bound_address() {
        let login = begin(CallbackPlan::Listen(ListenAt::loopback("/cb"))).unwrap();
        let addr = login.listening().unwrap();
        assert_ne!(addr.port(), 0);
        assert_eq!(login.redirect_uri, format!("http://{addr}/cb"));
        assert!(!login.accepts_paste());
        assert!(login.paste_only().is_none());
        let url = login
            .authorize_url(
                "https://a.example/auth",
                "2021",
                &"auth_base".parse().unwrap(),
            )
            .unwrap();
        assert!(
            url.as_str()
                .contains(&format!("state={}", login.state.as_str()))
        );
    }

    #[test]
    fn pasting_keeps_the_registered_uri_and_binds_nothing() {
        let plan = CallbackPlan::registered(
            "https://shop.example/cb".into(),
            ListenPlan::PasteOnly {
                why: PasteReason::RemoteHost("shop.example".into()),
            },
            true,
        );
        let login = begin(plan).unwrap();
        assert_eq!(login.redirect_uri, "https://shop.example/cb");
        assert_eq!(login.listening(), None);
        assert_eq!(
            login.paste_only(),
            Some(&PasteReason::RemoteHost("shop.example".into()))
        );
        assert!(login.accepts_paste());
        let both = CallbackPlan::registered(
            "http://127.0.0.1:0/cb".into(),
            ListenPlan::Listen {
                addrs: vec![SocketAddr::from((Ipv4Addr::LOCALHOST, 0))],
                path: "/cb".into(),
            },
            true,
        );
        assert!(matches!(both, CallbackPlan::Both(_)));
    }

    #[test]
    fn a_callback_without_a_code_is_an_error_not_a_panic() {
        assert!(code_of(&Callback::from_query("state=x")).is_err());
        assert_eq!(
            code_of(&Callback::from_query("auth_code=c"))
                .unwrap()
                .secret(),
            "c"
        );
    }
}

//! Stored logins and keeping their tokens fresh: refreshes happen under the
//! store lock, and a process that waited for the lock re-reads the store
//! instead of spending a refresh token another process already rotated.

use std::path::PathBuf;
use std::time::Duration;

use time::OffsetDateTime;

use crate::gateway::header::HeaderClient;
use crate::gateway::{Client, GatewayError, TokenSet};
use crate::login::store::{Session, StoreError, StoreLock, TokenStore};
use crate::protocol::header::{Family, ResultStatus};
use crate::secret::{AccessToken, RefreshToken};

/// How long to wait for another process's refresh.
const LOCK_WAIT: Duration = Duration::from_secs(60);

/// An access token is refreshed when it expires within this margin.
pub const EXPIRY_MARGIN: time::Duration = time::Duration::seconds(60);

/// The sessions of one app on one gateway.
pub struct Sessions<'a> {
    pub store: &'a TokenStore,
    /// See [`crate::login::store::store_key`].
    pub key: String,
    pub gateway: String,
    pub app_id: String,
    pub family: Family,
    /// Antom's wallet or Alipay+'s authClientId new logins are bound to.
    pub party: Option<String>,
}

/// What spends a refresh token: the v2 client, or an Antom / Alipay+ one.
pub trait Refresher {
    /// Exchanges the refresh token of `session` for a new token set (the
    /// refresh token rotates).
    fn refresh_tokens(
        &self,
        session: &Session,
        token: &RefreshToken,
    ) -> Result<TokenSet, SessionError>;
    /// True when `e` says the refresh token is unknown or spent (so that a
    /// newer one in the store may be tried once).
    fn refresh_refused(&self, e: &SessionError) -> bool;
}

impl Refresher for Client<'_> {
    fn refresh_tokens(
        &self,
        _session: &Session,
        token: &RefreshToken,
    ) -> Result<TokenSet, SessionError> {
        Ok(self.refresh(token).map(|(t, _)| t)?)
    }

    fn refresh_refused(&self, e: &SessionError) -> bool {
        matches!(e, SessionError::Gateway(GatewayError::Alipay(a))
            if a.sub_code.as_deref() == Some("isv.refresh-token-invalid"))
    }
}

/// Refreshing a stored Antom / Alipay+ login: `applyToken` with the
/// refresh token and the wallet (or authClientId) it is bound to.
pub struct HeaderRefresher<'c, 't> {
    pub client: &'c HeaderClient<'t>,
    /// For logins stored without theirs.
    pub party: Option<String>,
}

impl Refresher for HeaderRefresher<'_, '_> {
    fn refresh_tokens(
        &self,
        session: &Session,
        token: &RefreshToken,
    ) -> Result<TokenSet, SessionError> {
        let party = session
            .party
            .as_deref()
            .or(self.party.as_deref())
            .ok_or_else(|| LoginError::NoParty {
                subject: session.subject.clone(),
            })?;
        Ok(self.client.apply_refresh(token, party).map(|t| t.tokens)?)
    }

    fn refresh_refused(&self, e: &SessionError) -> bool {
        matches!(e, SessionError::Gateway(GatewayError::Result(r))
            if r.status == ResultStatus::F && r.code == "INVALID_REFRESH_TOKEN")
    }
}

fn no_session(app_id: &str) -> LoginError {
    LoginError::NoLogin {
        app_id: app_id.to_string(),
    }
}

/// Why the stored login cannot supply a token.
#[derive(Debug, thiserror::Error)]
pub enum LoginError {
    #[error("no stored login for app {app_id} on this gateway")]
    NoLogin { app_id: String },
    #[error("the stored refresh token for {subject} has expired")]
    RefreshExpired { subject: String },
    #[error("the stored login of {subject} has no refresh token")]
    NoRefreshToken { subject: String },
    /// An Alipay+ login stored without the authClientId it is bound to.
    #[error("the stored login of {subject} names no authClientId")]
    NoParty { subject: String },
}

/// What keeping a login fails with: the login itself, the store, or the
/// gateway's refresh.
#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    #[error(transparent)]
    Login(#[from] LoginError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Gateway(#[from] GatewayError),
    /// New tokens were obtained (a code or refresh token spent), then could
    /// not be stored: the session travels with the error so that it is not
    /// lost.
    #[error("{cause}")]
    NotStored {
        session: Box<Session>,
        cause: StoreError,
    },
    /// The gateway's refreshed token names no user.
    #[error("the refreshed token names no user")]
    NoUser,
}

impl Sessions<'_> {
    /// Stores tokens; returns where, or `None` when the answer named no user.
    pub fn save(
        &self,
        tokens: &TokenSet,
        scope: Option<&str>,
    ) -> Result<Option<(Session, PathBuf)>, SessionError> {
        self.save_bound(tokens, scope, self.party.clone())
    }

    /// Stores tokens bound to `party` (a refresh keeps the login's own).
    fn save_bound(
        &self,
        tokens: &TokenSet,
        scope: Option<&str>,
        party: Option<String>,
    ) -> Result<Option<(Session, PathBuf)>, SessionError> {
        let Some((subject, id_kind)) = tokens.subject() else {
            return Ok(None);
        };
        let session = Session {
            environment: self.key.clone(),
            gateway: self.gateway.clone(),
            app_id: self.app_id.clone(),
            family: self.family,
            party,
            subject,
            id_kind,
            scope: scope.map(str::to_string),
            tokens: tokens.clone(),
            stored_at: OffsetDateTime::now_utc(),
            access_superseded: false,
        };
        match self.store.save(&session) {
            Ok(path) => Ok(Some((session, path))),
            Err(cause) => Err(SessionError::NotStored {
                session: Box::new(session),
                cause,
            }),
        }
    }

    /// Takes the store lock and checks the store is writable, before a code
    /// or refresh token is spent; hold the lock until the tokens are saved.
    pub fn prepare_save(&self) -> Result<StoreLock, SessionError> {
        let lock = self.store.lock(&self.key, LOCK_WAIT)?;
        self.store.check_writable(&self.key)?;
        Ok(lock)
    }

    pub fn load(&self, subject: Option<&str>) -> Result<Option<Session>, StoreError> {
        self.store.load(&self.key, subject)
    }

    /// Refreshes the stored session, under the lock.
    pub fn refresh(
        &self,
        client: &dyn Refresher,
        subject: Option<&str>,
    ) -> Result<(TokenSet, Session), SessionError> {
        let _lock = self.store.lock(&self.key, LOCK_WAIT)?;
        self.refresh_locked(client, subject)
    }

    fn refresh_locked(
        &self,
        client: &dyn Refresher,
        subject: Option<&str>,
    ) -> Result<(TokenSet, Session), SessionError> {
        let session = self
            .load(subject)?
            .ok_or_else(|| no_session(&self.app_id))?;
        let used = stored_refresh_token(&session)?;
        // Spending the refresh token is only safe if its successor can be kept.
        self.store.check_writable(&self.key)?;
        let tokens = match client.refresh_tokens(&session, &used) {
            Ok(tokens) => tokens,
            Err(e) if client.refresh_refused(&e) => {
                // Rotated meanwhile by someone who did not take our lock
                // (another machine sharing the store): use the newer one once.
                let again = self
                    .load(Some(&session.subject))?
                    .ok_or_else(|| no_session(&self.app_id))?;
                let newer = stored_refresh_token(&again)?;
                if newer == used {
                    return Err(e);
                }
                client.refresh_tokens(&again, &newer)?
            }
            Err(e) => return Err(e),
        };
        let scope = session.scope.clone();
        let (saved, _) = self
            .save_bound(&tokens, scope.as_deref(), session.party.clone())?
            .ok_or(SessionError::NoUser)?;
        Ok((tokens, saved))
    }

    /// A usable access token of the stored session, refreshed first when it
    /// expires within `margin` (or was superseded). Returns whether it was
    /// refreshed.
    pub fn access_token(
        &self,
        client: &dyn Refresher,
        subject: Option<&str>,
        margin: time::Duration,
    ) -> Result<(AccessToken, Session, bool), SessionError> {
        let session = self
            .load(subject)?
            .ok_or_else(|| no_session(&self.app_id))?;
        if session.access_usable(OffsetDateTime::now_utc(), margin) {
            return Ok((session.tokens.access_token.clone(), session, false));
        }
        let _lock = self.store.lock(&self.key, LOCK_WAIT)?;
        // Someone may have refreshed while we waited for the lock.
        let current = self
            .load(Some(&session.subject))?
            .ok_or_else(|| no_session(&self.app_id))?;
        if current.access_usable(OffsetDateTime::now_utc(), margin) {
            return Ok((current.tokens.access_token.clone(), current, false));
        }
        let (tokens, saved) = self.refresh_locked(client, Some(&session.subject))?;
        Ok((tokens.access_token, saved, true))
    }

    /// After the gateway refused `rejected` (the stored access token of
    /// `subject`): a newer stored token if another process already
    /// refreshed, else one refresh, under the lock.
    pub fn replace_refused(
        &self,
        client: &dyn Refresher,
        subject: &str,
        rejected: &AccessToken,
    ) -> Result<(AccessToken, Session), SessionError> {
        let _lock = self.store.lock(&self.key, LOCK_WAIT)?;
        let current = self
            .load(Some(subject))?
            .ok_or_else(|| no_session(&self.app_id))?;
        if current.tokens.access_token != *rejected
            && current.access_usable(OffsetDateTime::now_utc(), time::Duration::ZERO)
        {
            return Ok((current.tokens.access_token.clone(), current));
        }
        let (tokens, saved) = self.refresh_locked(client, Some(subject))?;
        Ok((tokens.access_token, saved))
    }

    /// Marks the stored access token of `subject` as superseded by a login
    /// that was not stored (Alipay drops a user's older access tokens on a
    /// new authorization). Returns whether a stored login was marked.
    pub fn mark_superseded(&self, subject: &str) -> Result<bool, SessionError> {
        let _lock = self.store.lock(&self.key, LOCK_WAIT)?;
        match self.load(Some(subject))? {
            Some(mut session) if !session.access_superseded => {
                session.access_superseded = true;
                self.store.update(&session)?;
                Ok(true)
            }
            Some(_) => Ok(true),
            None => Ok(false),
        }
    }
}

fn stored_refresh_token(session: &Session) -> Result<RefreshToken, LoginError> {
    let now = OffsetDateTime::now_utc();
    if session.tokens.refresh_expired(now) {
        return Err(LoginError::RefreshExpired {
            subject: session.subject.clone(),
        });
    }
    session
        .tokens
        .refresh_token
        .clone()
        .ok_or_else(|| LoginError::NoRefreshToken {
            subject: session.subject.clone(),
        })
}

//! Stored logins and keeping their tokens fresh: refreshes happen under the
//! store lock, and a process that waited for the lock re-reads the store
//! instead of spending a refresh token another process already rotated.

use std::path::PathBuf;
use std::time::Duration;

use time::OffsetDateTime;

use crate::error::Error;
use crate::gateway::{Client, TokenSet};
use crate::secret::Secret;
use crate::store::{Session, StoreLock, TokenStore};

/// How long to wait for another process's refresh.
const LOCK_WAIT: Duration = Duration::from_secs(60);

/// An access token is refreshed when it expires within this margin.
pub const EXPIRY_MARGIN: time::Duration = time::Duration::seconds(60);

/// The sessions of one app on one gateway.
pub struct Sessions<'a> {
    pub store: &'a TokenStore,
    /// See [`crate::store::store_key`].
    pub key: String,
    pub gateway: String,
    pub app_id: String,
}

fn no_session(app_id: &str) -> Error {
    Error::usage_with_hint(
        format!("no stored login for app {app_id} on this gateway"),
        "log in first with `alipay-oauth authorize`, or pass a token on standard input",
    )
}

impl Sessions<'_> {
    /// Stores tokens; returns where, or `None` when the answer named no user.
    pub fn save(
        &self,
        tokens: &TokenSet,
        scope: Option<&str>,
    ) -> Result<Option<(Session, PathBuf)>, Error> {
        let Some((subject, id_kind)) = tokens.subject() else {
            return Ok(None);
        };
        let session = Session {
            environment: self.key.clone(),
            gateway: self.gateway.clone(),
            app_id: self.app_id.clone(),
            subject,
            id_kind,
            scope: scope.map(str::to_string),
            tokens: tokens.clone(),
            stored_at: OffsetDateTime::now_utc(),
        };
        match self.store.save(&session) {
            Ok(path) => Ok(Some((session, path))),
            Err(cause) => Err(Error::NotStored {
                session: Box::new(session),
                cause: Box::new(cause),
            }),
        }
    }

    /// Takes the store lock and checks the store is writable, before a code
    /// or refresh token is spent; hold the lock until the tokens are saved.
    pub fn prepare_save(&self) -> Result<StoreLock, Error> {
        let lock = self.store.lock(&self.key, LOCK_WAIT)?;
        self.store.check_writable(&self.key)?;
        Ok(lock)
    }

    pub fn load(&self, subject: Option<&str>) -> Result<Option<Session>, Error> {
        self.store.load(&self.key, subject)
    }

    /// Refreshes the stored session, under the lock.
    pub fn refresh(
        &self,
        client: &Client,
        subject: Option<&str>,
    ) -> Result<(TokenSet, Session), Error> {
        let _lock = self.store.lock(&self.key, LOCK_WAIT)?;
        self.refresh_locked(client, subject)
    }

    fn refresh_locked(
        &self,
        client: &Client,
        subject: Option<&str>,
    ) -> Result<(TokenSet, Session), Error> {
        let session = self
            .load(subject)?
            .ok_or_else(|| no_session(&self.app_id))?;
        let used = stored_refresh_token(&session)?;
        // Spending the refresh token is only safe if its successor can be kept.
        self.store.check_writable(&self.key)?;
        let tokens = match client.refresh(&used) {
            Ok((tokens, _)) => tokens,
            Err(Error::Alipay(e)) if e.sub_code.as_deref() == Some("isv.refresh-token-invalid") => {
                // Rotated meanwhile by someone who did not take our lock
                // (another machine sharing the store): use the newer one once.
                let again = self
                    .load(Some(&session.subject))?
                    .ok_or_else(|| no_session(&self.app_id))?;
                let newer = stored_refresh_token(&again)?;
                if newer == used {
                    return Err(Error::Alipay(e));
                }
                client.refresh(&newer)?.0
            }
            Err(e) => return Err(e),
        };
        let scope = session.scope.clone();
        let (saved, _) = self
            .save(&tokens, scope.as_deref())?
            .ok_or_else(|| Error::Protocol("the refreshed token names no user".into()))?;
        Ok((tokens, saved))
    }

    /// A usable access token of the stored session, refreshed first when it
    /// has expired. Returns whether it was refreshed.
    pub fn access_token(
        &self,
        client: &Client,
        subject: Option<&str>,
    ) -> Result<(Secret, Session, bool), Error> {
        let session = self
            .load(subject)?
            .ok_or_else(|| no_session(&self.app_id))?;
        let now = OffsetDateTime::now_utc();
        if !session.tokens.access_expired(now, EXPIRY_MARGIN) {
            return Ok((session.tokens.access_token.clone(), session, false));
        }
        let _lock = self.store.lock(&self.key, LOCK_WAIT)?;
        // Someone may have refreshed while we waited for the lock.
        let current = self
            .load(Some(&session.subject))?
            .ok_or_else(|| no_session(&self.app_id))?;
        if !current
            .tokens
            .access_expired(OffsetDateTime::now_utc(), EXPIRY_MARGIN)
        {
            return Ok((current.tokens.access_token.clone(), current, false));
        }
        let (tokens, saved) = self.refresh_locked(client, Some(&session.subject))?;
        Ok((tokens.access_token, saved, true))
    }
}

fn stored_refresh_token(session: &Session) -> Result<Secret, Error> {
    let now = OffsetDateTime::now_utc();
    if session.tokens.refresh_expired(now) {
        return Err(Error::Authorization {
            message: format!(
                "the stored refresh token for {} has expired",
                session.subject
            ),
            hint: Some("log in again with `alipay-oauth authorize`".into()),
        });
    }
    session
        .tokens
        .refresh_token
        .clone()
        .ok_or_else(|| Error::Authorization {
            message: format!(
                "the stored login of {} has no refresh token",
                session.subject
            ),
            hint: Some("log in again with `alipay-oauth authorize`".into()),
        })
}

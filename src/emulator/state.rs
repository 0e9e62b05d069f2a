//! What the emulator remembers: pending consents, auth codes, access and
//! refresh tokens. Everything expires, and the maps are purged as they grow,
//! so memory stays bounded however long it runs.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use rand_core::RngCore;

/// Scopes granted by an authorization.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scopes {
    pub auth_user: bool,
}

#[derive(Debug, Clone)]
pub struct Pending {
    pub app_id: String,
    pub scope: String,
    pub scopes: Scopes,
    pub redirect_uri: String,
    pub state: Option<String>,
    pub expires: Instant,
    /// A consent opened by Antom's `consult` or Alipay+'s `prepare`: the
    /// grant key its code belongs to (None for the v2 authorization page).
    pub header_grant: Option<String>,
}

#[derive(Debug, Clone)]
pub struct CodeGrant {
    pub app_id: String,
    pub user: usize,
    pub scopes: Scopes,
    pub expires: Instant,
}

#[derive(Debug, Clone)]
pub struct AccessGrant {
    pub app_id: String,
    pub user: usize,
    pub scopes: Scopes,
    pub expires: Instant,
    /// The authorization generation of (app, user); a newer authorization
    /// invalidates older access tokens.
    pub generation: u64,
}

#[derive(Debug, Clone)]
pub struct RefreshGrant {
    pub app_id: String,
    pub user: usize,
    pub scopes: Scopes,
    pub expires: Instant,
}

/// Token lifetimes.
#[derive(Debug, Clone, Copy)]
pub struct Lifetimes {
    pub code: Duration,
    pub access: Duration,
    pub refresh: Duration,
    pub consent: Duration,
}

impl Default for Lifetimes {
    fn default() -> Self {
        // Alipay's: codes live minutes, access tokens 15 days, refresh 30.
        Lifetimes {
            code: Duration::from_secs(300),
            access: Duration::from_secs(15 * 24 * 3600),
            refresh: Duration::from_secs(30 * 24 * 3600),
            consent: Duration::from_secs(600),
        }
    }
}

/// Above this many live entries in one map, the soonest to expire are dropped.
pub const MAX_ENTRIES: usize = 200_000;

/// Consents waiting for a click hold a client's URL and state (up to the
/// server's 8 KiB target each): fewer of them, so that a flood of
/// authorization requests stays within tens of megabytes.
pub const MAX_PENDING: usize = 10_000;

#[derive(Debug, Default)]
pub struct State {
    pub pending: HashMap<String, Pending>,
    pub codes: HashMap<String, CodeGrant>,
    pub access: HashMap<String, AccessGrant>,
    pub refresh: HashMap<String, RefreshGrant>,
    generations: HashMap<(String, usize), u64>,
    inserts: u64,
}

/// Why a token or code was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    Unknown,
    Expired,
    OtherApp,
}

/// A random token: a prefix and 32 hex digits.
pub fn random_token(prefix: &str) -> String {
    let mut bytes = [0u8; 16];
    rand_core::OsRng.fill_bytes(&mut bytes);
    format!("{prefix}{}", crate::sign::key::hex(&bytes))
}

fn purge<V>(
    map: &mut HashMap<String, V>,
    now: Instant,
    max: usize,
    expires: impl Fn(&V) -> Instant,
) {
    map.retain(|_, v| expires(v) > now);
    if map.len() > max {
        let mut by_expiry: Vec<(Instant, String)> =
            map.iter().map(|(k, v)| (expires(v), k.clone())).collect();
        by_expiry.sort();
        // Down to 90%, so that a flood does not sort the map on every insert.
        for (_, k) in by_expiry.into_iter().take(map.len() - max + max / 10) {
            map.remove(&k);
        }
    }
}

impl State {
    /// Drops what has expired, every so often.
    fn maybe_purge(&mut self, now: Instant) {
        self.inserts += 1;
        let big = self.codes.len() + self.access.len() + self.refresh.len() + self.pending.len();
        if self.inserts.is_multiple_of(1024)
            || big > MAX_ENTRIES
            || self.pending.len() > MAX_PENDING
        {
            self.purge(now);
        }
    }

    pub fn purge(&mut self, now: Instant) {
        purge(&mut self.pending, now, MAX_PENDING, |p| p.expires);
        purge(&mut self.codes, now, MAX_ENTRIES, |c| c.expires);
        purge(&mut self.access, now, MAX_ENTRIES, |a| a.expires);
        purge(&mut self.refresh, now, MAX_ENTRIES, |r| r.expires);
        let live: std::collections::HashSet<(String, usize)> = self
            .access
            .values()
            .map(|a| (a.app_id.clone(), a.user))
            .collect();
        self.generations.retain(|k, _| live.contains(k));
    }

    pub fn add_pending(&mut self, pending: Pending, now: Instant) -> String {
        let id = random_token("");
        self.pending.insert(id.clone(), pending);
        self.maybe_purge(now);
        id
    }

    pub fn take_pending(&mut self, id: &str, now: Instant) -> Option<Pending> {
        self.pending.remove(id).filter(|p| p.expires > now)
    }

    /// A waiting consent, left in place (the page may be loaded again).
    pub fn peek_pending(&self, id: &str, now: Instant) -> Option<Pending> {
        self.pending.get(id).filter(|p| p.expires > now).cloned()
    }

    pub fn issue_code(
        &mut self,
        app_id: &str,
        user: usize,
        scopes: Scopes,
        ttl: Duration,
        now: Instant,
    ) -> String {
        let code = random_token("");
        self.codes.insert(
            code.clone(),
            CodeGrant {
                app_id: app_id.to_string(),
                user,
                scopes,
                expires: now + ttl,
            },
        );
        self.maybe_purge(now);
        code
    }

    /// Takes a code: it is spent by this attempt whatever the outcome.
    pub fn redeem_code(
        &mut self,
        code: &str,
        app_id: &str,
        now: Instant,
    ) -> Result<CodeGrant, Refusal> {
        let grant = self.codes.remove(code).ok_or(Refusal::Unknown)?;
        if grant.app_id != app_id {
            return Err(Refusal::OtherApp);
        }
        if grant.expires <= now {
            return Err(Refusal::Expired);
        }
        Ok(grant)
    }

    /// Issues an access and refresh token. A fresh authorization (not a
    /// refresh) invalidates the user's earlier access tokens for the app.
    pub fn issue_tokens(
        &mut self,
        app_id: &str,
        user: usize,
        scopes: Scopes,
        lifetimes: &Lifetimes,
        new_authorization: bool,
        now: Instant,
    ) -> (String, String) {
        let key = (app_id.to_string(), user);
        let generation = self.generations.entry(key).or_insert(0);
        if new_authorization {
            *generation += 1;
        }
        let generation = *generation;
        let access = random_token("authusrB");
        let refresh = random_token("authusrB");
        self.access.insert(
            access.clone(),
            AccessGrant {
                app_id: app_id.to_string(),
                user,
                scopes,
                expires: now + lifetimes.access,
                generation,
            },
        );
        self.refresh.insert(
            refresh.clone(),
            RefreshGrant {
                app_id: app_id.to_string(),
                user,
                scopes,
                expires: now + lifetimes.refresh,
            },
        );
        self.maybe_purge(now);
        (access, refresh)
    }

    /// Takes a refresh token: refresh tokens rotate, so it stops working.
    pub fn redeem_refresh(
        &mut self,
        token: &str,
        app_id: &str,
        now: Instant,
    ) -> Result<RefreshGrant, Refusal> {
        match self.refresh.get(token) {
            None => Err(Refusal::Unknown),
            Some(g) if g.app_id != app_id => Err(Refusal::OtherApp),
            Some(g) if g.expires <= now => {
                self.refresh.remove(token);
                Err(Refusal::Expired)
            }
            Some(_) => Ok(self.refresh.remove(token).expect("present")),
        }
    }

    pub fn check_access(
        &self,
        token: &str,
        app_id: &str,
        now: Instant,
    ) -> Result<AccessGrant, Refusal> {
        let grant = self.access.get(token).ok_or(Refusal::Unknown)?;
        if grant.app_id != app_id {
            return Err(Refusal::OtherApp);
        }
        let current = self
            .generations
            .get(&(grant.app_id.clone(), grant.user))
            .copied()
            .unwrap_or(0);
        if grant.generation != current {
            return Err(Refusal::Unknown);
        }
        if grant.expires <= now {
            return Err(Refusal::Expired);
        }
        Ok(grant.clone())
    }

    /// The grant of an access token whatever its app, state or expiry, for
    /// the APIs that name only the token (the caller checks who owns it).
    pub fn find_access(&self, token: &str) -> Option<AccessGrant> {
        self.access.get(token).cloned()
    }

    /// Ends an authorization of (app, user): every access token of it stops
    /// working and its refresh tokens are dropped.
    pub fn revoke(&mut self, app_id: &str, user: usize) {
        *self
            .generations
            .entry((app_id.to_string(), user))
            .or_insert(0) += 1;
        self.access
            .retain(|_, a| !(a.app_id == app_id && a.user == user));
        self.refresh
            .retain(|_, r| !(r.app_id == app_id && r.user == user));
    }

    pub fn sizes(&self) -> [usize; 4] {
        [
            self.pending.len(),
            self.codes.len(),
            self.access.len(),
            self.refresh.len(),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const USER: Scopes = Scopes { auth_user: true };

    #[test]
    fn codes_work_once_and_belong_to_their_app() {
        let mut s = State::default();
        let now = Instant::now();
        let c = s.issue_code("A", 0, USER, Duration::from_secs(60), now);
        assert_eq!(s.redeem_code(&c, "B", now).unwrap_err(), Refusal::OtherApp);
        // Spent by the failed attempt too.
        assert_eq!(s.redeem_code(&c, "A", now).unwrap_err(), Refusal::Unknown);
        let c = s.issue_code("A", 0, USER, Duration::from_secs(1), now);
        assert_eq!(
            s.redeem_code(&c, "A", now + Duration::from_secs(2))
                .unwrap_err(),
            Refusal::Expired
        );
    }

    #[test]
    fn refresh_rotates_and_new_authorizations_invalidate_old_access() {
        let mut s = State::default();
        let now = Instant::now();
        let l = Lifetimes::default();
        let (a1, r1) = s.issue_tokens("A", 0, USER, &l, true, now);
        assert!(s.check_access(&a1, "A", now).is_ok());
        s.redeem_refresh(&r1, "A", now).unwrap();
        assert_eq!(
            s.redeem_refresh(&r1, "A", now).unwrap_err(),
            Refusal::Unknown
        );
        let (a2, _) = s.issue_tokens("A", 0, USER, &l, false, now);
        assert!(
            s.check_access(&a1, "A", now).is_ok(),
            "a refresh keeps older access tokens"
        );
        let (a3, _) = s.issue_tokens("A", 0, USER, &l, true, now);
        assert_eq!(s.check_access(&a2, "A", now).unwrap_err(), Refusal::Unknown);
        assert!(s.check_access(&a3, "A", now).is_ok());
        assert_eq!(
            s.check_access(&a3, "B", now).unwrap_err(),
            Refusal::OtherApp
        );
    }

    #[test]
    fn revoking_ends_access_and_refresh_of_that_authorization_only() {
        let mut s = State::default();
        let now = Instant::now();
        let l = Lifetimes::default();
        let (a1, r1) = s.issue_tokens("A", 0, USER, &l, true, now);
        let (a2, _) = s.issue_tokens("A", 1, USER, &l, true, now);
        assert_eq!(s.find_access(&a1).unwrap().user, 0);
        s.revoke("A", 0);
        assert_eq!(s.check_access(&a1, "A", now).unwrap_err(), Refusal::Unknown);
        assert!(s.find_access(&a1).is_none());
        assert_eq!(
            s.redeem_refresh(&r1, "A", now).unwrap_err(),
            Refusal::Unknown
        );
        assert!(
            s.check_access(&a2, "A", now).is_ok(),
            "other users keep theirs"
        );
    }

    #[test]
    fn expired_entries_are_purged() {
        let mut s = State::default();
        let now = Instant::now();
        for _ in 0..100 {
            s.issue_code("A", 0, USER, Duration::from_millis(1), now);
        }
        s.purge(now + Duration::from_secs(1));
        assert_eq!(s.sizes(), [0, 0, 0, 0]);
    }

    #[test]
    fn waiting_consents_are_capped() {
        let mut s = State::default();
        let now = Instant::now();
        for i in 0..MAX_PENDING + 50 {
            s.add_pending(
                Pending {
                    app_id: "A".into(),
                    scope: "auth_user".into(),
                    scopes: USER,
                    redirect_uri: "http://127.0.0.1/cb".into(),
                    state: None,
                    expires: now + Duration::from_secs(60 + i as u64),
                    header_grant: None,
                },
                now,
            );
        }
        assert!(s.pending.len() <= MAX_PENDING);
    }
}

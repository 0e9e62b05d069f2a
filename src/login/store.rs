//! The token store: one JSON file per (environment, app, user), in a 0700
//! directory, each file 0600 and replaced atomically. A lock per
//! (environment, app) serialises refreshes, so that parallel CI jobs do not
//! race a rotating refresh token.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use time::OffsetDateTime;

use crate::files;
use crate::gateway::{IdKind, TokenSet};
use crate::protocol::header::Family;

/// A stored login.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Session {
    /// The environment key (see [`store_key`]).
    pub environment: String,
    pub gateway: String,
    pub app_id: String,
    /// Logins older than the families are of `alipay`.
    #[serde(default, skip_serializing_if = "Family::is_alipay")]
    pub family: Family,
    /// Antom's `customerBelongsTo` or Alipay+'s `authClientId` the tokens
    /// are bound to: refreshes and revocations send it again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party: Option<String>,
    pub subject: String,
    pub id_kind: IdKind,
    pub scope: Option<String>,
    pub tokens: TokenSet,
    #[serde(with = "time::serde::rfc3339")]
    pub stored_at: OffsetDateTime,
    /// A later authorization of the same user (not stored here) made Alipay
    /// drop this access token; the refresh token still works.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub access_superseded: bool,
}

impl Session {
    /// True when the access token can be used for at least `margin` more.
    pub fn access_usable(&self, now: OffsetDateTime, margin: time::Duration) -> bool {
        !self.access_superseded && !self.tokens.access_expired(now, margin)
    }

    /// True when the refresh token can still be spent.
    pub fn refresh_usable(&self, now: OffsetDateTime) -> bool {
        self.tokens.refresh_token.is_some() && !self.tokens.refresh_expired(now)
    }

    /// The environment part of the store key (the key without the app id).
    pub fn environment_label(&self) -> &str {
        let suffix = format!("-{}", sanitize(&self.app_id));
        let prefix = format!("{}-", self.family.label());
        let env = self
            .environment
            .strip_suffix(suffix.as_str())
            .unwrap_or(&self.environment);
        // The family is a field of its own.
        match self.family {
            Family::Alipay => env,
            _ => env.strip_prefix(prefix.as_str()).unwrap_or(env),
        }
    }
}

/// A stored login as listed by [`TokenStore::list`].
#[derive(Debug)]
pub struct Listed {
    pub path: PathBuf,
    /// The session, or why its file cannot be read.
    pub session: Result<Session, StoreError>,
    /// The app's current login (the one used when no subject is named).
    pub current: bool,
}

/// Names the store directory of an environment and app. Built-in gateways
/// are named after their environment; any other gateway after its host and
/// port, so that two emulators on different ports never share tokens.
pub fn store_key(
    environment: &str,
    gateway: &url::Url,
    builtin_gateway: &str,
    app_id: &str,
) -> String {
    let env = if gateway.as_str() == builtin_gateway {
        environment.to_string()
    } else {
        format!(
            "{environment}-{}-{}",
            gateway.host_str().unwrap_or("host"),
            gateway.port_or_known_default().unwrap_or(0)
        )
    };
    sanitize(&format!("{env}-{app_id}"))
}

/// Keeps names to `[A-Za-z0-9._-]`, so no id can climb out of the store.
fn sanitize(s: &str) -> String {
    let cleaned: String = s
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') {
                c
            } else {
                '_'
            }
        })
        .collect();
    cleaned.trim_start_matches('.').to_string()
}

/// Why the token store failed: the facts, with the path concerned.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot {action} {}: {reason}", .path.display())]
    Io {
        action: &'static str,
        path: PathBuf,
        reason: String,
    },
    #[error("the token directory {} is a symbolic link to a directory others can open (mode {mode:o})", .path.display())]
    SharedLink { path: PathBuf, mode: u32 },
    #[error("the lock file {} is a symbolic link", .path.display())]
    LockIsLink { path: PathBuf },
    #[error("the token store {} is locked by another alipay-oauth: {reason}", .dir.display())]
    Locked { dir: PathBuf, reason: String },
    #[error("the stored session {} is damaged: {reason}", .path.display())]
    Damaged { path: PathBuf, reason: String },
    #[error("{} is larger than {limit} bytes; is it the right file?", .path.display())]
    TooLarge { path: PathBuf, limit: u64 },
    #[error(transparent)]
    Write(#[from] crate::files::secret::WriteError),
    /// A session that cannot be serialised: a bug.
    #[error("cannot encode the session: {0}")]
    Encode(String),
}

fn damaged(path: &Path, e: &serde_json::Error) -> StoreError {
    StoreError::Damaged {
        path: path.to_path_buf(),
        reason: e.to_string(),
    }
}

fn store_error(action: &'static str, path: &Path, e: &std::io::Error) -> StoreError {
    StoreError::Io {
        action,
        path: path.to_path_buf(),
        reason: crate::files::read::io_reason(e),
    }
}

/// A file of the store, bounded like every file we read; `None` if absent.
fn read_store_file(path: &Path) -> Result<Option<Vec<u8>>, StoreError> {
    use crate::files::read::{ReadError, read_bounded};
    match read_bounded(path, SESSION_FILE_LIMIT) {
        Ok(b) => Ok(Some(b)),
        Err(ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(ReadError::Io(e)) => Err(store_error("read", path, &e)),
        Err(ReadError::TooLarge { limit }) => Err(StoreError::TooLarge {
            path: path.to_path_buf(),
            limit,
        }),
    }
}

/// A session is well under a KiB.
const SESSION_FILE_LIMIT: u64 = 1 << 20;

/// The store directory.
#[derive(Debug, Clone)]
pub struct TokenStore {
    dir: PathBuf,
}

/// Holds the (environment, app) lock until dropped (closing the file
/// releases it).
pub struct StoreLock {
    _file: fs::File,
}

impl TokenStore {
    pub fn new(dir: impl Into<PathBuf>) -> TokenStore {
        TokenStore { dir: dir.into() }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Creates a directory with mode 0700, and tightens it if it is looser.
    /// A symbolic link to a directory others can open is refused, not
    /// tightened: its target is someone's choice, maybe a shared directory.
    fn private_dir(path: &Path) -> Result<(), StoreError> {
        fs::create_dir_all(path).map_err(|e| store_error("create", path, &e))?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let meta = fs::metadata(path).map_err(|e| store_error("read", path, &e))?;
            let mode = meta.permissions().mode();
            if mode & 0o077 != 0 {
                let is_link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
                if is_link {
                    return Err(StoreError::SharedLink {
                        path: path.to_path_buf(),
                        mode: mode & 0o777,
                    });
                }
                fs::set_permissions(path, fs::Permissions::from_mode(0o700))
                    .map_err(|e| store_error("secure", path, &e))?;
            }
        }
        Ok(())
    }

    /// Checks that tokens of `key` could be stored now: the directories
    /// exist privately and a file can be written in them. Called before a
    /// code or refresh token is spent, since the new tokens exist only once.
    pub fn check_writable(&self, key: &str) -> Result<(), StoreError> {
        let dir = self.app_dir(key)?;
        let probe = tempfile::Builder::new()
            .prefix(".probe")
            .tempfile_in(&dir)
            .map_err(|e| store_error("write in", &dir, &e))?;
        use std::io::Write;
        probe
            .as_file()
            .write_all(b"probe")
            .map_err(|e| store_error("write in", &dir, &e))?;
        Ok(())
    }

    fn app_dir(&self, key: &str) -> Result<PathBuf, StoreError> {
        Self::private_dir(&self.dir)?;
        let dir = self.dir.join(sanitize(key));
        Self::private_dir(&dir)?;
        Ok(dir)
    }

    fn session_path(dir: &Path, subject: &str) -> PathBuf {
        dir.join(format!("{}.json", sanitize(subject)))
    }

    /// Takes the lock of an (environment, app), waiting up to `wait`.
    pub fn lock(&self, key: &str, wait: Duration) -> Result<StoreLock, StoreError> {
        let dir = self.app_dir(key)?;
        let path = dir.join(".lock");
        let mut options = fs::OpenOptions::new();
        options.create(true).truncate(false).write(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            // A planted symbolic link must not make us create or touch
            // another file.
            options.mode(0o600).custom_flags(libc::O_NOFOLLOW);
        }
        let file = options.open(&path).map_err(|e| {
            if fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink()) {
                StoreError::LockIsLink { path: path.clone() }
            } else {
                store_error("open", &path, &e)
            }
        })?;
        #[cfg(unix)]
        {
            // A lock file left by an older version may be 0644.
            use std::os::unix::fs::PermissionsExt;
            let mode = file.metadata().map(|m| m.permissions().mode()).unwrap_or(0);
            if mode & 0o077 != 0 {
                file.set_permissions(fs::Permissions::from_mode(0o600))
                    .map_err(|e| store_error("secure", &path, &e))?;
            }
        }
        let deadline = Instant::now() + wait;
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(StoreLock { _file: file }),
                Err(fs::TryLockError::WouldBlock) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(50));
                }
                Err(e) => {
                    return Err(StoreError::Locked {
                        dir: dir.to_path_buf(),
                        reason: e.to_string(),
                    });
                }
            }
        }
    }

    /// Saves a session and makes it the app's current one.
    pub fn save(&self, session: &Session) -> Result<PathBuf, StoreError> {
        let dir = self.app_dir(&session.environment)?;
        let path = Self::session_path(&dir, &session.subject);
        let json =
            serde_json::to_vec_pretty(session).map_err(|e| StoreError::Encode(e.to_string()))?;
        files::secret::write(&path, &json, true)?;
        files::secret::write(&dir.join("current"), session.subject.as_bytes(), true)?;
        Ok(path)
    }

    /// The session of `subject`, or the current one.
    pub fn load(&self, key: &str, subject: Option<&str>) -> Result<Option<Session>, StoreError> {
        let dir = self.dir.join(sanitize(key));
        let subject = match subject {
            Some(s) => s.to_string(),
            None => match read_store_file(&dir.join("current"))? {
                Some(s) => String::from_utf8_lossy(&s).trim().to_string(),
                None => return Ok(None),
            },
        };
        let path = Self::session_path(&dir, &subject);
        let Some(bytes) = read_store_file(&path)? else {
            return Ok(None);
        };
        serde_json::from_slice(&bytes)
            .map(Some)
            .map_err(|e| damaged(&path, &e))
    }

    /// Every stored login, of every environment and app, in name order.
    pub fn list(&self) -> Result<Vec<Listed>, StoreError> {
        let mut out = Vec::new();
        let apps = match fs::read_dir(&self.dir) {
            Ok(d) => d,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(out),
            Err(e) => return Err(store_error("read", &self.dir, &e)),
        };
        let mut app_dirs: Vec<PathBuf> = apps
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_dir())
            .collect();
        app_dirs.sort();
        for dir in app_dirs {
            let current = fs::read_to_string(dir.join("current"))
                .ok()
                .map(|s| Self::session_path(&dir, s.trim()));
            let mut files: Vec<PathBuf> = fs::read_dir(&dir)
                .map_err(|e| store_error("read", &dir, &e))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "json"))
                .collect();
            files.sort();
            for path in files {
                let session = fs::read(&path)
                    .map_err(|e| store_error("read", &path, &e))
                    .and_then(|b| {
                        serde_json::from_slice::<Session>(&b).map_err(|e| damaged(&path, &e))
                    });
                out.push(Listed {
                    current: current.as_ref() == Some(&path),
                    path,
                    session,
                });
            }
        }
        Ok(out)
    }

    /// Rewrites a stored session in place, without making it current.
    pub fn update(&self, session: &Session) -> Result<(), StoreError> {
        let dir = self.app_dir(&session.environment)?;
        let path = Self::session_path(&dir, &session.subject);
        let json =
            serde_json::to_vec_pretty(session).map_err(|e| StoreError::Encode(e.to_string()))?;
        Ok(files::secret::write(&path, &json, true)?)
    }

    /// Removes the session of `subject` (or the current one, or all of the
    /// app's with `all`); returns how many were removed.
    pub fn remove(&self, key: &str, subject: Option<&str>, all: bool) -> Result<usize, StoreError> {
        let dir = self.dir.join(sanitize(key));
        if !dir.exists() {
            return Ok(0);
        }
        let mut removed = 0;
        let targets: Vec<PathBuf> = if all {
            fs::read_dir(&dir)
                .map_err(|e| store_error("read", &dir, &e))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "json"))
                .collect()
        } else {
            match self.load(key, subject)? {
                Some(s) => vec![Self::session_path(&dir, &s.subject)],
                None => Vec::new(),
            }
        };
        for p in targets {
            fs::remove_file(&p).map_err(|e| store_error("remove", &p, &e))?;
            removed += 1;
        }
        let current = dir.join("current");
        let current_gone = fs::read_to_string(&current)
            .map(|s| !Self::session_path(&dir, s.trim()).exists())
            .unwrap_or(false);
        if all || current_gone {
            let _ = fs::remove_file(current);
        }
        Ok(removed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secret::{AccessToken, RefreshToken};

    #[test]
    fn logins_older_than_the_families_are_of_alipay() {
        let mut doc = serde_json::to_value(session("s", "t")).unwrap();
        // The alipay family is not written, so older versions read the file.
        assert!(doc.get("family").is_none());
        let back: Session = serde_json::from_value(doc.clone()).unwrap();
        assert_eq!(back.family, Family::Alipay);
        doc["family"] = serde_json::json!("alipayplus");
        let back: Session = serde_json::from_value(doc).unwrap();
        assert_eq!(back.family, Family::AlipayPlus);
    }

    fn session(subject: &str, token: &str) -> Session {
        Session {
            environment: "emulator-2021".into(),
            gateway: "http://127.0.0.1:9966/gateway.do".into(),
            app_id: "2021".into(),
            family: Family::Alipay,
            party: None,
            subject: subject.into(),
            id_kind: IdKind::OpenId,
            scope: Some("auth_user".into()),
            tokens: TokenSet {
                access_token: AccessToken::new(token),
                refresh_token: Some(RefreshToken::new("r")),
                expires_in: Some(10),
                re_expires_in: None,
                expires_at: None,
                refresh_expires_at: None,
                auth_start: None,
                user_id: None,
                open_id: Some(subject.into()),
                union_id: None,
                permanent: false,
            },
            stored_at: OffsetDateTime::now_utc(),
            access_superseded: false,
        }
    }

    #[test]
    fn saves_privately_and_loads_the_current_session() {
        let tmp = tempfile::tempdir().unwrap();
        let store = TokenStore::new(tmp.path().join("tokens"));
        store.save(&session("u1", "a1")).unwrap();
        store.save(&session("../../etc/u2", "a2")).unwrap();
        let cur = store.load("emulator-2021", None).unwrap().unwrap();
        assert_eq!(cur.tokens.access_token.secret(), "a2");
        assert_eq!(
            store
                .load("emulator-2021", Some("u1"))
                .unwrap()
                .unwrap()
                .tokens
                .access_token
                .secret(),
            "a1"
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode(&tmp.path().join("tokens")), 0o700);
            let dir = tmp.path().join("tokens/emulator-2021");
            assert_eq!(mode(&dir), 0o700);
            for e in fs::read_dir(&dir).unwrap() {
                let p = e.unwrap().path();
                if p.extension().is_some_and(|x| x == "json") {
                    assert_eq!(mode(&p), 0o600, "{}", p.display());
                }
            }
        }
        // Path tricks stay inside the app's directory.
        assert!(
            tmp.path()
                .join("tokens/emulator-2021/_.._etc_u2.json")
                .exists()
        );
        assert_eq!(store.remove("emulator-2021", None, false).unwrap(), 1);
        assert!(store.load("emulator-2021", None).unwrap().is_none());
        assert_eq!(store.remove("emulator-2021", None, true).unwrap(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn the_lock_file_is_private_and_never_a_followed_link() {
        use std::os::unix::fs::PermissionsExt;
        let tmp = tempfile::tempdir().unwrap();
        let store = TokenStore::new(tmp.path().join("tokens"));
        drop(store.lock("k", Duration::ZERO).unwrap());
        let lock = tmp.path().join("tokens/k/.lock");
        let mode = fs::metadata(&lock).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        // Loosened by someone else: tightened again.
        fs::set_permissions(&lock, fs::Permissions::from_mode(0o644)).unwrap();
        drop(store.lock("k", Duration::ZERO).unwrap());
        assert_eq!(
            fs::metadata(&lock).unwrap().permissions().mode() & 0o777,
            0o600
        );
        // A planted link is refused, and its target neither created nor touched.
        fs::remove_file(&lock).unwrap();
        let target = tmp.path().join("elsewhere");
        std::os::unix::fs::symlink(&target, &lock).unwrap();
        let err = store.lock("k", Duration::ZERO).err().expect("refused");
        assert!(err.to_string().contains("symbolic link"), "{err}");
        assert!(!target.exists());
    }

    #[cfg(unix)]
    #[test]
    fn a_linked_token_directory_open_to_others_is_refused_not_chmoded() {
        use std::os::unix::fs::PermissionsExt;
        let tmp = tempfile::tempdir().unwrap();
        let shared = tmp.path().join("shared");
        fs::create_dir(&shared).unwrap();
        fs::set_permissions(&shared, fs::Permissions::from_mode(0o755)).unwrap();
        let link = tmp.path().join("tokens");
        std::os::unix::fs::symlink(&shared, &link).unwrap();
        let store = TokenStore::new(&link);
        let err = store.check_writable("k").expect_err("refused");
        assert!(err.to_string().contains("symbolic link"), "{err}");
        assert_eq!(
            fs::metadata(&shared).unwrap().permissions().mode() & 0o777,
            0o755
        );
        // Once the target is private, the link is fine.
        fs::set_permissions(&shared, fs::Permissions::from_mode(0o700)).unwrap();
        store.check_writable("k").unwrap();
        assert_eq!(
            fs::read_dir(shared.join("k")).unwrap().count(),
            0,
            "the probe is removed"
        );
    }

    #[test]
    fn lists_every_login_and_updates_in_place() {
        let tmp = tempfile::tempdir().unwrap();
        let store = TokenStore::new(tmp.path().join("tokens"));
        assert!(store.list().unwrap().is_empty(), "no directory yet");
        store.save(&session("u1", "a1")).unwrap();
        store.save(&session("u2", "a2")).unwrap();
        let mut other = session("u3", "a3");
        other.environment = "production-2021".into();
        store.save(&other).unwrap();
        fs::write(tmp.path().join("tokens/production-2021/bad.json"), "{").unwrap();
        let listed = store.list().unwrap();
        let names: Vec<(String, bool)> = listed
            .iter()
            .filter_map(|l| {
                l.session
                    .as_ref()
                    .ok()
                    .map(|s| (s.subject.clone(), l.current))
            })
            .collect();
        assert_eq!(
            names,
            vec![
                ("u1".to_string(), false),
                ("u2".to_string(), true),
                ("u3".to_string(), true)
            ]
        );
        assert_eq!(listed.iter().filter(|l| l.session.is_err()).count(), 1);
        assert_eq!(
            listed[0].session.as_ref().unwrap().environment_label(),
            "emulator"
        );

        // An update rewrites the file but leaves the current login alone.
        let mut u1 = store.load("emulator-2021", Some("u1")).unwrap().unwrap();
        u1.access_superseded = true;
        store.update(&u1).unwrap();
        assert!(
            store
                .load("emulator-2021", Some("u1"))
                .unwrap()
                .unwrap()
                .access_superseded
        );
        assert_eq!(
            store.load("emulator-2021", None).unwrap().unwrap().subject,
            "u2"
        );
    }

    #[test]
    fn keys_separate_gateways() {
        let builtin = "https://openapi.alipay.com/gateway.do";
        let u = url::Url::parse(builtin).unwrap();
        assert_eq!(
            store_key("production", &u, builtin, "2021"),
            "production-2021"
        );
        let e = url::Url::parse("http://127.0.0.1:4000/gateway.do").unwrap();
        assert_eq!(
            store_key("emulator", &e, "http://127.0.0.1:9966/gateway.do", "2021"),
            "emulator-127.0.0.1-4000-2021"
        );
    }
}

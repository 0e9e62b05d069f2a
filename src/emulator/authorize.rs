//! The authorization page (docs/protocol.md §2): checks the request, shows
//! the consent screen for `auth_user`, and redirects back with `auth_code`.

use std::time::Instant;

use super::state::{Pending, Scopes};
use super::{AppConfig, Reply, Shared, pages};
use crate::sign::Charset;
use crate::sign::form;

fn error_page(code: &str, message: &str) -> Reply {
    Reply::html(400, pages::error(code, message))
}

fn is_loopback(host: &url::Host<&str>) -> bool {
    match host {
        url::Host::Domain(d) => d.eq_ignore_ascii_case("localhost"),
        url::Host::Ipv4(ip) => ip.is_loopback(),
        url::Host::Ipv6(ip) => ip.is_loopback(),
    }
}

/// Parses and checks `scope`: `auth_base`, `auth_user`, or a comma list.
fn parse_scopes(scope: &str) -> Result<(Scopes, String), String> {
    let parts: Vec<&str> = scope
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    if parts.is_empty() {
        return Err("scope is missing: use auth_base or auth_user".into());
    }
    if let Some(bad) = parts
        .iter()
        .find(|p| !matches!(**p, "auth_base" | "auth_user"))
    {
        return Err(format!(
            "scope {bad:?} is not supported: use auth_base, auth_user, or both separated by commas"
        ));
    }
    Ok((
        Scopes {
            auth_user: parts.contains(&"auth_user"),
        },
        parts.join(","),
    ))
}

/// Checks a redirect URL against the app's callback domains (or loopback,
/// when allowed); gives its host, lower-case, or why it is refused.
pub(super) fn check_redirect(
    shared: &Shared,
    app: &AppConfig,
    field: &str,
    redirect_uri: &str,
) -> Result<String, String> {
    let url = match url::Url::parse(redirect_uri) {
        Ok(u) if matches!(u.scheme(), "http" | "https") && u.host().is_some() => u,
        _ => {
            return Err(format!(
                "{field} must be an absolute http or https URL (percent-encoded in the authorization URL)"
            ));
        }
    };
    let host = url.host().expect("checked above");
    let host_str = url.host_str().unwrap_or_default().to_ascii_lowercase();
    let on_domain = app.redirect_domains.iter().any(|d| {
        let d = d.trim_start_matches('.').to_ascii_lowercase();
        host_str == d || host_str.ends_with(&format!(".{d}"))
    });
    let loopback_ok = shared.config.allow_loopback && is_loopback(&host);
    if !(on_domain || loopback_ok) {
        return Err(format!(
            "{field} host {host_str:?} is not on the app's authorization callback domain ({})",
            if app.redirect_domains.is_empty() {
                "none registered".to_string()
            } else {
                app.redirect_domains.join(", ")
            }
        ));
    }
    Ok(host_str)
}

pub(super) fn page(shared: &Shared, query: &[u8]) -> Reply {
    let pairs = match form::decode(query, Charset::Utf8) {
        Ok(p) => p,
        Err(e) => {
            return error_page(
                "invalid-request",
                &format!("the query string is not valid UTF-8: {e}"),
            );
        }
    };
    let get = |k: &str| pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());

    let Some(app_id) = get("app_id").filter(|a| !a.is_empty()) else {
        return error_page(
            "missing-app-id",
            "app_id is missing from the authorization URL",
        );
    };
    let Some(app) = shared.app(app_id) else {
        return error_page(
            "invalid-app-id",
            &format!("no app {app_id:?} is registered (wrong environment?)"),
        );
    };
    let (scopes, scope) = match parse_scopes(get("scope").unwrap_or("")) {
        Ok(s) => s,
        Err(e) => return error_page("invalid-scope", &e),
    };
    let Some(redirect_uri) = get("redirect_uri").filter(|r| !r.is_empty()) else {
        return error_page("missing-redirect-uri", "redirect_uri is missing");
    };
    let host_str = match check_redirect(shared, app, "redirect_uri", redirect_uri) {
        Ok(host) => host,
        Err(why) => return error_page("invalid-redirect-uri", &why),
    };
    let state = get("state").filter(|s| !s.is_empty()).map(str::to_string);
    if let Some(s) = &state {
        if s.chars().count() > 100 {
            return error_page("invalid-state", "state is longer than 100 characters");
        }
        if !s.is_ascii() {
            return error_page(
                "invalid-state",
                "state must not contain non-ASCII characters",
            );
        }
    }

    let now = Instant::now();
    let pending = Pending {
        app_id: app_id.to_string(),
        scope,
        scopes,
        redirect_uri: redirect_uri.to_string(),
        state,
        expires: now + shared.config.lifetimes.consent,
        header_grant: None,
    };
    // auth_base is silent; --auto-approve skips the screen for everyone.
    if !scopes.auth_user || shared.config.auto_approve {
        return approve(shared, &pending, 0, now);
    }
    let request_id = shared.state().add_pending(pending.clone(), now);
    let scope_list: Vec<&str> = pending.scope.split(',').collect();
    Reply::html(
        200,
        pages::consent(
            &app.name,
            &app.app_id,
            &scope_list,
            &host_str,
            &request_id,
            &shared.config.users,
        ),
    )
}

/// Issues a code for `user` and redirects to the app: v2 names the code
/// `auth_code`; Antom and Alipay+ send `authCode` and `authState`.
fn approve(shared: &Shared, pending: &Pending, user: usize, now: Instant) -> Reply {
    let grant = pending.header_grant.as_deref().unwrap_or(&pending.app_id);
    let code = shared.state().issue_code(
        grant,
        user,
        pending.scopes,
        shared.config.lifetimes.code,
        now,
    );
    let mut url = match url::Url::parse(&pending.redirect_uri) {
        Ok(u) => u,
        Err(_) => return error_page("invalid-redirect-uri", "redirect_uri is not a URL"),
    };
    {
        let mut q = url.query_pairs_mut();
        if pending.header_grant.is_some() {
            q.append_pair("authCode", &code);
            if let Some(state) = &pending.state {
                q.append_pair("authState", state);
            }
        } else {
            q.append_pair("app_id", &pending.app_id)
                .append_pair("source", "alipay_wallet")
                .append_pair("scope", &pending.scope)
                .append_pair("auth_code", &code);
            if let Some(state) = &pending.state {
                q.append_pair("state", state);
            }
        }
    }
    Reply::redirect(url.as_str())
}

/// The wallet page an Antom `consult` / Alipay+ `prepare` URL opens: the
/// consent screen of that request, or at once the redirect when nothing is
/// asked of the user (base scopes, or `--auto-approve`).
pub(super) fn wallet_page(shared: &Shared, query: &[u8]) -> Reply {
    let pairs = form::decode(query, Charset::Utf8).unwrap_or_default();
    let id = pairs
        .iter()
        .find(|(k, _)| k == "request_id")
        .map(|(_, v)| v.as_str())
        .unwrap_or("");
    let now = Instant::now();
    let Some(pending) = shared.state().peek_pending(id, now) else {
        return error_page(
            "expired-request",
            "this authorization link has expired or was already used: ask the merchant for a new one",
        );
    };
    if !pending.scopes.auth_user || shared.config.auto_approve {
        shared.state().take_pending(id, now);
        return approve(shared, &pending, 0, now);
    }
    let app_name = shared
        .app(&pending.app_id)
        .map(|a| a.name.clone())
        .unwrap_or_default();
    let host = url::Url::parse(&pending.redirect_uri)
        .ok()
        .and_then(|u| u.host_str().map(str::to_ascii_lowercase))
        .unwrap_or_default();
    let scope_list: Vec<&str> = pending.scope.split(',').collect();
    Reply::html(
        200,
        pages::consent(
            &app_name,
            &pending.app_id,
            &scope_list,
            &host,
            id,
            &shared.config.users,
        ),
    )
}

/// The consent form's answer.
pub(super) fn consent(shared: &Shared, body: &[u8]) -> Reply {
    let pairs = form::decode(body, Charset::Utf8).unwrap_or_default();
    let get = |k: &str| pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
    let now = Instant::now();
    let Some(pending) = get("request_id").and_then(|id| shared.state().take_pending(id, now))
    else {
        return error_page(
            "expired-request",
            "this authorization request has expired or was already answered: start the login again",
        );
    };
    let app_name = shared
        .app(&pending.app_id)
        .map(|a| a.name.clone())
        .unwrap_or_default();
    match get("decision") {
        Some("agree") => {
            let user = get("user")
                .and_then(|u| u.parse::<usize>().ok())
                .unwrap_or(0);
            if user >= shared.config.users.len() {
                return error_page("invalid-user", "no such test user");
            }
            approve(shared, &pending, user, now)
        }
        _ => Reply::html(200, pages::declined(&app_name)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes() {
        assert_eq!(
            parse_scopes("auth_base").unwrap().0,
            Scopes { auth_user: false }
        );
        assert_eq!(
            parse_scopes("auth_base, auth_user").unwrap().1,
            "auth_base,auth_user"
        );
        assert!(parse_scopes("auth_user,email").is_err());
        assert!(parse_scopes("").is_err());
    }
}

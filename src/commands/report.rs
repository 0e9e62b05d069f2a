//! Report values and their one rendering: a command builds a value that
//! implements [`Report`], and [`render`] decides between JSON, quiet and
//! human, instead of each command. The values shared by the login commands
//! (`exchange`, `userinfo`, `authorize`, `demo`) live here; a command's own
//! value lives beside it.

use serde_json::{Value, json};
use time::OffsetDateTime;

use crate::demo_flow::Step;
use crate::gateway::{Gender, TokenSet, UserInfo};
use crate::oauth::Callback;
use crate::oauth::ScopeList;
use crate::secret::AuthCode;
use crate::ui::output::{Output, visible};

/// Something a command reports, in the three forms `--output` chooses from.
pub(crate) trait Report {
    /// The `-o json` document.
    fn json(&self) -> Value;
    /// The `--quiet` form: by default the human one (whose notes on stderr
    /// quiet already silences).
    fn quiet(&self, out: &Output) {
        self.human(out);
    }
    /// The human form (stdout lines, notes on stderr).
    fn human(&self, out: &Output);
}

/// Prints `report` in the form the settings ask for.
pub(crate) fn render(out: &Output, report: &dyn Report) {
    if out.is_json() {
        out.json(&report.json());
    } else if out.quiet {
        report.quiet(out);
    } else {
        report.human(out);
    }
}

/// A token set: JSON in full, human output masked unless asked.
pub(crate) struct Tokens<'a> {
    pub tokens: &'a TokenSet,
    pub show_secrets: bool,
    /// Whether the human form starts with "✓ tokens for ...".
    pub header: bool,
}

impl Report for Tokens<'_> {
    fn json(&self) -> Value {
        self.tokens.to_json()
    }

    fn quiet(&self, out: &Output) {
        out.result(out.remote_value(self.tokens.access_token.secret()));
    }

    fn human(&self, out: &Output) {
        // Everything below is remote text: control characters are shown.
        let shown = |s: &str| {
            visible(&if self.show_secrets {
                s.to_string()
            } else {
                crate::secret::mask(s)
            })
            .0
        };
        let when = |t: Option<OffsetDateTime>| match t {
            Some(t) => {
                let left = t - OffsetDateTime::now_utc();
                let at = t
                    .format(&time::format_description::well_known::Rfc3339)
                    .unwrap_or_default();
                format!("expires {at} ({})", human_duration(left))
            }
            None => "does not expire".into(),
        };
        let who = match self.tokens.subject() {
            Some((s, kind)) => format!("{} ({})", visible(&s).0, kind.label()),
            None => "(no user id in the answer)".into(),
        };
        if self.header {
            out.result(format!("{} {who}", out.paint("✓ tokens for", "1;32")));
        }
        out.result(format!(
            "  access_token   {}  {}",
            shown(self.tokens.access_token.secret()),
            when(self.tokens.expires_at)
        ));
        if let Some(r) = &self.tokens.refresh_token {
            out.result(format!(
                "  refresh_token  {}  {}",
                shown(r.secret()),
                when(self.tokens.refresh_expires_at)
            ));
        }
        for (k, v) in [
            ("open_id", &self.tokens.open_id),
            ("user_id", &self.tokens.user_id),
            ("union_id", &self.tokens.union_id),
        ] {
            if let Some(v) = v {
                out.result(format!("  {k:<13}  {}", visible(v).0));
            }
        }
        if !self.show_secrets {
            out.info("(tokens masked; --show-secrets or -o json shows them)");
        }
    }
}

/// A user. Every field is remote text, so control characters in it are
/// shown, never sent to the terminal.
pub(crate) struct User<'a> {
    pub user: &'a UserInfo,
    /// Printed before the nickname.
    pub lead: &'a str,
}

impl Report for User<'_> {
    fn json(&self) -> Value {
        self.user.to_json()
    }

    fn quiet(&self, out: &Output) {
        out.result(out.remote_value(&self.user.subject));
    }

    fn human(&self, out: &Output) {
        let v = |s: &str| visible(s).0;
        let mut traits = Vec::new();
        match self.user.gender {
            Some(Gender::Male) => traits.push("male".to_string()),
            Some(Gender::Female) => traits.push("female".to_string()),
            None => {}
        }
        let place = [self.user.province.as_deref(), self.user.city.as_deref()]
            .iter()
            .flatten()
            .copied()
            .collect::<Vec<_>>()
            .join(" ");
        if !place.is_empty() {
            traits.push(v(&place));
        }
        match self.user.is_certified {
            Some(true) => traits.push("certified".into()),
            Some(false) => traits.push("not certified".into()),
            None => {}
        }
        out.result(format!(
            "{}{}  ({})",
            self.lead,
            out.paint(
                &self
                    .user
                    .nickname
                    .as_deref()
                    .map_or_else(|| "(no nickname shared)".into(), v),
                "1"
            ),
            traits.join(", ")
        ));
        out.result(format!(
            "  subject   {} ({})",
            v(&self.user.subject),
            self.user.id_kind.label()
        ));
        for (k, v) in [
            ("user_id", &self.user.user_id),
            ("open_id", &self.user.open_id),
            ("union_id", &self.user.union_id),
            ("avatar", &self.user.avatar),
        ] {
            if let Some(v) = v {
                out.result(format!("  {k:<8}  {}", visible(v).0));
            }
        }
    }
}

/// The end of `authorize`: the tokens, and the user when the scope has one.
pub(crate) struct Login<'a> {
    pub tokens: &'a TokenSet,
    pub user: Option<&'a UserInfo>,
    pub show_secrets: bool,
}

impl Login<'_> {
    fn tokens(&self, header: bool) -> Tokens<'_> {
        Tokens {
            tokens: self.tokens,
            show_secrets: self.show_secrets,
            header,
        }
    }
}

impl Report for Login<'_> {
    fn json(&self) -> Value {
        let mut doc = self.tokens.to_json();
        if let Some(u) = self.user {
            doc["user"] = u.to_json();
        }
        doc
    }

    fn quiet(&self, out: &Output) {
        self.tokens(true).quiet(out);
    }

    fn human(&self, out: &Output) {
        match self.user {
            Some(user) => {
                let lead = format!("{} ", out.paint("✓ logged in as", "1;32"));
                User { user, lead: &lead }.human(out);
                self.tokens(false).human(out);
            }
            None => self.tokens(true).human(out),
        }
    }
}

/// The tokens of an Antom / Alipay+ login or refresh: the fields of the
/// alipay family where the meaning is the same, the rest under `raw`.
pub(crate) struct FamilyTokens<'a> {
    pub family: crate::protocol::header::Family,
    pub tokens: &'a TokenSet,
    /// The answer without its `result`.
    pub raw: &'a Value,
    pub user: Option<&'a UserInfo>,
    pub show_secrets: bool,
}

impl Report for FamilyTokens<'_> {
    fn json(&self) -> Value {
        let mut doc = self.tokens.to_json();
        doc["family"] = json!(self.family.label());
        doc["subject"] = json!(self.tokens.subject().map(|(s, _)| s));
        doc["raw"] = self.raw.clone();
        if let Some(u) = self.user {
            doc["user"] = u.to_json();
        }
        doc
    }

    fn quiet(&self, out: &Output) {
        self.login().quiet(out);
    }

    fn human(&self, out: &Output) {
        self.login().human(out);
    }
}

impl FamilyTokens<'_> {
    fn login(&self) -> Login<'_> {
        Login {
            tokens: self.tokens,
            user: self.user,
            show_secrets: self.show_secrets,
        }
    }
}

/// `authorize --no-exchange`: the auth code and what came with it.
pub(crate) struct Code<'a> {
    pub code: &'a AuthCode,
    pub callback: &'a Callback,
    pub scopes: &'a ScopeList,
    pub app_id: &'a str,
}

impl Report for Code<'_> {
    fn json(&self) -> Value {
        json!({
            "auth_code": self.code.secret(),
            "state": self.callback.state,
            "scope": self.callback.scope.clone().unwrap_or_else(|| self.scopes.joined()),
            "app_id": self.callback.app_id.clone().unwrap_or_else(|| self.app_id.to_string()),
        })
    }

    fn quiet(&self, out: &Output) {
        out.result(self.code.secret());
    }

    fn human(&self, out: &Output) {
        out.result(format!("auth_code  {}", self.code.secret()));
        out.info("It works once and expires within minutes: exchange it now (`alipay-oauth exchange --code -`).");
    }
}

/// One step of `demo`, as it happens (human form only; JSON and quiet wait
/// for the whole [`Demo`]).
pub(crate) fn demo_step(out: &Output, s: &Step, total: usize) {
    out.result(format!(
        "{} {}",
        out.paint(&format!("[{}/{total}]", s.number), "1;36"),
        s.title
    ));
    let width = s
        .details
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0);
    for (k, v) in &s.details {
        out.result(format!("      {k:<width$}  {v}"));
    }
}

/// A detail's label as a JSON key for programs: "string to sign" becomes
/// `string_to_sign`, "POST" `post`.
fn json_key(label: &str) -> String {
    let mut key = String::with_capacity(label.len());
    for c in label.chars() {
        if c.is_ascii_alphanumeric() {
            key.push(c.to_ascii_lowercase());
        } else if !key.ends_with('_') {
            key.push('_');
        }
    }
    key.trim_matches('_').to_string()
}

/// The end of `demo`: its steps and the user it logged in.
pub(crate) struct Demo<'a> {
    pub steps: &'a [Step],
    pub user: &'a UserInfo,
}

impl Report for Demo<'_> {
    fn json(&self) -> Value {
        json!({
            "steps": self.steps.iter().map(|s| json!({
                "number": s.number,
                "title": s.title,
                "details": s.details.iter().map(|(k, v)| (json_key(k), json!(v))).collect::<serde_json::Map<_, _>>(),
            })).collect::<Vec<_>>(),
            "user": self.user.to_json(),
        })
    }

    fn quiet(&self, out: &Output) {
        out.result(&self.user.subject);
    }

    fn human(&self, out: &Output) {
        // Only what the answer gave: Alipay+ has no user API, and a
        // nickname or city is missing without the matching consent.
        let who = match (&self.user.nickname, &self.user.city) {
            (Some(n), Some(c)) => format!("{n} ({c}), "),
            (Some(n), None) => format!("{n}, "),
            (None, _) => String::new(),
        };
        out.result(format!(
            "\n{} {who}subject {} from {}",
            out.paint("✓ logged in:", "1;32"),
            self.user.subject,
            self.user.id_kind.label()
        ));
    }
}

pub(crate) fn human_duration(d: time::Duration) -> String {
    let s = d.whole_seconds();
    match s {
        s if s < 0 => "expired".into(),
        s if s < 120 => format!("in {s} s"),
        s if s < 7200 => format!("in {} min", s / 60),
        s if s < 172_800 => format!("in {} h", s / 3600),
        s => format!("in {} days", s / 86_400),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detail_labels_become_snake_case_keys() {
        assert_eq!(json_key("string to sign"), "string_to_sign");
        assert_eq!(json_key("authorization URL"), "authorization_url");
        assert_eq!(json_key("POST"), "post");
        assert_eq!(json_key("access_token"), "access_token");
    }

    #[test]
    fn login_and_code_documents() {
        let now = OffsetDateTime::now_utc();
        let tokens =
            TokenSet::from_node(&json!({"access_token": "a", "open_id": "o1"}), now).unwrap();
        let user = UserInfo::from_node(&json!({"open_id": "o1", "nick_name": "n"})).unwrap();
        let login = Login {
            tokens: &tokens,
            user: Some(&user),
            show_secrets: false,
        };
        let doc = login.json();
        assert_eq!(doc["access_token"], "a");
        assert_eq!(doc["permanent"], false);
        assert_eq!(doc["user"]["nickname"], "n");
        let without = Login {
            user: None,
            ..login
        };
        assert!(without.json().get("user").is_none());

        let code = AuthCode::new("c0de");
        let callback = Callback::from_query("auth_code=c0de&state=s");
        let scopes: ScopeList = "auth_base".parse().unwrap();
        let doc = Code {
            code: &code,
            callback: &callback,
            scopes: &scopes,
            app_id: "2021",
        }
        .json();
        assert_eq!(
            doc,
            json!({"auth_code": "c0de", "state": "s", "scope": "auth_base", "app_id": "2021"})
        );
    }
}

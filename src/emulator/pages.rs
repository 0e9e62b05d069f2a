//! The emulator's HTML pages. Every interpolated value is escaped.

use html_escape::{encode_double_quoted_attribute as attr, encode_text as text};

use super::users::TestUser;

const STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:34rem;margin:3rem auto;padding:0 1rem;color:#222}\
h1{font-size:1.4rem}.brand{color:#1677ff;font-weight:700}.box{border:1px solid #ddd;border-radius:8px;padding:1rem 1.2rem}\
button{font-size:1rem;padding:.6rem 1.4rem;border-radius:6px;border:1px solid #1677ff;cursor:pointer}\
#agree{background:#1677ff;color:#fff}#deny{background:#fff;color:#1677ff}label{display:block;margin:.3rem 0}\
code{background:#f4f4f4;padding:0 .2rem}.muted{color:#777;font-size:.9rem}";

fn page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{}</title>\
<meta name=\"viewport\" content=\"width=device-width\"><style>{STYLE}</style></head>\
<body><p class=\"brand\">Alipay emulator · 支付宝模拟器</p>{body}</body></html>\n",
        text(title)
    )
}

/// The consent screen of `auth_user`.
pub fn consent(
    app_name: &str,
    app_id: &str,
    scopes: &[&str],
    redirect_host: &str,
    request_id: &str,
    users: &[TestUser],
) -> String {
    let scope_items: String = scopes
        .iter()
        .map(|s| {
            let what = match *s {
                "auth_user" | "USER_INFO" => {
                    "your profile: nickname, avatar, gender, province and city (获取你的公开信息)"
                }
                "AGREEMENT_PAY" => "payments from your account without asking each time (代扣)",
                "USER_LOGIN_ID" | "HASH_LOGIN_ID" => "your login id (登录账号)",
                _ => "your user id (获取你的用户标识)",
            };
            format!("<li><code>{}</code>: {}</li>", text(s), text(what))
        })
        .collect();
    let user_items: String = users
        .iter()
        .enumerate()
        .map(|(i, u)| {
            format!(
                "<label><input type=\"radio\" name=\"user\" value=\"{i}\"{}> {} <span class=\"muted\">({})</span></label>",
                if i == 0 { " checked" } else { "" },
                text(u.nick_name),
                text(u.user_id)
            )
        })
        .collect();
    page(
        "Authorize · 授权",
        &format!(
            "<h1>{} wants to access your Alipay account</h1>\
<div class=\"box\"><p>App <code id=\"app-id\">{}</code> asks for:</p><ul>{scope_items}</ul>\
<p class=\"muted\">After you agree you will be sent back to <code>{}</code>.</p></div>\
<form method=\"post\" action=\"/oauth2/consent\"><input type=\"hidden\" name=\"request_id\" value=\"{}\">\
<h2>Log in as</h2>{user_items}\
<p><button id=\"agree\" type=\"submit\" name=\"decision\" value=\"agree\">Agree · 同意授权</button> \
<button id=\"deny\" type=\"submit\" name=\"decision\" value=\"deny\">Cancel · 取消</button></p></form>",
            text(app_name),
            text(app_id),
            text(redirect_host),
            attr(request_id),
        ),
    )
}

/// An error on the authorization page, as Alipay shows one instead of
/// redirecting when the request itself is wrong.
pub fn error(code: &str, message: &str) -> String {
    page(
        "Authorization error · 授权错误",
        &format!(
            "<h1>This authorization request is invalid</h1><div class=\"box\" id=\"error\" data-error-code=\"{}\">\
<p><code>{}</code></p><p>{}</p></div>",
            attr(code),
            text(code),
            text(message)
        ),
    )
}

/// After the user refuses: Alipay makes no callback.
pub fn declined(app_name: &str) -> String {
    page(
        "Authorization cancelled",
        &format!(
            "<h1>You did not authorize {}</h1><div class=\"box\" id=\"declined\"><p>No callback is made: \
the app keeps waiting until it times out, as with the real Alipay.</p></div>",
            text(app_name)
        ),
    )
}

/// The emulator's home page.
pub fn index(base: &str, app_ids: &[String]) -> String {
    let apps: String = app_ids
        .iter()
        .map(|a| format!("<li><code>{}</code></li>", text(a)))
        .collect();
    page(
        "Alipay emulator",
        &format!(
            "<h1>Alipay emulator</h1><div class=\"box\"><p>Authorization page: <code>{b}/oauth2/publicAppAuthorize.htm</code></p>\
<p>Gateway: <code>{b}/gateway.do</code></p>\
<p>Antom: <code>{b}/ams/api/v1/...</code> (sandbox: <code>/ams/sandbox/api/v1/...</code>); Alipay+: <code>{b}/aps/api/v1/...</code></p><p>Apps:</p><ul>{apps}</ul>\
<p class=\"muted\">Health: <code>GET /__emulator/health</code>; faults: <code>POST /__emulator/faults</code></p></div>",
            b = text(base)
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_escaped() {
        let users = crate::emulator::users::default_users();
        let html = consent(
            "<script>x</script>",
            "2021\"",
            &["auth_user"],
            "a<b",
            "id\"x",
            &users,
        );
        assert!(!html.contains("<script>x"));
        assert!(html.contains("&lt;script&gt;"));
        assert!(
            html.contains("O&#x27;Brien &lt;&amp;&gt;") || html.contains("O'Brien &lt;&amp;&gt;"),
            "{html}"
        );
        assert!(!html.contains("id\"x"));
        assert!(!error("<x>", "\"y\"").contains("<x>"));
    }
}

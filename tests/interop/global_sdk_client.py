"""Drives the official global SDK's client (global-open-sdk-python's
DefaultAlipayClient, unmodified) against the emulator for the interop tests:
reads one JSON object on stdin, writes one JSON object on stdout.

Input: {"gateway": "https://127.x.y.z", "client_id", "private_key" (bare
base64 PKCS#1), "alipay_public_key" (bare base64 SPKI), "ops": [...]}.
Each op gives {"ok": true, "body": <the answer, parsed>} or {"ok": false,
"error": "<what the SDK raised>"}:
  {"op": "consult", "wallet", "redirect", "state", "scopes": [...]}
  {"op": "follow", "url"}    -> {"ok": true, "location": "<the redirect>"}
      (the user's browser, not the SDK: a GET that does not follow the 302)
  {"op": "apply_code", "wallet", "code"}
  {"op": "apply_refresh", "wallet", "refresh_token"}
  {"op": "inquiry_user_info", "access_token"}
  {"op": "revoke", "access_token"}
  {"op": "query", "access_token"}
  {"op": "raw", "path", "body": {...}}  (an API the SDK has no class for, such
      as Alipay+'s /aps/api/v1/..., sent through the same client)

The SDK connects to port 443 of the gateway's host whatever the URL says, and
checks the certificate against the default CA store: the test serves the
emulator there and names its CA in SSL_CERT_FILE. Where port 443 cannot be
bound, "mend_port": true mends that SDK bug alone (its default_http_rpc
drops the URL's port; its own api_key_http_rpc keeps it).
"""
import http.client
import json
import ssl
import sys
import urllib.parse

from com.alipay.ams.api.default_alipay_client import DefaultAlipayClient
from com.alipay.ams.api.model.customer_belongs_to import CustomerBelongsTo
from com.alipay.ams.api.model.grant_type import GrantType
from com.alipay.ams.api.model.os_type import OsType
from com.alipay.ams.api.model.scope_type import ScopeType
from com.alipay.ams.api.model.terminal_type import TerminalType
from com.alipay.ams.api.request.alipay_request import AlipayRequest
from com.alipay.ams.api.request.auth.alipay_auth_apply_token_request import (
    AlipayAuthApplyTokenRequest,
)
from com.alipay.ams.api.request.auth.alipay_auth_consult_request import (
    AlipayAuthConsultRequest,
)
from com.alipay.ams.api.request.auth.alipay_auth_query_token_request import (
    AlipayAuthQueryTokenRequest,
)
from com.alipay.ams.api.request.auth.alipay_auth_revoke_token_request import (
    AlipayAuthRevokeTokenRequest,
)


class RawRequest(AlipayRequest):
    """An API the SDK has no class for, built on its own request base as an
    integrator would."""

    def __init__(self, path, body):
        super(RawRequest, self).__init__(path)
        self.body = body

    def to_ams_json(self):
        return json.dumps(self.body)


def request_for(op):
    kind = op["op"]
    if kind == "consult":
        r = AlipayAuthConsultRequest()
        r.customer_belongs_to = CustomerBelongsTo(op["wallet"])
        r.auth_redirect_url = op["redirect"]
        r.auth_state = op["state"]
        r.scopes = [ScopeType(s) for s in op["scopes"]]
        r.terminal_type = TerminalType.WAP
        r.os_type = OsType.ANDROID
        return r
    if kind == "apply_code":
        r = AlipayAuthApplyTokenRequest()
        r.grant_type = GrantType.AUTHORIZATION_CODE
        r.customer_belongs_to = CustomerBelongsTo(op["wallet"])
        r.auth_code = op["code"]
        return r
    if kind == "apply_refresh":
        r = AlipayAuthApplyTokenRequest()
        r.grant_type = GrantType.REFRESH_TOKEN
        r.customer_belongs_to = CustomerBelongsTo(op["wallet"])
        r.refresh_token = op["refresh_token"]
        return r
    if kind == "inquiry_user_info":
        return RawRequest("/ams/api/v1/users/inquiryUserInfo", {"accessToken": op["access_token"]})
    if kind == "raw":
        return RawRequest(op["path"], op["body"])
    if kind == "revoke":
        r = AlipayAuthRevokeTokenRequest()
        r.access_token = op["access_token"]
        return r
    if kind == "query":
        r = AlipayAuthQueryTokenRequest()
        r.access_token = op["access_token"]
        return r
    raise ValueError("unknown op " + kind)


def follow(url):
    parts = urllib.parse.urlsplit(url)
    conn = http.client.HTTPSConnection(
        parts.hostname, parts.port or 443, context=ssl.create_default_context(), timeout=30
    )
    target = parts.path + ("?" + parts.query if parts.query else "")
    conn.request("GET", target)
    resp = conn.getresponse()
    resp.read()
    return {"ok": resp.status == 302, "status": resp.status, "location": resp.getheader("Location")}


def run(client, op):
    if op["op"] == "follow":
        return follow(op["url"])
    try:
        body = client.execute(request_for(op))
    except Exception as e:  # the SDK's refusal is the result
        return {"ok": False, "error": "%s: %s" % (type(e).__name__, e)}
    return {"ok": True, "body": json.loads(body)}


def mend_port_bug():
    import com.alipay.ams.api.net.default_http_rpc as rpc

    def connection(url, timeout=rpc.DEFAULT_TIMEOUT):
        parts = urllib.parse.urlparse(url)
        return http.client.HTTPSConnection(
            host=parts.hostname,
            port=parts.port or 443,
            timeout=timeout,
            context=ssl.create_default_context(),
        )

    # A module-level function: do_post looks the name up at call time.
    setattr(rpc, "__get_http_connection", connection)


def main():
    job = json.load(sys.stdin)
    if job.get("mend_port"):
        mend_port_bug()
    client = DefaultAlipayClient(
        job["gateway"], job["client_id"], job["private_key"], job["alipay_public_key"]
    )
    json.dump([run(client, op) for op in job["ops"]], sys.stdout)


if __name__ == "__main__":
    main()

"""The official Python SDK's DefaultAlipayClient as the application behind
`alipay-oauth proxy`: runs a batch of calls and reports, for each, what the
SDK made of the answer (its own response verification included).

stdin: {"server_url", "app_id", "private_key" (PKCS#1, bare base64),
        "alipay_public_key" (bare base64), "charset",
        "calls": [{"method": "token", "code": ...} | {"method": "userinfo", "auth_token": ...}]}
stdout: a JSON array of {"ok": bool, "result": object | null, "error": str | null}

The SDK stamps local time, so the caller sets TZ=Asia/Shanghai.
"""
import http.client
import json
import sys
import urllib.parse

import alipay.aop.api.util.WebUtils as web
from alipay.aop.api.AlipayClientConfig import AlipayClientConfig
from alipay.aop.api.DefaultAlipayClient import DefaultAlipayClient
from alipay.aop.api.request.AlipaySystemOauthTokenRequest import AlipaySystemOauthTokenRequest
from alipay.aop.api.request.AlipayUserInfoShareRequest import AlipayUserInfoShareRequest


def get_http_connection(url, query_string, timeout):
    # As in sdk_client.py: the SDK's own version ignores the URL's port.
    parsed = urllib.parse.urlparse(url)
    port = parsed.port or (443 if parsed.scheme == "https" else 80)
    if parsed.scheme == "https":
        connection = http.client.HTTPSConnection(parsed.hostname, port, timeout=timeout)
    else:
        connection = http.client.HTTPConnection(parsed.hostname, port, timeout=timeout)
    target = parsed.scheme + "://" + parsed.hostname
    if parsed.port:
        target += ":" + str(parsed.port)
    target += parsed.path + "?" + query_string
    return target, connection


web.get_http_connection = get_http_connection


def main():
    job = json.load(sys.stdin)
    config = AlipayClientConfig()
    config.server_url = job["server_url"]
    config.app_id = job["app_id"]
    config.app_private_key = job["private_key"]
    config.alipay_public_key = job["alipay_public_key"]
    config.charset = job.get("charset", "utf-8")
    client = DefaultAlipayClient(config)
    results = []
    for call in job["calls"]:
        if call["method"] == "token":
            request = AlipaySystemOauthTokenRequest()
            request.grant_type = "authorization_code"
            request.code = call["code"]
        else:
            request = AlipayUserInfoShareRequest()
            request.udf_params = {"auth_token": call["auth_token"]}
        try:
            results.append({"ok": True, "result": json.loads(client.execute(request)), "error": None})
        except Exception as e:  # the SDK raises on a bad signature or a gateway error
            results.append({"ok": False, "result": None, "error": str(e)})
    json.dump(results, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()

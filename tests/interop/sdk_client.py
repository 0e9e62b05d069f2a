"""Drives the emulator with the official Python SDK's DefaultAlipayClient:
exchanges an auth code, then fetches the user, verifying the emulator's
signatures with the SDK's own code. Prints a JSON object.

argv: server_url app_id app_private_key_pkcs1_base64 alipay_public_key_base64 auth_code

The SDK builds its timestamp from local time (docs/protocol.md §3.1's
warning), so the caller sets TZ=Asia/Shanghai.
"""
import json
import sys
import urllib.parse

import alipay.aop.api.util.WebUtils as web
from alipay.aop.api.AlipayClientConfig import AlipayClientConfig
from alipay.aop.api.DefaultAlipayClient import DefaultAlipayClient
from alipay.aop.api.request.AlipaySystemOauthTokenRequest import AlipaySystemOauthTokenRequest
from alipay.aop.api.request.AlipayUserInfoShareRequest import AlipayUserInfoShareRequest

import http.client


def get_http_connection(url, query_string, timeout):
    # The SDK's own version connects to port 80 whatever the URL says, and
    # then fails adding the port (an int) to the target string. This is the
    # same function with only that mended: it still sends the absolute-form
    # target the SDK always sends (RFC 9112 section 3.2.2).
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
    server_url, app_id, private_key, alipay_public_key, code = sys.argv[1:6]
    config = AlipayClientConfig()
    config.server_url = server_url
    config.app_id = app_id
    config.app_private_key = private_key
    config.alipay_public_key = alipay_public_key
    client = DefaultAlipayClient(config)

    token_request = AlipaySystemOauthTokenRequest()
    token_request.grant_type = "authorization_code"
    token_request.code = code
    token = json.loads(client.execute(token_request))

    user_request = AlipayUserInfoShareRequest()
    user_request.udf_params = {"auth_token": token["access_token"]}
    user = json.loads(client.execute(user_request))
    json.dump({"token": token, "user": user}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()

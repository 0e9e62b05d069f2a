"""Makes the vectors of tests/data with the official Alipay Python SDK
(alipay-sdk-python): strings to sign and signatures of requests, signed
gateway responses with the SDK's own verdict, and notifications signed under
each rule. Run by generate.sh, which passes the certificate SNs the Node SDK
computed (the Python SDK has no certificate mode); writes JSON on stdout.

Every signature here comes from the SDK's sign_with_rsa2 / sign_with_rsa and
every verdict from its verify_with_rsa or its response parser.
"""
import json
import sys
from urllib.parse import quote_plus

from alipay.aop.api.AlipayClientConfig import AlipayClientConfig
from alipay.aop.api.DefaultAlipayClient import DefaultAlipayClient
from alipay.aop.api.constant.CommonConstants import THREAD_LOCAL
from alipay.aop.api.util.SignatureUtils import (
    get_sign_content,
    sign_with_rsa,
    sign_with_rsa2,
    verify_with_rsa,
)


def read(path):
    with open(path, encoding="ascii") as f:
        return f.read().strip()


# The SDK takes keys as the bare base64 body (PKCS#1 private, SPKI public).
APP_PRIVATE = read("keys/app-private-key-no-wrapper.pem")
APP_PUBLIC = read("keys/app-public-key-no-wrapper.pem")
ALIPAY_PRIVATE = read("keys/alipay-private-key-no-wrapper.pem")
ALIPAY_PUBLIC = read("keys/alipay-public-key-no-wrapper.pem")
PUBLIC_PATHS = {
    APP_PUBLIC: "keys/app-public-key.pem",
    ALIPAY_PUBLIC: "keys/alipay-public-key.pem",
}


def sign(key, content, sign_type, charset):
    fn = sign_with_rsa2 if sign_type == "RSA2" else sign_with_rsa
    return fn(key, content, charset)


def verify(public, content, signature, charset):
    try:
        return verify_with_rsa(public, content.encode(charset), signature)
    except Exception:  # rsa raises VerificationError on a mismatch
        return False


COMMON = {
    "app_id": "2021000000000000",
    "format": "json",
    "charset": "utf-8",
    "sign_type": "RSA2",
    "timestamp": "2024-01-02 03:04:05",
    "version": "1.0",
}


def request(name, sign_type="RSA2", charset="utf-8", **params):
    all_params = dict(COMMON, sign_type=sign_type, charset=charset, **params)
    content = get_sign_content(all_params)
    return {
        "name": name,
        "private_key": "keys/app-private-key.pem",
        "sign_type": sign_type,
        "charset": charset,
        "params": all_params,
        "expected_sign_content": content,
        "expected_sign": sign(APP_PRIVATE, content, sign_type, charset),
    }


def request_signatures(certs):
    token = dict(method="alipay.system.oauth.token", grant_type="authorization_code",
                 code="4b203fe6c11548bcabd8da5bb087a83b")
    return [
        request("oauth_token_rsa2", **token),
        request("oauth_token_rsa_sha1", sign_type="RSA", **token),
        request("oauth_token_refresh", method="alipay.system.oauth.token",
                grant_type="refresh_token", refresh_token="authbseB7c1d0e2f3a4b5c6d7e8f9a0b1c2d3e4"),
        request("user_info_share", method="alipay.user.info.share",
                auth_token="authusrB7c1d0e2f3a4b5c6d7e8f9a0b1c2d3e4"),
        # Raw values: nothing is escaped in the string to sign.
        request("raw_values_with_biz_content", biz_content=json.dumps(
            {"subject": "测试 & =", "out_trade_no": "A1", "note": "a+b c%20d"},
            ensure_ascii=False, separators=(",", ":")), **token),
        # GBK: the same string, signed over its GBK bytes.
        request("gbk_charset", charset="GBK", biz_content=json.dumps(
            {"subject": "中文标题·测试", "body": "支付宝"}, ensure_ascii=False,
            separators=(",", ":")), **token),
        request("gbk_charset_rsa_sha1", sign_type="RSA", charset="GBK",
                method="alipay.user.info.share", auth_token="用户令牌"),
        # Certificate mode: the two SNs are ordinary signed parameters.
        request("cert_mode", app_cert_sn=certs["app_cert_sn"],
                alipay_root_cert_sn=certs["alipay_root_cert_sn"], **token),
    ]


def parse_response(body, charset, public):
    """The SDK's own response parsing and verification: the signed content, or None."""
    config = AlipayClientConfig()
    config.alipay_public_key = public
    config.charset = charset
    client = DefaultAlipayClient(config)
    # Set per call by the SDK's public entry points, which also send the request.
    THREAD_LOCAL.logger = None
    THREAD_LOCAL.uuid = "generate"
    try:
        return client._DefaultAlipayClient__parse_response(body.encode(charset))
    except Exception:
        return None


def response(name, method, node_name, node_text, *, public=ALIPAY_PUBLIC, charset="utf-8",
             signed=True, tamper=None, cert_sn=None):
    """A response whose node is node_text exactly as sent, signed with the Alipay key."""
    signature = sign(ALIPAY_PRIVATE, node_text, "RSA2", charset)
    sent = node_text if tamper is None else node_text.replace(*tamper, 1)
    assert sent != node_text or tamper is None
    body = '{"%s":%s' % (node_name, sent)
    if cert_sn is not None:
        body += ',"alipay_cert_sn":"%s"' % cert_sn
    if signed:
        body += ',"sign":"%s"' % signature
    body += "}"
    if cert_sn is None:
        content = parse_response(body, charset, public)
        valid = content is not None
    else:
        # The Python SDK has no certificate mode (the Node SDK checks this
        # one through the certificate): verify the node as sent.
        valid = verify(public, sent, signature, charset)
        content = sent if valid else None
    case = {
        "name": name,
        "method": method,
        "charset": charset,
        "alipay_public_key": PUBLIC_PATHS[public],
        "body": body,
        "node": node_name,
        "signed": signed,
        "expected_sign_content": sent,
        "valid": valid,
    }
    if cert_sn is not None:
        case["alipay_cert"] = "certs/alipayCertPublicKey_RSA2.crt"
        case["alipay_cert_sn"] = cert_sn
    if valid:
        assert content == sent, (content, sent)
    return case


def gateway_responses(certs):
    token = ('{"access_token":"authusrB7c1d0e2f3a4b5c6d7e8f9a0b1c2d3e4","alipay_user_id":'
             '"20880012345678901234567890123456","expires_in":1296000,"re_expires_in":2592000,'
             '"refresh_token":"authbseB7c1d0e2f3a4b5c6d7e8f9a0b1c2d3e4","user_id":"2088001234567890"}')
    user = ('{"code":"10000","msg":"Success","avatar":"https:\\/\\/tfs.alipayobjects.com\\/images'
            '\\/partner\\/T1a.png","city":"杭州市","nick_name":"测试用户","province":"浙江省",'
            '"user_id":"2088001234567890"}')
    error = ('{"code":"40002","msg":"Invalid Arguments","sub_code":"isv.code-invalid",'
             '"sub_msg":"授权码code无效"}')
    token_m = "alipay.system.oauth.token"
    token_n = "alipay_system_oauth_token_response"
    user_m = "alipay.user.info.share"
    user_n = "alipay_user_info_share_response"
    return [
        response("oauth_token_success", token_m, token_n, token),
        response("user_info_share_success", user_m, user_n, user),
        response("user_info_share_gbk", user_m, user_n, user, charset="GBK"),
        # Alipay signs its error answers too.
        response("error_in_method_node", user_m, user_n, error),
        response("error_response_signed", token_m, "error_response", error),
        response("error_response_unsigned", token_m, "error_response", error, signed=False),
        response("tampered_value", token_m, token_n, token, tamper=("1296000", "1296001")),
        response("tampered_escape", user_m, user_n, user, tamper=("\\/images", "/images")),
        response("wrong_key", token_m, token_n, token, public=APP_PUBLIC),
        response("cert_mode_success", token_m, token_n, token, cert_sn=certs["alipay_cert_sn"]),
    ]


def form(params, charset):
    return "&".join(k + "=" + quote_plus(v, encoding=charset) for k, v in params.items())


def notification(name, rule, params, *, charset="utf-8", tamper=None):
    """Signed with the Alipay key as Alipay does: rule v1 leaves out sign and
    sign_type, rule v2 only sign."""
    params = dict(params, sign_type="RSA2")
    left_out = ("sign", "sign_type") if rule == "v1" else ("sign",)
    content = get_sign_content({k: v for k, v in params.items() if k not in left_out})
    params["sign"] = sign(ALIPAY_PRIVATE, content, "RSA2", charset)
    if tamper is not None:
        params[tamper[0]] = tamper[1]
    verdicts = {}
    for r, out in (("v1", ("sign", "sign_type")), ("v2", ("sign",))):
        c = get_sign_content({k: v for k, v in params.items() if k not in out})
        verdicts["valid_" + r] = verify(ALIPAY_PUBLIC, c, params["sign"], charset)
    return dict({
        "name": name,
        "signed_with_rule": rule,
        "charset": charset,
        "alipay_public_key": "keys/alipay-public-key.pem",
        "form": form(params, charset),
        "params": params,
    }, **verdicts)


def notifications():
    trade = {
        "gmt_create": "2024-01-02 03:04:05",
        "charset": "utf-8",
        "seller_email": "seller@example.com",
        "subject": "测试订单 500人规模",
        "buyer_id": "2088001234567890",
        "invoice_amount": "0.10",
        "notify_id": "2024010200222030405000000000000001",
        "fund_bill_list": '[{"amount":"0.10","fundChannel":"ALIPAYACCOUNT"}]',
        "notify_type": "trade_status_sync",
        "trade_status": "TRADE_SUCCESS",
        "app_id": "2021000000000000",
        "notify_time": "2024-01-02 03:04:07",
        "version": "1.0",
        "out_trade_no": "20240102030405-1",
        "total_amount": "0.10",
        "trade_no": "2024010222001400000000000001",
        "buyer_logon_id": "abc***@example.com",
    }
    market = {
        "app_id": "2021000000000000",
        "charset": "UTF-8",
        "commodity_order_id": "2024010200000000000001",
        "contactor": "测试公司 & 伙伴",
        "method": "alipay.open.servicemarket.order.notify",
        "notify_id": "2024010200222030405000000000000002",
        "notify_time": "2024-01-02 03:04:05",
        "notify_type": "servicemarket_order_notify",
        "phone": "13800000000",
        "timestamp": "2024-01-02 03:04:05",
        "title": "模版 a+b=c",
        "total_price": "0.00",
        "version": "1.0",
    }
    gbk = dict(trade, charset="GBK", subject="中文商品（GBK）")
    return [
        notification("trade_status_sync_v1", "v1", trade),
        notification("servicemarket_order_notify_v2", "v2", market),
        notification("trade_status_sync_gbk_v1", "v1", gbk, charset="GBK"),
        notification("tampered_amount", "v1", trade, tamper=("total_amount", "100.00")),
    ]


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        certs = json.load(f)
    json.dump({
        "request_signatures": request_signatures(certs),
        "gateway_responses": gateway_responses(certs),
        "notifications": notifications(),
    }, sys.stdout, ensure_ascii=False, indent=2)


if __name__ == "__main__":
    main()

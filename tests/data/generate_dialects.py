"""The header-dialect (Antom / Alipay+) part of tests/data/dialects.json, made
with the official global SDK (global-open-sdk-python, pinned in generate.sh).
Run from tests/data; prints JSON with the sections header_signatures and
header_answers. Deterministic: PKCS#1 v1.5 signatures depend only on the key
and the content.
"""
import json

from com.alipay.ams.api.tools.signature_tool import gen_sign_content, sign, verify

APP_KEY = "keys/app-private-key.pem"
APP_PUBLIC = "keys/app-public-key.pem"
ALIPAY_KEY = "keys/alipay-private-key.pem"
ALIPAY_PUBLIC = "keys/alipay-public-key.pem"


def bare(path):
    with open(path) as f:
        return "".join(line.strip() for line in f if not line.startswith("-----"))


REQUESTS = [
    # name, method, path, client id, time, body, key version
    ("antom_consult", "POST", "/ams/api/v1/authorizations/consult", "SANDBOX_5YBZ1V2ZVNYF00001",
     "2024-01-02T03:04:05+08:00",
     '{"customerBelongsTo":"ALIPAY_CN","authClientId":"","authRedirectUrl":"https://shop.example.com/cb?x=1",'
     '"scopes":["AGREEMENT_PAY","USER_INFO"],"authState":"663A8FA9-D836-48EE-8AA1-1FF682989DC7",'
     '"terminalType":"WEB"}', "1"),
    ("antom_sandbox_apply_token", "POST", "/ams/sandbox/api/v1/authorizations/applyToken",
     "SANDBOX_5YBZ1V2ZVNYF00001", "2019-11-27T12:01:01+08:00",
     '{"grantType":"AUTHORIZATION_CODE","customerBelongsTo":"ALIPAY_CN","authCode":"663A8FA9D83648EE8AA11FF682989DC7"}',
     "1"),
    ("alipayplus_prepare_millis_time", "POST", "/aps/api/v1/authorizations/prepare", "2188120000000001",
     "1704135845000",
     '{"authClientId":"2188120000000001","authRedirectUrl":"https://m.example.com/cb","scopes":["BASE_USER_INFO"]}',
     "2"),
    ("unicode_pretty_body", "POST", "/ams/api/v1/users/inquiryUserInfo", "CLIENT.WITH.DOTS",
     "2024-06-30T23:59:59.123456+00:00",
     '{\n  "accessToken": "2811E3F6-7EB7-4C1F-A1B0-7C6D9C6D1A2B",\n  "nick": "支付宝 用户 😀",\n'
     '  "escaped": "\\u6d4b\\u8bd5 \\/ \\"q\\""\n}', "1"),
    ("empty_body_get", "GET", "/ams/api/v1/authorizations/query?authState=a%2Bb", "CLIENT1",
     "2024-01-02T03:04:05Z", "", "1"),
]


def header_signatures():
    out = []
    key = bare(APP_KEY)
    for name, method, path, client_id, time, body, key_version in REQUESTS:
        encoded = sign(method, path, client_id, time, body, key)
        out.append({
            "name": name,
            "private_key": APP_KEY,
            "public_key": APP_PUBLIC,
            "method": method,
            "path": path,
            "client_id": client_id,
            "time": time,
            "body": body,
            "key_version": int(key_version),
            "expected_sign_content": gen_sign_content(method, path, client_id, time, body),
            "expected_signature_url_encoded": encoded,
            "expected_header": "algorithm=RSA256,keyVersion=" + key_version + ",signature=" + encoded,
        })
    return out


def header_answers():
    """Answers "Alipay" signs (with Response-Time) and the SDK's verdict on
    them as received: intact, with one byte changed, signed with the app's key."""
    out = []
    answer = '{"result":{"resultCode":"SUCCESS","resultStatus":"S","resultMessage":"success"},' \
             '"accessToken":"281010033AB2F588D14B43238637264FCA5AAF35xxxx",' \
             '"accessTokenExpiryTime":"2019-06-06T12:12:12+08:00","customerId":"208812345678"}'
    failure = '{"result":{"resultCode":"INVALID_CODE","resultStatus":"F","resultMessage":"the code is invalid"}}'
    cases = [
        ("apply_token_success", "/ams/api/v1/authorizations/applyToken", "2019-11-27T12:01:01+08:00", answer,
         ALIPAY_KEY, None),
        ("signed_failure", "/ams/api/v1/authorizations/applyToken", "2019-11-27T12:01:02+08:00", failure,
         ALIPAY_KEY, None),
        ("tampered_body", "/ams/api/v1/authorizations/applyToken", "2019-11-27T12:01:01+08:00", answer,
         ALIPAY_KEY, lambda b: b.replace("208812345678", "208812345679")),
        ("signed_with_the_app_key", "/ams/api/v1/authorizations/applyToken", "2019-11-27T12:01:01+08:00",
         answer, APP_KEY, None),
        ("sandbox_path", "/ams/sandbox/api/v1/authorizations/applyToken", "2019-11-27T12:01:01+08:00", answer,
         ALIPAY_KEY, None),
    ]
    client_id = "SANDBOX_5YBZ1V2ZVNYF00001"
    for name, path, time, body, signer, spoil in cases:
        encoded = sign("POST", path, client_id, time, body, bare(signer))
        received = spoil(body) if spoil else body
        try:
            valid = bool(verify("POST", path, client_id, time, received, encoded, bare(ALIPAY_PUBLIC)))
        except Exception:  # rsa's VerificationError
            valid = False
        out.append({
            "name": name,
            "alipay_public_key": ALIPAY_PUBLIC,
            "app_public_key": APP_PUBLIC,
            "method": "POST",
            "path": path,
            "client_id": client_id,
            "response_time": time,
            "body": received,
            "signature_header": "algorithm=RSA256,keyVersion=1,signature=" + encoded,
            "expected_sign_content": gen_sign_content("POST", path, client_id, time, received),
            "valid": valid,
        })
    return out


def main():
    print(json.dumps({
        "header_signatures": header_signatures(),
        "header_answers": header_answers(),
    }, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()

"""Runs the official Alipay Python SDK (alipay-sdk-python) on a batch of
cases for the interop tests: reads a JSON array of operations on stdin and
writes a JSON array of results on stdout.

Operations:
  {"op": "sign", "key": PKCS1_BASE64, "params": {...}, "sign_type": "RSA2"|"RSA", "charset": ...}
      -> {"content": str, "sign": str}   (the SDK's get_sign_content + sign_with_rsa2/sign_with_rsa)
  {"op": "sign_content", "key": ..., "content": str, "sign_type": ..., "charset": ...}
      -> {"sign": str}                   (signing a response node, as Alipay does)
  {"op": "verify", "public_key": SPKI_BASE64, "content": str, "sign": str, "charset": ...}
      -> {"valid": bool}                 (the SDK's verify_with_rsa)
"""
import json
import sys

from alipay.aop.api.util.SignatureUtils import (
    get_sign_content,
    sign_with_rsa,
    sign_with_rsa2,
    verify_with_rsa,
)


def sign(key, content, sign_type, charset):
    fn = sign_with_rsa2 if sign_type == "RSA2" else sign_with_rsa
    return fn(key, content, charset)


def run(op):
    kind = op["op"]
    charset = op.get("charset", "utf-8")
    if kind == "sign":
        content = get_sign_content(op["params"])
        return {"content": content, "sign": sign(op["key"], content, op["sign_type"], charset)}
    if kind == "sign_content":
        return {"sign": sign(op["key"], op["content"], op["sign_type"], charset)}
    if kind == "verify":
        try:
            ok = verify_with_rsa(op["public_key"], op["content"].encode(charset), op["sign"])
        except Exception:  # rsa raises VerificationError on mismatch
            ok = False
        return {"valid": bool(ok)}
    raise ValueError("unknown op " + kind)


def main():
    ops = json.load(sys.stdin)
    json.dump([run(op) for op in ops], sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()

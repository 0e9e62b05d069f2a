"""Runs the official global SDK (global-open-sdk-python: Antom / Alipay+) on
a batch of cases for the interop tests: reads a JSON array of operations on
stdin and writes a JSON array of results on stdout.

Operations (keys as bare base64: PKCS#1 private, SPKI public, as the SDK takes them):
  {"op": "sign", "method", "path", "client_id", "time", "body", "key"}
      -> {"content": str, "signature": str}   (gen_sign_content, and sign: URL-encoded base64)
  {"op": "verify", "method", "path", "client_id", "time", "body", "signature", "public_key"}
      -> {"valid": bool}                      (signature_tool.verify, which URL-decodes)
"""
import json
import sys

from com.alipay.ams.api.tools.signature_tool import gen_sign_content, sign, verify


def run(op):
    args = (op["method"], op["path"], op["client_id"], op["time"], op["body"])
    if op["op"] == "sign":
        return {
            "content": gen_sign_content(*args),
            "signature": sign(*args, op["key"]),
        }
    if op["op"] == "verify":
        try:
            ok = verify(*args, op["signature"], op["public_key"])
        except Exception:  # rsa raises VerificationError on a mismatch
            ok = False
        return {"valid": bool(ok)}
    raise ValueError("unknown op " + op["op"])


def main():
    ops = json.load(sys.stdin)
    json.dump([run(op) for op in ops], sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()

// The official Node SDK (alipay-sdk) side of generate.sh.
//   node sdk_node.js certs            -> the certificate SNs, as JSON
//   node sdk_node.js check FILE       -> FILE (from generate.py) checked
//                                        entry by entry, plus the cert_sn and
//                                        openapi_v3_signatures sections
// Any disagreement between the two SDKs stops generation.
'use strict';
const fs = require('node:fs');
const assert = require('node:assert/strict');
const { AlipaySdk } = require('alipay-sdk');
const path = require('node:path');
// The package exports only AlipaySdk; its certificate and signing helpers are
// files beside the entry point.
const dist = path.dirname(require.resolve('alipay-sdk'));
const { getSN, loadPublicKey } = require(path.join(dist, 'antcertutil.js'));
const { sign, signatureV3, verifySignatureV3 } = require(path.join(dist, 'util.js'));

const read = (p) => fs.readFileSync(p, 'utf8');
const APP_CERT = 'certs/appCertPublicKey_2021000000000000.crt';
const ALIPAY_CERT = 'certs/alipayCertPublicKey_RSA2.crt';
const ROOT_CERT = 'certs/alipayRootCert.crt';

function certs() {
  return {
    app_cert_sn: getSN(read(APP_CERT), false),
    alipay_cert_sn: getSN(read(ALIPAY_CERT), false),
    alipay_root_cert_sn: getSN(read(ROOT_CERT), true),
  };
}

function sdk(alipayPublicKey) {
  return new AlipaySdk({
    appId: '2021000000000000',
    privateKey: read('keys/app-private-key.pem'),
    alipayPublicKey,
  });
}

const utf8 = (charset) => charset.toLowerCase() === 'utf-8';

function checkRequests(cases) {
  for (const c of cases) {
    if (!utf8(c.charset)) continue; // the Node SDK signs UTF-8 only
    // The signature verifies with the app's public key over the same string.
    const verifier = sdk(read('keys/app-public-key.pem'));
    assert.ok(verifier.rsaCheck(c.expected_sign_content, c.expected_sign, c.sign_type), c.name);
    if (c.params.biz_content !== undefined) continue; // Node takes biz_content as an object
    // And the SDK's own signing makes the same signature.
    const { app_id, method, charset, version, sign_type, ...rest } = c.params;
    const config = {
      appId: app_id, charset, version, signType: sign_type,
      privateKey: read(c.private_key),
    };
    const signed = sign(method, rest, config);
    assert.equal(signed.sign, c.expected_sign, c.name);
  }
}

function checkResponses(cases) {
  for (const c of cases) {
    if (!utf8(c.charset)) continue;
    const key = c.alipay_cert ? loadPublicKey(read(c.alipay_cert)) : read(c.alipay_public_key);
    const client = sdk(key);
    const parsed = JSON.parse(c.body);
    let valid = true;
    try {
      client.checkResponseSign(c.body, c.node, parsed.sign, 'generate');
    } catch {
      valid = false;
    }
    if (!parsed.sign) valid = false;
    assert.equal(valid, c.valid, c.name);
    // The SDK finds the signed node by the root `"sign"`, so only in signed answers.
    if (c.signed) assert.equal(client.getSignStr(c.body, c.node), c.expected_sign_content, c.name);
    if (c.alipay_cert_sn) assert.equal(getSN(read(c.alipay_cert)), c.alipay_cert_sn, c.name);
  }
}

function checkNotifications(cases) {
  for (const c of cases) {
    if (!utf8(c.charset)) continue;
    const client = sdk(read(c.alipay_public_key));
    // checkNotifySign tries rule v2 then v1, as the project's `auto` does.
    assert.equal(client.checkNotifySign({ ...c.params }), c.valid_v1 || c.valid_v2, c.name);
  }
}

function openapiV3() {
  // The string to sign of an OpenAPI v3 call, laid out as AlipaySdk#curl does.
  const auth = 'app_id=2021000000000000,nonce=0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0,timestamp=1704135845000';
  const body = JSON.stringify({ grant_type: 'authorization_code', code: '4b203fe6c11548bcabd8da5bb087a83b' });
  const content = `${auth}\nPOST\n/v3/alipay/system/oauth/token\n${body}\n`;
  const signature = signatureV3(content, read('keys/app-private-key.pem'));
  assert.ok(verifySignatureV3(content, signature, read('keys/app-public-key.pem')));
  return [{
    name: 'v3_oauth_token',
    private_key: 'keys/app-private-key.pem',
    public_key: 'keys/app-public-key.pem',
    expected_sign_content: content,
    expected_sign: signature,
  }];
}

function main() {
  const [mode, file] = process.argv.slice(2);
  if (mode === 'certs') {
    process.stdout.write(JSON.stringify(certs(), null, 2) + '\n');
    return;
  }
  assert.equal(mode, 'check');
  const v = JSON.parse(read(file));
  checkRequests(v.request_signatures);
  checkResponses(v.gateway_responses);
  checkNotifications(v.notifications);
  const sns = certs();
  const out = {
    about: 'Vectors made by tests/data/generate.sh with the official Python and Node SDKs and throwaway keys; see tests/data/README.md.',
    request_signatures: v.request_signatures,
    gateway_responses: v.gateway_responses,
    notifications: v.notifications,
    cert_sn: [
      { cert: APP_CERT, kind: 'app_cert_sn', sn: sns.app_cert_sn },
      { cert: ALIPAY_CERT, kind: 'alipay_cert_sn', sn: sns.alipay_cert_sn },
      { cert: ROOT_CERT, kind: 'alipay_root_cert_sn', sn: sns.alipay_root_cert_sn },
    ],
    openapi_v3_signatures: openapiV3(),
  };
  process.stdout.write(JSON.stringify(out, null, 2) + '\n');
}

main();

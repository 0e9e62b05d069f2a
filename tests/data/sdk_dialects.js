// The OpenAPI v3 part of tests/data/dialects.json, made with the official
// Node SDK (alipay-sdk, pinned in generate.sh):
//   node sdk_dialects.js HEADER.json  -> HEADER.json (from generate_dialects.py)
//                                        plus v3_requests and v3_answers
// Requests go through AlipaySdk#curl to a local server that records them; the
// SDK's nonce and clock are fixed so that a rerun gives the same bytes.
// Answers are signed with the SDK's own signatureV3 and judged by curl()'s
// response verification.
'use strict';
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const crypto = require('node:crypto');
const { AlipaySdk } = require('alipay-sdk');
const dist = path.dirname(require.resolve('alipay-sdk'));
const { signatureV3 } = require(path.join(dist, 'util.js'));

const read = (p) => fs.readFileSync(p, 'utf8');
const APP_ID = '2021000000000000';
const CERTS = {
  appCertContent: read('certs/appCertPublicKey_2021000000000000.crt'),
  alipayPublicCertContent: read('certs/alipayCertPublicKey_RSA2.crt'),
  alipayRootCertContent: read('certs/alipayRootCert.crt'),
};

const REQUESTS = [
  { name: 'oauth_token', method: 'POST', path: '/v3/alipay/system/oauth/token',
    body: { grant_type: 'authorization_code', code: '4b203fe6c11548bcabd8da5bb087a83b' } },
  { name: 'user_info_share_get_with_query', method: 'GET', path: '/v3/alipay/user/info/share',
    query: { auth_token: 'authusrB8b8d3ca5a8a4e4d3bb3b3b3b3b3b3b3', scope: 'auth user' } },
  { name: 'app_auth_token_unicode_body', method: 'POST', path: '/v3/alipay/trade/query',
    body: { out_trade_no: '20150320010101001', subject: '支付宝 测试 😀', url: 'https://x/y?a=1&b=2' },
    appAuthToken: '202412BB0d3ca5a8a4e4d3bb3b3b3b3b3b3b3b3' },
  { name: 'certificate_mode', method: 'POST', path: '/v3/alipay/system/oauth/token',
    body: { grant_type: 'refresh_token', refresh_token: 'authbseB1234' }, cert: true },
];

const ANSWERS = [
  { name: 'token_answer', body: '{"access_token":"authusrB1234","user_id":"2088102104794936","expires_in":1296000}' },
  { name: 'escaped_slashes_pretty', body: '{\n  "avatar": "https:\\/\\/tfs.alipayobjects.com\\/images\\/T1.png",\n  "nick_name": "测试"\n}' },
  { name: 'tampered', body: '{"access_token":"authusrB1234","user_id":"2088102104794936"}', tamper: true },
  { name: 'signed_with_the_app_key', body: '{"access_token":"authusrB1234"}', key: 'keys/app-private-key.pem' },
  { name: 'certificate_mode', body: '{"access_token":"authusrB5678"}', cert: true },
  { name: 'certificate_mode_other_sn', body: '{"access_token":"authusrB5678"}', cert: true, sn: '0123456789abcdef0123456789abcdef' },
];

async function main() {
  const out = JSON.parse(read(process.argv[2]));
  let respond = null;
  let seen = null;
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      seen = { authorization: req.headers.authorization, target: req.url,
        body: Buffer.concat(chunks).toString('utf8'),
        root_sn: req.headers['alipay-root-cert-sn'] ?? null };
      respond(res);
    });
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const endpoint = `http://127.0.0.1:${server.address().port}`;
  const sdk = (cert) => new AlipaySdk({
    appId: APP_ID,
    privateKey: read('keys/app-private-key.pem'),
    endpoint,
    ...(cert ? CERTS : { alipayPublicKey: read('keys/alipay-public-key.pem') }),
  });

  // Fixed nonce and clock: the SDK reads both at call time.
  let counter = 0;
  crypto.randomUUID = () => `0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1${String(counter++).padStart(2, '0')}`;
  Date.now = () => 1704135845000 + counter;

  const plain = '{"ok":true}';
  out.v3_requests = [];
  for (const r of REQUESTS) {
    respond = (res) => {
      const ts = '1704135846000';
      const nonce = 'answer-nonce';
      res.writeHead(200, { 'alipay-timestamp': ts, 'alipay-nonce': nonce,
        'alipay-signature': signatureV3(`${ts}\n${nonce}\n${plain}\n`, read('keys/alipay-private-key.pem')),
        ...(r.cert ? { 'alipay-sn': sdk(true).config.alipayCertSn } : {}) });
      res.end(plain);
    };
    const options = {};
    if (r.query) options.query = r.query;
    if (r.body) options.body = r.body;
    if (r.appAuthToken) options.appAuthToken = r.appAuthToken;
    await sdk(r.cert).curl(r.method, r.path, options);
    const auth = seen.authorization;
    const field = (k) => auth.match(new RegExp(`[ ,]${k}=([^,]*)`))[1];
    const [p, q] = seen.target.split('?');
    out.v3_requests.push({
      name: r.name,
      private_key: 'keys/app-private-key.pem',
      certificate_mode: Boolean(r.cert),
      app_id: APP_ID,
      method: r.method,
      path: p,
      query: q ?? null,
      body: seen.body,
      app_auth_token: r.appAuthToken ?? null,
      nonce: field('nonce'),
      timestamp: field('timestamp'),
      expected_authorization: auth,
      expected_alipay_root_cert_sn: seen.root_sn,
    });
  }

  out.v3_answers = [];
  for (const a of ANSWERS) {
    const ts = String(1704135900000 + out.v3_answers.length);
    const nonce = `c0ffee00-0000-4000-8000-00000000000${out.v3_answers.length}`;
    const signature = signatureV3(`${ts}\n${nonce}\n${a.body}\n`, read(a.key ?? 'keys/alipay-private-key.pem'));
    const body = a.tamper ? a.body.replace('2088102104794936', '2088102104794937') : a.body;
    const sn = a.cert ? (a.sn ?? sdk(true).config.alipayCertSn) : null;
    respond = (res) => {
      res.writeHead(200, { 'alipay-timestamp': ts, 'alipay-nonce': nonce, 'alipay-signature': signature,
        ...(sn ? { 'alipay-sn': sn } : {}) });
      res.end(body);
    };
    let valid = true;
    try {
      await sdk(a.cert).curl('POST', '/v3/alipay/system/oauth/token', { body: { grant_type: 'x' } });
    } catch (err) {
      if (err.code !== 'response-signature-verify-error' && err.code !== 'response-alipay-sn-verify-error') throw err;
      valid = false;
    }
    out.v3_answers.push({
      name: a.name,
      certificate_mode: Boolean(a.cert),
      alipay_public_key: 'keys/alipay-public-key.pem',
      timestamp: ts,
      nonce,
      signature,
      alipay_sn: sn,
      body,
      valid,
    });
  }
  server.close();
  out.about = 'Vectors of the Antom / Alipay+ header dialect (global-open-sdk-python) and OpenAPI v3 (alipay-sdk, Node) made by tests/data/generate.sh with throwaway keys; see tests/data/README.md.';
  process.stdout.write(JSON.stringify(out, null, 2) + '\n');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

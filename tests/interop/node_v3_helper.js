// Runs the official Node SDK (alipay-sdk 4.x) on a batch of OpenAPI v3 calls
// for the interop tests. For each case it calls AlipaySdk#curl against a
// local server that records the request and answers with a body signed as
// Alipay signs v3 answers (or spoilt on purpose), with response verification
// on. Reads a JSON array of cases on stdin, writes a JSON array on stdout:
//   {authorization, target, request_body, app_auth_token, sdk_valid,
//    response: {timestamp, nonce, signature, body}}
'use strict';
const http = require('node:http');
const path = require('node:path');
const { AlipaySdk } = require('alipay-sdk');
// signatureV3 is the SDK's own v3 signer: the test server signs with it.
const { signatureV3 } = require(path.join(path.dirname(require.resolve('alipay-sdk')), 'util.js'));

async function main() {
  const cases = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
  let current = null;
  let seen = null;
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      seen = {
        authorization: req.headers.authorization,
        target: req.url,
        request_body: Buffer.concat(chunks).toString('utf8'),
        app_auth_token: req.headers['alipay-app-auth-token'] ?? null,
      };
      const r = current.response;
      const signer = r.fault === 'wrong_key' ? current.wrong_private_key_pem : current.alipay_private_key_pem;
      const signature = signatureV3(`${r.timestamp}\n${r.nonce}\n${r.body}\n`, signer);
      let body = r.body;
      if (r.fault === 'tamper') {
        // One character changed after signing.
        const i = body.indexOf(':') + 2;
        body = body.slice(0, i) + (body[i] === 'x' ? 'y' : 'x') + body.slice(i + 1);
      }
      seen.response = { timestamp: r.timestamp, nonce: r.nonce, signature, body };
      res.writeHead(200, {
        'content-type': 'application/json; charset=utf-8',
        'alipay-timestamp': r.timestamp,
        'alipay-nonce': r.nonce,
        'alipay-signature': signature,
      });
      res.end(body);
    });
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const endpoint = `http://127.0.0.1:${server.address().port}`;
  const results = [];
  for (const c of cases) {
    current = c;
    seen = null;
    const sdk = new AlipaySdk({
      appId: c.app_id,
      privateKey: c.private_key_pem,
      alipayPublicKey: c.alipay_public_key_pem,
      endpoint,
      // A user's token, as the SDK carries one: extra signed auth info.
      ...(c.auth_token ? { additionalAuthInfo: `auth_token=${c.auth_token}` } : {}),
    });
    const options = {};
    if (c.query) options.query = c.query;
    if (c.body) options.body = c.body;
    if (c.app_auth_token) options.appAuthToken = c.app_auth_token;
    let sdkValid = true;
    try {
      await sdk.curl(c.method, c.path, options);
    } catch (err) {
      if (err.code !== 'response-signature-verify-error') throw err;
      sdkValid = false;
    }
    results.push({ ...seen, sdk_valid: sdkValid });
  }
  server.close();
  process.stdout.write(JSON.stringify(results));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

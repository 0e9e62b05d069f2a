// The official Node SDK (alipay-sdk 4.x) as the application behind
// `alipay-oauth proxy`, for the proxy's interop tests.
//
//   node node_proxy_helper.js v2   stdin: {gateway, app_id, private_key, alipay_public_key, calls}
//     Runs each call ({method, params}) with AlipaySdk#exec and response
//     verification on; stdout: [{ok, result, error}].
//   node node_proxy_helper.js v3   An OpenAPI v3 upstream: starts a local server
//     that answers as Alipay signs v3 answers (or spoilt on purpose), prints
//     {"endpoint"} on a line, then reads one line {proxy, app_id, private_key,
//     alipay_public_key, alipay_private_key, wrong_private_key, cases} and runs
//     each case ({path, body, fault}) with AlipaySdk#curl through the proxy;
//     stdout: a second line [{ok, error, response: {timestamp, nonce, signature, body}}].
'use strict';
const http = require('node:http');
const path = require('node:path');
const readline = require('node:readline');
const { AlipaySdk } = require('alipay-sdk');
// The SDK's own v3 signer: the upstream signs its answers with it.
const { signatureV3 } = require(path.join(path.dirname(require.resolve('alipay-sdk')), 'util.js'));

async function v2() {
  const job = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
  const sdk = new AlipaySdk({
    appId: job.app_id,
    privateKey: job.private_key,
    keyType: 'PKCS8',
    alipayPublicKey: job.alipay_public_key,
    gateway: job.gateway,
  });
  const results = [];
  for (const call of job.calls) {
    try {
      const result = await sdk.exec(call.method, call.params, { validateSign: true });
      results.push({ ok: true, result, error: null });
    } catch (err) {
      results.push({ ok: false, result: null, error: String(err.message) });
    }
  }
  process.stdout.write(JSON.stringify(results));
}

async function v3() {
  let current = null;
  let job = null;
  let answered = null;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const r = current;
      const timestamp = String(Date.now());
      const nonce = `n-${Math.random().toString(16).slice(2)}`;
      const body = r.answer;
      const signer = r.fault === 'wrong_key' ? job.wrong_private_key : job.alipay_private_key;
      const signature = signatureV3(`${timestamp}\n${nonce}\n${body}\n`, signer);
      let sent = body;
      if (r.fault === 'tamper') {
        const i = sent.indexOf(':') + 2;
        sent = sent.slice(0, i) + (sent[i] === 'x' ? 'y' : 'x') + sent.slice(i + 1);
      }
      const headers = { 'content-type': 'application/json; charset=utf-8' };
      if (r.fault !== 'unsigned') {
        Object.assign(headers, {
          'alipay-timestamp': timestamp,
          'alipay-nonce': nonce,
          'alipay-signature': signature,
        });
      }
      answered = { timestamp, nonce, signature, body: sent };
      res.writeHead(200, headers);
      res.end(sent);
    });
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  process.stdout.write(JSON.stringify({ endpoint: `http://127.0.0.1:${server.address().port}` }) + '\n');
  const lines = readline.createInterface({ input: process.stdin });
  for await (const line of lines) {
    job = JSON.parse(line);
    break;
  }
  const results = [];
  for (const c of job.cases) {
    current = c;
    answered = null;
    const sdk = new AlipaySdk({
      appId: job.app_id,
      privateKey: c.private_key ?? job.private_key,
      alipayPublicKey: job.alipay_public_key,
      endpoint: job.proxy,
    });
    let ok = true;
    let error = null;
    try {
      await sdk.curl('POST', c.path, { body: c.body });
    } catch (err) {
      ok = false;
      error = String(err.code ?? err.message);
    }
    results.push({ ok, error, response: answered });
  }
  server.close();
  process.stdout.write(JSON.stringify(results) + '\n');
}

(process.argv[2] === 'v3' ? v3() : v2()).catch((err) => {
  console.error(err);
  process.exit(1);
});

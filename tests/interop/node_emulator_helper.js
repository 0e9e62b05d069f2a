// Runs the official Node SDK (alipay-sdk 4.x) against the emulator, for the
// interop tests: curl() on its OpenAPI v3 endpoints and exec() on its v2
// gateway, response verification on in both. Reads one JSON object on stdin
//   {endpoint, gateway, app_id, private_key_pem, alipay_public_key_pem, cert?, ops}
// (cert: {app_cert_path, alipay_public_cert_path, alipay_root_cert_path})
// where each op is
//   {op: "curl", method, path, body?, query?, auth_token?}   (auth_token goes
//     in the Authorization header as the SDK's additionalAuthInfo)
//   {op: "exec", method, biz_content?, auth_token?, code?, grant_type?, no_verify?}
// and writes a JSON array with one result per op:
//   {ok: true, status?, data} or {ok: false, code, message, status}.
'use strict';
const { AlipaySdk } = require('alipay-sdk');

function sdkFor(input, extra) {
  const pkcs8 = input.private_key_pem.includes('BEGIN PRIVATE KEY');
  // Certificate mode: the SDK reads the SNs and Alipay's key from the files.
  const keys = input.cert
    ? {
        appCertPath: input.cert.app_cert_path,
        alipayPublicCertPath: input.cert.alipay_public_cert_path,
        alipayRootCertPath: input.cert.alipay_root_cert_path,
      }
    : { alipayPublicKey: input.alipay_public_key_pem };
  return new AlipaySdk({
    appId: input.app_id,
    privateKey: input.private_key_pem,
    keyType: pkcs8 ? 'PKCS8' : 'PKCS1',
    endpoint: input.endpoint,
    gateway: input.gateway,
    camelcase: false,
    ...keys,
    ...extra,
  });
}

async function run(input, op) {
  try {
    if (op.op === 'curl') {
      const extra = op.auth_token ? { additionalAuthInfo: `auth_token=${op.auth_token}` } : {};
      const options = {};
      if (op.body) options.body = op.body;
      if (op.query) options.query = op.query;
      const r = await sdkFor(input, extra).curl(op.method, op.path, options);
      return { ok: true, status: r.responseHttpStatus, data: r.data };
    }
    const params = {};
    // The SDK takes the business parameters as an object and writes the JSON.
    if (op.biz_content) params.bizContent = JSON.parse(op.biz_content);
    for (const k of ['auth_token', 'code', 'grant_type', 'refresh_token']) {
      if (op[k]) params[k] = op[k];
    }
    const data = await sdkFor(input, {}).exec(op.method, params, { validateSign: !op.no_verify });
    // The SDK adds the answer's trace id to the node.
    delete data.traceId;
    return { ok: true, data };
  } catch (err) {
    return {
      ok: false,
      code: err.code ?? null,
      message: String(err.message),
      status: err.responseHttpStatus ?? null,
    };
  }
}

async function main() {
  const input = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
  const results = [];
  for (const op of input.ops) {
    results.push(await run(input, op));
  }
  process.stdout.write(JSON.stringify(results));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

#!/usr/bin/env bash
# Regenerates tests/data/vectors.json with the official SDKs (see README.md
# beside this file). Keys and certificates already in keys/ and certs/ are
# kept, so a rerun reproduces the same vectors; delete them to start afresh.
#
# Needs: openssl, python3 with venv, node with npm; reaches PyPI and npm.
# WORK (default: a fresh temporary directory) holds the venv and node_modules.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"

# The SDK versions the vectors were made with.
PYTHON_SDK="alipay-sdk-python==3.7.1411"
GLOBAL_SDK="global-open-sdk-python==1.7.1"
NODE_SDK="alipay-sdk@4.14.0"

work="${WORK:-$(mktemp -d)}"
mkdir -p "$work" keys certs

# --- keys: two 2048-bit RSA pairs (the app's and "Alipay's"), each shape ---
key_shapes() { # NAME
  local name=$1
  [ -f "keys/$name-private-key-pkcs8.pem" ] ||
    openssl genpkey -quiet -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "keys/$name-private-key-pkcs8.pem"
  openssl pkey -in "keys/$name-private-key-pkcs8.pem" -traditional -out "keys/$name-private-key.pem"
  openssl pkey -in "keys/$name-private-key-pkcs8.pem" -pubout -out "keys/$name-public-key.pem"
  # "No wrapper": the base64 body on one line, as Alipay's console shows keys.
  for f in private-key private-key-pkcs8 public-key; do
    grep -v -- '-----' "keys/$name-$f.pem" | tr -d '\n' >"keys/$name-$f-no-wrapper.pem"
  done
}
key_shapes app
key_shapes alipay

# --- certificates for certificate mode: two RSA roots and an ECDSA root in the
# bundle (the ECDSA one must be skipped), a class 1 CA under the first root
# issuing the app's and Alipay's certificates. Serials have the top bit set
# and 16 bytes, as Alipay's do.
if [ ! -f certs/alipayRootCert.crt ]; then
  tmp="$work/ca"
  mkdir -p "$tmp"
  cat >"$tmp/ext.cnf" <<'CNF'
[req]
distinguished_name = dn
[dn]
[ca]
basicConstraints = critical, CA:true
keyUsage = critical, keyCertSign, cRLSign
[leaf]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature
CNF
  dn() { echo "/C=CN/O=Alipay OAuth Test/OU=Certification Authority/CN=$1"; }
  openssl genpkey -quiet -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$tmp/root1.key"
  openssl req -x509 -new -key "$tmp/root1.key" -subj "$(dn 'Alipay OAuth Test Root R1')" -days 7300 \
    -set_serial 0x8a11ce0f00000000000000000000000001 -sha256 -config "$tmp/ext.cnf" \
    -extensions ca -out "$tmp/root1.crt"
  openssl genpkey -quiet -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$tmp/root-ec.key"
  openssl req -x509 -new -key "$tmp/root-ec.key" -subj "$(dn 'Alipay OAuth Test Root EC')" -days 7300 \
    -set_serial 0x8a11ce0f00000000000000000000000002 -sha256 -config "$tmp/ext.cnf" \
    -extensions ca -out "$tmp/root-ec.crt"
  openssl genpkey -quiet -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$tmp/root2.key"
  openssl req -x509 -new -key "$tmp/root2.key" -subj "$(dn 'Alipay OAuth Test Root R2')" -days 7300 \
    -set_serial 0x8a11ce0f00000000000000000000000003 -sha384 -config "$tmp/ext.cnf" \
    -extensions ca -out "$tmp/root2.crt"
  cat "$tmp/root1.crt" "$tmp/root-ec.crt" "$tmp/root2.crt" >certs/alipayRootCert.crt

  openssl genpkey -quiet -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$tmp/class1.key"
  openssl req -new -key "$tmp/class1.key" -subj "$(dn 'Alipay OAuth Test Class 1 R1')" -config "$tmp/ext.cnf" \
    -out "$tmp/class1.csr"
  openssl x509 -req -in "$tmp/class1.csr" -CA "$tmp/root1.crt" -CAkey "$tmp/root1.key" -days 3650 \
    -set_serial 0xc1a55100000000000000000000000001 -sha256 -extensions ca -extfile "$tmp/ext.cnf" \
    -out "$tmp/class1.crt" 2>/dev/null
  leaf() { # KEY_NAME SERIAL CN OUT
    openssl req -new -key "keys/$1-private-key.pem" -subj "/C=CN/O=Alipay OAuth Test/OU=Alipay/CN=$3" \
      -config "$tmp/ext.cnf" -out "$tmp/$1.csr"
    openssl x509 -req -in "$tmp/$1.csr" -CA "$tmp/class1.crt" -CAkey "$tmp/class1.key" -days 3650 \
      -set_serial "$2" -sha256 -extensions leaf -extfile "$tmp/ext.cnf" -out "$4" 2>/dev/null
  }
  leaf app 0xf0e1d2c3b4a5968778695a4b3c2d1e0f "2088000000000000-2021000000000000" \
    certs/appCertPublicKey_2021000000000000.crt
  leaf alipay 0x9f8e7d6c5b4a39281706f5e4d3c2b1a0 "2088000000000000" \
    certs/alipayCertPublicKey_RSA2.crt
fi

# --- the official SDKs, in the work directory ---
if ! "$work/venv/bin/python" -c 'import alipay.aop.api' 2>/dev/null; then
  python3 -m venv "$work/venv"
  "$work/venv/bin/pip" install --quiet --disable-pip-version-check "$PYTHON_SDK"
fi
if ! "$work/global-venv/bin/python" -c 'import com.alipay.ams.api.tools.signature_tool' 2>/dev/null; then
  python3 -m venv "$work/global-venv"
  "$work/global-venv/bin/pip" install --quiet --disable-pip-version-check "$GLOBAL_SDK"
fi
if [ ! -d "$work/node/node_modules/alipay-sdk" ]; then
  mkdir -p "$work/node"
  (cd "$work/node" && npm init -y >/dev/null && npm install --silent --no-audit --no-fund "$NODE_SDK")
fi

# The Node SDK computes the certificate SNs (the Python SDK has no certificate
# mode); the Python SDK makes every signature and verdict; the Node SDK must
# agree with each and adds the SNs and an OpenAPI v3 signature.
export NODE_PATH="$work/node/node_modules"
node sdk_node.js certs >"$work/certs.json"
"$work/venv/bin/python" generate.py "$work/certs.json" >"$work/vectors.python.json"
node sdk_node.js check "$work/vectors.python.json" >vectors.json.new
mv vectors.json.new vectors.json
echo "wrote $here/vectors.json (work directory: $work)" >&2

# The newer dialects: the global SDK signs and judges the Antom / Alipay+
# header dialect, the Node SDK's curl() makes and judges OpenAPI v3 calls.
"$work/global-venv/bin/python" generate_dialects.py >"$work/dialects.header.json"
node sdk_dialects.js "$work/dialects.header.json" >dialects.json.new
mv dialects.json.new dialects.json
echo "wrote $here/dialects.json" >&2

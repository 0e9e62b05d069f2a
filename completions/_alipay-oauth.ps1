
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'alipay-oauth' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'alipay-oauth'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'alipay-oauth' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'A profile of the config file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: the platform config dir, e.g. ~/.config/alipay-oauth/config.toml]')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Which Alipay to talk to: picks the gateway and authorization URLs [default: production]')
            [CompletionResult]::new('--gateway', '--gateway', [CompletionResultType]::ParameterName, 'v2 gateway URL; overrides --env')
            [CompletionResult]::new('--authorize-url', '--authorize-url', [CompletionResultType]::ParameterName, 'Authorization page URL; overrides --env')
            [CompletionResult]::new('--emulator-url', '--emulator-url', [CompletionResultType]::ParameterName, 'Where `--env emulator` finds the emulator (its base URL, e.g. http://127.0.0.1:19300): moves its gateway and authorization URLs at once [default: http://127.0.0.1:9966]')
            [CompletionResult]::new('--app-id', '--app-id', [CompletionResultType]::ParameterName, 'The app id (APPID in the Alipay console)')
            [CompletionResult]::new('--private-key-file', '--private-key-file', [CompletionResultType]::ParameterName, 'App private key, any format (PKCS#1/PKCS#8, PEM/base64/DER); the key text itself may come in ALIPAY_PRIVATE_KEY')
            [CompletionResult]::new('--alipay-public-key-file', '--alipay-public-key-file', [CompletionResultType]::ParameterName, 'Alipay public key (from the console), any format; the key text itself may come in ALIPAY_PUBLIC_KEY')
            [CompletionResult]::new('--sign-type', '--sign-type', [CompletionResultType]::ParameterName, 'Signature algorithm: RSA2 (SHA256withRSA) or RSA (SHA1withRSA, legacy) [default: RSA2]')
            [CompletionResult]::new('--charset', '--charset', [CompletionResultType]::ParameterName, 'Request charset: utf-8 or gbk (gb2312 is an alias) [default: utf-8]')
            [CompletionResult]::new('--token-dir', '--token-dir', [CompletionResultType]::ParameterName, 'Where logins are stored [default: the platform data dir, e.g. ~/.local/share/alipay-oauth/tokens]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection to the gateway')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the gateway''s whole answer')
            [CompletionResult]::new('--app-cert-file', '--app-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: the app''s certificate (appCertPublicKey_<app_id>.crt)')
            [CompletionResult]::new('--alipay-cert-file', '--alipay-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: Alipay''s certificate (alipayCertPublicKey_RSA2.crt), whose key verifies answers')
            [CompletionResult]::new('--alipay-root-cert-file', '--alipay-root-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: Alipay''s root certificate bundle (alipayRootCert.crt)')
            [CompletionResult]::new('--key-version', '--key-version', [CompletionResultType]::ParameterName, 'The keyVersion of the Antom / Alipay+ Signature header [default: 1]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of stdout (and of errors on stderr) [default: human]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of stdout (and of errors on stderr) [default: human]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only the essential result (a signature, a token) on stdout')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only the essential result (a signature, a token) on stdout')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show the steps; -vv traces HTTP with secrets masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show the steps; -vv traces HTTP with secrets masked')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('sign', 'sign', [CompletionResultType]::ParameterValue, 'Sign parameters the way the gateway expects, and show exactly what was signed')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check a signature: a gateway response, a notification, or content by hand')
            [CompletionResult]::new('authorize', 'authorize', [CompletionResultType]::ParameterValue, 'Log in through the browser: open the authorization page, catch the callback on a loopback listener (or take a pasted URL), check state, exchange the code')
            [CompletionResult]::new('exchange', 'exchange', [CompletionResultType]::ParameterValue, 'Exchange an auth code or a refresh token for tokens (alipay.system.oauth.token)')
            [CompletionResult]::new('userinfo', 'userinfo', [CompletionResultType]::ParameterValue, 'Fetch the user of an access token (alipay.user.info.share)')
            [CompletionResult]::new('call', 'call', [CompletionResultType]::ParameterValue, 'Call any API: signed, sent, and the answer verified (a v2 gateway method, or OpenAPI v3)')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Print a valid access token of the stored login and nothing else, refreshing it (under the store lock) only when it expires soon')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show each stored login: environment, app, subject, token expiry, scope. Exit 5 when none is usable')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show the effective settings and where each came from (secrets redacted)')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Remove stored tokens')
            [CompletionResult]::new('keys', 'keys', [CompletionResultType]::ParameterValue, 'Generate, convert, inspect and match keys; certificate serial numbers')
            [CompletionResult]::new('emulator', 'emulator', [CompletionResultType]::ParameterValue, 'Run a local Alipay (authorization page and gateway) for offline use and tests')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check the configuration: keys, key pairs, sign type, clock, gateway, and with --live a real call')
            [CompletionResult]::new('demo', 'demo', [CompletionResultType]::ParameterValue, 'Run the whole login flow against a built-in emulator, showing every step')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print the completion script for a shell (the generated scripts are in completions/)')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'alipay-oauth;sign' {
            [CompletionResult]::new('--dialect', '--dialect', [CompletionResultType]::ParameterName, 'The signing dialect: v2 (gateway form parameters), header (Antom / Alipay+ Signature header) or v3 (OpenAPI v3 Authorization header)')
            [CompletionResult]::new('--path', '--path', [CompletionResultType]::ParameterName, 'header, v3: the request path, e.g. /ams/api/v1/authorizations/consult')
            [CompletionResult]::new('--http-method', '--http-method', [CompletionResultType]::ParameterName, 'header, v3: the HTTP method (header: default POST)')
            [CompletionResult]::new('--body-file', '--body-file', [CompletionResultType]::ParameterName, 'header, v3: the request body, exactly as sent; - for standard input [default: empty]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'header: the Client-Id [default: --app-id]')
            [CompletionResult]::new('--request-time', '--request-time', [CompletionResultType]::ParameterName, 'header: the Request-Time, used exactly as given [default: now, ISO-8601 in UTC]')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'v3: the query string (without ?), exactly as sent')
            [CompletionResult]::new('--app-auth-token', '--app-auth-token', [CompletionResultType]::ParameterName, 'v3: the app auth token of a third-party app call (signed; sent as alipay-app-auth-token)')
            [CompletionResult]::new('--nonce', '--nonce', [CompletionResultType]::ParameterName, 'v3: the nonce [default: a random UUID]')
            [CompletionResult]::new('--stdin', '--stdin', [CompletionResultType]::ParameterName, 'Also read parameters from standard input, as a form-encoded string or a JSON object')
            [CompletionResult]::new('--method', '--method', [CompletionResultType]::ParameterName, 'Make a whole gateway request for this API method: adds app_id, method, format, charset, sign_type, timestamp and version')
            [CompletionResult]::new('--timestamp', '--timestamp', [CompletionResultType]::ParameterName, 'With --method: the timestamp, "yyyy-MM-dd HH:mm:ss" in Beijing time; with --dialect v3: milliseconds since the epoch [default: now]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'A profile of the config file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: the platform config dir, e.g. ~/.config/alipay-oauth/config.toml]')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Which Alipay to talk to: picks the gateway and authorization URLs [default: production]')
            [CompletionResult]::new('--gateway', '--gateway', [CompletionResultType]::ParameterName, 'v2 gateway URL; overrides --env')
            [CompletionResult]::new('--authorize-url', '--authorize-url', [CompletionResultType]::ParameterName, 'Authorization page URL; overrides --env')
            [CompletionResult]::new('--emulator-url', '--emulator-url', [CompletionResultType]::ParameterName, 'Where `--env emulator` finds the emulator (its base URL, e.g. http://127.0.0.1:19300): moves its gateway and authorization URLs at once [default: http://127.0.0.1:9966]')
            [CompletionResult]::new('--app-id', '--app-id', [CompletionResultType]::ParameterName, 'The app id (APPID in the Alipay console)')
            [CompletionResult]::new('--private-key-file', '--private-key-file', [CompletionResultType]::ParameterName, 'App private key, any format (PKCS#1/PKCS#8, PEM/base64/DER); the key text itself may come in ALIPAY_PRIVATE_KEY')
            [CompletionResult]::new('--alipay-public-key-file', '--alipay-public-key-file', [CompletionResultType]::ParameterName, 'Alipay public key (from the console), any format; the key text itself may come in ALIPAY_PUBLIC_KEY')
            [CompletionResult]::new('--sign-type', '--sign-type', [CompletionResultType]::ParameterName, 'Signature algorithm: RSA2 (SHA256withRSA) or RSA (SHA1withRSA, legacy) [default: RSA2]')
            [CompletionResult]::new('--charset', '--charset', [CompletionResultType]::ParameterName, 'Request charset: utf-8 or gbk (gb2312 is an alias) [default: utf-8]')
            [CompletionResult]::new('--token-dir', '--token-dir', [CompletionResultType]::ParameterName, 'Where logins are stored [default: the platform data dir, e.g. ~/.local/share/alipay-oauth/tokens]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection to the gateway')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the gateway''s whole answer')
            [CompletionResult]::new('--app-cert-file', '--app-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: the app''s certificate (appCertPublicKey_<app_id>.crt)')
            [CompletionResult]::new('--alipay-cert-file', '--alipay-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: Alipay''s certificate (alipayCertPublicKey_RSA2.crt), whose key verifies answers')
            [CompletionResult]::new('--alipay-root-cert-file', '--alipay-root-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: Alipay''s root certificate bundle (alipayRootCert.crt)')
            [CompletionResult]::new('--key-version', '--key-version', [CompletionResultType]::ParameterName, 'The keyVersion of the Antom / Alipay+ Signature header [default: 1]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of stdout (and of errors on stderr) [default: human]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of stdout (and of errors on stderr) [default: human]')
            [CompletionResult]::new('--auth-token-stdin', '--auth-token-stdin', [CompletionResultType]::ParameterName, 'v3: read a user''s access token from standard input; it is signed into the Authorization header as `,auth_token=...` (the Node SDK''s additionalAuthInfo)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only the essential result (a signature, a token) on stdout')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only the essential result (a signature, a token) on stdout')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show the steps; -vv traces HTTP with secrets masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show the steps; -vv traces HTTP with secrets masked')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'alipay-oauth;verify' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'A profile of the config file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: the platform config dir, e.g. ~/.config/alipay-oauth/config.toml]')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Which Alipay to talk to: picks the gateway and authorization URLs [default: production]')
            [CompletionResult]::new('--gateway', '--gateway', [CompletionResultType]::ParameterName, 'v2 gateway URL; overrides --env')
            [CompletionResult]::new('--authorize-url', '--authorize-url', [CompletionResultType]::ParameterName, 'Authorization page URL; overrides --env')
            [CompletionResult]::new('--emulator-url', '--emulator-url', [CompletionResultType]::ParameterName, 'Where `--env emulator` finds the emulator (its base URL, e.g. http://127.0.0.1:19300): moves its gateway and authorization URLs at once [default: http://127.0.0.1:9966]')
            [CompletionResult]::new('--app-id', '--app-id', [CompletionResultType]::ParameterName, 'The app id (APPID in the Alipay console)')
            [CompletionResult]::new('--private-key-file', '--private-key-file', [CompletionResultType]::ParameterName, 'App private key, any format (PKCS#1/PKCS#8, PEM/base64/DER); the key text itself may come in ALIPAY_PRIVATE_KEY')
            [CompletionResult]::new('--alipay-public-key-file', '--alipay-public-key-file', [CompletionResultType]::ParameterName, 'Alipay public key (from the console), any format; the key text itself may come in ALIPAY_PUBLIC_KEY')
            [CompletionResult]::new('--sign-type', '--sign-type', [CompletionResultType]::ParameterName, 'Signature algorithm: RSA2 (SHA256withRSA) or RSA (SHA1withRSA, legacy) [default: RSA2]')
            [CompletionResult]::new('--charset', '--charset', [CompletionResultType]::ParameterName, 'Request charset: utf-8 or gbk (gb2312 is an alias) [default: utf-8]')
            [CompletionResult]::new('--token-dir', '--token-dir', [CompletionResultType]::ParameterName, 'Where logins are stored [default: the platform data dir, e.g. ~/.local/share/alipay-oauth/tokens]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection to the gateway')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the gateway''s whole answer')
            [CompletionResult]::new('--app-cert-file', '--app-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: the app''s certificate (appCertPublicKey_<app_id>.crt)')
            [CompletionResult]::new('--alipay-cert-file', '--alipay-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: Alipay''s certificate (alipayCertPublicKey_RSA2.crt), whose key verifies answers')
            [CompletionResult]::new('--alipay-root-cert-file', '--alipay-root-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: Alipay''s root certificate bundle (alipayRootCert.crt)')
            [CompletionResult]::new('--key-version', '--key-version', [CompletionResultType]::ParameterName, 'The keyVersion of the Antom / Alipay+ Signature header [default: 1]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of stdout (and of errors on stderr) [default: human]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of stdout (and of errors on stderr) [default: human]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only the essential result (a signature, a token) on stdout')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only the essential result (a signature, a token) on stdout')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show the steps; -vv traces HTTP with secrets masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show the steps; -vv traces HTTP with secrets masked')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('response', 'response', [CompletionResultType]::ParameterValue, 'Verify a raw gateway response body, exactly as received')
            [CompletionResult]::new('notify', 'notify', [CompletionResultType]::ParameterValue, 'Verify notification or return-URL parameters (form-encoded or a JSON object)')
            [CompletionResult]::new('header', 'header', [CompletionResultType]::ParameterValue, 'Verify an Antom / Alipay+ signature: an answer (Response-Time) or a notification')
            [CompletionResult]::new('v3', 'v3', [CompletionResultType]::ParameterValue, 'Verify an OpenAPI v3 answer from its alipay-timestamp, alipay-nonce and alipay-signature headers and raw body')
            [CompletionResult]::new('raw', 'raw', [CompletionResultType]::ParameterValue, 'Verify a signature over content given by hand (the file''s exact bytes)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'alipay-oauth;verify;response' {
            [CompletionResult]::new('--method', '--method', [CompletionResultType]::ParameterName, 'The API method called; picks the node (default: the root key ending in _response)')
            [CompletionResult]::new('--app-public-key-file', '--app-public-key-file', [CompletionResultType]::ParameterName, 'The app''s own public key, to diagnose swapped keys (the app private key works too, via --private-key-file)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'A profile of the config file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: the platform config dir, e.g. ~/.config/alipay-oauth/config.toml]')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Which Alipay to talk to: picks the gateway and authorization URLs [default: production]')
            [CompletionResult]::new('--gateway', '--gateway', [CompletionResultType]::ParameterName, 'v2 gateway URL; overrides --env')
            [CompletionResult]::new('--authorize-url', '--authorize-url', [CompletionResultType]::ParameterName, 'Authorization page URL; overrides --env')
            [CompletionResult]::new('--emulator-url', '--emulator-url', [CompletionResultType]::ParameterName, 'Where `--env emulator` finds the emulator (its base URL, e.g. http://127.0.0.1:19300): moves its gateway and authorization URLs at once [default: http://127.0.0.1:9966]')
            [CompletionResult]::new('--app-id', '--app-id', [CompletionResultType]::ParameterName, 'The app id (APPID in the Alipay console)')
            [CompletionResult]::new('--private-key-file', '--private-key-file', [CompletionResultType]::ParameterName, 'App private key, any format (PKCS#1/PKCS#8, PEM/base64/DER); the key text itself may come in ALIPAY_PRIVATE_KEY')
            [CompletionResult]::new('--alipay-public-key-file', '--alipay-public-key-file', [CompletionResultType]::ParameterName, 'Alipay public key (from the console), any format; the key text itself may come in ALIPAY_PUBLIC_KEY')
            [CompletionResult]::new('--sign-type', '--sign-type', [CompletionResultType]::ParameterName, 'Signature algorithm: RSA2 (SHA256withRSA) or RSA (SHA1withRSA, legacy) [default: RSA2]')
            [CompletionResult]::new('--charset', '--charset', [CompletionResultType]::ParameterName, 'Request charset: utf-8 or gbk (gb2312 is an alias) [default: utf-8]')
            [CompletionResult]::new('--token-dir', '--token-dir', [CompletionResultType]::ParameterName, 'Where logins are stored [default: the platform data dir, e.g. ~/.local/share/alipay-oauth/tokens]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection to the gateway')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the gateway''s whole answer')
            [CompletionResult]::new('--app-cert-file', '--app-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: the app''s certificate (appCertPublicKey_<app_id>.crt)')
            [CompletionResult]::new('--alipay-cert-file', '--alipay-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: Alipay''s certificate (alipayCertPublicKey_RSA2.crt), whose key verifies answers')
            [CompletionResult]::new('--alipay-root-cert-file', '--alipay-root-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: Alipay''s root certificate bundle (alipayRootCert.crt)')
            [CompletionResult]::new('--key-version', '--key-version', [CompletionResultType]::ParameterName, 'The keyVersion of the Antom / Alipay+ Signature header [default: 1]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of stdout (and of errors on stderr) [default: human]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of stdout (and of errors on stderr) [default: human]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only the essential result (a signature, a token) on stdout')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only the essential result (a signature, a token) on stdout')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show the steps; -vv traces HTTP with secrets masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show the steps; -vv traces HTTP with secrets masked')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'alipay-oauth;verify;notify' {
            [CompletionResult]::new('--rule', '--rule', [CompletionResultType]::ParameterName, 'v1: leave out sign and sign_type (payment notifications, return URLs); v2: leave out only sign (gateway messages); auto: v1 then v2')
            [CompletionResult]::new('--app-public-key-file', '--app-public-key-file', [CompletionResultType]::ParameterName, 'The app''s own public key, to diagnose swapped keys (the app private key works too, via --private-key-file)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'A profile of the config file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: the platform config dir, e.g. ~/.config/alipay-oauth/config.toml]')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Which Alipay to talk to: picks the gateway and authorization URLs [default: production]')
            [CompletionResult]::new('--gateway', '--gateway', [CompletionResultType]::ParameterName, 'v2 gateway URL; overrides --env')
            [CompletionResult]::new('--authorize-url', '--authorize-url', [CompletionResultType]::ParameterName, 'Authorization page URL; overrides --env')
            [CompletionResult]::new('--emulator-url', '--emulator-url', [CompletionResultType]::ParameterName, 'Where `--env emulator` finds the emulator (its base URL, e.g. http://127.0.0.1:19300): moves its gateway and authorization URLs at once [default: http://127.0.0.1:9966]')
            [CompletionResult]::new('--app-id', '--app-id', [CompletionResultType]::ParameterName, 'The app id (APPID in the Alipay console)')
            [CompletionResult]::new('--private-key-file', '--private-key-file', [CompletionResultType]::ParameterName, 'App private key, any format (PKCS#1/PKCS#8, PEM/base64/DER); the key text itself may come in ALIPAY_PRIVATE_KEY')
            [CompletionResult]::new('--alipay-public-key-file', '--alipay-public-key-file', [CompletionResultType]::ParameterName, 'Alipay public key (from the console), any format; the key text itself may come in ALIPAY_PUBLIC_KEY')
            [CompletionResult]::new('--sign-type', '--sign-type', [CompletionResultType]::ParameterName, 'Signature algorithm: RSA2 (SHA256withRSA) or RSA (SHA1withRSA, legacy) [default: RSA2]')
            [CompletionResult]::new('--charset', '--charset', [CompletionResultType]::ParameterName, 'Request charset: utf-8 or gbk (gb2312 is an alias) [default: utf-8]')
            [CompletionResult]::new('--token-dir', '--token-dir', [CompletionResultType]::ParameterName, 'Where logins are stored [default: the platform data dir, e.g. ~/.local/share/alipay-oauth/tokens]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection to the gateway')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the gateway''s whole answer')
            [CompletionResult]::new('--app-cert-file', '--app-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: the app''s certificate (appCertPublicKey_<app_id>.crt)')
            [CompletionResult]::new('--alipay-cert-file', '--alipay-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: Alipay''s certificate (alipayCertPublicKey_RSA2.crt), whose key verifies answers')
            [CompletionResult]::new('--alipay-root-cert-file', '--alipay-root-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: Alipay''s root certificate bundle (alipayRootCert.crt)')
            [CompletionResult]::new('--key-version', '--key-version', [CompletionResultType]::ParameterName, 'The keyVersion of the Antom / Alipay+ Signature header [default: 1]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of stdout (and of errors on stderr) [default: human]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of stdout (and of errors on stderr) [default: human]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only the essential result (a signature, a token) on stdout')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only the essential result (a signature, a token) on stdout')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show the steps; -vv traces HTTP with secrets masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show the steps; -vv traces HTTP with secrets masked')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'alipay-oauth;verify;header' {
            [CompletionResult]::new('--path', '--path', [CompletionResultType]::ParameterName, 'The path the message was sent to (an answer is signed over its request''s path)')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'The Client-Id [default: --app-id]')
            [CompletionResult]::new('--time', '--time', [CompletionResultType]::ParameterName, 'The signed time: the answer''s Response-Time (a request''s Request-Time)')
            [CompletionResult]::new('--signature', '--signature', [CompletionResultType]::ParameterName, 'The Signature header value, or the bare signature; URL-encoded or not')
            [CompletionResult]::new('--http-method', '--http-method', [CompletionResultType]::ParameterName, 'The HTTP method')
            [CompletionResult]::new('--body-file', '--body-file', [CompletionResultType]::ParameterName, 'The body exactly as received; - for standard input [default: empty]')
            [CompletionResult]::new('--request-time', '--request-time', [CompletionResultType]::ParameterName, 'The request''s Request-Time, to tell when an answer was signed with it instead')
            [CompletionResult]::new('--app-public-key-file', '--app-public-key-file', [CompletionResultType]::ParameterName, 'The app''s own public key, to diagnose swapped keys (the app private key works too)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'A profile of the config file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: the platform config dir, e.g. ~/.config/alipay-oauth/config.toml]')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Which Alipay to talk to: picks the gateway and authorization URLs [default: production]')
            [CompletionResult]::new('--gateway', '--gateway', [CompletionResultType]::ParameterName, 'v2 gateway URL; overrides --env')
            [CompletionResult]::new('--authorize-url', '--authorize-url', [CompletionResultType]::ParameterName, 'Authorization page URL; overrides --env')
            [CompletionResult]::new('--emulator-url', '--emulator-url', [CompletionResultType]::ParameterName, 'Where `--env emulator` finds the emulator (its base URL, e.g. http://127.0.0.1:19300): moves its gateway and authorization URLs at once [default: http://127.0.0.1:9966]')
            [CompletionResult]::new('--app-id', '--app-id', [CompletionResultType]::ParameterName, 'The app id (APPID in the Alipay console)')
            [CompletionResult]::new('--private-key-file', '--private-key-file', [CompletionResultType]::ParameterName, 'App private key, any format (PKCS#1/PKCS#8, PEM/base64/DER); the key text itself may come in ALIPAY_PRIVATE_KEY')
            [CompletionResult]::new('--alipay-public-key-file', '--alipay-public-key-file', [CompletionResultType]::ParameterName, 'Alipay public key (from the console), any format; the key text itself may come in ALIPAY_PUBLIC_KEY')
            [CompletionResult]::new('--sign-type', '--sign-type', [CompletionResultType]::ParameterName, 'Signature algorithm: RSA2 (SHA256withRSA) or RSA (SHA1withRSA, legacy) [default: RSA2]')
            [CompletionResult]::new('--charset', '--charset', [CompletionResultType]::ParameterName, 'Request charset: utf-8 or gbk (gb2312 is an alias) [default: utf-8]')
            [CompletionResult]::new('--token-dir', '--token-dir', [CompletionResultType]::ParameterName, 'Where logins are stored [default: the platform data dir, e.g. ~/.local/share/alipay-oauth/tokens]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection to the gateway')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the gateway''s whole answer')
            [CompletionResult]::new('--app-cert-file', '--app-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: the app''s certificate (appCertPublicKey_<app_id>.crt)')
            [CompletionResult]::new('--alipay-cert-file', '--alipay-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: Alipay''s certificate (alipayCertPublicKey_RSA2.crt), whose key verifies answers')
            [CompletionResult]::new('--alipay-root-cert-file', '--alipay-root-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: Alipay''s root certificate bundle (alipayRootCert.crt)')
            [CompletionResult]::new('--key-version', '--key-version', [CompletionResultType]::ParameterName, 'The keyVersion of the Antom / Alipay+ Signature header [default: 1]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of stdout (and of errors on stderr) [default: human]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of stdout (and of errors on stderr) [default: human]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only the essential result (a signature, a token) on stdout')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only the essential result (a signature, a token) on stdout')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show the steps; -vv traces HTTP with secrets masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show the steps; -vv traces HTTP with secrets masked')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'alipay-oauth;verify;v3' {
            [CompletionResult]::new('--timestamp', '--timestamp', [CompletionResultType]::ParameterName, 'The alipay-timestamp header')
            [CompletionResult]::new('--nonce', '--nonce', [CompletionResultType]::ParameterName, 'The alipay-nonce header')
            [CompletionResult]::new('--signature', '--signature', [CompletionResultType]::ParameterName, 'The alipay-signature header')
            [CompletionResult]::new('--alipay-sn', '--alipay-sn', [CompletionResultType]::ParameterName, 'The alipay-sn header (certificate mode: must name the configured Alipay certificate)')
            [CompletionResult]::new('--body-file', '--body-file', [CompletionResultType]::ParameterName, 'The body exactly as received; - for standard input [default: empty]')
            [CompletionResult]::new('--app-public-key-file', '--app-public-key-file', [CompletionResultType]::ParameterName, 'The app''s own public key, to diagnose swapped keys (the app private key works too)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'A profile of the config file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: the platform config dir, e.g. ~/.config/alipay-oauth/config.toml]')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Which Alipay to talk to: picks the gateway and authorization URLs [default: production]')
            [CompletionResult]::new('--gateway', '--gateway', [CompletionResultType]::ParameterName, 'v2 gateway URL; overrides --env')
            [CompletionResult]::new('--authorize-url', '--authorize-url', [CompletionResultType]::ParameterName, 'Authorization page URL; overrides --env')
            [CompletionResult]::new('--emulator-url', '--emulator-url', [CompletionResultType]::ParameterName, 'Where `--env emulator` finds the emulator (its base URL, e.g. http://127.0.0.1:19300): moves its gateway and authorization URLs at once [default: http://127.0.0.1:9966]')
            [CompletionResult]::new('--app-id', '--app-id', [CompletionResultType]::ParameterName, 'The app id (APPID in the Alipay console)')
            [CompletionResult]::new('--private-key-file', '--private-key-file', [CompletionResultType]::ParameterName, 'App private key, any format (PKCS#1/PKCS#8, PEM/base64/DER); the key text itself may come in ALIPAY_PRIVATE_KEY')
            [CompletionResult]::new('--alipay-public-key-file', '--alipay-public-key-file', [CompletionResultType]::ParameterName, 'Alipay public key (from the console), any format; the key text itself may come in ALIPAY_PUBLIC_KEY')
            [CompletionResult]::new('--sign-type', '--sign-type', [CompletionResultType]::ParameterName, 'Signature algorithm: RSA2 (SHA256withRSA) or RSA (SHA1withRSA, legacy) [default: RSA2]')
            [CompletionResult]::new('--charset', '--charset', [CompletionResultType]::ParameterName, 'Request charset: utf-8 or gbk (gb2312 is an alias) [default: utf-8]')
            [CompletionResult]::new('--token-dir', '--token-dir', [CompletionResultType]::ParameterName, 'Where logins are stored [default: the platform data dir, e.g. ~/.local/share/alipay-oauth/tokens]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection to the gateway')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the gateway''s whole answer')
            [CompletionResult]::new('--app-cert-file', '--app-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: the app''s certificate (appCertPublicKey_<app_id>.crt)')
            [CompletionResult]::new('--alipay-cert-file', '--alipay-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: Alipay''s certificate (alipayCertPublicKey_RSA2.crt), whose key verifies answers')
            [CompletionResult]::new('--alipay-root-cert-file', '--alipay-root-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: Alipay''s root certificate bundle (alipayRootCert.crt)')
            [CompletionResult]::new('--key-version', '--key-version', [CompletionResultType]::ParameterName, 'The keyVersion of the Antom / Alipay+ Signature header [default: 1]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of stdout (and of errors on stderr) [default: human]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of stdout (and of errors on stderr) [default: human]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only the essential result (a signature, a token) on stdout')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only the essential result (a signature, a token) on stdout')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show the steps; -vv traces HTTP with secrets masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show the steps; -vv traces HTTP with secrets masked')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'alipay-oauth;verify;raw' {
            [CompletionResult]::new('--signature', '--signature', [CompletionResultType]::ParameterName, 'The base64 signature')
            [CompletionResult]::new('--app-public-key-file', '--app-public-key-file', [CompletionResultType]::ParameterName, 'The app''s own public key, to diagnose swapped keys (the app private key works too, via --private-key-file)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'A profile of the config file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: the platform config dir, e.g. ~/.config/alipay-oauth/config.toml]')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Which Alipay to talk to: picks the gateway and authorization URLs [default: production]')
            [CompletionResult]::new('--gateway', '--gateway', [CompletionResultType]::ParameterName, 'v2 gateway URL; overrides --env')
            [CompletionResult]::new('--authorize-url', '--authorize-url', [CompletionResultType]::ParameterName, 'Authorization page URL; overrides --env')
            [CompletionResult]::new('--emulator-url', '--emulator-url', [CompletionResultType]::ParameterName, 'Where `--env emulator` finds the emulator (its base URL, e.g. http://127.0.0.1:19300): moves its gateway and authorization URLs at once [default: http://127.0.0.1:9966]')
            [CompletionResult]::new('--app-id', '--app-id', [CompletionResultType]::ParameterName, 'The app id (APPID in the Alipay console)')
            [CompletionResult]::new('--private-key-file', '--private-key-file', [CompletionResultType]::ParameterName, 'App private key, any format (PKCS#1/PKCS#8, PEM/base64/DER); the key text itself may come in ALIPAY_PRIVATE_KEY')
            [CompletionResult]::new('--alipay-public-key-file', '--alipay-public-key-file', [CompletionResultType]::ParameterName, 'Alipay public key (from the console), any format; the key text itself may come in ALIPAY_PUBLIC_KEY')
            [CompletionResult]::new('--sign-type', '--sign-type', [CompletionResultType]::ParameterName, 'Signature algorithm: RSA2 (SHA256withRSA) or RSA (SHA1withRSA, legacy) [default: RSA2]')
            [CompletionResult]::new('--charset', '--charset', [CompletionResultType]::ParameterName, 'Request charset: utf-8 or gbk (gb2312 is an alias) [default: utf-8]')
            [CompletionResult]::new('--token-dir', '--token-dir', [CompletionResultType]::ParameterName, 'Where logins are stored [default: the platform data dir, e.g. ~/.local/share/alipay-oauth/tokens]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection to the gateway')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the gateway''s whole answer')
            [CompletionResult]::new('--app-cert-file', '--app-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: the app''s certificate (appCertPublicKey_<app_id>.crt)')
            [CompletionResult]::new('--alipay-cert-file', '--alipay-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: Alipay''s certificate (alipayCertPublicKey_RSA2.crt), whose key verifies answers')
            [CompletionResult]::new('--alipay-root-cert-file', '--alipay-root-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: Alipay''s root certificate bundle (alipayRootCert.crt)')
            [CompletionResult]::new('--key-version', '--key-version', [CompletionResultType]::ParameterName, 'The keyVersion of the Antom / Alipay+ Signature header [default: 1]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of stdout (and of errors on stderr) [default: human]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of stdout (and of errors on stderr) [default: human]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only the essential result (a signature, a token) on stdout')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only the essential result (a signature, a token) on stdout')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show the steps; -vv traces HTTP with secrets masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show the steps; -vv traces HTTP with secrets masked')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'alipay-oauth;verify;help' {
            [CompletionResult]::new('response', 'response', [CompletionResultType]::ParameterValue, 'Verify a raw gateway response body, exactly as received')
            [CompletionResult]::new('notify', 'notify', [CompletionResultType]::ParameterValue, 'Verify notification or return-URL parameters (form-encoded or a JSON object)')
            [CompletionResult]::new('header', 'header', [CompletionResultType]::ParameterValue, 'Verify an Antom / Alipay+ signature: an answer (Response-Time) or a notification')
            [CompletionResult]::new('v3', 'v3', [CompletionResultType]::ParameterValue, 'Verify an OpenAPI v3 answer from its alipay-timestamp, alipay-nonce and alipay-signature headers and raw body')
            [CompletionResult]::new('raw', 'raw', [CompletionResultType]::ParameterValue, 'Verify a signature over content given by hand (the file''s exact bytes)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'alipay-oauth;verify;help;response' {
            break
        }
        'alipay-oauth;verify;help;notify' {
            break
        }
        'alipay-oauth;verify;help;header' {
            break
        }
        'alipay-oauth;verify;help;v3' {
            break
        }
        'alipay-oauth;verify;help;raw' {
            break
        }
        'alipay-oauth;verify;help;help' {
            break
        }
        'alipay-oauth;authorize' {
            [CompletionResult]::new('--scope', '--scope', [CompletionResultType]::ParameterName, 'auth_user (profile; a consent screen) or auth_base (user id only; silent), or both [default: auth_user]')
            [CompletionResult]::new('--redirect-uri', '--redirect-uri', [CompletionResultType]::ParameterName, 'The callback registered for the app [default: a loopback URL on a free port, fine for the emulator]')
            [CompletionResult]::new('--listen', '--listen', [CompletionResultType]::ParameterName, 'Listen here instead of the redirect URI''s host and port (hosts-file entry, tunnel, SSH forward)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the callback')
            [CompletionResult]::new('--dialect', '--dialect', [CompletionResultType]::ParameterName, 'The API of the token and user calls after the redirect: v2 (the gateway) or v3 (OpenAPI v3''s /v3/alipay/system/oauth/token and /v3/alipay/user/info/share)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'A profile of the config file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: the platform config dir, e.g. ~/.config/alipay-oauth/config.toml]')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Which Alipay to talk to: picks the gateway and authorization URLs [default: production]')
            [CompletionResult]::new('--gateway', '--gateway', [CompletionResultType]::ParameterName, 'v2 gateway URL; overrides --env')
            [CompletionResult]::new('--authorize-url', '--authorize-url', [CompletionResultType]::ParameterName, 'Authorization page URL; overrides --env')
            [CompletionResult]::new('--emulator-url', '--emulator-url', [CompletionResultType]::ParameterName, 'Where `--env emulator` finds the emulator (its base URL, e.g. http://127.0.0.1:19300): moves its gateway and authorization URLs at once [default: http://127.0.0.1:9966]')
            [CompletionResult]::new('--app-id', '--app-id', [CompletionResultType]::ParameterName, 'The app id (APPID in the Alipay console)')
            [CompletionResult]::new('--private-key-file', '--private-key-file', [CompletionResultType]::ParameterName, 'App private key, any format (PKCS#1/PKCS#8, PEM/base64/DER); the key text itself may come in ALIPAY_PRIVATE_KEY')
            [CompletionResult]::new('--alipay-public-key-file', '--alipay-public-key-file', [CompletionResultType]::ParameterName, 'Alipay public key (from the console), any format; the key text itself may come in ALIPAY_PUBLIC_KEY')
            [CompletionResult]::new('--sign-type', '--sign-type', [CompletionResultType]::ParameterName, 'Signature algorithm: RSA2 (SHA256withRSA) or RSA (SHA1withRSA, legacy) [default: RSA2]')
            [CompletionResult]::new('--charset', '--charset', [CompletionResultType]::ParameterName, 'Request charset: utf-8 or gbk (gb2312 is an alias) [default: utf-8]')
            [CompletionResult]::new('--token-dir', '--token-dir', [CompletionResultType]::ParameterName, 'Where logins are stored [default: the platform data dir, e.g. ~/.local/share/alipay-oauth/tokens]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection to the gateway')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the gateway''s whole answer')
            [CompletionResult]::new('--app-cert-file', '--app-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: the app''s certificate (appCertPublicKey_<app_id>.crt)')
            [CompletionResult]::new('--alipay-cert-file', '--alipay-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: Alipay''s certificate (alipayCertPublicKey_RSA2.crt), whose key verifies answers')
            [CompletionResult]::new('--alipay-root-cert-file', '--alipay-root-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: Alipay''s root certificate bundle (alipayRootCert.crt)')
            [CompletionResult]::new('--key-version', '--key-version', [CompletionResultType]::ParameterName, 'The keyVersion of the Antom / Alipay+ Signature header [default: 1]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of stdout (and of errors on stderr) [default: human]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of stdout (and of errors on stderr) [default: human]')
            [CompletionResult]::new('--allow-remote-listen', '--allow-remote-listen', [CompletionResultType]::ParameterName, 'Let --listen use an address that is not loopback')
            [CompletionResult]::new('--no-browser', '--no-browser', [CompletionResultType]::ParameterName, 'Do not open a browser; only print the URL')
            [CompletionResult]::new('--qr', '--qr', [CompletionResultType]::ParameterName, 'Also print the URL as a QR code for the Alipay app to scan, even when stderr is not a terminal [default: only on a terminal]')
            [CompletionResult]::new('--no-qr', '--no-qr', [CompletionResultType]::ParameterName, 'Never print the QR code')
            [CompletionResult]::new('--manual', '--manual', [CompletionResultType]::ParameterName, 'No listener: paste the address-bar URL (or the auth_code) at the prompt or on standard input')
            [CompletionResult]::new('--no-exchange', '--no-exchange', [CompletionResultType]::ParameterName, 'Print the auth code instead of exchanging it')
            [CompletionResult]::new('--no-store', '--no-store', [CompletionResultType]::ParameterName, 'Do not store the tokens. Alipay drops the user''s earlier access tokens on a new login, so a stored login of the same user is marked and refreshes on its next use')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show tokens in full in human output')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only the essential result (a signature, a token) on stdout')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only the essential result (a signature, a token) on stdout')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show the steps; -vv traces HTTP with secrets masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show the steps; -vv traces HTTP with secrets masked')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'alipay-oauth;exchange' {
            [CompletionResult]::new('--code', '--code', [CompletionResultType]::ParameterName, 'The auth_code from the callback; - reads it from standard input')
            [CompletionResult]::new('--subject', '--subject', [CompletionResultType]::ParameterName, 'Which stored login to refresh (an open_id or user_id) [default: the latest]')
            [CompletionResult]::new('--dialect', '--dialect', [CompletionResultType]::ParameterName, 'The API of the token call: v2 (the gateway''s alipay.system.oauth.token) or v3 (OpenAPI v3''s /v3/alipay/system/oauth/token)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'A profile of the config file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: the platform config dir, e.g. ~/.config/alipay-oauth/config.toml]')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Which Alipay to talk to: picks the gateway and authorization URLs [default: production]')
            [CompletionResult]::new('--gateway', '--gateway', [CompletionResultType]::ParameterName, 'v2 gateway URL; overrides --env')
            [CompletionResult]::new('--authorize-url', '--authorize-url', [CompletionResultType]::ParameterName, 'Authorization page URL; overrides --env')
            [CompletionResult]::new('--emulator-url', '--emulator-url', [CompletionResultType]::ParameterName, 'Where `--env emulator` finds the emulator (its base URL, e.g. http://127.0.0.1:19300): moves its gateway and authorization URLs at once [default: http://127.0.0.1:9966]')
            [CompletionResult]::new('--app-id', '--app-id', [CompletionResultType]::ParameterName, 'The app id (APPID in the Alipay console)')
            [CompletionResult]::new('--private-key-file', '--private-key-file', [CompletionResultType]::ParameterName, 'App private key, any format (PKCS#1/PKCS#8, PEM/base64/DER); the key text itself may come in ALIPAY_PRIVATE_KEY')
            [CompletionResult]::new('--alipay-public-key-file', '--alipay-public-key-file', [CompletionResultType]::ParameterName, 'Alipay public key (from the console), any format; the key text itself may come in ALIPAY_PUBLIC_KEY')
            [CompletionResult]::new('--sign-type', '--sign-type', [CompletionResultType]::ParameterName, 'Signature algorithm: RSA2 (SHA256withRSA) or RSA (SHA1withRSA, legacy) [default: RSA2]')
            [CompletionResult]::new('--charset', '--charset', [CompletionResultType]::ParameterName, 'Request charset: utf-8 or gbk (gb2312 is an alias) [default: utf-8]')
            [CompletionResult]::new('--token-dir', '--token-dir', [CompletionResultType]::ParameterName, 'Where logins are stored [default: the platform data dir, e.g. ~/.local/share/alipay-oauth/tokens]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection to the gateway')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the gateway''s whole answer')
            [CompletionResult]::new('--app-cert-file', '--app-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: the app''s certificate (appCertPublicKey_<app_id>.crt)')
            [CompletionResult]::new('--alipay-cert-file', '--alipay-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: Alipay''s certificate (alipayCertPublicKey_RSA2.crt), whose key verifies answers')
            [CompletionResult]::new('--alipay-root-cert-file', '--alipay-root-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: Alipay''s root certificate bundle (alipayRootCert.crt)')
            [CompletionResult]::new('--key-version', '--key-version', [CompletionResultType]::ParameterName, 'The keyVersion of the Antom / Alipay+ Signature header [default: 1]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of stdout (and of errors on stderr) [default: human]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of stdout (and of errors on stderr) [default: human]')
            [CompletionResult]::new('--refresh-token-stdin', '--refresh-token-stdin', [CompletionResultType]::ParameterName, 'Read a refresh token from standard input')
            [CompletionResult]::new('--refresh', '--refresh', [CompletionResultType]::ParameterName, 'Refresh with ALIPAY_REFRESH_TOKEN, else the stored login')
            [CompletionResult]::new('--no-store', '--no-store', [CompletionResultType]::ParameterName, 'Do not store the tokens')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show tokens in full in human output')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only the essential result (a signature, a token) on stdout')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only the essential result (a signature, a token) on stdout')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show the steps; -vv traces HTTP with secrets masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show the steps; -vv traces HTTP with secrets masked')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'alipay-oauth;userinfo' {
            [CompletionResult]::new('--subject', '--subject', [CompletionResultType]::ParameterName, 'Which stored login (an open_id or user_id) [default: the latest]')
            [CompletionResult]::new('--dialect', '--dialect', [CompletionResultType]::ParameterName, 'The API: v2 (the gateway''s alipay.user.info.share) or v3 (OpenAPI v3''s /v3/alipay/user/info/share)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'A profile of the config file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: the platform config dir, e.g. ~/.config/alipay-oauth/config.toml]')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Which Alipay to talk to: picks the gateway and authorization URLs [default: production]')
            [CompletionResult]::new('--gateway', '--gateway', [CompletionResultType]::ParameterName, 'v2 gateway URL; overrides --env')
            [CompletionResult]::new('--authorize-url', '--authorize-url', [CompletionResultType]::ParameterName, 'Authorization page URL; overrides --env')
            [CompletionResult]::new('--emulator-url', '--emulator-url', [CompletionResultType]::ParameterName, 'Where `--env emulator` finds the emulator (its base URL, e.g. http://127.0.0.1:19300): moves its gateway and authorization URLs at once [default: http://127.0.0.1:9966]')
            [CompletionResult]::new('--app-id', '--app-id', [CompletionResultType]::ParameterName, 'The app id (APPID in the Alipay console)')
            [CompletionResult]::new('--private-key-file', '--private-key-file', [CompletionResultType]::ParameterName, 'App private key, any format (PKCS#1/PKCS#8, PEM/base64/DER); the key text itself may come in ALIPAY_PRIVATE_KEY')
            [CompletionResult]::new('--alipay-public-key-file', '--alipay-public-key-file', [CompletionResultType]::ParameterName, 'Alipay public key (from the console), any format; the key text itself may come in ALIPAY_PUBLIC_KEY')
            [CompletionResult]::new('--sign-type', '--sign-type', [CompletionResultType]::ParameterName, 'Signature algorithm: RSA2 (SHA256withRSA) or RSA (SHA1withRSA, legacy) [default: RSA2]')
            [CompletionResult]::new('--charset', '--charset', [CompletionResultType]::ParameterName, 'Request charset: utf-8 or gbk (gb2312 is an alias) [default: utf-8]')
            [CompletionResult]::new('--token-dir', '--token-dir', [CompletionResultType]::ParameterName, 'Where logins are stored [default: the platform data dir, e.g. ~/.local/share/alipay-oauth/tokens]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection to the gateway')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the gateway''s whole answer')
            [CompletionResult]::new('--app-cert-file', '--app-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: the app''s certificate (appCertPublicKey_<app_id>.crt)')
            [CompletionResult]::new('--alipay-cert-file', '--alipay-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: Alipay''s certificate (alipayCertPublicKey_RSA2.crt), whose key verifies answers')
            [CompletionResult]::new('--alipay-root-cert-file', '--alipay-root-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: Alipay''s root certificate bundle (alipayRootCert.crt)')
            [CompletionResult]::new('--key-version', '--key-version', [CompletionResultType]::ParameterName, 'The keyVersion of the Antom / Alipay+ Signature header [default: 1]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of stdout (and of errors on stderr) [default: human]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of stdout (and of errors on stderr) [default: human]')
            [CompletionResult]::new('--access-token-stdin', '--access-token-stdin', [CompletionResultType]::ParameterName, 'Read the access token from standard input (else ALIPAY_ACCESS_TOKEN, else the stored login)')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'Print the verified node exactly as Alipay sent it')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only the essential result (a signature, a token) on stdout')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only the essential result (a signature, a token) on stdout')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show the steps; -vv traces HTTP with secrets masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show the steps; -vv traces HTTP with secrets masked')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'alipay-oauth;call' {
            [CompletionResult]::new('--body-file', '--body-file', [CompletionResultType]::ParameterName, 'With --dialect v3: the JSON body, from a file or - for standard input')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'With --dialect v3: a query parameter as NAME=VALUE; repeatable')
            [CompletionResult]::new('--biz-content', '--biz-content', [CompletionResultType]::ParameterName, 'The business parameters: a JSON object, or @FILE (@- for standard input); each key once in every object. Sent exactly as given, without surrounding whitespace')
            [CompletionResult]::new('--subject', '--subject', [CompletionResultType]::ParameterName, 'Send the access token of this stored login (an open_id or user_id) [default: the latest]')
            [CompletionResult]::new('--dialect', '--dialect', [CompletionResultType]::ParameterName, 'The signing dialect: v2 (the gateway''s signed form parameters) or v3 (OpenAPI v3: METHOD is the HTTP method, then the path)')
            [CompletionResult]::new('--family', '--family', [CompletionResultType]::ParameterName, 'The protocol family: alipay (the Open Platform gateway of China and Global); antom and alipayplus (the header dialect) are not available yet')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'A profile of the config file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: the platform config dir, e.g. ~/.config/alipay-oauth/config.toml]')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Which Alipay to talk to: picks the gateway and authorization URLs [default: production]')
            [CompletionResult]::new('--gateway', '--gateway', [CompletionResultType]::ParameterName, 'v2 gateway URL; overrides --env')
            [CompletionResult]::new('--authorize-url', '--authorize-url', [CompletionResultType]::ParameterName, 'Authorization page URL; overrides --env')
            [CompletionResult]::new('--emulator-url', '--emulator-url', [CompletionResultType]::ParameterName, 'Where `--env emulator` finds the emulator (its base URL, e.g. http://127.0.0.1:19300): moves its gateway and authorization URLs at once [default: http://127.0.0.1:9966]')
            [CompletionResult]::new('--app-id', '--app-id', [CompletionResultType]::ParameterName, 'The app id (APPID in the Alipay console)')
            [CompletionResult]::new('--private-key-file', '--private-key-file', [CompletionResultType]::ParameterName, 'App private key, any format (PKCS#1/PKCS#8, PEM/base64/DER); the key text itself may come in ALIPAY_PRIVATE_KEY')
            [CompletionResult]::new('--alipay-public-key-file', '--alipay-public-key-file', [CompletionResultType]::ParameterName, 'Alipay public key (from the console), any format; the key text itself may come in ALIPAY_PUBLIC_KEY')
            [CompletionResult]::new('--sign-type', '--sign-type', [CompletionResultType]::ParameterName, 'Signature algorithm: RSA2 (SHA256withRSA) or RSA (SHA1withRSA, legacy) [default: RSA2]')
            [CompletionResult]::new('--charset', '--charset', [CompletionResultType]::ParameterName, 'Request charset: utf-8 or gbk (gb2312 is an alias) [default: utf-8]')
            [CompletionResult]::new('--token-dir', '--token-dir', [CompletionResultType]::ParameterName, 'Where logins are stored [default: the platform data dir, e.g. ~/.local/share/alipay-oauth/tokens]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection to the gateway')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the gateway''s whole answer')
            [CompletionResult]::new('--app-cert-file', '--app-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: the app''s certificate (appCertPublicKey_<app_id>.crt)')
            [CompletionResult]::new('--alipay-cert-file', '--alipay-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: Alipay''s certificate (alipayCertPublicKey_RSA2.crt), whose key verifies answers')
            [CompletionResult]::new('--alipay-root-cert-file', '--alipay-root-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: Alipay''s root certificate bundle (alipayRootCert.crt)')
            [CompletionResult]::new('--key-version', '--key-version', [CompletionResultType]::ParameterName, 'The keyVersion of the Antom / Alipay+ Signature header [default: 1]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of stdout (and of errors on stderr) [default: human]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of stdout (and of errors on stderr) [default: human]')
            [CompletionResult]::new('--auth-token-stdin', '--auth-token-stdin', [CompletionResultType]::ParameterName, 'Read the user''s access token (auth_token) from standard input')
            [CompletionResult]::new('--user-token', '--user-token', [CompletionResultType]::ParameterName, 'Send the stored login''s access token even to a method outside alipay.user')
            [CompletionResult]::new('--no-auth-token', '--no-auth-token', [CompletionResultType]::ParameterName, 'Send no auth_token, even to a method under alipay.user')
            [CompletionResult]::new('--curl', '--curl', [CompletionResultType]::ParameterName, 'Do not send: print a curl command that sends the same signed request')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'Print the verified node exactly as Alipay sent it')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show tokens in full in human output')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only the essential result (a signature, a token) on stdout')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only the essential result (a signature, a token) on stdout')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show the steps; -vv traces HTTP with secrets masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show the steps; -vv traces HTTP with secrets masked')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'alipay-oauth;token' {
            [CompletionResult]::new('--min-valid', '--min-valid', [CompletionResultType]::ParameterName, 'Refresh when the access token expires within this many seconds')
            [CompletionResult]::new('--subject', '--subject', [CompletionResultType]::ParameterName, 'Which stored login (an open_id or user_id) [default: the latest]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'A profile of the config file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: the platform config dir, e.g. ~/.config/alipay-oauth/config.toml]')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Which Alipay to talk to: picks the gateway and authorization URLs [default: production]')
            [CompletionResult]::new('--gateway', '--gateway', [CompletionResultType]::ParameterName, 'v2 gateway URL; overrides --env')
            [CompletionResult]::new('--authorize-url', '--authorize-url', [CompletionResultType]::ParameterName, 'Authorization page URL; overrides --env')
            [CompletionResult]::new('--emulator-url', '--emulator-url', [CompletionResultType]::ParameterName, 'Where `--env emulator` finds the emulator (its base URL, e.g. http://127.0.0.1:19300): moves its gateway and authorization URLs at once [default: http://127.0.0.1:9966]')
            [CompletionResult]::new('--app-id', '--app-id', [CompletionResultType]::ParameterName, 'The app id (APPID in the Alipay console)')
            [CompletionResult]::new('--private-key-file', '--private-key-file', [CompletionResultType]::ParameterName, 'App private key, any format (PKCS#1/PKCS#8, PEM/base64/DER); the key text itself may come in ALIPAY_PRIVATE_KEY')
            [CompletionResult]::new('--alipay-public-key-file', '--alipay-public-key-file', [CompletionResultType]::ParameterName, 'Alipay public key (from the console), any format; the key text itself may come in ALIPAY_PUBLIC_KEY')
            [CompletionResult]::new('--sign-type', '--sign-type', [CompletionResultType]::ParameterName, 'Signature algorithm: RSA2 (SHA256withRSA) or RSA (SHA1withRSA, legacy) [default: RSA2]')
            [CompletionResult]::new('--charset', '--charset', [CompletionResultType]::ParameterName, 'Request charset: utf-8 or gbk (gb2312 is an alias) [default: utf-8]')
            [CompletionResult]::new('--token-dir', '--token-dir', [CompletionResultType]::ParameterName, 'Where logins are stored [default: the platform data dir, e.g. ~/.local/share/alipay-oauth/tokens]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection to the gateway')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the gateway''s whole answer')
            [CompletionResult]::new('--app-cert-file', '--app-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: the app''s certificate (appCertPublicKey_<app_id>.crt)')
            [CompletionResult]::new('--alipay-cert-file', '--alipay-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: Alipay''s certificate (alipayCertPublicKey_RSA2.crt), whose key verifies answers')
            [CompletionResult]::new('--alipay-root-cert-file', '--alipay-root-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: Alipay''s root certificate bundle (alipayRootCert.crt)')
            [CompletionResult]::new('--key-version', '--key-version', [CompletionResultType]::ParameterName, 'The keyVersion of the Antom / Alipay+ Signature header [default: 1]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of stdout (and of errors on stderr) [default: human]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of stdout (and of errors on stderr) [default: human]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only the essential result (a signature, a token) on stdout')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only the essential result (a signature, a token) on stdout')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show the steps; -vv traces HTTP with secrets masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show the steps; -vv traces HTTP with secrets masked')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'alipay-oauth;status' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'A profile of the config file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: the platform config dir, e.g. ~/.config/alipay-oauth/config.toml]')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Which Alipay to talk to: picks the gateway and authorization URLs [default: production]')
            [CompletionResult]::new('--gateway', '--gateway', [CompletionResultType]::ParameterName, 'v2 gateway URL; overrides --env')
            [CompletionResult]::new('--authorize-url', '--authorize-url', [CompletionResultType]::ParameterName, 'Authorization page URL; overrides --env')
            [CompletionResult]::new('--emulator-url', '--emulator-url', [CompletionResultType]::ParameterName, 'Where `--env emulator` finds the emulator (its base URL, e.g. http://127.0.0.1:19300): moves its gateway and authorization URLs at once [default: http://127.0.0.1:9966]')
            [CompletionResult]::new('--app-id', '--app-id', [CompletionResultType]::ParameterName, 'The app id (APPID in the Alipay console)')
            [CompletionResult]::new('--private-key-file', '--private-key-file', [CompletionResultType]::ParameterName, 'App private key, any format (PKCS#1/PKCS#8, PEM/base64/DER); the key text itself may come in ALIPAY_PRIVATE_KEY')
            [CompletionResult]::new('--alipay-public-key-file', '--alipay-public-key-file', [CompletionResultType]::ParameterName, 'Alipay public key (from the console), any format; the key text itself may come in ALIPAY_PUBLIC_KEY')
            [CompletionResult]::new('--sign-type', '--sign-type', [CompletionResultType]::ParameterName, 'Signature algorithm: RSA2 (SHA256withRSA) or RSA (SHA1withRSA, legacy) [default: RSA2]')
            [CompletionResult]::new('--charset', '--charset', [CompletionResultType]::ParameterName, 'Request charset: utf-8 or gbk (gb2312 is an alias) [default: utf-8]')
            [CompletionResult]::new('--token-dir', '--token-dir', [CompletionResultType]::ParameterName, 'Where logins are stored [default: the platform data dir, e.g. ~/.local/share/alipay-oauth/tokens]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection to the gateway')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the gateway''s whole answer')
            [CompletionResult]::new('--app-cert-file', '--app-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: the app''s certificate (appCertPublicKey_<app_id>.crt)')
            [CompletionResult]::new('--alipay-cert-file', '--alipay-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: Alipay''s certificate (alipayCertPublicKey_RSA2.crt), whose key verifies answers')
            [CompletionResult]::new('--alipay-root-cert-file', '--alipay-root-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: Alipay''s root certificate bundle (alipayRootCert.crt)')
            [CompletionResult]::new('--key-version', '--key-version', [CompletionResultType]::ParameterName, 'The keyVersion of the Antom / Alipay+ Signature header [default: 1]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of stdout (and of errors on stderr) [default: human]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of stdout (and of errors on stderr) [default: human]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only the essential result (a signature, a token) on stdout')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only the essential result (a signature, a token) on stdout')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show the steps; -vv traces HTTP with secrets masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show the steps; -vv traces HTTP with secrets masked')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'alipay-oauth;config' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'A profile of the config file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: the platform config dir, e.g. ~/.config/alipay-oauth/config.toml]')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Which Alipay to talk to: picks the gateway and authorization URLs [default: production]')
            [CompletionResult]::new('--gateway', '--gateway', [CompletionResultType]::ParameterName, 'v2 gateway URL; overrides --env')
            [CompletionResult]::new('--authorize-url', '--authorize-url', [CompletionResultType]::ParameterName, 'Authorization page URL; overrides --env')
            [CompletionResult]::new('--emulator-url', '--emulator-url', [CompletionResultType]::ParameterName, 'Where `--env emulator` finds the emulator (its base URL, e.g. http://127.0.0.1:19300): moves its gateway and authorization URLs at once [default: http://127.0.0.1:9966]')
            [CompletionResult]::new('--app-id', '--app-id', [CompletionResultType]::ParameterName, 'The app id (APPID in the Alipay console)')
            [CompletionResult]::new('--private-key-file', '--private-key-file', [CompletionResultType]::ParameterName, 'App private key, any format (PKCS#1/PKCS#8, PEM/base64/DER); the key text itself may come in ALIPAY_PRIVATE_KEY')
            [CompletionResult]::new('--alipay-public-key-file', '--alipay-public-key-file', [CompletionResultType]::ParameterName, 'Alipay public key (from the console), any format; the key text itself may come in ALIPAY_PUBLIC_KEY')
            [CompletionResult]::new('--sign-type', '--sign-type', [CompletionResultType]::ParameterName, 'Signature algorithm: RSA2 (SHA256withRSA) or RSA (SHA1withRSA, legacy) [default: RSA2]')
            [CompletionResult]::new('--charset', '--charset', [CompletionResultType]::ParameterName, 'Request charset: utf-8 or gbk (gb2312 is an alias) [default: utf-8]')
            [CompletionResult]::new('--token-dir', '--token-dir', [CompletionResultType]::ParameterName, 'Where logins are stored [default: the platform data dir, e.g. ~/.local/share/alipay-oauth/tokens]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection to the gateway')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the gateway''s whole answer')
            [CompletionResult]::new('--app-cert-file', '--app-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: the app''s certificate (appCertPublicKey_<app_id>.crt)')
            [CompletionResult]::new('--alipay-cert-file', '--alipay-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: Alipay''s certificate (alipayCertPublicKey_RSA2.crt), whose key verifies answers')
            [CompletionResult]::new('--alipay-root-cert-file', '--alipay-root-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: Alipay''s root certificate bundle (alipayRootCert.crt)')
            [CompletionResult]::new('--key-version', '--key-version', [CompletionResultType]::ParameterName, 'The keyVersion of the Antom / Alipay+ Signature header [default: 1]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of stdout (and of errors on stderr) [default: human]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of stdout (and of errors on stderr) [default: human]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only the essential result (a signature, a token) on stdout')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only the essential result (a signature, a token) on stdout')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show the steps; -vv traces HTTP with secrets masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show the steps; -vv traces HTTP with secrets masked')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'alipay-oauth;logout' {
            [CompletionResult]::new('--subject', '--subject', [CompletionResultType]::ParameterName, 'Remove this login (an open_id or user_id)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'A profile of the config file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: the platform config dir, e.g. ~/.config/alipay-oauth/config.toml]')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Which Alipay to talk to: picks the gateway and authorization URLs [default: production]')
            [CompletionResult]::new('--gateway', '--gateway', [CompletionResultType]::ParameterName, 'v2 gateway URL; overrides --env')
            [CompletionResult]::new('--authorize-url', '--authorize-url', [CompletionResultType]::ParameterName, 'Authorization page URL; overrides --env')
            [CompletionResult]::new('--emulator-url', '--emulator-url', [CompletionResultType]::ParameterName, 'Where `--env emulator` finds the emulator (its base URL, e.g. http://127.0.0.1:19300): moves its gateway and authorization URLs at once [default: http://127.0.0.1:9966]')
            [CompletionResult]::new('--app-id', '--app-id', [CompletionResultType]::ParameterName, 'The app id (APPID in the Alipay console)')
            [CompletionResult]::new('--private-key-file', '--private-key-file', [CompletionResultType]::ParameterName, 'App private key, any format (PKCS#1/PKCS#8, PEM/base64/DER); the key text itself may come in ALIPAY_PRIVATE_KEY')
            [CompletionResult]::new('--alipay-public-key-file', '--alipay-public-key-file', [CompletionResultType]::ParameterName, 'Alipay public key (from the console), any format; the key text itself may come in ALIPAY_PUBLIC_KEY')
            [CompletionResult]::new('--sign-type', '--sign-type', [CompletionResultType]::ParameterName, 'Signature algorithm: RSA2 (SHA256withRSA) or RSA (SHA1withRSA, legacy) [default: RSA2]')
            [CompletionResult]::new('--charset', '--charset', [CompletionResultType]::ParameterName, 'Request charset: utf-8 or gbk (gb2312 is an alias) [default: utf-8]')
            [CompletionResult]::new('--token-dir', '--token-dir', [CompletionResultType]::ParameterName, 'Where logins are stored [default: the platform data dir, e.g. ~/.local/share/alipay-oauth/tokens]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection to the gateway')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the gateway''s whole answer')
            [CompletionResult]::new('--app-cert-file', '--app-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: the app''s certificate (appCertPublicKey_<app_id>.crt)')
            [CompletionResult]::new('--alipay-cert-file', '--alipay-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: Alipay''s certificate (alipayCertPublicKey_RSA2.crt), whose key verifies answers')
            [CompletionResult]::new('--alipay-root-cert-file', '--alipay-root-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: Alipay''s root certificate bundle (alipayRootCert.crt)')
            [CompletionResult]::new('--key-version', '--key-version', [CompletionResultType]::ParameterName, 'The keyVersion of the Antom / Alipay+ Signature header [default: 1]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of stdout (and of errors on stderr) [default: human]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of stdout (and of errors on stderr) [default: human]')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Remove every stored login of the app, not just the latest')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only the essential result (a signature, a token) on stdout')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only the essential result (a signature, a token) on stdout')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show the steps; -vv traces HTTP with secrets masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show the steps; -vv traces HTTP with secrets masked')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'alipay-oauth;keys' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'A profile of the config file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: the platform config dir, e.g. ~/.config/alipay-oauth/config.toml]')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Which Alipay to talk to: picks the gateway and authorization URLs [default: production]')
            [CompletionResult]::new('--gateway', '--gateway', [CompletionResultType]::ParameterName, 'v2 gateway URL; overrides --env')
            [CompletionResult]::new('--authorize-url', '--authorize-url', [CompletionResultType]::ParameterName, 'Authorization page URL; overrides --env')
            [CompletionResult]::new('--emulator-url', '--emulator-url', [CompletionResultType]::ParameterName, 'Where `--env emulator` finds the emulator (its base URL, e.g. http://127.0.0.1:19300): moves its gateway and authorization URLs at once [default: http://127.0.0.1:9966]')
            [CompletionResult]::new('--app-id', '--app-id', [CompletionResultType]::ParameterName, 'The app id (APPID in the Alipay console)')
            [CompletionResult]::new('--private-key-file', '--private-key-file', [CompletionResultType]::ParameterName, 'App private key, any format (PKCS#1/PKCS#8, PEM/base64/DER); the key text itself may come in ALIPAY_PRIVATE_KEY')
            [CompletionResult]::new('--alipay-public-key-file', '--alipay-public-key-file', [CompletionResultType]::ParameterName, 'Alipay public key (from the console), any format; the key text itself may come in ALIPAY_PUBLIC_KEY')
            [CompletionResult]::new('--sign-type', '--sign-type', [CompletionResultType]::ParameterName, 'Signature algorithm: RSA2 (SHA256withRSA) or RSA (SHA1withRSA, legacy) [default: RSA2]')
            [CompletionResult]::new('--charset', '--charset', [CompletionResultType]::ParameterName, 'Request charset: utf-8 or gbk (gb2312 is an alias) [default: utf-8]')
            [CompletionResult]::new('--token-dir', '--token-dir', [CompletionResultType]::ParameterName, 'Where logins are stored [default: the platform data dir, e.g. ~/.local/share/alipay-oauth/tokens]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection to the gateway')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the gateway''s whole answer')
            [CompletionResult]::new('--app-cert-file', '--app-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: the app''s certificate (appCertPublicKey_<app_id>.crt)')
            [CompletionResult]::new('--alipay-cert-file', '--alipay-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: Alipay''s certificate (alipayCertPublicKey_RSA2.crt), whose key verifies answers')
            [CompletionResult]::new('--alipay-root-cert-file', '--alipay-root-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: Alipay''s root certificate bundle (alipayRootCert.crt)')
            [CompletionResult]::new('--key-version', '--key-version', [CompletionResultType]::ParameterName, 'The keyVersion of the Antom / Alipay+ Signature header [default: 1]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of stdout (and of errors on stderr) [default: human]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of stdout (and of errors on stderr) [default: human]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only the essential result (a signature, a token) on stdout')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only the essential result (a signature, a token) on stdout')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show the steps; -vv traces HTTP with secrets masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show the steps; -vv traces HTTP with secrets masked')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Generate an RSA key pair: the private key to a file (0600), the public key to upload on stdout')
            [CompletionResult]::new('public', 'public', [CompletionResultType]::ParameterValue, 'The public key (SPKI) of a private key, a public key or a certificate')
            [CompletionResult]::new('convert', 'convert', [CompletionResultType]::ParameterValue, 'Convert a key between PKCS#1, PKCS#8 and SPKI, PEM, one-line base64 and DER')
            [CompletionResult]::new('match', 'match', [CompletionResultType]::ParameterValue, 'Does this private key belong to this public key (or certificate)? Exit 0 yes, 6 no')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'What a file holds: kind, format, encoding, bits, SHA-256 fingerprint of the public key')
            [CompletionResult]::new('cert-sn', 'cert-sn', [CompletionResultType]::ParameterValue, 'The SN of a certificate, or with --root the alipay_root_cert_sn of a root bundle')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'alipay-oauth;keys;generate' {
            [CompletionResult]::new('--bits', '--bits', [CompletionResultType]::ParameterName, 'Key size')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Private key structure: pkcs8 (Java SDK, Alipay key tool) or pkcs1 (Python SDK)')
            [CompletionResult]::new('--encoding', '--encoding', [CompletionResultType]::ParameterName, 'PEM, or one-line base64 as the console shows keys')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Where to write the private key')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'A profile of the config file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: the platform config dir, e.g. ~/.config/alipay-oauth/config.toml]')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Which Alipay to talk to: picks the gateway and authorization URLs [default: production]')
            [CompletionResult]::new('--gateway', '--gateway', [CompletionResultType]::ParameterName, 'v2 gateway URL; overrides --env')
            [CompletionResult]::new('--authorize-url', '--authorize-url', [CompletionResultType]::ParameterName, 'Authorization page URL; overrides --env')
            [CompletionResult]::new('--emulator-url', '--emulator-url', [CompletionResultType]::ParameterName, 'Where `--env emulator` finds the emulator (its base URL, e.g. http://127.0.0.1:19300): moves its gateway and authorization URLs at once [default: http://127.0.0.1:9966]')
            [CompletionResult]::new('--app-id', '--app-id', [CompletionResultType]::ParameterName, 'The app id (APPID in the Alipay console)')
            [CompletionResult]::new('--private-key-file', '--private-key-file', [CompletionResultType]::ParameterName, 'App private key, any format (PKCS#1/PKCS#8, PEM/base64/DER); the key text itself may come in ALIPAY_PRIVATE_KEY')
            [CompletionResult]::new('--alipay-public-key-file', '--alipay-public-key-file', [CompletionResultType]::ParameterName, 'Alipay public key (from the console), any format; the key text itself may come in ALIPAY_PUBLIC_KEY')
            [CompletionResult]::new('--sign-type', '--sign-type', [CompletionResultType]::ParameterName, 'Signature algorithm: RSA2 (SHA256withRSA) or RSA (SHA1withRSA, legacy) [default: RSA2]')
            [CompletionResult]::new('--charset', '--charset', [CompletionResultType]::ParameterName, 'Request charset: utf-8 or gbk (gb2312 is an alias) [default: utf-8]')
            [CompletionResult]::new('--token-dir', '--token-dir', [CompletionResultType]::ParameterName, 'Where logins are stored [default: the platform data dir, e.g. ~/.local/share/alipay-oauth/tokens]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection to the gateway')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the gateway''s whole answer')
            [CompletionResult]::new('--app-cert-file', '--app-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: the app''s certificate (appCertPublicKey_<app_id>.crt)')
            [CompletionResult]::new('--alipay-cert-file', '--alipay-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: Alipay''s certificate (alipayCertPublicKey_RSA2.crt), whose key verifies answers')
            [CompletionResult]::new('--alipay-root-cert-file', '--alipay-root-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: Alipay''s root certificate bundle (alipayRootCert.crt)')
            [CompletionResult]::new('--key-version', '--key-version', [CompletionResultType]::ParameterName, 'The keyVersion of the Antom / Alipay+ Signature header [default: 1]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of stdout (and of errors on stderr) [default: human]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of stdout (and of errors on stderr) [default: human]')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace an existing file')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only the essential result (a signature, a token) on stdout')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only the essential result (a signature, a token) on stdout')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show the steps; -vv traces HTTP with secrets masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show the steps; -vv traces HTTP with secrets masked')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'alipay-oauth;keys;public' {
            [CompletionResult]::new('--encoding', '--encoding', [CompletionResultType]::ParameterName, 'PEM, one-line base64 (as the console shows keys) or binary DER')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'A profile of the config file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: the platform config dir, e.g. ~/.config/alipay-oauth/config.toml]')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Which Alipay to talk to: picks the gateway and authorization URLs [default: production]')
            [CompletionResult]::new('--gateway', '--gateway', [CompletionResultType]::ParameterName, 'v2 gateway URL; overrides --env')
            [CompletionResult]::new('--authorize-url', '--authorize-url', [CompletionResultType]::ParameterName, 'Authorization page URL; overrides --env')
            [CompletionResult]::new('--emulator-url', '--emulator-url', [CompletionResultType]::ParameterName, 'Where `--env emulator` finds the emulator (its base URL, e.g. http://127.0.0.1:19300): moves its gateway and authorization URLs at once [default: http://127.0.0.1:9966]')
            [CompletionResult]::new('--app-id', '--app-id', [CompletionResultType]::ParameterName, 'The app id (APPID in the Alipay console)')
            [CompletionResult]::new('--private-key-file', '--private-key-file', [CompletionResultType]::ParameterName, 'App private key, any format (PKCS#1/PKCS#8, PEM/base64/DER); the key text itself may come in ALIPAY_PRIVATE_KEY')
            [CompletionResult]::new('--alipay-public-key-file', '--alipay-public-key-file', [CompletionResultType]::ParameterName, 'Alipay public key (from the console), any format; the key text itself may come in ALIPAY_PUBLIC_KEY')
            [CompletionResult]::new('--sign-type', '--sign-type', [CompletionResultType]::ParameterName, 'Signature algorithm: RSA2 (SHA256withRSA) or RSA (SHA1withRSA, legacy) [default: RSA2]')
            [CompletionResult]::new('--charset', '--charset', [CompletionResultType]::ParameterName, 'Request charset: utf-8 or gbk (gb2312 is an alias) [default: utf-8]')
            [CompletionResult]::new('--token-dir', '--token-dir', [CompletionResultType]::ParameterName, 'Where logins are stored [default: the platform data dir, e.g. ~/.local/share/alipay-oauth/tokens]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection to the gateway')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the gateway''s whole answer')
            [CompletionResult]::new('--app-cert-file', '--app-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: the app''s certificate (appCertPublicKey_<app_id>.crt)')
            [CompletionResult]::new('--alipay-cert-file', '--alipay-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: Alipay''s certificate (alipayCertPublicKey_RSA2.crt), whose key verifies answers')
            [CompletionResult]::new('--alipay-root-cert-file', '--alipay-root-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: Alipay''s root certificate bundle (alipayRootCert.crt)')
            [CompletionResult]::new('--key-version', '--key-version', [CompletionResultType]::ParameterName, 'The keyVersion of the Antom / Alipay+ Signature header [default: 1]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of stdout (and of errors on stderr) [default: human]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of stdout (and of errors on stderr) [default: human]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only the essential result (a signature, a token) on stdout')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only the essential result (a signature, a token) on stdout')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show the steps; -vv traces HTTP with secrets masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show the steps; -vv traces HTTP with secrets masked')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'alipay-oauth;keys;convert' {
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Target structure: pkcs1 or pkcs8 for a private key (pkcs1 for the Python SDK), spki for a public key')
            [CompletionResult]::new('--encoding', '--encoding', [CompletionResultType]::ParameterName, 'PEM, one-line base64 (as the console shows keys) or binary DER')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Write here (mode 0600 for private keys) instead of stdout')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'A profile of the config file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: the platform config dir, e.g. ~/.config/alipay-oauth/config.toml]')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Which Alipay to talk to: picks the gateway and authorization URLs [default: production]')
            [CompletionResult]::new('--gateway', '--gateway', [CompletionResultType]::ParameterName, 'v2 gateway URL; overrides --env')
            [CompletionResult]::new('--authorize-url', '--authorize-url', [CompletionResultType]::ParameterName, 'Authorization page URL; overrides --env')
            [CompletionResult]::new('--emulator-url', '--emulator-url', [CompletionResultType]::ParameterName, 'Where `--env emulator` finds the emulator (its base URL, e.g. http://127.0.0.1:19300): moves its gateway and authorization URLs at once [default: http://127.0.0.1:9966]')
            [CompletionResult]::new('--app-id', '--app-id', [CompletionResultType]::ParameterName, 'The app id (APPID in the Alipay console)')
            [CompletionResult]::new('--private-key-file', '--private-key-file', [CompletionResultType]::ParameterName, 'App private key, any format (PKCS#1/PKCS#8, PEM/base64/DER); the key text itself may come in ALIPAY_PRIVATE_KEY')
            [CompletionResult]::new('--alipay-public-key-file', '--alipay-public-key-file', [CompletionResultType]::ParameterName, 'Alipay public key (from the console), any format; the key text itself may come in ALIPAY_PUBLIC_KEY')
            [CompletionResult]::new('--sign-type', '--sign-type', [CompletionResultType]::ParameterName, 'Signature algorithm: RSA2 (SHA256withRSA) or RSA (SHA1withRSA, legacy) [default: RSA2]')
            [CompletionResult]::new('--charset', '--charset', [CompletionResultType]::ParameterName, 'Request charset: utf-8 or gbk (gb2312 is an alias) [default: utf-8]')
            [CompletionResult]::new('--token-dir', '--token-dir', [CompletionResultType]::ParameterName, 'Where logins are stored [default: the platform data dir, e.g. ~/.local/share/alipay-oauth/tokens]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection to the gateway')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the gateway''s whole answer')
            [CompletionResult]::new('--app-cert-file', '--app-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: the app''s certificate (appCertPublicKey_<app_id>.crt)')
            [CompletionResult]::new('--alipay-cert-file', '--alipay-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: Alipay''s certificate (alipayCertPublicKey_RSA2.crt), whose key verifies answers')
            [CompletionResult]::new('--alipay-root-cert-file', '--alipay-root-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: Alipay''s root certificate bundle (alipayRootCert.crt)')
            [CompletionResult]::new('--key-version', '--key-version', [CompletionResultType]::ParameterName, 'The keyVersion of the Antom / Alipay+ Signature header [default: 1]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of stdout (and of errors on stderr) [default: human]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of stdout (and of errors on stderr) [default: human]')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace an existing --out file')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only the essential result (a signature, a token) on stdout')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only the essential result (a signature, a token) on stdout')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show the steps; -vv traces HTTP with secrets masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show the steps; -vv traces HTTP with secrets masked')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'alipay-oauth;keys;match' {
            [CompletionResult]::new('--public-key-file', '--public-key-file', [CompletionResultType]::ParameterName, 'The public key or certificate to compare with [default: the configured Alipay public key]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'A profile of the config file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: the platform config dir, e.g. ~/.config/alipay-oauth/config.toml]')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Which Alipay to talk to: picks the gateway and authorization URLs [default: production]')
            [CompletionResult]::new('--gateway', '--gateway', [CompletionResultType]::ParameterName, 'v2 gateway URL; overrides --env')
            [CompletionResult]::new('--authorize-url', '--authorize-url', [CompletionResultType]::ParameterName, 'Authorization page URL; overrides --env')
            [CompletionResult]::new('--emulator-url', '--emulator-url', [CompletionResultType]::ParameterName, 'Where `--env emulator` finds the emulator (its base URL, e.g. http://127.0.0.1:19300): moves its gateway and authorization URLs at once [default: http://127.0.0.1:9966]')
            [CompletionResult]::new('--app-id', '--app-id', [CompletionResultType]::ParameterName, 'The app id (APPID in the Alipay console)')
            [CompletionResult]::new('--private-key-file', '--private-key-file', [CompletionResultType]::ParameterName, 'App private key, any format (PKCS#1/PKCS#8, PEM/base64/DER); the key text itself may come in ALIPAY_PRIVATE_KEY')
            [CompletionResult]::new('--alipay-public-key-file', '--alipay-public-key-file', [CompletionResultType]::ParameterName, 'Alipay public key (from the console), any format; the key text itself may come in ALIPAY_PUBLIC_KEY')
            [CompletionResult]::new('--sign-type', '--sign-type', [CompletionResultType]::ParameterName, 'Signature algorithm: RSA2 (SHA256withRSA) or RSA (SHA1withRSA, legacy) [default: RSA2]')
            [CompletionResult]::new('--charset', '--charset', [CompletionResultType]::ParameterName, 'Request charset: utf-8 or gbk (gb2312 is an alias) [default: utf-8]')
            [CompletionResult]::new('--token-dir', '--token-dir', [CompletionResultType]::ParameterName, 'Where logins are stored [default: the platform data dir, e.g. ~/.local/share/alipay-oauth/tokens]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection to the gateway')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the gateway''s whole answer')
            [CompletionResult]::new('--app-cert-file', '--app-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: the app''s certificate (appCertPublicKey_<app_id>.crt)')
            [CompletionResult]::new('--alipay-cert-file', '--alipay-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: Alipay''s certificate (alipayCertPublicKey_RSA2.crt), whose key verifies answers')
            [CompletionResult]::new('--alipay-root-cert-file', '--alipay-root-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: Alipay''s root certificate bundle (alipayRootCert.crt)')
            [CompletionResult]::new('--key-version', '--key-version', [CompletionResultType]::ParameterName, 'The keyVersion of the Antom / Alipay+ Signature header [default: 1]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of stdout (and of errors on stderr) [default: human]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of stdout (and of errors on stderr) [default: human]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only the essential result (a signature, a token) on stdout')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only the essential result (a signature, a token) on stdout')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show the steps; -vv traces HTTP with secrets masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show the steps; -vv traces HTTP with secrets masked')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'alipay-oauth;keys;inspect' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'A profile of the config file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: the platform config dir, e.g. ~/.config/alipay-oauth/config.toml]')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Which Alipay to talk to: picks the gateway and authorization URLs [default: production]')
            [CompletionResult]::new('--gateway', '--gateway', [CompletionResultType]::ParameterName, 'v2 gateway URL; overrides --env')
            [CompletionResult]::new('--authorize-url', '--authorize-url', [CompletionResultType]::ParameterName, 'Authorization page URL; overrides --env')
            [CompletionResult]::new('--emulator-url', '--emulator-url', [CompletionResultType]::ParameterName, 'Where `--env emulator` finds the emulator (its base URL, e.g. http://127.0.0.1:19300): moves its gateway and authorization URLs at once [default: http://127.0.0.1:9966]')
            [CompletionResult]::new('--app-id', '--app-id', [CompletionResultType]::ParameterName, 'The app id (APPID in the Alipay console)')
            [CompletionResult]::new('--private-key-file', '--private-key-file', [CompletionResultType]::ParameterName, 'App private key, any format (PKCS#1/PKCS#8, PEM/base64/DER); the key text itself may come in ALIPAY_PRIVATE_KEY')
            [CompletionResult]::new('--alipay-public-key-file', '--alipay-public-key-file', [CompletionResultType]::ParameterName, 'Alipay public key (from the console), any format; the key text itself may come in ALIPAY_PUBLIC_KEY')
            [CompletionResult]::new('--sign-type', '--sign-type', [CompletionResultType]::ParameterName, 'Signature algorithm: RSA2 (SHA256withRSA) or RSA (SHA1withRSA, legacy) [default: RSA2]')
            [CompletionResult]::new('--charset', '--charset', [CompletionResultType]::ParameterName, 'Request charset: utf-8 or gbk (gb2312 is an alias) [default: utf-8]')
            [CompletionResult]::new('--token-dir', '--token-dir', [CompletionResultType]::ParameterName, 'Where logins are stored [default: the platform data dir, e.g. ~/.local/share/alipay-oauth/tokens]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection to the gateway')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the gateway''s whole answer')
            [CompletionResult]::new('--app-cert-file', '--app-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: the app''s certificate (appCertPublicKey_<app_id>.crt)')
            [CompletionResult]::new('--alipay-cert-file', '--alipay-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: Alipay''s certificate (alipayCertPublicKey_RSA2.crt), whose key verifies answers')
            [CompletionResult]::new('--alipay-root-cert-file', '--alipay-root-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: Alipay''s root certificate bundle (alipayRootCert.crt)')
            [CompletionResult]::new('--key-version', '--key-version', [CompletionResultType]::ParameterName, 'The keyVersion of the Antom / Alipay+ Signature header [default: 1]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of stdout (and of errors on stderr) [default: human]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of stdout (and of errors on stderr) [default: human]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only the essential result (a signature, a token) on stdout')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only the essential result (a signature, a token) on stdout')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show the steps; -vv traces HTTP with secrets masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show the steps; -vv traces HTTP with secrets masked')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'alipay-oauth;keys;cert-sn' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'A profile of the config file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: the platform config dir, e.g. ~/.config/alipay-oauth/config.toml]')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Which Alipay to talk to: picks the gateway and authorization URLs [default: production]')
            [CompletionResult]::new('--gateway', '--gateway', [CompletionResultType]::ParameterName, 'v2 gateway URL; overrides --env')
            [CompletionResult]::new('--authorize-url', '--authorize-url', [CompletionResultType]::ParameterName, 'Authorization page URL; overrides --env')
            [CompletionResult]::new('--emulator-url', '--emulator-url', [CompletionResultType]::ParameterName, 'Where `--env emulator` finds the emulator (its base URL, e.g. http://127.0.0.1:19300): moves its gateway and authorization URLs at once [default: http://127.0.0.1:9966]')
            [CompletionResult]::new('--app-id', '--app-id', [CompletionResultType]::ParameterName, 'The app id (APPID in the Alipay console)')
            [CompletionResult]::new('--private-key-file', '--private-key-file', [CompletionResultType]::ParameterName, 'App private key, any format (PKCS#1/PKCS#8, PEM/base64/DER); the key text itself may come in ALIPAY_PRIVATE_KEY')
            [CompletionResult]::new('--alipay-public-key-file', '--alipay-public-key-file', [CompletionResultType]::ParameterName, 'Alipay public key (from the console), any format; the key text itself may come in ALIPAY_PUBLIC_KEY')
            [CompletionResult]::new('--sign-type', '--sign-type', [CompletionResultType]::ParameterName, 'Signature algorithm: RSA2 (SHA256withRSA) or RSA (SHA1withRSA, legacy) [default: RSA2]')
            [CompletionResult]::new('--charset', '--charset', [CompletionResultType]::ParameterName, 'Request charset: utf-8 or gbk (gb2312 is an alias) [default: utf-8]')
            [CompletionResult]::new('--token-dir', '--token-dir', [CompletionResultType]::ParameterName, 'Where logins are stored [default: the platform data dir, e.g. ~/.local/share/alipay-oauth/tokens]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection to the gateway')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the gateway''s whole answer')
            [CompletionResult]::new('--app-cert-file', '--app-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: the app''s certificate (appCertPublicKey_<app_id>.crt)')
            [CompletionResult]::new('--alipay-cert-file', '--alipay-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: Alipay''s certificate (alipayCertPublicKey_RSA2.crt), whose key verifies answers')
            [CompletionResult]::new('--alipay-root-cert-file', '--alipay-root-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: Alipay''s root certificate bundle (alipayRootCert.crt)')
            [CompletionResult]::new('--key-version', '--key-version', [CompletionResultType]::ParameterName, 'The keyVersion of the Antom / Alipay+ Signature header [default: 1]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of stdout (and of errors on stderr) [default: human]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of stdout (and of errors on stderr) [default: human]')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'FILE is Alipay''s root bundle (alipayRootCert.crt): print the alipay_root_cert_sn made from its RSA certificates')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only the essential result (a signature, a token) on stdout')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only the essential result (a signature, a token) on stdout')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show the steps; -vv traces HTTP with secrets masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show the steps; -vv traces HTTP with secrets masked')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'alipay-oauth;keys;help' {
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Generate an RSA key pair: the private key to a file (0600), the public key to upload on stdout')
            [CompletionResult]::new('public', 'public', [CompletionResultType]::ParameterValue, 'The public key (SPKI) of a private key, a public key or a certificate')
            [CompletionResult]::new('convert', 'convert', [CompletionResultType]::ParameterValue, 'Convert a key between PKCS#1, PKCS#8 and SPKI, PEM, one-line base64 and DER')
            [CompletionResult]::new('match', 'match', [CompletionResultType]::ParameterValue, 'Does this private key belong to this public key (or certificate)? Exit 0 yes, 6 no')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'What a file holds: kind, format, encoding, bits, SHA-256 fingerprint of the public key')
            [CompletionResult]::new('cert-sn', 'cert-sn', [CompletionResultType]::ParameterValue, 'The SN of a certificate, or with --root the alipay_root_cert_sn of a root bundle')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'alipay-oauth;keys;help;generate' {
            break
        }
        'alipay-oauth;keys;help;public' {
            break
        }
        'alipay-oauth;keys;help;convert' {
            break
        }
        'alipay-oauth;keys;help;match' {
            break
        }
        'alipay-oauth;keys;help;inspect' {
            break
        }
        'alipay-oauth;keys;help;cert-sn' {
            break
        }
        'alipay-oauth;keys;help;help' {
            break
        }
        'alipay-oauth;emulator' {
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Port to listen on (0: any free port) [default: 9966]')
            [CompletionResult]::new('--bind', '--bind', [CompletionResultType]::ParameterName, 'Address to listen on; anything but loopback exposes the emulator to the network')
            [CompletionResult]::new('--app-public-key-file', '--app-public-key-file', [CompletionResultType]::ParameterName, 'The app''s public key (the app id comes from --app-id, default 2021000000000000)')
            [CompletionResult]::new('--generate-app-key', '--generate-app-key', [CompletionResultType]::ParameterName, 'Make a fresh app key pair: write the private key here (mode 0600) and register its public key')
            [CompletionResult]::new('--apps-file', '--apps-file', [CompletionResultType]::ParameterName, 'A TOML file registering several apps ([[apps]] with app_id, public_key_file, redirect_domains, id_mode, member_info, group, name)')
            [CompletionResult]::new('--alipay-private-key-file', '--alipay-private-key-file', [CompletionResultType]::ParameterName, 'Alipay''s private key to sign with [default: a fresh one]')
            [CompletionResult]::new('--alipay-public-key-out', '--alipay-public-key-out', [CompletionResultType]::ParameterName, 'Write the Alipay public key (PEM) here, for clients to verify with')
            [CompletionResult]::new('--redirect-domain', '--redirect-domain', [CompletionResultType]::ParameterName, 'The app''s authorization callback domain (repeatable); loopback hosts are always allowed')
            [CompletionResult]::new('--id-mode', '--id-mode', [CompletionResultType]::ParameterName, 'Which user ids the app receives: open_id (apps since 2023), user_id (older apps), or both')
            [CompletionResult]::new('--code-ttl', '--code-ttl', [CompletionResultType]::ParameterName, 'Lifetime of auth codes, in seconds')
            [CompletionResult]::new('--token-ttl', '--token-ttl', [CompletionResultType]::ParameterName, 'Lifetime of access tokens, in seconds')
            [CompletionResult]::new('--refresh-ttl', '--refresh-ttl', [CompletionResultType]::ParameterName, 'Lifetime of refresh tokens, in seconds')
            [CompletionResult]::new('--timestamp-window', '--timestamp-window', [CompletionResultType]::ParameterName, 'How far request timestamps may be from Beijing time, in seconds')
            [CompletionResult]::new('--fault', '--fault', [CompletionResultType]::ParameterName, 'A fault for the next gateway responses (repeatable): error:SUB_CODE, delay:MILLIS, tamper, wrong-key, unsigned, http:STATUS, truncate or wrong-cert-sn (certificate mode: the answer names another Alipay certificate), with an optional /COUNT')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Worker threads (1 to 256)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Serve https: issue a throwaway CA and a certificate for localhost, 127.0.0.1 and ::1, and write the CA to DIR/ca.pem for clients (SSL_CERT_FILE=DIR/ca.pem). The server''s key never leaves memory. The -o json start-up line gains "tls": {"ca_file": PATH}')
            [CompletionResult]::new('--idle-timeout', '--idle-timeout', [CompletionResultType]::ParameterName, 'Close a connection that starts no request for this long, in seconds')
            [CompletionResult]::new('--header-timeout', '--header-timeout', [CompletionResultType]::ParameterName, 'Close a connection whose request head (line and headers) takes longer, in seconds')
            [CompletionResult]::new('--body-timeout', '--body-timeout', [CompletionResultType]::ParameterName, 'Answer 408 when a request body takes longer to arrive, in seconds')
            [CompletionResult]::new('--max-connections', '--max-connections', [CompletionResultType]::ParameterName, 'Connections open at once; more are answered 503 and closed')
            [CompletionResult]::new('--cert-dir', '--cert-dir', [CompletionResultType]::ParameterName, 'Public-key-certificate mode: issue a root CA and certificates for Alipay and each app, write them here (alipayRootCert.crt, alipayCertPublicKey_RSA2.crt, appCertPublicKey_<app_id>.crt), and require app_cert_sn / alipay_root_cert_sn')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'A profile of the config file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: the platform config dir, e.g. ~/.config/alipay-oauth/config.toml]')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Which Alipay to talk to: picks the gateway and authorization URLs [default: production]')
            [CompletionResult]::new('--gateway', '--gateway', [CompletionResultType]::ParameterName, 'v2 gateway URL; overrides --env')
            [CompletionResult]::new('--authorize-url', '--authorize-url', [CompletionResultType]::ParameterName, 'Authorization page URL; overrides --env')
            [CompletionResult]::new('--emulator-url', '--emulator-url', [CompletionResultType]::ParameterName, 'Where `--env emulator` finds the emulator (its base URL, e.g. http://127.0.0.1:19300): moves its gateway and authorization URLs at once [default: http://127.0.0.1:9966]')
            [CompletionResult]::new('--app-id', '--app-id', [CompletionResultType]::ParameterName, 'The app id (APPID in the Alipay console)')
            [CompletionResult]::new('--private-key-file', '--private-key-file', [CompletionResultType]::ParameterName, 'App private key, any format (PKCS#1/PKCS#8, PEM/base64/DER); the key text itself may come in ALIPAY_PRIVATE_KEY')
            [CompletionResult]::new('--alipay-public-key-file', '--alipay-public-key-file', [CompletionResultType]::ParameterName, 'Alipay public key (from the console), any format; the key text itself may come in ALIPAY_PUBLIC_KEY')
            [CompletionResult]::new('--sign-type', '--sign-type', [CompletionResultType]::ParameterName, 'Signature algorithm: RSA2 (SHA256withRSA) or RSA (SHA1withRSA, legacy) [default: RSA2]')
            [CompletionResult]::new('--charset', '--charset', [CompletionResultType]::ParameterName, 'Request charset: utf-8 or gbk (gb2312 is an alias) [default: utf-8]')
            [CompletionResult]::new('--token-dir', '--token-dir', [CompletionResultType]::ParameterName, 'Where logins are stored [default: the platform data dir, e.g. ~/.local/share/alipay-oauth/tokens]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection to the gateway')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the gateway''s whole answer')
            [CompletionResult]::new('--app-cert-file', '--app-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: the app''s certificate (appCertPublicKey_<app_id>.crt)')
            [CompletionResult]::new('--alipay-cert-file', '--alipay-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: Alipay''s certificate (alipayCertPublicKey_RSA2.crt), whose key verifies answers')
            [CompletionResult]::new('--alipay-root-cert-file', '--alipay-root-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: Alipay''s root certificate bundle (alipayRootCert.crt)')
            [CompletionResult]::new('--key-version', '--key-version', [CompletionResultType]::ParameterName, 'The keyVersion of the Antom / Alipay+ Signature header [default: 1]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of stdout (and of errors on stderr) [default: human]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of stdout (and of errors on stderr) [default: human]')
            [CompletionResult]::new('--auto-approve', '--auto-approve', [CompletionResultType]::ParameterName, 'Approve every authorization at once as the first test user (for CI)')
            [CompletionResult]::new('--strict-redirects', '--strict-redirects', [CompletionResultType]::ParameterName, 'Refuse loopback redirect URIs unless their host is a --redirect-domain (as Alipay does)')
            [CompletionResult]::new('--no-member-info', '--no-member-info', [CompletionResultType]::ParameterName, 'The app lacks the member-info capability (user info answers isv.insufficient-isv-permissions)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only the essential result (a signature, a token) on stdout')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only the essential result (a signature, a token) on stdout')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show the steps; -vv traces HTTP with secrets masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show the steps; -vv traces HTTP with secrets masked')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'alipay-oauth;doctor' {
            [CompletionResult]::new('--app-public-key-file', '--app-public-key-file', [CompletionResultType]::ParameterName, 'The app public key uploaded to the console, to check it matches the private key')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'A profile of the config file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: the platform config dir, e.g. ~/.config/alipay-oauth/config.toml]')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Which Alipay to talk to: picks the gateway and authorization URLs [default: production]')
            [CompletionResult]::new('--gateway', '--gateway', [CompletionResultType]::ParameterName, 'v2 gateway URL; overrides --env')
            [CompletionResult]::new('--authorize-url', '--authorize-url', [CompletionResultType]::ParameterName, 'Authorization page URL; overrides --env')
            [CompletionResult]::new('--emulator-url', '--emulator-url', [CompletionResultType]::ParameterName, 'Where `--env emulator` finds the emulator (its base URL, e.g. http://127.0.0.1:19300): moves its gateway and authorization URLs at once [default: http://127.0.0.1:9966]')
            [CompletionResult]::new('--app-id', '--app-id', [CompletionResultType]::ParameterName, 'The app id (APPID in the Alipay console)')
            [CompletionResult]::new('--private-key-file', '--private-key-file', [CompletionResultType]::ParameterName, 'App private key, any format (PKCS#1/PKCS#8, PEM/base64/DER); the key text itself may come in ALIPAY_PRIVATE_KEY')
            [CompletionResult]::new('--alipay-public-key-file', '--alipay-public-key-file', [CompletionResultType]::ParameterName, 'Alipay public key (from the console), any format; the key text itself may come in ALIPAY_PUBLIC_KEY')
            [CompletionResult]::new('--sign-type', '--sign-type', [CompletionResultType]::ParameterName, 'Signature algorithm: RSA2 (SHA256withRSA) or RSA (SHA1withRSA, legacy) [default: RSA2]')
            [CompletionResult]::new('--charset', '--charset', [CompletionResultType]::ParameterName, 'Request charset: utf-8 or gbk (gb2312 is an alias) [default: utf-8]')
            [CompletionResult]::new('--token-dir', '--token-dir', [CompletionResultType]::ParameterName, 'Where logins are stored [default: the platform data dir, e.g. ~/.local/share/alipay-oauth/tokens]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection to the gateway')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the gateway''s whole answer')
            [CompletionResult]::new('--app-cert-file', '--app-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: the app''s certificate (appCertPublicKey_<app_id>.crt)')
            [CompletionResult]::new('--alipay-cert-file', '--alipay-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: Alipay''s certificate (alipayCertPublicKey_RSA2.crt), whose key verifies answers')
            [CompletionResult]::new('--alipay-root-cert-file', '--alipay-root-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: Alipay''s root certificate bundle (alipayRootCert.crt)')
            [CompletionResult]::new('--key-version', '--key-version', [CompletionResultType]::ParameterName, 'The keyVersion of the Antom / Alipay+ Signature header [default: 1]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of stdout (and of errors on stderr) [default: human]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of stdout (and of errors on stderr) [default: human]')
            [CompletionResult]::new('--live', '--live', [CompletionResultType]::ParameterName, 'Also call alipay.system.oauth.token with a dummy code: isv.code-invalid proves the app id and signature are right')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only the essential result (a signature, a token) on stdout')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only the essential result (a signature, a token) on stdout')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show the steps; -vv traces HTTP with secrets masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show the steps; -vv traces HTTP with secrets masked')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'alipay-oauth;demo' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'A profile of the config file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: the platform config dir, e.g. ~/.config/alipay-oauth/config.toml]')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Which Alipay to talk to: picks the gateway and authorization URLs [default: production]')
            [CompletionResult]::new('--gateway', '--gateway', [CompletionResultType]::ParameterName, 'v2 gateway URL; overrides --env')
            [CompletionResult]::new('--authorize-url', '--authorize-url', [CompletionResultType]::ParameterName, 'Authorization page URL; overrides --env')
            [CompletionResult]::new('--emulator-url', '--emulator-url', [CompletionResultType]::ParameterName, 'Where `--env emulator` finds the emulator (its base URL, e.g. http://127.0.0.1:19300): moves its gateway and authorization URLs at once [default: http://127.0.0.1:9966]')
            [CompletionResult]::new('--app-id', '--app-id', [CompletionResultType]::ParameterName, 'The app id (APPID in the Alipay console)')
            [CompletionResult]::new('--private-key-file', '--private-key-file', [CompletionResultType]::ParameterName, 'App private key, any format (PKCS#1/PKCS#8, PEM/base64/DER); the key text itself may come in ALIPAY_PRIVATE_KEY')
            [CompletionResult]::new('--alipay-public-key-file', '--alipay-public-key-file', [CompletionResultType]::ParameterName, 'Alipay public key (from the console), any format; the key text itself may come in ALIPAY_PUBLIC_KEY')
            [CompletionResult]::new('--sign-type', '--sign-type', [CompletionResultType]::ParameterName, 'Signature algorithm: RSA2 (SHA256withRSA) or RSA (SHA1withRSA, legacy) [default: RSA2]')
            [CompletionResult]::new('--charset', '--charset', [CompletionResultType]::ParameterName, 'Request charset: utf-8 or gbk (gb2312 is an alias) [default: utf-8]')
            [CompletionResult]::new('--token-dir', '--token-dir', [CompletionResultType]::ParameterName, 'Where logins are stored [default: the platform data dir, e.g. ~/.local/share/alipay-oauth/tokens]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection to the gateway')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the gateway''s whole answer')
            [CompletionResult]::new('--app-cert-file', '--app-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: the app''s certificate (appCertPublicKey_<app_id>.crt)')
            [CompletionResult]::new('--alipay-cert-file', '--alipay-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: Alipay''s certificate (alipayCertPublicKey_RSA2.crt), whose key verifies answers')
            [CompletionResult]::new('--alipay-root-cert-file', '--alipay-root-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: Alipay''s root certificate bundle (alipayRootCert.crt)')
            [CompletionResult]::new('--key-version', '--key-version', [CompletionResultType]::ParameterName, 'The keyVersion of the Antom / Alipay+ Signature header [default: 1]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of stdout (and of errors on stderr) [default: human]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of stdout (and of errors on stderr) [default: human]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only the essential result (a signature, a token) on stdout')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only the essential result (a signature, a token) on stdout')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show the steps; -vv traces HTTP with secrets masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show the steps; -vv traces HTTP with secrets masked')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'alipay-oauth;completions' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'A profile of the config file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: the platform config dir, e.g. ~/.config/alipay-oauth/config.toml]')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Which Alipay to talk to: picks the gateway and authorization URLs [default: production]')
            [CompletionResult]::new('--gateway', '--gateway', [CompletionResultType]::ParameterName, 'v2 gateway URL; overrides --env')
            [CompletionResult]::new('--authorize-url', '--authorize-url', [CompletionResultType]::ParameterName, 'Authorization page URL; overrides --env')
            [CompletionResult]::new('--emulator-url', '--emulator-url', [CompletionResultType]::ParameterName, 'Where `--env emulator` finds the emulator (its base URL, e.g. http://127.0.0.1:19300): moves its gateway and authorization URLs at once [default: http://127.0.0.1:9966]')
            [CompletionResult]::new('--app-id', '--app-id', [CompletionResultType]::ParameterName, 'The app id (APPID in the Alipay console)')
            [CompletionResult]::new('--private-key-file', '--private-key-file', [CompletionResultType]::ParameterName, 'App private key, any format (PKCS#1/PKCS#8, PEM/base64/DER); the key text itself may come in ALIPAY_PRIVATE_KEY')
            [CompletionResult]::new('--alipay-public-key-file', '--alipay-public-key-file', [CompletionResultType]::ParameterName, 'Alipay public key (from the console), any format; the key text itself may come in ALIPAY_PUBLIC_KEY')
            [CompletionResult]::new('--sign-type', '--sign-type', [CompletionResultType]::ParameterName, 'Signature algorithm: RSA2 (SHA256withRSA) or RSA (SHA1withRSA, legacy) [default: RSA2]')
            [CompletionResult]::new('--charset', '--charset', [CompletionResultType]::ParameterName, 'Request charset: utf-8 or gbk (gb2312 is an alias) [default: utf-8]')
            [CompletionResult]::new('--token-dir', '--token-dir', [CompletionResultType]::ParameterName, 'Where logins are stored [default: the platform data dir, e.g. ~/.local/share/alipay-oauth/tokens]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection to the gateway')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the gateway''s whole answer')
            [CompletionResult]::new('--app-cert-file', '--app-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: the app''s certificate (appCertPublicKey_<app_id>.crt)')
            [CompletionResult]::new('--alipay-cert-file', '--alipay-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: Alipay''s certificate (alipayCertPublicKey_RSA2.crt), whose key verifies answers')
            [CompletionResult]::new('--alipay-root-cert-file', '--alipay-root-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: Alipay''s root certificate bundle (alipayRootCert.crt)')
            [CompletionResult]::new('--key-version', '--key-version', [CompletionResultType]::ParameterName, 'The keyVersion of the Antom / Alipay+ Signature header [default: 1]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of stdout (and of errors on stderr) [default: human]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of stdout (and of errors on stderr) [default: human]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only the essential result (a signature, a token) on stdout')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only the essential result (a signature, a token) on stdout')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show the steps; -vv traces HTTP with secrets masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show the steps; -vv traces HTTP with secrets masked')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'alipay-oauth;man' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'A profile of the config file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: the platform config dir, e.g. ~/.config/alipay-oauth/config.toml]')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Which Alipay to talk to: picks the gateway and authorization URLs [default: production]')
            [CompletionResult]::new('--gateway', '--gateway', [CompletionResultType]::ParameterName, 'v2 gateway URL; overrides --env')
            [CompletionResult]::new('--authorize-url', '--authorize-url', [CompletionResultType]::ParameterName, 'Authorization page URL; overrides --env')
            [CompletionResult]::new('--emulator-url', '--emulator-url', [CompletionResultType]::ParameterName, 'Where `--env emulator` finds the emulator (its base URL, e.g. http://127.0.0.1:19300): moves its gateway and authorization URLs at once [default: http://127.0.0.1:9966]')
            [CompletionResult]::new('--app-id', '--app-id', [CompletionResultType]::ParameterName, 'The app id (APPID in the Alipay console)')
            [CompletionResult]::new('--private-key-file', '--private-key-file', [CompletionResultType]::ParameterName, 'App private key, any format (PKCS#1/PKCS#8, PEM/base64/DER); the key text itself may come in ALIPAY_PRIVATE_KEY')
            [CompletionResult]::new('--alipay-public-key-file', '--alipay-public-key-file', [CompletionResultType]::ParameterName, 'Alipay public key (from the console), any format; the key text itself may come in ALIPAY_PUBLIC_KEY')
            [CompletionResult]::new('--sign-type', '--sign-type', [CompletionResultType]::ParameterName, 'Signature algorithm: RSA2 (SHA256withRSA) or RSA (SHA1withRSA, legacy) [default: RSA2]')
            [CompletionResult]::new('--charset', '--charset', [CompletionResultType]::ParameterName, 'Request charset: utf-8 or gbk (gb2312 is an alias) [default: utf-8]')
            [CompletionResult]::new('--token-dir', '--token-dir', [CompletionResultType]::ParameterName, 'Where logins are stored [default: the platform data dir, e.g. ~/.local/share/alipay-oauth/tokens]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection to the gateway')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the gateway''s whole answer')
            [CompletionResult]::new('--app-cert-file', '--app-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: the app''s certificate (appCertPublicKey_<app_id>.crt)')
            [CompletionResult]::new('--alipay-cert-file', '--alipay-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: Alipay''s certificate (alipayCertPublicKey_RSA2.crt), whose key verifies answers')
            [CompletionResult]::new('--alipay-root-cert-file', '--alipay-root-cert-file', [CompletionResultType]::ParameterName, 'Certificate mode: Alipay''s root certificate bundle (alipayRootCert.crt)')
            [CompletionResult]::new('--key-version', '--key-version', [CompletionResultType]::ParameterName, 'The keyVersion of the Antom / Alipay+ Signature header [default: 1]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of stdout (and of errors on stderr) [default: human]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of stdout (and of errors on stderr) [default: human]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only the essential result (a signature, a token) on stdout')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only the essential result (a signature, a token) on stdout')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show the steps; -vv traces HTTP with secrets masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show the steps; -vv traces HTTP with secrets masked')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'alipay-oauth;help' {
            [CompletionResult]::new('sign', 'sign', [CompletionResultType]::ParameterValue, 'Sign parameters the way the gateway expects, and show exactly what was signed')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check a signature: a gateway response, a notification, or content by hand')
            [CompletionResult]::new('authorize', 'authorize', [CompletionResultType]::ParameterValue, 'Log in through the browser: open the authorization page, catch the callback on a loopback listener (or take a pasted URL), check state, exchange the code')
            [CompletionResult]::new('exchange', 'exchange', [CompletionResultType]::ParameterValue, 'Exchange an auth code or a refresh token for tokens (alipay.system.oauth.token)')
            [CompletionResult]::new('userinfo', 'userinfo', [CompletionResultType]::ParameterValue, 'Fetch the user of an access token (alipay.user.info.share)')
            [CompletionResult]::new('call', 'call', [CompletionResultType]::ParameterValue, 'Call any API: signed, sent, and the answer verified (a v2 gateway method, or OpenAPI v3)')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Print a valid access token of the stored login and nothing else, refreshing it (under the store lock) only when it expires soon')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show each stored login: environment, app, subject, token expiry, scope. Exit 5 when none is usable')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show the effective settings and where each came from (secrets redacted)')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Remove stored tokens')
            [CompletionResult]::new('keys', 'keys', [CompletionResultType]::ParameterValue, 'Generate, convert, inspect and match keys; certificate serial numbers')
            [CompletionResult]::new('emulator', 'emulator', [CompletionResultType]::ParameterValue, 'Run a local Alipay (authorization page and gateway) for offline use and tests')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check the configuration: keys, key pairs, sign type, clock, gateway, and with --live a real call')
            [CompletionResult]::new('demo', 'demo', [CompletionResultType]::ParameterValue, 'Run the whole login flow against a built-in emulator, showing every step')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print the completion script for a shell (the generated scripts are in completions/)')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'alipay-oauth;help;sign' {
            break
        }
        'alipay-oauth;help;verify' {
            [CompletionResult]::new('response', 'response', [CompletionResultType]::ParameterValue, 'Verify a raw gateway response body, exactly as received')
            [CompletionResult]::new('notify', 'notify', [CompletionResultType]::ParameterValue, 'Verify notification or return-URL parameters (form-encoded or a JSON object)')
            [CompletionResult]::new('header', 'header', [CompletionResultType]::ParameterValue, 'Verify an Antom / Alipay+ signature: an answer (Response-Time) or a notification')
            [CompletionResult]::new('v3', 'v3', [CompletionResultType]::ParameterValue, 'Verify an OpenAPI v3 answer from its alipay-timestamp, alipay-nonce and alipay-signature headers and raw body')
            [CompletionResult]::new('raw', 'raw', [CompletionResultType]::ParameterValue, 'Verify a signature over content given by hand (the file''s exact bytes)')
            break
        }
        'alipay-oauth;help;verify;response' {
            break
        }
        'alipay-oauth;help;verify;notify' {
            break
        }
        'alipay-oauth;help;verify;header' {
            break
        }
        'alipay-oauth;help;verify;v3' {
            break
        }
        'alipay-oauth;help;verify;raw' {
            break
        }
        'alipay-oauth;help;authorize' {
            break
        }
        'alipay-oauth;help;exchange' {
            break
        }
        'alipay-oauth;help;userinfo' {
            break
        }
        'alipay-oauth;help;call' {
            break
        }
        'alipay-oauth;help;token' {
            break
        }
        'alipay-oauth;help;status' {
            break
        }
        'alipay-oauth;help;config' {
            break
        }
        'alipay-oauth;help;logout' {
            break
        }
        'alipay-oauth;help;keys' {
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Generate an RSA key pair: the private key to a file (0600), the public key to upload on stdout')
            [CompletionResult]::new('public', 'public', [CompletionResultType]::ParameterValue, 'The public key (SPKI) of a private key, a public key or a certificate')
            [CompletionResult]::new('convert', 'convert', [CompletionResultType]::ParameterValue, 'Convert a key between PKCS#1, PKCS#8 and SPKI, PEM, one-line base64 and DER')
            [CompletionResult]::new('match', 'match', [CompletionResultType]::ParameterValue, 'Does this private key belong to this public key (or certificate)? Exit 0 yes, 6 no')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'What a file holds: kind, format, encoding, bits, SHA-256 fingerprint of the public key')
            [CompletionResult]::new('cert-sn', 'cert-sn', [CompletionResultType]::ParameterValue, 'The SN of a certificate, or with --root the alipay_root_cert_sn of a root bundle')
            break
        }
        'alipay-oauth;help;keys;generate' {
            break
        }
        'alipay-oauth;help;keys;public' {
            break
        }
        'alipay-oauth;help;keys;convert' {
            break
        }
        'alipay-oauth;help;keys;match' {
            break
        }
        'alipay-oauth;help;keys;inspect' {
            break
        }
        'alipay-oauth;help;keys;cert-sn' {
            break
        }
        'alipay-oauth;help;emulator' {
            break
        }
        'alipay-oauth;help;doctor' {
            break
        }
        'alipay-oauth;help;demo' {
            break
        }
        'alipay-oauth;help;completions' {
            break
        }
        'alipay-oauth;help;man' {
            break
        }
        'alipay-oauth;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}

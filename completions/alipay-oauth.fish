# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_alipay_oauth_global_optspecs
    string join \n profile= config= env= gateway= authorize-url= emulator-url= app-id= private-key-file= alipay-public-key-file= sign-type= charset= token-dir= connect-timeout= request-timeout= app-cert-file= alipay-cert-file= alipay-root-cert-file= family= region= customer-belongs-to= auth-client-id= key-version= o/output= q/quiet v/verbose h/help V/version
end

function __fish_alipay_oauth_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_alipay_oauth_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_alipay_oauth_using_subcommand
    set -l cmd (__fish_alipay_oauth_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c alipay-oauth -n "__fish_alipay_oauth_needs_command" -l profile -d 'A profile of the config file' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_needs_command" -l config -d 'Config file [default: the platform config dir, e.g. ~/.config/alipay-oauth/config.toml]' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_needs_command" -l env -d 'Which Alipay to talk to: picks the gateway and authorization URLs [default: production]' -r -f -a "production\t''
sandbox\t''
global\t''
emulator\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_needs_command" -l gateway -d 'v2 gateway URL; overrides --env' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_needs_command" -l authorize-url -d 'Authorization page URL; overrides --env' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_needs_command" -l emulator-url -d 'Where `--env emulator` finds the emulator (its base URL, e.g. http://127.0.0.1:19300): moves its gateway and authorization URLs at once [default: http://127.0.0.1:9966]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_needs_command" -l app-id -d 'The app id (APPID in the Alipay console)' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_needs_command" -l private-key-file -d 'App private key, any format (PKCS#1/PKCS#8, PEM/base64/DER); the key text itself may come in ALIPAY_PRIVATE_KEY' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_needs_command" -l alipay-public-key-file -d 'Alipay public key (from the console), any format; the key text itself may come in ALIPAY_PUBLIC_KEY' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_needs_command" -l sign-type -d 'Signature algorithm: RSA2 (SHA256withRSA) or RSA (SHA1withRSA, legacy) [default: RSA2]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_needs_command" -l charset -d 'Request charset: utf-8 or gbk (gb2312 is an alias) [default: utf-8]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_needs_command" -l token-dir -d 'Where logins are stored [default: the platform data dir, e.g. ~/.local/share/alipay-oauth/tokens]' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_needs_command" -l connect-timeout -d 'Seconds to wait for a connection to the gateway' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_needs_command" -l request-timeout -d 'Seconds to wait for the gateway\'s whole answer' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_needs_command" -l app-cert-file -d 'Certificate mode: the app\'s certificate (appCertPublicKey_<app_id>.crt)' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_needs_command" -l alipay-cert-file -d 'Certificate mode: Alipay\'s certificate (alipayCertPublicKey_RSA2.crt), whose key verifies answers' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_needs_command" -l alipay-root-cert-file -d 'Certificate mode: Alipay\'s root certificate bundle (alipayRootCert.crt)' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_needs_command" -l family -d 'The protocol family: alipay (the Open Platform v2 gateway of China and Global), antom (Antom, /ams/api) or alipayplus (Alipay+, /aps/api) [default: alipay]' -r -f -a "alipay\t''
antom\t''
alipayplus\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_needs_command" -l region -d 'The Antom / Alipay+ domain: sea, na or eu (Antom only) [default: sea]; --gateway overrides it' -r -f -a "sea\t''
na\t''
eu\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_needs_command" -l customer-belongs-to -d 'Antom\'s wallet, customerBelongsTo [default: ALIPAY_CN]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_needs_command" -l auth-client-id -d 'Alipay+\'s authClientId' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_needs_command" -l key-version -d 'The keyVersion of the Antom / Alipay+ Signature header [default: 1]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_needs_command" -s o -l output -d 'Output format of stdout (and of errors on stderr) [default: human]' -r -f -a "human\t''
json\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_needs_command" -s q -l quiet -d 'Only the essential result (a signature, a token) on stdout'
complete -c alipay-oauth -n "__fish_alipay_oauth_needs_command" -s v -l verbose -d 'Show the steps; -vv traces HTTP with secrets masked'
complete -c alipay-oauth -n "__fish_alipay_oauth_needs_command" -s h -l help -d 'Print help'
complete -c alipay-oauth -n "__fish_alipay_oauth_needs_command" -s V -l version -d 'Print version'
complete -c alipay-oauth -n "__fish_alipay_oauth_needs_command" -f -a "sign" -d 'Sign parameters the way the gateway expects, and show exactly what was signed'
complete -c alipay-oauth -n "__fish_alipay_oauth_needs_command" -f -a "verify" -d 'Check a signature: a gateway response, a notification, or content by hand'
complete -c alipay-oauth -n "__fish_alipay_oauth_needs_command" -f -a "authorize" -d 'Log in through the browser: open the authorization page, catch the callback on a loopback listener (or take a pasted URL), check state, exchange the code'
complete -c alipay-oauth -n "__fish_alipay_oauth_needs_command" -f -a "exchange" -d 'Exchange an auth code or a refresh token for tokens (alipay.system.oauth.token)'
complete -c alipay-oauth -n "__fish_alipay_oauth_needs_command" -f -a "userinfo" -d 'Fetch the user of an access token (alipay.user.info.share)'
complete -c alipay-oauth -n "__fish_alipay_oauth_needs_command" -f -a "call" -d 'Call any API: signed, sent, and the answer verified (a v2 gateway method, or OpenAPI v3)'
complete -c alipay-oauth -n "__fish_alipay_oauth_needs_command" -f -a "token" -d 'Print a valid access token of the stored login and nothing else, refreshing it (under the store lock) only when it expires soon'
complete -c alipay-oauth -n "__fish_alipay_oauth_needs_command" -f -a "status" -d 'Show each stored login: environment, app, subject, token expiry, scope. Exit 5 when none is usable'
complete -c alipay-oauth -n "__fish_alipay_oauth_needs_command" -f -a "config" -d 'Show the effective settings and where each came from (secrets redacted)'
complete -c alipay-oauth -n "__fish_alipay_oauth_needs_command" -f -a "logout" -d 'Remove stored tokens'
complete -c alipay-oauth -n "__fish_alipay_oauth_needs_command" -f -a "keys" -d 'Generate, convert, inspect and match keys; certificate serial numbers'
complete -c alipay-oauth -n "__fish_alipay_oauth_needs_command" -f -a "emulator" -d 'Run a local Alipay (authorization page and gateway) for offline use and tests'
complete -c alipay-oauth -n "__fish_alipay_oauth_needs_command" -f -a "proxy" -d 'Sit between your application and the gateway: forward every request and answer unchanged, and check each signature on the way (with a diagnosis when one fails)'
complete -c alipay-oauth -n "__fish_alipay_oauth_needs_command" -f -a "doctor" -d 'Check the configuration: keys, key pairs, sign type, clock, gateway, and with --live a real call'
complete -c alipay-oauth -n "__fish_alipay_oauth_needs_command" -f -a "demo" -d 'Run the whole login flow against a built-in emulator, showing every step'
complete -c alipay-oauth -n "__fish_alipay_oauth_needs_command" -f -a "completions" -d 'Print the completion script for a shell (the generated scripts are in completions/)'
complete -c alipay-oauth -n "__fish_alipay_oauth_needs_command" -f -a "man" -d 'Print the man page (roff)'
complete -c alipay-oauth -n "__fish_alipay_oauth_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand sign" -l dialect -d 'The signing dialect: v2 (gateway form parameters), header (Antom / Alipay+ Signature header) or v3 (OpenAPI v3 Authorization header)' -r -f -a "v2\t'The v2 gateway\'s form parameters'
header\t'Antom / Alipay+: the Signature header'
v3\t'OpenAPI v3: the Authorization header'"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand sign" -l path -d 'header, v3: the request path, e.g. /ams/api/v1/authorizations/consult' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand sign" -l http-method -d 'header, v3: the HTTP method (header: default POST)' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand sign" -l body-file -d 'header, v3: the request body, exactly as sent; - for standard input [default: empty]' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand sign" -l client-id -d 'header: the Client-Id [default: --app-id]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand sign" -l request-time -d 'header: the Request-Time, used exactly as given [default: now, ISO-8601 in UTC]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand sign" -l query -d 'v3: the query string (without ?), exactly as sent' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand sign" -l app-auth-token -d 'v3: the app auth token of a third-party app call (signed; sent as alipay-app-auth-token)' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand sign" -l nonce -d 'v3: the nonce [default: a random UUID]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand sign" -l stdin -d 'Also read parameters from standard input, as a form-encoded string or a JSON object' -r -f -a "form\t''
json\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand sign" -l method -d 'Make a whole gateway request for this API method: adds app_id, method, format, charset, sign_type, timestamp and version' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand sign" -l timestamp -d 'With --method: the timestamp, "yyyy-MM-dd HH:mm:ss" in Beijing time; with --dialect v3: milliseconds since the epoch [default: now]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand sign" -l profile -d 'A profile of the config file' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand sign" -l config -d 'Config file [default: the platform config dir, e.g. ~/.config/alipay-oauth/config.toml]' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand sign" -l env -d 'Which Alipay to talk to: picks the gateway and authorization URLs [default: production]' -r -f -a "production\t''
sandbox\t''
global\t''
emulator\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand sign" -l gateway -d 'v2 gateway URL; overrides --env' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand sign" -l authorize-url -d 'Authorization page URL; overrides --env' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand sign" -l emulator-url -d 'Where `--env emulator` finds the emulator (its base URL, e.g. http://127.0.0.1:19300): moves its gateway and authorization URLs at once [default: http://127.0.0.1:9966]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand sign" -l app-id -d 'The app id (APPID in the Alipay console)' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand sign" -l private-key-file -d 'App private key, any format (PKCS#1/PKCS#8, PEM/base64/DER); the key text itself may come in ALIPAY_PRIVATE_KEY' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand sign" -l alipay-public-key-file -d 'Alipay public key (from the console), any format; the key text itself may come in ALIPAY_PUBLIC_KEY' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand sign" -l sign-type -d 'Signature algorithm: RSA2 (SHA256withRSA) or RSA (SHA1withRSA, legacy) [default: RSA2]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand sign" -l charset -d 'Request charset: utf-8 or gbk (gb2312 is an alias) [default: utf-8]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand sign" -l token-dir -d 'Where logins are stored [default: the platform data dir, e.g. ~/.local/share/alipay-oauth/tokens]' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand sign" -l connect-timeout -d 'Seconds to wait for a connection to the gateway' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand sign" -l request-timeout -d 'Seconds to wait for the gateway\'s whole answer' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand sign" -l app-cert-file -d 'Certificate mode: the app\'s certificate (appCertPublicKey_<app_id>.crt)' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand sign" -l alipay-cert-file -d 'Certificate mode: Alipay\'s certificate (alipayCertPublicKey_RSA2.crt), whose key verifies answers' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand sign" -l alipay-root-cert-file -d 'Certificate mode: Alipay\'s root certificate bundle (alipayRootCert.crt)' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand sign" -l family -d 'The protocol family: alipay (the Open Platform v2 gateway of China and Global), antom (Antom, /ams/api) or alipayplus (Alipay+, /aps/api) [default: alipay]' -r -f -a "alipay\t''
antom\t''
alipayplus\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand sign" -l region -d 'The Antom / Alipay+ domain: sea, na or eu (Antom only) [default: sea]; --gateway overrides it' -r -f -a "sea\t''
na\t''
eu\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand sign" -l customer-belongs-to -d 'Antom\'s wallet, customerBelongsTo [default: ALIPAY_CN]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand sign" -l auth-client-id -d 'Alipay+\'s authClientId' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand sign" -l key-version -d 'The keyVersion of the Antom / Alipay+ Signature header [default: 1]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand sign" -s o -l output -d 'Output format of stdout (and of errors on stderr) [default: human]' -r -f -a "human\t''
json\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand sign" -l auth-token-stdin -d 'v3: read a user\'s access token from standard input; it is signed into the Authorization header as `,auth_token=...` (the Node SDK\'s additionalAuthInfo)'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand sign" -s q -l quiet -d 'Only the essential result (a signature, a token) on stdout'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand sign" -s v -l verbose -d 'Show the steps; -vv traces HTTP with secrets masked'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand sign" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand sign" -s V -l version -d 'Print version'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and not __fish_seen_subcommand_from response notify header v3 raw help" -l profile -d 'A profile of the config file' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and not __fish_seen_subcommand_from response notify header v3 raw help" -l config -d 'Config file [default: the platform config dir, e.g. ~/.config/alipay-oauth/config.toml]' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and not __fish_seen_subcommand_from response notify header v3 raw help" -l env -d 'Which Alipay to talk to: picks the gateway and authorization URLs [default: production]' -r -f -a "production\t''
sandbox\t''
global\t''
emulator\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and not __fish_seen_subcommand_from response notify header v3 raw help" -l gateway -d 'v2 gateway URL; overrides --env' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and not __fish_seen_subcommand_from response notify header v3 raw help" -l authorize-url -d 'Authorization page URL; overrides --env' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and not __fish_seen_subcommand_from response notify header v3 raw help" -l emulator-url -d 'Where `--env emulator` finds the emulator (its base URL, e.g. http://127.0.0.1:19300): moves its gateway and authorization URLs at once [default: http://127.0.0.1:9966]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and not __fish_seen_subcommand_from response notify header v3 raw help" -l app-id -d 'The app id (APPID in the Alipay console)' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and not __fish_seen_subcommand_from response notify header v3 raw help" -l private-key-file -d 'App private key, any format (PKCS#1/PKCS#8, PEM/base64/DER); the key text itself may come in ALIPAY_PRIVATE_KEY' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and not __fish_seen_subcommand_from response notify header v3 raw help" -l alipay-public-key-file -d 'Alipay public key (from the console), any format; the key text itself may come in ALIPAY_PUBLIC_KEY' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and not __fish_seen_subcommand_from response notify header v3 raw help" -l sign-type -d 'Signature algorithm: RSA2 (SHA256withRSA) or RSA (SHA1withRSA, legacy) [default: RSA2]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and not __fish_seen_subcommand_from response notify header v3 raw help" -l charset -d 'Request charset: utf-8 or gbk (gb2312 is an alias) [default: utf-8]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and not __fish_seen_subcommand_from response notify header v3 raw help" -l token-dir -d 'Where logins are stored [default: the platform data dir, e.g. ~/.local/share/alipay-oauth/tokens]' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and not __fish_seen_subcommand_from response notify header v3 raw help" -l connect-timeout -d 'Seconds to wait for a connection to the gateway' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and not __fish_seen_subcommand_from response notify header v3 raw help" -l request-timeout -d 'Seconds to wait for the gateway\'s whole answer' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and not __fish_seen_subcommand_from response notify header v3 raw help" -l app-cert-file -d 'Certificate mode: the app\'s certificate (appCertPublicKey_<app_id>.crt)' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and not __fish_seen_subcommand_from response notify header v3 raw help" -l alipay-cert-file -d 'Certificate mode: Alipay\'s certificate (alipayCertPublicKey_RSA2.crt), whose key verifies answers' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and not __fish_seen_subcommand_from response notify header v3 raw help" -l alipay-root-cert-file -d 'Certificate mode: Alipay\'s root certificate bundle (alipayRootCert.crt)' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and not __fish_seen_subcommand_from response notify header v3 raw help" -l family -d 'The protocol family: alipay (the Open Platform v2 gateway of China and Global), antom (Antom, /ams/api) or alipayplus (Alipay+, /aps/api) [default: alipay]' -r -f -a "alipay\t''
antom\t''
alipayplus\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and not __fish_seen_subcommand_from response notify header v3 raw help" -l region -d 'The Antom / Alipay+ domain: sea, na or eu (Antom only) [default: sea]; --gateway overrides it' -r -f -a "sea\t''
na\t''
eu\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and not __fish_seen_subcommand_from response notify header v3 raw help" -l customer-belongs-to -d 'Antom\'s wallet, customerBelongsTo [default: ALIPAY_CN]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and not __fish_seen_subcommand_from response notify header v3 raw help" -l auth-client-id -d 'Alipay+\'s authClientId' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and not __fish_seen_subcommand_from response notify header v3 raw help" -l key-version -d 'The keyVersion of the Antom / Alipay+ Signature header [default: 1]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and not __fish_seen_subcommand_from response notify header v3 raw help" -s o -l output -d 'Output format of stdout (and of errors on stderr) [default: human]' -r -f -a "human\t''
json\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and not __fish_seen_subcommand_from response notify header v3 raw help" -s q -l quiet -d 'Only the essential result (a signature, a token) on stdout'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and not __fish_seen_subcommand_from response notify header v3 raw help" -s v -l verbose -d 'Show the steps; -vv traces HTTP with secrets masked'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and not __fish_seen_subcommand_from response notify header v3 raw help" -s h -l help -d 'Print help'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and not __fish_seen_subcommand_from response notify header v3 raw help" -s V -l version -d 'Print version'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and not __fish_seen_subcommand_from response notify header v3 raw help" -f -a "response" -d 'Verify a raw gateway response body, exactly as received'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and not __fish_seen_subcommand_from response notify header v3 raw help" -f -a "notify" -d 'Verify notification or return-URL parameters (form-encoded or a JSON object)'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and not __fish_seen_subcommand_from response notify header v3 raw help" -f -a "header" -d 'Verify an Antom / Alipay+ signature: an answer (Response-Time) or a notification'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and not __fish_seen_subcommand_from response notify header v3 raw help" -f -a "v3" -d 'Verify an OpenAPI v3 answer from its alipay-timestamp, alipay-nonce and alipay-signature headers and raw body'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and not __fish_seen_subcommand_from response notify header v3 raw help" -f -a "raw" -d 'Verify a signature over content given by hand (the file\'s exact bytes)'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and not __fish_seen_subcommand_from response notify header v3 raw help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from response" -l method -d 'The API method called; picks the node (default: the root key ending in _response)' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from response" -l app-public-key-file -d 'The app\'s own public key, to diagnose swapped keys (the app private key works too, via --private-key-file)' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from response" -l profile -d 'A profile of the config file' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from response" -l config -d 'Config file [default: the platform config dir, e.g. ~/.config/alipay-oauth/config.toml]' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from response" -l env -d 'Which Alipay to talk to: picks the gateway and authorization URLs [default: production]' -r -f -a "production\t''
sandbox\t''
global\t''
emulator\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from response" -l gateway -d 'v2 gateway URL; overrides --env' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from response" -l authorize-url -d 'Authorization page URL; overrides --env' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from response" -l emulator-url -d 'Where `--env emulator` finds the emulator (its base URL, e.g. http://127.0.0.1:19300): moves its gateway and authorization URLs at once [default: http://127.0.0.1:9966]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from response" -l app-id -d 'The app id (APPID in the Alipay console)' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from response" -l private-key-file -d 'App private key, any format (PKCS#1/PKCS#8, PEM/base64/DER); the key text itself may come in ALIPAY_PRIVATE_KEY' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from response" -l alipay-public-key-file -d 'Alipay public key (from the console), any format; the key text itself may come in ALIPAY_PUBLIC_KEY' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from response" -l sign-type -d 'Signature algorithm: RSA2 (SHA256withRSA) or RSA (SHA1withRSA, legacy) [default: RSA2]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from response" -l charset -d 'Request charset: utf-8 or gbk (gb2312 is an alias) [default: utf-8]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from response" -l token-dir -d 'Where logins are stored [default: the platform data dir, e.g. ~/.local/share/alipay-oauth/tokens]' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from response" -l connect-timeout -d 'Seconds to wait for a connection to the gateway' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from response" -l request-timeout -d 'Seconds to wait for the gateway\'s whole answer' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from response" -l app-cert-file -d 'Certificate mode: the app\'s certificate (appCertPublicKey_<app_id>.crt)' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from response" -l alipay-cert-file -d 'Certificate mode: Alipay\'s certificate (alipayCertPublicKey_RSA2.crt), whose key verifies answers' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from response" -l alipay-root-cert-file -d 'Certificate mode: Alipay\'s root certificate bundle (alipayRootCert.crt)' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from response" -l family -d 'The protocol family: alipay (the Open Platform v2 gateway of China and Global), antom (Antom, /ams/api) or alipayplus (Alipay+, /aps/api) [default: alipay]' -r -f -a "alipay\t''
antom\t''
alipayplus\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from response" -l region -d 'The Antom / Alipay+ domain: sea, na or eu (Antom only) [default: sea]; --gateway overrides it' -r -f -a "sea\t''
na\t''
eu\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from response" -l customer-belongs-to -d 'Antom\'s wallet, customerBelongsTo [default: ALIPAY_CN]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from response" -l auth-client-id -d 'Alipay+\'s authClientId' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from response" -l key-version -d 'The keyVersion of the Antom / Alipay+ Signature header [default: 1]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from response" -s o -l output -d 'Output format of stdout (and of errors on stderr) [default: human]' -r -f -a "human\t''
json\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from response" -s q -l quiet -d 'Only the essential result (a signature, a token) on stdout'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from response" -s v -l verbose -d 'Show the steps; -vv traces HTTP with secrets masked'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from response" -s h -l help -d 'Print help'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from response" -s V -l version -d 'Print version'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from notify" -l rule -d 'v1: leave out sign and sign_type (payment notifications, return URLs); v2: leave out only sign (gateway messages); auto: v1 then v2' -r -f -a "v1\t''
v2\t''
auto\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from notify" -l app-public-key-file -d 'The app\'s own public key, to diagnose swapped keys (the app private key works too, via --private-key-file)' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from notify" -l profile -d 'A profile of the config file' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from notify" -l config -d 'Config file [default: the platform config dir, e.g. ~/.config/alipay-oauth/config.toml]' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from notify" -l env -d 'Which Alipay to talk to: picks the gateway and authorization URLs [default: production]' -r -f -a "production\t''
sandbox\t''
global\t''
emulator\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from notify" -l gateway -d 'v2 gateway URL; overrides --env' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from notify" -l authorize-url -d 'Authorization page URL; overrides --env' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from notify" -l emulator-url -d 'Where `--env emulator` finds the emulator (its base URL, e.g. http://127.0.0.1:19300): moves its gateway and authorization URLs at once [default: http://127.0.0.1:9966]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from notify" -l app-id -d 'The app id (APPID in the Alipay console)' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from notify" -l private-key-file -d 'App private key, any format (PKCS#1/PKCS#8, PEM/base64/DER); the key text itself may come in ALIPAY_PRIVATE_KEY' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from notify" -l alipay-public-key-file -d 'Alipay public key (from the console), any format; the key text itself may come in ALIPAY_PUBLIC_KEY' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from notify" -l sign-type -d 'Signature algorithm: RSA2 (SHA256withRSA) or RSA (SHA1withRSA, legacy) [default: RSA2]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from notify" -l charset -d 'Request charset: utf-8 or gbk (gb2312 is an alias) [default: utf-8]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from notify" -l token-dir -d 'Where logins are stored [default: the platform data dir, e.g. ~/.local/share/alipay-oauth/tokens]' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from notify" -l connect-timeout -d 'Seconds to wait for a connection to the gateway' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from notify" -l request-timeout -d 'Seconds to wait for the gateway\'s whole answer' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from notify" -l app-cert-file -d 'Certificate mode: the app\'s certificate (appCertPublicKey_<app_id>.crt)' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from notify" -l alipay-cert-file -d 'Certificate mode: Alipay\'s certificate (alipayCertPublicKey_RSA2.crt), whose key verifies answers' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from notify" -l alipay-root-cert-file -d 'Certificate mode: Alipay\'s root certificate bundle (alipayRootCert.crt)' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from notify" -l family -d 'The protocol family: alipay (the Open Platform v2 gateway of China and Global), antom (Antom, /ams/api) or alipayplus (Alipay+, /aps/api) [default: alipay]' -r -f -a "alipay\t''
antom\t''
alipayplus\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from notify" -l region -d 'The Antom / Alipay+ domain: sea, na or eu (Antom only) [default: sea]; --gateway overrides it' -r -f -a "sea\t''
na\t''
eu\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from notify" -l customer-belongs-to -d 'Antom\'s wallet, customerBelongsTo [default: ALIPAY_CN]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from notify" -l auth-client-id -d 'Alipay+\'s authClientId' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from notify" -l key-version -d 'The keyVersion of the Antom / Alipay+ Signature header [default: 1]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from notify" -s o -l output -d 'Output format of stdout (and of errors on stderr) [default: human]' -r -f -a "human\t''
json\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from notify" -s q -l quiet -d 'Only the essential result (a signature, a token) on stdout'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from notify" -s v -l verbose -d 'Show the steps; -vv traces HTTP with secrets masked'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from notify" -s h -l help -d 'Print help'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from notify" -s V -l version -d 'Print version'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from header" -l path -d 'The path the message was sent to (an answer is signed over its request\'s path)' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from header" -l client-id -d 'The Client-Id [default: --app-id]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from header" -l time -d 'The signed time: the answer\'s Response-Time (a request\'s Request-Time)' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from header" -l signature -d 'The Signature header value, or the bare signature; URL-encoded or not' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from header" -l http-method -d 'The HTTP method' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from header" -l body-file -d 'The body exactly as received; - for standard input [default: empty]' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from header" -l request-time -d 'The request\'s Request-Time, to tell when an answer was signed with it instead' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from header" -l app-public-key-file -d 'The app\'s own public key, to diagnose swapped keys (the app private key works too)' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from header" -l profile -d 'A profile of the config file' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from header" -l config -d 'Config file [default: the platform config dir, e.g. ~/.config/alipay-oauth/config.toml]' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from header" -l env -d 'Which Alipay to talk to: picks the gateway and authorization URLs [default: production]' -r -f -a "production\t''
sandbox\t''
global\t''
emulator\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from header" -l gateway -d 'v2 gateway URL; overrides --env' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from header" -l authorize-url -d 'Authorization page URL; overrides --env' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from header" -l emulator-url -d 'Where `--env emulator` finds the emulator (its base URL, e.g. http://127.0.0.1:19300): moves its gateway and authorization URLs at once [default: http://127.0.0.1:9966]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from header" -l app-id -d 'The app id (APPID in the Alipay console)' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from header" -l private-key-file -d 'App private key, any format (PKCS#1/PKCS#8, PEM/base64/DER); the key text itself may come in ALIPAY_PRIVATE_KEY' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from header" -l alipay-public-key-file -d 'Alipay public key (from the console), any format; the key text itself may come in ALIPAY_PUBLIC_KEY' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from header" -l sign-type -d 'Signature algorithm: RSA2 (SHA256withRSA) or RSA (SHA1withRSA, legacy) [default: RSA2]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from header" -l charset -d 'Request charset: utf-8 or gbk (gb2312 is an alias) [default: utf-8]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from header" -l token-dir -d 'Where logins are stored [default: the platform data dir, e.g. ~/.local/share/alipay-oauth/tokens]' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from header" -l connect-timeout -d 'Seconds to wait for a connection to the gateway' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from header" -l request-timeout -d 'Seconds to wait for the gateway\'s whole answer' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from header" -l app-cert-file -d 'Certificate mode: the app\'s certificate (appCertPublicKey_<app_id>.crt)' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from header" -l alipay-cert-file -d 'Certificate mode: Alipay\'s certificate (alipayCertPublicKey_RSA2.crt), whose key verifies answers' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from header" -l alipay-root-cert-file -d 'Certificate mode: Alipay\'s root certificate bundle (alipayRootCert.crt)' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from header" -l family -d 'The protocol family: alipay (the Open Platform v2 gateway of China and Global), antom (Antom, /ams/api) or alipayplus (Alipay+, /aps/api) [default: alipay]' -r -f -a "alipay\t''
antom\t''
alipayplus\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from header" -l region -d 'The Antom / Alipay+ domain: sea, na or eu (Antom only) [default: sea]; --gateway overrides it' -r -f -a "sea\t''
na\t''
eu\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from header" -l customer-belongs-to -d 'Antom\'s wallet, customerBelongsTo [default: ALIPAY_CN]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from header" -l auth-client-id -d 'Alipay+\'s authClientId' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from header" -l key-version -d 'The keyVersion of the Antom / Alipay+ Signature header [default: 1]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from header" -s o -l output -d 'Output format of stdout (and of errors on stderr) [default: human]' -r -f -a "human\t''
json\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from header" -s q -l quiet -d 'Only the essential result (a signature, a token) on stdout'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from header" -s v -l verbose -d 'Show the steps; -vv traces HTTP with secrets masked'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from header" -s h -l help -d 'Print help'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from header" -s V -l version -d 'Print version'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from v3" -l timestamp -d 'The alipay-timestamp header' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from v3" -l nonce -d 'The alipay-nonce header' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from v3" -l signature -d 'The alipay-signature header' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from v3" -l alipay-sn -d 'The alipay-sn header (certificate mode: must name the configured Alipay certificate)' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from v3" -l body-file -d 'The body exactly as received; - for standard input [default: empty]' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from v3" -l app-public-key-file -d 'The app\'s own public key, to diagnose swapped keys (the app private key works too)' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from v3" -l profile -d 'A profile of the config file' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from v3" -l config -d 'Config file [default: the platform config dir, e.g. ~/.config/alipay-oauth/config.toml]' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from v3" -l env -d 'Which Alipay to talk to: picks the gateway and authorization URLs [default: production]' -r -f -a "production\t''
sandbox\t''
global\t''
emulator\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from v3" -l gateway -d 'v2 gateway URL; overrides --env' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from v3" -l authorize-url -d 'Authorization page URL; overrides --env' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from v3" -l emulator-url -d 'Where `--env emulator` finds the emulator (its base URL, e.g. http://127.0.0.1:19300): moves its gateway and authorization URLs at once [default: http://127.0.0.1:9966]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from v3" -l app-id -d 'The app id (APPID in the Alipay console)' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from v3" -l private-key-file -d 'App private key, any format (PKCS#1/PKCS#8, PEM/base64/DER); the key text itself may come in ALIPAY_PRIVATE_KEY' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from v3" -l alipay-public-key-file -d 'Alipay public key (from the console), any format; the key text itself may come in ALIPAY_PUBLIC_KEY' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from v3" -l sign-type -d 'Signature algorithm: RSA2 (SHA256withRSA) or RSA (SHA1withRSA, legacy) [default: RSA2]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from v3" -l charset -d 'Request charset: utf-8 or gbk (gb2312 is an alias) [default: utf-8]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from v3" -l token-dir -d 'Where logins are stored [default: the platform data dir, e.g. ~/.local/share/alipay-oauth/tokens]' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from v3" -l connect-timeout -d 'Seconds to wait for a connection to the gateway' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from v3" -l request-timeout -d 'Seconds to wait for the gateway\'s whole answer' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from v3" -l app-cert-file -d 'Certificate mode: the app\'s certificate (appCertPublicKey_<app_id>.crt)' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from v3" -l alipay-cert-file -d 'Certificate mode: Alipay\'s certificate (alipayCertPublicKey_RSA2.crt), whose key verifies answers' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from v3" -l alipay-root-cert-file -d 'Certificate mode: Alipay\'s root certificate bundle (alipayRootCert.crt)' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from v3" -l family -d 'The protocol family: alipay (the Open Platform v2 gateway of China and Global), antom (Antom, /ams/api) or alipayplus (Alipay+, /aps/api) [default: alipay]' -r -f -a "alipay\t''
antom\t''
alipayplus\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from v3" -l region -d 'The Antom / Alipay+ domain: sea, na or eu (Antom only) [default: sea]; --gateway overrides it' -r -f -a "sea\t''
na\t''
eu\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from v3" -l customer-belongs-to -d 'Antom\'s wallet, customerBelongsTo [default: ALIPAY_CN]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from v3" -l auth-client-id -d 'Alipay+\'s authClientId' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from v3" -l key-version -d 'The keyVersion of the Antom / Alipay+ Signature header [default: 1]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from v3" -s o -l output -d 'Output format of stdout (and of errors on stderr) [default: human]' -r -f -a "human\t''
json\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from v3" -s q -l quiet -d 'Only the essential result (a signature, a token) on stdout'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from v3" -s v -l verbose -d 'Show the steps; -vv traces HTTP with secrets masked'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from v3" -s h -l help -d 'Print help'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from v3" -s V -l version -d 'Print version'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from raw" -l signature -d 'The base64 signature' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from raw" -l app-public-key-file -d 'The app\'s own public key, to diagnose swapped keys (the app private key works too, via --private-key-file)' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from raw" -l profile -d 'A profile of the config file' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from raw" -l config -d 'Config file [default: the platform config dir, e.g. ~/.config/alipay-oauth/config.toml]' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from raw" -l env -d 'Which Alipay to talk to: picks the gateway and authorization URLs [default: production]' -r -f -a "production\t''
sandbox\t''
global\t''
emulator\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from raw" -l gateway -d 'v2 gateway URL; overrides --env' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from raw" -l authorize-url -d 'Authorization page URL; overrides --env' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from raw" -l emulator-url -d 'Where `--env emulator` finds the emulator (its base URL, e.g. http://127.0.0.1:19300): moves its gateway and authorization URLs at once [default: http://127.0.0.1:9966]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from raw" -l app-id -d 'The app id (APPID in the Alipay console)' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from raw" -l private-key-file -d 'App private key, any format (PKCS#1/PKCS#8, PEM/base64/DER); the key text itself may come in ALIPAY_PRIVATE_KEY' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from raw" -l alipay-public-key-file -d 'Alipay public key (from the console), any format; the key text itself may come in ALIPAY_PUBLIC_KEY' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from raw" -l sign-type -d 'Signature algorithm: RSA2 (SHA256withRSA) or RSA (SHA1withRSA, legacy) [default: RSA2]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from raw" -l charset -d 'Request charset: utf-8 or gbk (gb2312 is an alias) [default: utf-8]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from raw" -l token-dir -d 'Where logins are stored [default: the platform data dir, e.g. ~/.local/share/alipay-oauth/tokens]' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from raw" -l connect-timeout -d 'Seconds to wait for a connection to the gateway' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from raw" -l request-timeout -d 'Seconds to wait for the gateway\'s whole answer' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from raw" -l app-cert-file -d 'Certificate mode: the app\'s certificate (appCertPublicKey_<app_id>.crt)' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from raw" -l alipay-cert-file -d 'Certificate mode: Alipay\'s certificate (alipayCertPublicKey_RSA2.crt), whose key verifies answers' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from raw" -l alipay-root-cert-file -d 'Certificate mode: Alipay\'s root certificate bundle (alipayRootCert.crt)' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from raw" -l family -d 'The protocol family: alipay (the Open Platform v2 gateway of China and Global), antom (Antom, /ams/api) or alipayplus (Alipay+, /aps/api) [default: alipay]' -r -f -a "alipay\t''
antom\t''
alipayplus\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from raw" -l region -d 'The Antom / Alipay+ domain: sea, na or eu (Antom only) [default: sea]; --gateway overrides it' -r -f -a "sea\t''
na\t''
eu\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from raw" -l customer-belongs-to -d 'Antom\'s wallet, customerBelongsTo [default: ALIPAY_CN]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from raw" -l auth-client-id -d 'Alipay+\'s authClientId' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from raw" -l key-version -d 'The keyVersion of the Antom / Alipay+ Signature header [default: 1]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from raw" -s o -l output -d 'Output format of stdout (and of errors on stderr) [default: human]' -r -f -a "human\t''
json\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from raw" -s q -l quiet -d 'Only the essential result (a signature, a token) on stdout'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from raw" -s v -l verbose -d 'Show the steps; -vv traces HTTP with secrets masked'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from raw" -s h -l help -d 'Print help'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from raw" -s V -l version -d 'Print version'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from help" -f -a "response" -d 'Verify a raw gateway response body, exactly as received'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from help" -f -a "notify" -d 'Verify notification or return-URL parameters (form-encoded or a JSON object)'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from help" -f -a "header" -d 'Verify an Antom / Alipay+ signature: an answer (Response-Time) or a notification'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from help" -f -a "v3" -d 'Verify an OpenAPI v3 answer from its alipay-timestamp, alipay-nonce and alipay-signature headers and raw body'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from help" -f -a "raw" -d 'Verify a signature over content given by hand (the file\'s exact bytes)'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand verify; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand authorize" -l scope -d 'auth_user (profile; a consent screen) or auth_base (user id only; silent), or both [default: auth_user]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand authorize" -l redirect-uri -d 'The callback registered for the app [default: a loopback URL on a free port, fine for the emulator]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand authorize" -l listen -d 'Listen here instead of the redirect URI\'s host and port (hosts-file entry, tunnel, SSH forward)' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand authorize" -l timeout -d 'Seconds to wait for the callback' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand authorize" -l dialect -d 'The API of the token and user calls after the redirect: v2 (the gateway) or v3 (OpenAPI v3\'s /v3/alipay/system/oauth/token and /v3/alipay/user/info/share)' -r -f -a "v2\t''
v3\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand authorize" -l profile -d 'A profile of the config file' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand authorize" -l config -d 'Config file [default: the platform config dir, e.g. ~/.config/alipay-oauth/config.toml]' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand authorize" -l env -d 'Which Alipay to talk to: picks the gateway and authorization URLs [default: production]' -r -f -a "production\t''
sandbox\t''
global\t''
emulator\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand authorize" -l gateway -d 'v2 gateway URL; overrides --env' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand authorize" -l authorize-url -d 'Authorization page URL; overrides --env' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand authorize" -l emulator-url -d 'Where `--env emulator` finds the emulator (its base URL, e.g. http://127.0.0.1:19300): moves its gateway and authorization URLs at once [default: http://127.0.0.1:9966]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand authorize" -l app-id -d 'The app id (APPID in the Alipay console)' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand authorize" -l private-key-file -d 'App private key, any format (PKCS#1/PKCS#8, PEM/base64/DER); the key text itself may come in ALIPAY_PRIVATE_KEY' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand authorize" -l alipay-public-key-file -d 'Alipay public key (from the console), any format; the key text itself may come in ALIPAY_PUBLIC_KEY' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand authorize" -l sign-type -d 'Signature algorithm: RSA2 (SHA256withRSA) or RSA (SHA1withRSA, legacy) [default: RSA2]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand authorize" -l charset -d 'Request charset: utf-8 or gbk (gb2312 is an alias) [default: utf-8]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand authorize" -l token-dir -d 'Where logins are stored [default: the platform data dir, e.g. ~/.local/share/alipay-oauth/tokens]' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand authorize" -l connect-timeout -d 'Seconds to wait for a connection to the gateway' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand authorize" -l request-timeout -d 'Seconds to wait for the gateway\'s whole answer' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand authorize" -l app-cert-file -d 'Certificate mode: the app\'s certificate (appCertPublicKey_<app_id>.crt)' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand authorize" -l alipay-cert-file -d 'Certificate mode: Alipay\'s certificate (alipayCertPublicKey_RSA2.crt), whose key verifies answers' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand authorize" -l alipay-root-cert-file -d 'Certificate mode: Alipay\'s root certificate bundle (alipayRootCert.crt)' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand authorize" -l family -d 'The protocol family: alipay (the Open Platform v2 gateway of China and Global), antom (Antom, /ams/api) or alipayplus (Alipay+, /aps/api) [default: alipay]' -r -f -a "alipay\t''
antom\t''
alipayplus\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand authorize" -l region -d 'The Antom / Alipay+ domain: sea, na or eu (Antom only) [default: sea]; --gateway overrides it' -r -f -a "sea\t''
na\t''
eu\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand authorize" -l customer-belongs-to -d 'Antom\'s wallet, customerBelongsTo [default: ALIPAY_CN]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand authorize" -l auth-client-id -d 'Alipay+\'s authClientId' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand authorize" -l key-version -d 'The keyVersion of the Antom / Alipay+ Signature header [default: 1]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand authorize" -s o -l output -d 'Output format of stdout (and of errors on stderr) [default: human]' -r -f -a "human\t''
json\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand authorize" -l allow-remote-listen -d 'Let --listen use an address that is not loopback'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand authorize" -l no-browser -d 'Do not open a browser; only print the URL'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand authorize" -l qr -d 'Also print the URL as a QR code for the Alipay app to scan, even when stderr is not a terminal [default: only on a terminal]'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand authorize" -l no-qr -d 'Never print the QR code'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand authorize" -l manual -d 'No listener: paste the address-bar URL (or the auth_code) at the prompt or on standard input'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand authorize" -l no-exchange -d 'Print the auth code instead of exchanging it'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand authorize" -l no-store -d 'Do not store the tokens. Alipay drops the user\'s earlier access tokens on a new login, so a stored login of the same user is marked and refreshes on its next use'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand authorize" -l show-secrets -d 'Show tokens in full in human output'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand authorize" -s q -l quiet -d 'Only the essential result (a signature, a token) on stdout'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand authorize" -s v -l verbose -d 'Show the steps; -vv traces HTTP with secrets masked'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand authorize" -s h -l help -d 'Print help'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand authorize" -s V -l version -d 'Print version'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand exchange" -l code -d 'The auth_code from the callback; - reads it from standard input' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand exchange" -l subject -d 'Which stored login to refresh (an open_id or user_id) [default: the latest]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand exchange" -l dialect -d 'The API of the token call: v2 (the gateway\'s alipay.system.oauth.token) or v3 (OpenAPI v3\'s /v3/alipay/system/oauth/token)' -r -f -a "v2\t''
v3\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand exchange" -l profile -d 'A profile of the config file' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand exchange" -l config -d 'Config file [default: the platform config dir, e.g. ~/.config/alipay-oauth/config.toml]' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand exchange" -l env -d 'Which Alipay to talk to: picks the gateway and authorization URLs [default: production]' -r -f -a "production\t''
sandbox\t''
global\t''
emulator\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand exchange" -l gateway -d 'v2 gateway URL; overrides --env' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand exchange" -l authorize-url -d 'Authorization page URL; overrides --env' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand exchange" -l emulator-url -d 'Where `--env emulator` finds the emulator (its base URL, e.g. http://127.0.0.1:19300): moves its gateway and authorization URLs at once [default: http://127.0.0.1:9966]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand exchange" -l app-id -d 'The app id (APPID in the Alipay console)' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand exchange" -l private-key-file -d 'App private key, any format (PKCS#1/PKCS#8, PEM/base64/DER); the key text itself may come in ALIPAY_PRIVATE_KEY' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand exchange" -l alipay-public-key-file -d 'Alipay public key (from the console), any format; the key text itself may come in ALIPAY_PUBLIC_KEY' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand exchange" -l sign-type -d 'Signature algorithm: RSA2 (SHA256withRSA) or RSA (SHA1withRSA, legacy) [default: RSA2]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand exchange" -l charset -d 'Request charset: utf-8 or gbk (gb2312 is an alias) [default: utf-8]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand exchange" -l token-dir -d 'Where logins are stored [default: the platform data dir, e.g. ~/.local/share/alipay-oauth/tokens]' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand exchange" -l connect-timeout -d 'Seconds to wait for a connection to the gateway' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand exchange" -l request-timeout -d 'Seconds to wait for the gateway\'s whole answer' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand exchange" -l app-cert-file -d 'Certificate mode: the app\'s certificate (appCertPublicKey_<app_id>.crt)' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand exchange" -l alipay-cert-file -d 'Certificate mode: Alipay\'s certificate (alipayCertPublicKey_RSA2.crt), whose key verifies answers' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand exchange" -l alipay-root-cert-file -d 'Certificate mode: Alipay\'s root certificate bundle (alipayRootCert.crt)' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand exchange" -l family -d 'The protocol family: alipay (the Open Platform v2 gateway of China and Global), antom (Antom, /ams/api) or alipayplus (Alipay+, /aps/api) [default: alipay]' -r -f -a "alipay\t''
antom\t''
alipayplus\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand exchange" -l region -d 'The Antom / Alipay+ domain: sea, na or eu (Antom only) [default: sea]; --gateway overrides it' -r -f -a "sea\t''
na\t''
eu\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand exchange" -l customer-belongs-to -d 'Antom\'s wallet, customerBelongsTo [default: ALIPAY_CN]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand exchange" -l auth-client-id -d 'Alipay+\'s authClientId' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand exchange" -l key-version -d 'The keyVersion of the Antom / Alipay+ Signature header [default: 1]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand exchange" -s o -l output -d 'Output format of stdout (and of errors on stderr) [default: human]' -r -f -a "human\t''
json\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand exchange" -l refresh-token-stdin -d 'Read a refresh token from standard input'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand exchange" -l refresh -d 'Refresh with ALIPAY_REFRESH_TOKEN, else the stored login'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand exchange" -l no-store -d 'Do not store the tokens'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand exchange" -l show-secrets -d 'Show tokens in full in human output'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand exchange" -s q -l quiet -d 'Only the essential result (a signature, a token) on stdout'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand exchange" -s v -l verbose -d 'Show the steps; -vv traces HTTP with secrets masked'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand exchange" -s h -l help -d 'Print help'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand exchange" -s V -l version -d 'Print version'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand userinfo" -l subject -d 'Which stored login (an open_id or user_id) [default: the latest]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand userinfo" -l dialect -d 'The API: v2 (the gateway\'s alipay.user.info.share) or v3 (OpenAPI v3\'s /v3/alipay/user/info/share)' -r -f -a "v2\t''
v3\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand userinfo" -l profile -d 'A profile of the config file' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand userinfo" -l config -d 'Config file [default: the platform config dir, e.g. ~/.config/alipay-oauth/config.toml]' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand userinfo" -l env -d 'Which Alipay to talk to: picks the gateway and authorization URLs [default: production]' -r -f -a "production\t''
sandbox\t''
global\t''
emulator\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand userinfo" -l gateway -d 'v2 gateway URL; overrides --env' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand userinfo" -l authorize-url -d 'Authorization page URL; overrides --env' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand userinfo" -l emulator-url -d 'Where `--env emulator` finds the emulator (its base URL, e.g. http://127.0.0.1:19300): moves its gateway and authorization URLs at once [default: http://127.0.0.1:9966]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand userinfo" -l app-id -d 'The app id (APPID in the Alipay console)' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand userinfo" -l private-key-file -d 'App private key, any format (PKCS#1/PKCS#8, PEM/base64/DER); the key text itself may come in ALIPAY_PRIVATE_KEY' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand userinfo" -l alipay-public-key-file -d 'Alipay public key (from the console), any format; the key text itself may come in ALIPAY_PUBLIC_KEY' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand userinfo" -l sign-type -d 'Signature algorithm: RSA2 (SHA256withRSA) or RSA (SHA1withRSA, legacy) [default: RSA2]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand userinfo" -l charset -d 'Request charset: utf-8 or gbk (gb2312 is an alias) [default: utf-8]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand userinfo" -l token-dir -d 'Where logins are stored [default: the platform data dir, e.g. ~/.local/share/alipay-oauth/tokens]' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand userinfo" -l connect-timeout -d 'Seconds to wait for a connection to the gateway' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand userinfo" -l request-timeout -d 'Seconds to wait for the gateway\'s whole answer' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand userinfo" -l app-cert-file -d 'Certificate mode: the app\'s certificate (appCertPublicKey_<app_id>.crt)' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand userinfo" -l alipay-cert-file -d 'Certificate mode: Alipay\'s certificate (alipayCertPublicKey_RSA2.crt), whose key verifies answers' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand userinfo" -l alipay-root-cert-file -d 'Certificate mode: Alipay\'s root certificate bundle (alipayRootCert.crt)' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand userinfo" -l family -d 'The protocol family: alipay (the Open Platform v2 gateway of China and Global), antom (Antom, /ams/api) or alipayplus (Alipay+, /aps/api) [default: alipay]' -r -f -a "alipay\t''
antom\t''
alipayplus\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand userinfo" -l region -d 'The Antom / Alipay+ domain: sea, na or eu (Antom only) [default: sea]; --gateway overrides it' -r -f -a "sea\t''
na\t''
eu\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand userinfo" -l customer-belongs-to -d 'Antom\'s wallet, customerBelongsTo [default: ALIPAY_CN]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand userinfo" -l auth-client-id -d 'Alipay+\'s authClientId' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand userinfo" -l key-version -d 'The keyVersion of the Antom / Alipay+ Signature header [default: 1]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand userinfo" -s o -l output -d 'Output format of stdout (and of errors on stderr) [default: human]' -r -f -a "human\t''
json\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand userinfo" -l access-token-stdin -d 'Read the access token from standard input (else ALIPAY_ACCESS_TOKEN, else the stored login)'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand userinfo" -l raw -d 'Print the verified node exactly as Alipay sent it'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand userinfo" -s q -l quiet -d 'Only the essential result (a signature, a token) on stdout'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand userinfo" -s v -l verbose -d 'Show the steps; -vv traces HTTP with secrets masked'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand userinfo" -s h -l help -d 'Print help'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand userinfo" -s V -l version -d 'Print version'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand call" -l body-file -d 'With --dialect v3, or --family antom or alipayplus: the JSON body, sent byte for byte (- for standard input)' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand call" -l query -d 'With --dialect v3: a query parameter as NAME=VALUE; repeatable' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand call" -l biz-content -d 'The business parameters: a JSON object, or @FILE (@- for standard input); each key once in every object. Sent exactly as given, without surrounding whitespace' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand call" -l subject -d 'Send the access token of this stored login (an open_id or user_id) [default: the latest]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand call" -l dialect -d 'The signing dialect: v2 (the gateway\'s signed form parameters) or v3 (OpenAPI v3: METHOD is the HTTP method, then the path)' -r -f -a "v2\t''
v3\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand call" -l profile -d 'A profile of the config file' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand call" -l config -d 'Config file [default: the platform config dir, e.g. ~/.config/alipay-oauth/config.toml]' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand call" -l env -d 'Which Alipay to talk to: picks the gateway and authorization URLs [default: production]' -r -f -a "production\t''
sandbox\t''
global\t''
emulator\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand call" -l gateway -d 'v2 gateway URL; overrides --env' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand call" -l authorize-url -d 'Authorization page URL; overrides --env' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand call" -l emulator-url -d 'Where `--env emulator` finds the emulator (its base URL, e.g. http://127.0.0.1:19300): moves its gateway and authorization URLs at once [default: http://127.0.0.1:9966]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand call" -l app-id -d 'The app id (APPID in the Alipay console)' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand call" -l private-key-file -d 'App private key, any format (PKCS#1/PKCS#8, PEM/base64/DER); the key text itself may come in ALIPAY_PRIVATE_KEY' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand call" -l alipay-public-key-file -d 'Alipay public key (from the console), any format; the key text itself may come in ALIPAY_PUBLIC_KEY' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand call" -l sign-type -d 'Signature algorithm: RSA2 (SHA256withRSA) or RSA (SHA1withRSA, legacy) [default: RSA2]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand call" -l charset -d 'Request charset: utf-8 or gbk (gb2312 is an alias) [default: utf-8]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand call" -l token-dir -d 'Where logins are stored [default: the platform data dir, e.g. ~/.local/share/alipay-oauth/tokens]' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand call" -l connect-timeout -d 'Seconds to wait for a connection to the gateway' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand call" -l request-timeout -d 'Seconds to wait for the gateway\'s whole answer' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand call" -l app-cert-file -d 'Certificate mode: the app\'s certificate (appCertPublicKey_<app_id>.crt)' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand call" -l alipay-cert-file -d 'Certificate mode: Alipay\'s certificate (alipayCertPublicKey_RSA2.crt), whose key verifies answers' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand call" -l alipay-root-cert-file -d 'Certificate mode: Alipay\'s root certificate bundle (alipayRootCert.crt)' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand call" -l family -d 'The protocol family: alipay (the Open Platform v2 gateway of China and Global), antom (Antom, /ams/api) or alipayplus (Alipay+, /aps/api) [default: alipay]' -r -f -a "alipay\t''
antom\t''
alipayplus\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand call" -l region -d 'The Antom / Alipay+ domain: sea, na or eu (Antom only) [default: sea]; --gateway overrides it' -r -f -a "sea\t''
na\t''
eu\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand call" -l customer-belongs-to -d 'Antom\'s wallet, customerBelongsTo [default: ALIPAY_CN]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand call" -l auth-client-id -d 'Alipay+\'s authClientId' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand call" -l key-version -d 'The keyVersion of the Antom / Alipay+ Signature header [default: 1]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand call" -s o -l output -d 'Output format of stdout (and of errors on stderr) [default: human]' -r -f -a "human\t''
json\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand call" -l auth-token-stdin -d 'Read the user\'s access token (auth_token) from standard input'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand call" -l user-token -d 'Send the stored login\'s access token even to a method outside alipay.user'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand call" -l no-auth-token -d 'Send no auth_token, even to a method under alipay.user'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand call" -l curl -d 'Do not send: print a curl command that sends the same signed request'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand call" -l raw -d 'Print the verified node exactly as Alipay sent it'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand call" -l show-secrets -d 'Show tokens in full in human output'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand call" -s q -l quiet -d 'Only the essential result (a signature, a token) on stdout'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand call" -s v -l verbose -d 'Show the steps; -vv traces HTTP with secrets masked'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand call" -s h -l help -d 'Print help'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand call" -s V -l version -d 'Print version'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand token" -l min-valid -d 'Refresh when the access token expires within this many seconds' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand token" -l subject -d 'Which stored login (an open_id or user_id) [default: the latest]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand token" -l profile -d 'A profile of the config file' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand token" -l config -d 'Config file [default: the platform config dir, e.g. ~/.config/alipay-oauth/config.toml]' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand token" -l env -d 'Which Alipay to talk to: picks the gateway and authorization URLs [default: production]' -r -f -a "production\t''
sandbox\t''
global\t''
emulator\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand token" -l gateway -d 'v2 gateway URL; overrides --env' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand token" -l authorize-url -d 'Authorization page URL; overrides --env' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand token" -l emulator-url -d 'Where `--env emulator` finds the emulator (its base URL, e.g. http://127.0.0.1:19300): moves its gateway and authorization URLs at once [default: http://127.0.0.1:9966]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand token" -l app-id -d 'The app id (APPID in the Alipay console)' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand token" -l private-key-file -d 'App private key, any format (PKCS#1/PKCS#8, PEM/base64/DER); the key text itself may come in ALIPAY_PRIVATE_KEY' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand token" -l alipay-public-key-file -d 'Alipay public key (from the console), any format; the key text itself may come in ALIPAY_PUBLIC_KEY' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand token" -l sign-type -d 'Signature algorithm: RSA2 (SHA256withRSA) or RSA (SHA1withRSA, legacy) [default: RSA2]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand token" -l charset -d 'Request charset: utf-8 or gbk (gb2312 is an alias) [default: utf-8]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand token" -l token-dir -d 'Where logins are stored [default: the platform data dir, e.g. ~/.local/share/alipay-oauth/tokens]' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand token" -l connect-timeout -d 'Seconds to wait for a connection to the gateway' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand token" -l request-timeout -d 'Seconds to wait for the gateway\'s whole answer' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand token" -l app-cert-file -d 'Certificate mode: the app\'s certificate (appCertPublicKey_<app_id>.crt)' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand token" -l alipay-cert-file -d 'Certificate mode: Alipay\'s certificate (alipayCertPublicKey_RSA2.crt), whose key verifies answers' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand token" -l alipay-root-cert-file -d 'Certificate mode: Alipay\'s root certificate bundle (alipayRootCert.crt)' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand token" -l family -d 'The protocol family: alipay (the Open Platform v2 gateway of China and Global), antom (Antom, /ams/api) or alipayplus (Alipay+, /aps/api) [default: alipay]' -r -f -a "alipay\t''
antom\t''
alipayplus\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand token" -l region -d 'The Antom / Alipay+ domain: sea, na or eu (Antom only) [default: sea]; --gateway overrides it' -r -f -a "sea\t''
na\t''
eu\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand token" -l customer-belongs-to -d 'Antom\'s wallet, customerBelongsTo [default: ALIPAY_CN]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand token" -l auth-client-id -d 'Alipay+\'s authClientId' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand token" -l key-version -d 'The keyVersion of the Antom / Alipay+ Signature header [default: 1]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand token" -s o -l output -d 'Output format of stdout (and of errors on stderr) [default: human]' -r -f -a "human\t''
json\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand token" -s q -l quiet -d 'Only the essential result (a signature, a token) on stdout'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand token" -s v -l verbose -d 'Show the steps; -vv traces HTTP with secrets masked'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand token" -s h -l help -d 'Print help'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand token" -s V -l version -d 'Print version'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand status" -l profile -d 'A profile of the config file' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand status" -l config -d 'Config file [default: the platform config dir, e.g. ~/.config/alipay-oauth/config.toml]' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand status" -l env -d 'Which Alipay to talk to: picks the gateway and authorization URLs [default: production]' -r -f -a "production\t''
sandbox\t''
global\t''
emulator\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand status" -l gateway -d 'v2 gateway URL; overrides --env' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand status" -l authorize-url -d 'Authorization page URL; overrides --env' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand status" -l emulator-url -d 'Where `--env emulator` finds the emulator (its base URL, e.g. http://127.0.0.1:19300): moves its gateway and authorization URLs at once [default: http://127.0.0.1:9966]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand status" -l app-id -d 'The app id (APPID in the Alipay console)' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand status" -l private-key-file -d 'App private key, any format (PKCS#1/PKCS#8, PEM/base64/DER); the key text itself may come in ALIPAY_PRIVATE_KEY' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand status" -l alipay-public-key-file -d 'Alipay public key (from the console), any format; the key text itself may come in ALIPAY_PUBLIC_KEY' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand status" -l sign-type -d 'Signature algorithm: RSA2 (SHA256withRSA) or RSA (SHA1withRSA, legacy) [default: RSA2]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand status" -l charset -d 'Request charset: utf-8 or gbk (gb2312 is an alias) [default: utf-8]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand status" -l token-dir -d 'Where logins are stored [default: the platform data dir, e.g. ~/.local/share/alipay-oauth/tokens]' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand status" -l connect-timeout -d 'Seconds to wait for a connection to the gateway' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand status" -l request-timeout -d 'Seconds to wait for the gateway\'s whole answer' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand status" -l app-cert-file -d 'Certificate mode: the app\'s certificate (appCertPublicKey_<app_id>.crt)' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand status" -l alipay-cert-file -d 'Certificate mode: Alipay\'s certificate (alipayCertPublicKey_RSA2.crt), whose key verifies answers' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand status" -l alipay-root-cert-file -d 'Certificate mode: Alipay\'s root certificate bundle (alipayRootCert.crt)' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand status" -l family -d 'The protocol family: alipay (the Open Platform v2 gateway of China and Global), antom (Antom, /ams/api) or alipayplus (Alipay+, /aps/api) [default: alipay]' -r -f -a "alipay\t''
antom\t''
alipayplus\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand status" -l region -d 'The Antom / Alipay+ domain: sea, na or eu (Antom only) [default: sea]; --gateway overrides it' -r -f -a "sea\t''
na\t''
eu\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand status" -l customer-belongs-to -d 'Antom\'s wallet, customerBelongsTo [default: ALIPAY_CN]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand status" -l auth-client-id -d 'Alipay+\'s authClientId' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand status" -l key-version -d 'The keyVersion of the Antom / Alipay+ Signature header [default: 1]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand status" -s o -l output -d 'Output format of stdout (and of errors on stderr) [default: human]' -r -f -a "human\t''
json\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand status" -s q -l quiet -d 'Only the essential result (a signature, a token) on stdout'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand status" -s v -l verbose -d 'Show the steps; -vv traces HTTP with secrets masked'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand status" -s h -l help -d 'Print help'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand status" -s V -l version -d 'Print version'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand config" -l profile -d 'A profile of the config file' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand config" -l config -d 'Config file [default: the platform config dir, e.g. ~/.config/alipay-oauth/config.toml]' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand config" -l env -d 'Which Alipay to talk to: picks the gateway and authorization URLs [default: production]' -r -f -a "production\t''
sandbox\t''
global\t''
emulator\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand config" -l gateway -d 'v2 gateway URL; overrides --env' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand config" -l authorize-url -d 'Authorization page URL; overrides --env' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand config" -l emulator-url -d 'Where `--env emulator` finds the emulator (its base URL, e.g. http://127.0.0.1:19300): moves its gateway and authorization URLs at once [default: http://127.0.0.1:9966]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand config" -l app-id -d 'The app id (APPID in the Alipay console)' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand config" -l private-key-file -d 'App private key, any format (PKCS#1/PKCS#8, PEM/base64/DER); the key text itself may come in ALIPAY_PRIVATE_KEY' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand config" -l alipay-public-key-file -d 'Alipay public key (from the console), any format; the key text itself may come in ALIPAY_PUBLIC_KEY' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand config" -l sign-type -d 'Signature algorithm: RSA2 (SHA256withRSA) or RSA (SHA1withRSA, legacy) [default: RSA2]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand config" -l charset -d 'Request charset: utf-8 or gbk (gb2312 is an alias) [default: utf-8]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand config" -l token-dir -d 'Where logins are stored [default: the platform data dir, e.g. ~/.local/share/alipay-oauth/tokens]' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand config" -l connect-timeout -d 'Seconds to wait for a connection to the gateway' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand config" -l request-timeout -d 'Seconds to wait for the gateway\'s whole answer' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand config" -l app-cert-file -d 'Certificate mode: the app\'s certificate (appCertPublicKey_<app_id>.crt)' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand config" -l alipay-cert-file -d 'Certificate mode: Alipay\'s certificate (alipayCertPublicKey_RSA2.crt), whose key verifies answers' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand config" -l alipay-root-cert-file -d 'Certificate mode: Alipay\'s root certificate bundle (alipayRootCert.crt)' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand config" -l family -d 'The protocol family: alipay (the Open Platform v2 gateway of China and Global), antom (Antom, /ams/api) or alipayplus (Alipay+, /aps/api) [default: alipay]' -r -f -a "alipay\t''
antom\t''
alipayplus\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand config" -l region -d 'The Antom / Alipay+ domain: sea, na or eu (Antom only) [default: sea]; --gateway overrides it' -r -f -a "sea\t''
na\t''
eu\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand config" -l customer-belongs-to -d 'Antom\'s wallet, customerBelongsTo [default: ALIPAY_CN]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand config" -l auth-client-id -d 'Alipay+\'s authClientId' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand config" -l key-version -d 'The keyVersion of the Antom / Alipay+ Signature header [default: 1]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand config" -s o -l output -d 'Output format of stdout (and of errors on stderr) [default: human]' -r -f -a "human\t''
json\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand config" -s q -l quiet -d 'Only the essential result (a signature, a token) on stdout'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand config" -s v -l verbose -d 'Show the steps; -vv traces HTTP with secrets masked'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand config" -s h -l help -d 'Print help'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand config" -s V -l version -d 'Print version'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand logout" -l subject -d 'Remove this login (an open_id or user_id)' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand logout" -l profile -d 'A profile of the config file' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand logout" -l config -d 'Config file [default: the platform config dir, e.g. ~/.config/alipay-oauth/config.toml]' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand logout" -l env -d 'Which Alipay to talk to: picks the gateway and authorization URLs [default: production]' -r -f -a "production\t''
sandbox\t''
global\t''
emulator\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand logout" -l gateway -d 'v2 gateway URL; overrides --env' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand logout" -l authorize-url -d 'Authorization page URL; overrides --env' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand logout" -l emulator-url -d 'Where `--env emulator` finds the emulator (its base URL, e.g. http://127.0.0.1:19300): moves its gateway and authorization URLs at once [default: http://127.0.0.1:9966]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand logout" -l app-id -d 'The app id (APPID in the Alipay console)' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand logout" -l private-key-file -d 'App private key, any format (PKCS#1/PKCS#8, PEM/base64/DER); the key text itself may come in ALIPAY_PRIVATE_KEY' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand logout" -l alipay-public-key-file -d 'Alipay public key (from the console), any format; the key text itself may come in ALIPAY_PUBLIC_KEY' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand logout" -l sign-type -d 'Signature algorithm: RSA2 (SHA256withRSA) or RSA (SHA1withRSA, legacy) [default: RSA2]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand logout" -l charset -d 'Request charset: utf-8 or gbk (gb2312 is an alias) [default: utf-8]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand logout" -l token-dir -d 'Where logins are stored [default: the platform data dir, e.g. ~/.local/share/alipay-oauth/tokens]' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand logout" -l connect-timeout -d 'Seconds to wait for a connection to the gateway' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand logout" -l request-timeout -d 'Seconds to wait for the gateway\'s whole answer' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand logout" -l app-cert-file -d 'Certificate mode: the app\'s certificate (appCertPublicKey_<app_id>.crt)' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand logout" -l alipay-cert-file -d 'Certificate mode: Alipay\'s certificate (alipayCertPublicKey_RSA2.crt), whose key verifies answers' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand logout" -l alipay-root-cert-file -d 'Certificate mode: Alipay\'s root certificate bundle (alipayRootCert.crt)' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand logout" -l family -d 'The protocol family: alipay (the Open Platform v2 gateway of China and Global), antom (Antom, /ams/api) or alipayplus (Alipay+, /aps/api) [default: alipay]' -r -f -a "alipay\t''
antom\t''
alipayplus\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand logout" -l region -d 'The Antom / Alipay+ domain: sea, na or eu (Antom only) [default: sea]; --gateway overrides it' -r -f -a "sea\t''
na\t''
eu\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand logout" -l customer-belongs-to -d 'Antom\'s wallet, customerBelongsTo [default: ALIPAY_CN]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand logout" -l auth-client-id -d 'Alipay+\'s authClientId' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand logout" -l key-version -d 'The keyVersion of the Antom / Alipay+ Signature header [default: 1]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand logout" -s o -l output -d 'Output format of stdout (and of errors on stderr) [default: human]' -r -f -a "human\t''
json\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand logout" -l all -d 'Remove every stored login of the app, not just the latest'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand logout" -l revoke -d 'Antom / Alipay+: revoke the access token first (revoke / cancelToken); a refused revocation keeps the login'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand logout" -s q -l quiet -d 'Only the essential result (a signature, a token) on stdout'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand logout" -s v -l verbose -d 'Show the steps; -vv traces HTTP with secrets masked'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand logout" -s h -l help -d 'Print help'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand logout" -s V -l version -d 'Print version'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and not __fish_seen_subcommand_from generate public convert match inspect cert-sn help" -l profile -d 'A profile of the config file' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and not __fish_seen_subcommand_from generate public convert match inspect cert-sn help" -l config -d 'Config file [default: the platform config dir, e.g. ~/.config/alipay-oauth/config.toml]' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and not __fish_seen_subcommand_from generate public convert match inspect cert-sn help" -l env -d 'Which Alipay to talk to: picks the gateway and authorization URLs [default: production]' -r -f -a "production\t''
sandbox\t''
global\t''
emulator\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and not __fish_seen_subcommand_from generate public convert match inspect cert-sn help" -l gateway -d 'v2 gateway URL; overrides --env' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and not __fish_seen_subcommand_from generate public convert match inspect cert-sn help" -l authorize-url -d 'Authorization page URL; overrides --env' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and not __fish_seen_subcommand_from generate public convert match inspect cert-sn help" -l emulator-url -d 'Where `--env emulator` finds the emulator (its base URL, e.g. http://127.0.0.1:19300): moves its gateway and authorization URLs at once [default: http://127.0.0.1:9966]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and not __fish_seen_subcommand_from generate public convert match inspect cert-sn help" -l app-id -d 'The app id (APPID in the Alipay console)' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and not __fish_seen_subcommand_from generate public convert match inspect cert-sn help" -l private-key-file -d 'App private key, any format (PKCS#1/PKCS#8, PEM/base64/DER); the key text itself may come in ALIPAY_PRIVATE_KEY' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and not __fish_seen_subcommand_from generate public convert match inspect cert-sn help" -l alipay-public-key-file -d 'Alipay public key (from the console), any format; the key text itself may come in ALIPAY_PUBLIC_KEY' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and not __fish_seen_subcommand_from generate public convert match inspect cert-sn help" -l sign-type -d 'Signature algorithm: RSA2 (SHA256withRSA) or RSA (SHA1withRSA, legacy) [default: RSA2]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and not __fish_seen_subcommand_from generate public convert match inspect cert-sn help" -l charset -d 'Request charset: utf-8 or gbk (gb2312 is an alias) [default: utf-8]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and not __fish_seen_subcommand_from generate public convert match inspect cert-sn help" -l token-dir -d 'Where logins are stored [default: the platform data dir, e.g. ~/.local/share/alipay-oauth/tokens]' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and not __fish_seen_subcommand_from generate public convert match inspect cert-sn help" -l connect-timeout -d 'Seconds to wait for a connection to the gateway' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and not __fish_seen_subcommand_from generate public convert match inspect cert-sn help" -l request-timeout -d 'Seconds to wait for the gateway\'s whole answer' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and not __fish_seen_subcommand_from generate public convert match inspect cert-sn help" -l app-cert-file -d 'Certificate mode: the app\'s certificate (appCertPublicKey_<app_id>.crt)' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and not __fish_seen_subcommand_from generate public convert match inspect cert-sn help" -l alipay-cert-file -d 'Certificate mode: Alipay\'s certificate (alipayCertPublicKey_RSA2.crt), whose key verifies answers' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and not __fish_seen_subcommand_from generate public convert match inspect cert-sn help" -l alipay-root-cert-file -d 'Certificate mode: Alipay\'s root certificate bundle (alipayRootCert.crt)' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and not __fish_seen_subcommand_from generate public convert match inspect cert-sn help" -l family -d 'The protocol family: alipay (the Open Platform v2 gateway of China and Global), antom (Antom, /ams/api) or alipayplus (Alipay+, /aps/api) [default: alipay]' -r -f -a "alipay\t''
antom\t''
alipayplus\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and not __fish_seen_subcommand_from generate public convert match inspect cert-sn help" -l region -d 'The Antom / Alipay+ domain: sea, na or eu (Antom only) [default: sea]; --gateway overrides it' -r -f -a "sea\t''
na\t''
eu\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and not __fish_seen_subcommand_from generate public convert match inspect cert-sn help" -l customer-belongs-to -d 'Antom\'s wallet, customerBelongsTo [default: ALIPAY_CN]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and not __fish_seen_subcommand_from generate public convert match inspect cert-sn help" -l auth-client-id -d 'Alipay+\'s authClientId' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and not __fish_seen_subcommand_from generate public convert match inspect cert-sn help" -l key-version -d 'The keyVersion of the Antom / Alipay+ Signature header [default: 1]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and not __fish_seen_subcommand_from generate public convert match inspect cert-sn help" -s o -l output -d 'Output format of stdout (and of errors on stderr) [default: human]' -r -f -a "human\t''
json\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and not __fish_seen_subcommand_from generate public convert match inspect cert-sn help" -s q -l quiet -d 'Only the essential result (a signature, a token) on stdout'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and not __fish_seen_subcommand_from generate public convert match inspect cert-sn help" -s v -l verbose -d 'Show the steps; -vv traces HTTP with secrets masked'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and not __fish_seen_subcommand_from generate public convert match inspect cert-sn help" -s h -l help -d 'Print help'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and not __fish_seen_subcommand_from generate public convert match inspect cert-sn help" -s V -l version -d 'Print version'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and not __fish_seen_subcommand_from generate public convert match inspect cert-sn help" -f -a "generate" -d 'Generate an RSA key pair: the private key to a file (0600), the public key to upload on stdout'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and not __fish_seen_subcommand_from generate public convert match inspect cert-sn help" -f -a "public" -d 'The public key (SPKI) of a private key, a public key or a certificate'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and not __fish_seen_subcommand_from generate public convert match inspect cert-sn help" -f -a "convert" -d 'Convert a key between PKCS#1, PKCS#8 and SPKI, PEM, one-line base64 and DER'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and not __fish_seen_subcommand_from generate public convert match inspect cert-sn help" -f -a "match" -d 'Does this private key belong to this public key (or certificate)? Exit 0 yes, 6 no'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and not __fish_seen_subcommand_from generate public convert match inspect cert-sn help" -f -a "inspect" -d 'What a file holds: kind, format, encoding, bits, SHA-256 fingerprint of the public key'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and not __fish_seen_subcommand_from generate public convert match inspect cert-sn help" -f -a "cert-sn" -d 'The SN of a certificate, or with --root the alipay_root_cert_sn of a root bundle'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and not __fish_seen_subcommand_from generate public convert match inspect cert-sn help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from generate" -l bits -d 'Key size' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from generate" -l format -d 'Private key structure: pkcs8 (Java SDK, Alipay key tool) or pkcs1 (Python SDK)' -r -f -a "pkcs8\t''
pkcs1\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from generate" -l encoding -d 'PEM, or one-line base64 as the console shows keys' -r -f -a "pem\t''
bare\t''
der\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from generate" -l out -d 'Where to write the private key' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from generate" -l profile -d 'A profile of the config file' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from generate" -l config -d 'Config file [default: the platform config dir, e.g. ~/.config/alipay-oauth/config.toml]' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from generate" -l env -d 'Which Alipay to talk to: picks the gateway and authorization URLs [default: production]' -r -f -a "production\t''
sandbox\t''
global\t''
emulator\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from generate" -l gateway -d 'v2 gateway URL; overrides --env' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from generate" -l authorize-url -d 'Authorization page URL; overrides --env' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from generate" -l emulator-url -d 'Where `--env emulator` finds the emulator (its base URL, e.g. http://127.0.0.1:19300): moves its gateway and authorization URLs at once [default: http://127.0.0.1:9966]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from generate" -l app-id -d 'The app id (APPID in the Alipay console)' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from generate" -l private-key-file -d 'App private key, any format (PKCS#1/PKCS#8, PEM/base64/DER); the key text itself may come in ALIPAY_PRIVATE_KEY' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from generate" -l alipay-public-key-file -d 'Alipay public key (from the console), any format; the key text itself may come in ALIPAY_PUBLIC_KEY' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from generate" -l sign-type -d 'Signature algorithm: RSA2 (SHA256withRSA) or RSA (SHA1withRSA, legacy) [default: RSA2]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from generate" -l charset -d 'Request charset: utf-8 or gbk (gb2312 is an alias) [default: utf-8]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from generate" -l token-dir -d 'Where logins are stored [default: the platform data dir, e.g. ~/.local/share/alipay-oauth/tokens]' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from generate" -l connect-timeout -d 'Seconds to wait for a connection to the gateway' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from generate" -l request-timeout -d 'Seconds to wait for the gateway\'s whole answer' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from generate" -l app-cert-file -d 'Certificate mode: the app\'s certificate (appCertPublicKey_<app_id>.crt)' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from generate" -l alipay-cert-file -d 'Certificate mode: Alipay\'s certificate (alipayCertPublicKey_RSA2.crt), whose key verifies answers' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from generate" -l alipay-root-cert-file -d 'Certificate mode: Alipay\'s root certificate bundle (alipayRootCert.crt)' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from generate" -l family -d 'The protocol family: alipay (the Open Platform v2 gateway of China and Global), antom (Antom, /ams/api) or alipayplus (Alipay+, /aps/api) [default: alipay]' -r -f -a "alipay\t''
antom\t''
alipayplus\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from generate" -l region -d 'The Antom / Alipay+ domain: sea, na or eu (Antom only) [default: sea]; --gateway overrides it' -r -f -a "sea\t''
na\t''
eu\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from generate" -l customer-belongs-to -d 'Antom\'s wallet, customerBelongsTo [default: ALIPAY_CN]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from generate" -l auth-client-id -d 'Alipay+\'s authClientId' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from generate" -l key-version -d 'The keyVersion of the Antom / Alipay+ Signature header [default: 1]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from generate" -s o -l output -d 'Output format of stdout (and of errors on stderr) [default: human]' -r -f -a "human\t''
json\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from generate" -l force -d 'Replace an existing file'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from generate" -s q -l quiet -d 'Only the essential result (a signature, a token) on stdout'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from generate" -s v -l verbose -d 'Show the steps; -vv traces HTTP with secrets masked'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from generate" -s h -l help -d 'Print help'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from generate" -s V -l version -d 'Print version'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from public" -l encoding -d 'PEM, one-line base64 (as the console shows keys) or binary DER' -r -f -a "pem\t''
bare\t''
der\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from public" -l profile -d 'A profile of the config file' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from public" -l config -d 'Config file [default: the platform config dir, e.g. ~/.config/alipay-oauth/config.toml]' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from public" -l env -d 'Which Alipay to talk to: picks the gateway and authorization URLs [default: production]' -r -f -a "production\t''
sandbox\t''
global\t''
emulator\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from public" -l gateway -d 'v2 gateway URL; overrides --env' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from public" -l authorize-url -d 'Authorization page URL; overrides --env' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from public" -l emulator-url -d 'Where `--env emulator` finds the emulator (its base URL, e.g. http://127.0.0.1:19300): moves its gateway and authorization URLs at once [default: http://127.0.0.1:9966]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from public" -l app-id -d 'The app id (APPID in the Alipay console)' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from public" -l private-key-file -d 'App private key, any format (PKCS#1/PKCS#8, PEM/base64/DER); the key text itself may come in ALIPAY_PRIVATE_KEY' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from public" -l alipay-public-key-file -d 'Alipay public key (from the console), any format; the key text itself may come in ALIPAY_PUBLIC_KEY' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from public" -l sign-type -d 'Signature algorithm: RSA2 (SHA256withRSA) or RSA (SHA1withRSA, legacy) [default: RSA2]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from public" -l charset -d 'Request charset: utf-8 or gbk (gb2312 is an alias) [default: utf-8]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from public" -l token-dir -d 'Where logins are stored [default: the platform data dir, e.g. ~/.local/share/alipay-oauth/tokens]' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from public" -l connect-timeout -d 'Seconds to wait for a connection to the gateway' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from public" -l request-timeout -d 'Seconds to wait for the gateway\'s whole answer' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from public" -l app-cert-file -d 'Certificate mode: the app\'s certificate (appCertPublicKey_<app_id>.crt)' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from public" -l alipay-cert-file -d 'Certificate mode: Alipay\'s certificate (alipayCertPublicKey_RSA2.crt), whose key verifies answers' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from public" -l alipay-root-cert-file -d 'Certificate mode: Alipay\'s root certificate bundle (alipayRootCert.crt)' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from public" -l family -d 'The protocol family: alipay (the Open Platform v2 gateway of China and Global), antom (Antom, /ams/api) or alipayplus (Alipay+, /aps/api) [default: alipay]' -r -f -a "alipay\t''
antom\t''
alipayplus\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from public" -l region -d 'The Antom / Alipay+ domain: sea, na or eu (Antom only) [default: sea]; --gateway overrides it' -r -f -a "sea\t''
na\t''
eu\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from public" -l customer-belongs-to -d 'Antom\'s wallet, customerBelongsTo [default: ALIPAY_CN]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from public" -l auth-client-id -d 'Alipay+\'s authClientId' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from public" -l key-version -d 'The keyVersion of the Antom / Alipay+ Signature header [default: 1]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from public" -s o -l output -d 'Output format of stdout (and of errors on stderr) [default: human]' -r -f -a "human\t''
json\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from public" -s q -l quiet -d 'Only the essential result (a signature, a token) on stdout'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from public" -s v -l verbose -d 'Show the steps; -vv traces HTTP with secrets masked'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from public" -s h -l help -d 'Print help'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from public" -s V -l version -d 'Print version'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from convert" -l to -d 'Target structure: pkcs1 or pkcs8 for a private key (pkcs1 for the Python SDK), spki for a public key' -r -f -a "pkcs1\t''
pkcs8\t''
spki\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from convert" -l encoding -d 'PEM, one-line base64 (as the console shows keys) or binary DER' -r -f -a "pem\t''
bare\t''
der\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from convert" -l out -d 'Write here (mode 0600 for private keys) instead of stdout' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from convert" -l profile -d 'A profile of the config file' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from convert" -l config -d 'Config file [default: the platform config dir, e.g. ~/.config/alipay-oauth/config.toml]' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from convert" -l env -d 'Which Alipay to talk to: picks the gateway and authorization URLs [default: production]' -r -f -a "production\t''
sandbox\t''
global\t''
emulator\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from convert" -l gateway -d 'v2 gateway URL; overrides --env' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from convert" -l authorize-url -d 'Authorization page URL; overrides --env' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from convert" -l emulator-url -d 'Where `--env emulator` finds the emulator (its base URL, e.g. http://127.0.0.1:19300): moves its gateway and authorization URLs at once [default: http://127.0.0.1:9966]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from convert" -l app-id -d 'The app id (APPID in the Alipay console)' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from convert" -l private-key-file -d 'App private key, any format (PKCS#1/PKCS#8, PEM/base64/DER); the key text itself may come in ALIPAY_PRIVATE_KEY' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from convert" -l alipay-public-key-file -d 'Alipay public key (from the console), any format; the key text itself may come in ALIPAY_PUBLIC_KEY' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from convert" -l sign-type -d 'Signature algorithm: RSA2 (SHA256withRSA) or RSA (SHA1withRSA, legacy) [default: RSA2]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from convert" -l charset -d 'Request charset: utf-8 or gbk (gb2312 is an alias) [default: utf-8]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from convert" -l token-dir -d 'Where logins are stored [default: the platform data dir, e.g. ~/.local/share/alipay-oauth/tokens]' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from convert" -l connect-timeout -d 'Seconds to wait for a connection to the gateway' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from convert" -l request-timeout -d 'Seconds to wait for the gateway\'s whole answer' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from convert" -l app-cert-file -d 'Certificate mode: the app\'s certificate (appCertPublicKey_<app_id>.crt)' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from convert" -l alipay-cert-file -d 'Certificate mode: Alipay\'s certificate (alipayCertPublicKey_RSA2.crt), whose key verifies answers' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from convert" -l alipay-root-cert-file -d 'Certificate mode: Alipay\'s root certificate bundle (alipayRootCert.crt)' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from convert" -l family -d 'The protocol family: alipay (the Open Platform v2 gateway of China and Global), antom (Antom, /ams/api) or alipayplus (Alipay+, /aps/api) [default: alipay]' -r -f -a "alipay\t''
antom\t''
alipayplus\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from convert" -l region -d 'The Antom / Alipay+ domain: sea, na or eu (Antom only) [default: sea]; --gateway overrides it' -r -f -a "sea\t''
na\t''
eu\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from convert" -l customer-belongs-to -d 'Antom\'s wallet, customerBelongsTo [default: ALIPAY_CN]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from convert" -l auth-client-id -d 'Alipay+\'s authClientId' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from convert" -l key-version -d 'The keyVersion of the Antom / Alipay+ Signature header [default: 1]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from convert" -s o -l output -d 'Output format of stdout (and of errors on stderr) [default: human]' -r -f -a "human\t''
json\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from convert" -l force -d 'Replace an existing --out file'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from convert" -s q -l quiet -d 'Only the essential result (a signature, a token) on stdout'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from convert" -s v -l verbose -d 'Show the steps; -vv traces HTTP with secrets masked'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from convert" -s h -l help -d 'Print help'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from convert" -s V -l version -d 'Print version'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from match" -l public-key-file -d 'The public key or certificate to compare with [default: the configured Alipay public key]' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from match" -l profile -d 'A profile of the config file' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from match" -l config -d 'Config file [default: the platform config dir, e.g. ~/.config/alipay-oauth/config.toml]' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from match" -l env -d 'Which Alipay to talk to: picks the gateway and authorization URLs [default: production]' -r -f -a "production\t''
sandbox\t''
global\t''
emulator\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from match" -l gateway -d 'v2 gateway URL; overrides --env' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from match" -l authorize-url -d 'Authorization page URL; overrides --env' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from match" -l emulator-url -d 'Where `--env emulator` finds the emulator (its base URL, e.g. http://127.0.0.1:19300): moves its gateway and authorization URLs at once [default: http://127.0.0.1:9966]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from match" -l app-id -d 'The app id (APPID in the Alipay console)' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from match" -l private-key-file -d 'App private key, any format (PKCS#1/PKCS#8, PEM/base64/DER); the key text itself may come in ALIPAY_PRIVATE_KEY' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from match" -l alipay-public-key-file -d 'Alipay public key (from the console), any format; the key text itself may come in ALIPAY_PUBLIC_KEY' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from match" -l sign-type -d 'Signature algorithm: RSA2 (SHA256withRSA) or RSA (SHA1withRSA, legacy) [default: RSA2]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from match" -l charset -d 'Request charset: utf-8 or gbk (gb2312 is an alias) [default: utf-8]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from match" -l token-dir -d 'Where logins are stored [default: the platform data dir, e.g. ~/.local/share/alipay-oauth/tokens]' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from match" -l connect-timeout -d 'Seconds to wait for a connection to the gateway' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from match" -l request-timeout -d 'Seconds to wait for the gateway\'s whole answer' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from match" -l app-cert-file -d 'Certificate mode: the app\'s certificate (appCertPublicKey_<app_id>.crt)' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from match" -l alipay-cert-file -d 'Certificate mode: Alipay\'s certificate (alipayCertPublicKey_RSA2.crt), whose key verifies answers' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from match" -l alipay-root-cert-file -d 'Certificate mode: Alipay\'s root certificate bundle (alipayRootCert.crt)' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from match" -l family -d 'The protocol family: alipay (the Open Platform v2 gateway of China and Global), antom (Antom, /ams/api) or alipayplus (Alipay+, /aps/api) [default: alipay]' -r -f -a "alipay\t''
antom\t''
alipayplus\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from match" -l region -d 'The Antom / Alipay+ domain: sea, na or eu (Antom only) [default: sea]; --gateway overrides it' -r -f -a "sea\t''
na\t''
eu\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from match" -l customer-belongs-to -d 'Antom\'s wallet, customerBelongsTo [default: ALIPAY_CN]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from match" -l auth-client-id -d 'Alipay+\'s authClientId' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from match" -l key-version -d 'The keyVersion of the Antom / Alipay+ Signature header [default: 1]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from match" -s o -l output -d 'Output format of stdout (and of errors on stderr) [default: human]' -r -f -a "human\t''
json\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from match" -s q -l quiet -d 'Only the essential result (a signature, a token) on stdout'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from match" -s v -l verbose -d 'Show the steps; -vv traces HTTP with secrets masked'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from match" -s h -l help -d 'Print help'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from match" -s V -l version -d 'Print version'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from inspect" -l profile -d 'A profile of the config file' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from inspect" -l config -d 'Config file [default: the platform config dir, e.g. ~/.config/alipay-oauth/config.toml]' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from inspect" -l env -d 'Which Alipay to talk to: picks the gateway and authorization URLs [default: production]' -r -f -a "production\t''
sandbox\t''
global\t''
emulator\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from inspect" -l gateway -d 'v2 gateway URL; overrides --env' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from inspect" -l authorize-url -d 'Authorization page URL; overrides --env' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from inspect" -l emulator-url -d 'Where `--env emulator` finds the emulator (its base URL, e.g. http://127.0.0.1:19300): moves its gateway and authorization URLs at once [default: http://127.0.0.1:9966]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from inspect" -l app-id -d 'The app id (APPID in the Alipay console)' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from inspect" -l private-key-file -d 'App private key, any format (PKCS#1/PKCS#8, PEM/base64/DER); the key text itself may come in ALIPAY_PRIVATE_KEY' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from inspect" -l alipay-public-key-file -d 'Alipay public key (from the console), any format; the key text itself may come in ALIPAY_PUBLIC_KEY' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from inspect" -l sign-type -d 'Signature algorithm: RSA2 (SHA256withRSA) or RSA (SHA1withRSA, legacy) [default: RSA2]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from inspect" -l charset -d 'Request charset: utf-8 or gbk (gb2312 is an alias) [default: utf-8]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from inspect" -l token-dir -d 'Where logins are stored [default: the platform data dir, e.g. ~/.local/share/alipay-oauth/tokens]' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from inspect" -l connect-timeout -d 'Seconds to wait for a connection to the gateway' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from inspect" -l request-timeout -d 'Seconds to wait for the gateway\'s whole answer' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from inspect" -l app-cert-file -d 'Certificate mode: the app\'s certificate (appCertPublicKey_<app_id>.crt)' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from inspect" -l alipay-cert-file -d 'Certificate mode: Alipay\'s certificate (alipayCertPublicKey_RSA2.crt), whose key verifies answers' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from inspect" -l alipay-root-cert-file -d 'Certificate mode: Alipay\'s root certificate bundle (alipayRootCert.crt)' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from inspect" -l family -d 'The protocol family: alipay (the Open Platform v2 gateway of China and Global), antom (Antom, /ams/api) or alipayplus (Alipay+, /aps/api) [default: alipay]' -r -f -a "alipay\t''
antom\t''
alipayplus\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from inspect" -l region -d 'The Antom / Alipay+ domain: sea, na or eu (Antom only) [default: sea]; --gateway overrides it' -r -f -a "sea\t''
na\t''
eu\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from inspect" -l customer-belongs-to -d 'Antom\'s wallet, customerBelongsTo [default: ALIPAY_CN]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from inspect" -l auth-client-id -d 'Alipay+\'s authClientId' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from inspect" -l key-version -d 'The keyVersion of the Antom / Alipay+ Signature header [default: 1]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from inspect" -s o -l output -d 'Output format of stdout (and of errors on stderr) [default: human]' -r -f -a "human\t''
json\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from inspect" -s q -l quiet -d 'Only the essential result (a signature, a token) on stdout'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from inspect" -s v -l verbose -d 'Show the steps; -vv traces HTTP with secrets masked'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from inspect" -s V -l version -d 'Print version'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from cert-sn" -l profile -d 'A profile of the config file' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from cert-sn" -l config -d 'Config file [default: the platform config dir, e.g. ~/.config/alipay-oauth/config.toml]' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from cert-sn" -l env -d 'Which Alipay to talk to: picks the gateway and authorization URLs [default: production]' -r -f -a "production\t''
sandbox\t''
global\t''
emulator\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from cert-sn" -l gateway -d 'v2 gateway URL; overrides --env' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from cert-sn" -l authorize-url -d 'Authorization page URL; overrides --env' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from cert-sn" -l emulator-url -d 'Where `--env emulator` finds the emulator (its base URL, e.g. http://127.0.0.1:19300): moves its gateway and authorization URLs at once [default: http://127.0.0.1:9966]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from cert-sn" -l app-id -d 'The app id (APPID in the Alipay console)' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from cert-sn" -l private-key-file -d 'App private key, any format (PKCS#1/PKCS#8, PEM/base64/DER); the key text itself may come in ALIPAY_PRIVATE_KEY' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from cert-sn" -l alipay-public-key-file -d 'Alipay public key (from the console), any format; the key text itself may come in ALIPAY_PUBLIC_KEY' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from cert-sn" -l sign-type -d 'Signature algorithm: RSA2 (SHA256withRSA) or RSA (SHA1withRSA, legacy) [default: RSA2]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from cert-sn" -l charset -d 'Request charset: utf-8 or gbk (gb2312 is an alias) [default: utf-8]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from cert-sn" -l token-dir -d 'Where logins are stored [default: the platform data dir, e.g. ~/.local/share/alipay-oauth/tokens]' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from cert-sn" -l connect-timeout -d 'Seconds to wait for a connection to the gateway' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from cert-sn" -l request-timeout -d 'Seconds to wait for the gateway\'s whole answer' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from cert-sn" -l app-cert-file -d 'Certificate mode: the app\'s certificate (appCertPublicKey_<app_id>.crt)' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from cert-sn" -l alipay-cert-file -d 'Certificate mode: Alipay\'s certificate (alipayCertPublicKey_RSA2.crt), whose key verifies answers' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from cert-sn" -l alipay-root-cert-file -d 'Certificate mode: Alipay\'s root certificate bundle (alipayRootCert.crt)' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from cert-sn" -l family -d 'The protocol family: alipay (the Open Platform v2 gateway of China and Global), antom (Antom, /ams/api) or alipayplus (Alipay+, /aps/api) [default: alipay]' -r -f -a "alipay\t''
antom\t''
alipayplus\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from cert-sn" -l region -d 'The Antom / Alipay+ domain: sea, na or eu (Antom only) [default: sea]; --gateway overrides it' -r -f -a "sea\t''
na\t''
eu\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from cert-sn" -l customer-belongs-to -d 'Antom\'s wallet, customerBelongsTo [default: ALIPAY_CN]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from cert-sn" -l auth-client-id -d 'Alipay+\'s authClientId' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from cert-sn" -l key-version -d 'The keyVersion of the Antom / Alipay+ Signature header [default: 1]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from cert-sn" -s o -l output -d 'Output format of stdout (and of errors on stderr) [default: human]' -r -f -a "human\t''
json\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from cert-sn" -l root -d 'FILE is Alipay\'s root bundle (alipayRootCert.crt): print the alipay_root_cert_sn made from its RSA certificates'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from cert-sn" -s q -l quiet -d 'Only the essential result (a signature, a token) on stdout'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from cert-sn" -s v -l verbose -d 'Show the steps; -vv traces HTTP with secrets masked'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from cert-sn" -s h -l help -d 'Print help'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from cert-sn" -s V -l version -d 'Print version'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "generate" -d 'Generate an RSA key pair: the private key to a file (0600), the public key to upload on stdout'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "public" -d 'The public key (SPKI) of a private key, a public key or a certificate'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "convert" -d 'Convert a key between PKCS#1, PKCS#8 and SPKI, PEM, one-line base64 and DER'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "match" -d 'Does this private key belong to this public key (or certificate)? Exit 0 yes, 6 no'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "inspect" -d 'What a file holds: kind, format, encoding, bits, SHA-256 fingerprint of the public key'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "cert-sn" -d 'The SN of a certificate, or with --root the alipay_root_cert_sn of a root bundle'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand emulator" -l port -d 'Port to listen on (0: any free port) [default: 9966]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand emulator" -l bind -d 'Address to listen on; anything but loopback exposes the emulator to the network' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand emulator" -l app-public-key-file -d 'The app\'s public key (the app id comes from --app-id, default 2021000000000000)' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand emulator" -l generate-app-key -d 'Make a fresh app key pair: write the private key here (mode 0600) and register its public key' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand emulator" -l apps-file -d 'A TOML file registering several apps ([[apps]] with app_id, public_key_file, redirect_domains, id_mode, member_info, group, name)' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand emulator" -l alipay-private-key-file -d 'Alipay\'s private key to sign with [default: a fresh one]' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand emulator" -l alipay-public-key-out -d 'Write the Alipay public key (PEM) here, for clients to verify with' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand emulator" -l redirect-domain -d 'The app\'s authorization callback domain (repeatable); loopback hosts are always allowed' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand emulator" -l id-mode -d 'Which user ids the app receives: open_id (apps since 2023), user_id (older apps), or both' -r -f -a "open_id\t''
user_id\t''
both\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand emulator" -l code-ttl -d 'Lifetime of auth codes, in seconds' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand emulator" -l token-ttl -d 'Lifetime of access tokens, in seconds' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand emulator" -l refresh-ttl -d 'Lifetime of refresh tokens, in seconds' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand emulator" -l timestamp-window -d 'How far request timestamps may be from Beijing time, in seconds' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand emulator" -l fault -d 'A fault for the next gateway responses (repeatable): error:SUB_CODE, delay:MILLIS, tamper, wrong-key, unsigned, http:STATUS, truncate or wrong-cert-sn (certificate mode: the answer names another Alipay certificate), with an optional /COUNT' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand emulator" -l threads -d 'Worker threads (1 to 256)' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand emulator" -l tls -d 'Serve https: issue a throwaway CA and a certificate for localhost, 127.0.0.1 and ::1, and write the CA to DIR/ca.pem for clients (SSL_CERT_FILE=DIR/ca.pem). The server\'s key never leaves memory. The -o json start-up line gains "tls": {"ca_file": PATH}' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand emulator" -l idle-timeout -d 'Close a connection that starts no request for this long, in seconds' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand emulator" -l header-timeout -d 'Close a connection whose request head (line and headers) takes longer, in seconds' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand emulator" -l body-timeout -d 'Answer 408 when a request body takes longer to arrive, in seconds' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand emulator" -l max-connections -d 'Connections open at once; more are answered 503 and closed' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand emulator" -l cert-dir -d 'Public-key-certificate mode: issue a root CA and certificates for Alipay and each app, write them here (alipayRootCert.crt, alipayCertPublicKey_RSA2.crt, appCertPublicKey_<app_id>.crt), and require app_cert_sn / alipay_root_cert_sn' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand emulator" -l profile -d 'A profile of the config file' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand emulator" -l config -d 'Config file [default: the platform config dir, e.g. ~/.config/alipay-oauth/config.toml]' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand emulator" -l env -d 'Which Alipay to talk to: picks the gateway and authorization URLs [default: production]' -r -f -a "production\t''
sandbox\t''
global\t''
emulator\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand emulator" -l gateway -d 'v2 gateway URL; overrides --env' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand emulator" -l authorize-url -d 'Authorization page URL; overrides --env' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand emulator" -l emulator-url -d 'Where `--env emulator` finds the emulator (its base URL, e.g. http://127.0.0.1:19300): moves its gateway and authorization URLs at once [default: http://127.0.0.1:9966]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand emulator" -l app-id -d 'The app id (APPID in the Alipay console)' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand emulator" -l private-key-file -d 'App private key, any format (PKCS#1/PKCS#8, PEM/base64/DER); the key text itself may come in ALIPAY_PRIVATE_KEY' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand emulator" -l alipay-public-key-file -d 'Alipay public key (from the console), any format; the key text itself may come in ALIPAY_PUBLIC_KEY' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand emulator" -l sign-type -d 'Signature algorithm: RSA2 (SHA256withRSA) or RSA (SHA1withRSA, legacy) [default: RSA2]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand emulator" -l charset -d 'Request charset: utf-8 or gbk (gb2312 is an alias) [default: utf-8]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand emulator" -l token-dir -d 'Where logins are stored [default: the platform data dir, e.g. ~/.local/share/alipay-oauth/tokens]' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand emulator" -l connect-timeout -d 'Seconds to wait for a connection to the gateway' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand emulator" -l request-timeout -d 'Seconds to wait for the gateway\'s whole answer' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand emulator" -l app-cert-file -d 'Certificate mode: the app\'s certificate (appCertPublicKey_<app_id>.crt)' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand emulator" -l alipay-cert-file -d 'Certificate mode: Alipay\'s certificate (alipayCertPublicKey_RSA2.crt), whose key verifies answers' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand emulator" -l alipay-root-cert-file -d 'Certificate mode: Alipay\'s root certificate bundle (alipayRootCert.crt)' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand emulator" -l family -d 'The protocol family: alipay (the Open Platform v2 gateway of China and Global), antom (Antom, /ams/api) or alipayplus (Alipay+, /aps/api) [default: alipay]' -r -f -a "alipay\t''
antom\t''
alipayplus\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand emulator" -l region -d 'The Antom / Alipay+ domain: sea, na or eu (Antom only) [default: sea]; --gateway overrides it' -r -f -a "sea\t''
na\t''
eu\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand emulator" -l customer-belongs-to -d 'Antom\'s wallet, customerBelongsTo [default: ALIPAY_CN]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand emulator" -l auth-client-id -d 'Alipay+\'s authClientId' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand emulator" -l key-version -d 'The keyVersion of the Antom / Alipay+ Signature header [default: 1]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand emulator" -s o -l output -d 'Output format of stdout (and of errors on stderr) [default: human]' -r -f -a "human\t''
json\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand emulator" -l auto-approve -d 'Approve every authorization at once as the first test user (for CI)'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand emulator" -l strict-redirects -d 'Refuse loopback redirect URIs unless their host is a --redirect-domain (as Alipay does)'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand emulator" -l no-member-info -d 'The app lacks the member-info capability (user info answers isv.insufficient-isv-permissions)'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand emulator" -s q -l quiet -d 'Only the essential result (a signature, a token) on stdout'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand emulator" -s v -l verbose -d 'Show the steps; -vv traces HTTP with secrets masked'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand emulator" -s h -l help -d 'Print help'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand emulator" -s V -l version -d 'Print version'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand proxy" -l listen -d 'Where the application connects: HOST:PORT (port 0 picks a free one)' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand proxy" -l upstream -d 'Where to forward (http or https); a trailing /gateway.do is dropped, since the application sends its own path [default: the gateway of --env or --gateway]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand proxy" -l app-public-key-file -d 'The app public key the requests are checked with (a certificate works too) [default: derived from --private-key-file]' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand proxy" -l record -d 'Keep each exchange here (a private directory; 0600 files): the raw request and answer, the answer\'s body, and the `verify` command that replays it' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand proxy" -l record-limit -d 'The most --record writes in one run, in MiB; later exchanges are not recorded' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand proxy" -l profile -d 'A profile of the config file' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand proxy" -l config -d 'Config file [default: the platform config dir, e.g. ~/.config/alipay-oauth/config.toml]' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand proxy" -l env -d 'Which Alipay to talk to: picks the gateway and authorization URLs [default: production]' -r -f -a "production\t''
sandbox\t''
global\t''
emulator\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand proxy" -l gateway -d 'v2 gateway URL; overrides --env' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand proxy" -l authorize-url -d 'Authorization page URL; overrides --env' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand proxy" -l emulator-url -d 'Where `--env emulator` finds the emulator (its base URL, e.g. http://127.0.0.1:19300): moves its gateway and authorization URLs at once [default: http://127.0.0.1:9966]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand proxy" -l app-id -d 'The app id (APPID in the Alipay console)' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand proxy" -l private-key-file -d 'App private key, any format (PKCS#1/PKCS#8, PEM/base64/DER); the key text itself may come in ALIPAY_PRIVATE_KEY' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand proxy" -l alipay-public-key-file -d 'Alipay public key (from the console), any format; the key text itself may come in ALIPAY_PUBLIC_KEY' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand proxy" -l sign-type -d 'Signature algorithm: RSA2 (SHA256withRSA) or RSA (SHA1withRSA, legacy) [default: RSA2]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand proxy" -l charset -d 'Request charset: utf-8 or gbk (gb2312 is an alias) [default: utf-8]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand proxy" -l token-dir -d 'Where logins are stored [default: the platform data dir, e.g. ~/.local/share/alipay-oauth/tokens]' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand proxy" -l connect-timeout -d 'Seconds to wait for a connection to the gateway' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand proxy" -l request-timeout -d 'Seconds to wait for the gateway\'s whole answer' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand proxy" -l app-cert-file -d 'Certificate mode: the app\'s certificate (appCertPublicKey_<app_id>.crt)' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand proxy" -l alipay-cert-file -d 'Certificate mode: Alipay\'s certificate (alipayCertPublicKey_RSA2.crt), whose key verifies answers' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand proxy" -l alipay-root-cert-file -d 'Certificate mode: Alipay\'s root certificate bundle (alipayRootCert.crt)' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand proxy" -l family -d 'The protocol family: alipay (the Open Platform v2 gateway of China and Global), antom (Antom, /ams/api) or alipayplus (Alipay+, /aps/api) [default: alipay]' -r -f -a "alipay\t''
antom\t''
alipayplus\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand proxy" -l region -d 'The Antom / Alipay+ domain: sea, na or eu (Antom only) [default: sea]; --gateway overrides it' -r -f -a "sea\t''
na\t''
eu\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand proxy" -l customer-belongs-to -d 'Antom\'s wallet, customerBelongsTo [default: ALIPAY_CN]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand proxy" -l auth-client-id -d 'Alipay+\'s authClientId' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand proxy" -l key-version -d 'The keyVersion of the Antom / Alipay+ Signature header [default: 1]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand proxy" -s o -l output -d 'Output format of stdout (and of errors on stderr) [default: human]' -r -f -a "human\t''
json\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand proxy" -l allow-remote-listen -d 'Let --listen use an address that is not loopback (the traffic carries tokens)'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand proxy" -l show-secrets -d 'Show and record tokens, codes and request signatures unmasked'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand proxy" -s q -l quiet -d 'Only the essential result (a signature, a token) on stdout'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand proxy" -s v -l verbose -d 'Show the steps; -vv traces HTTP with secrets masked'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand proxy" -s h -l help -d 'Print help'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand proxy" -s V -l version -d 'Print version'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand doctor" -l app-public-key-file -d 'The app public key uploaded to the console, to check it matches the private key' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand doctor" -l profile -d 'A profile of the config file' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand doctor" -l config -d 'Config file [default: the platform config dir, e.g. ~/.config/alipay-oauth/config.toml]' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand doctor" -l env -d 'Which Alipay to talk to: picks the gateway and authorization URLs [default: production]' -r -f -a "production\t''
sandbox\t''
global\t''
emulator\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand doctor" -l gateway -d 'v2 gateway URL; overrides --env' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand doctor" -l authorize-url -d 'Authorization page URL; overrides --env' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand doctor" -l emulator-url -d 'Where `--env emulator` finds the emulator (its base URL, e.g. http://127.0.0.1:19300): moves its gateway and authorization URLs at once [default: http://127.0.0.1:9966]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand doctor" -l app-id -d 'The app id (APPID in the Alipay console)' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand doctor" -l private-key-file -d 'App private key, any format (PKCS#1/PKCS#8, PEM/base64/DER); the key text itself may come in ALIPAY_PRIVATE_KEY' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand doctor" -l alipay-public-key-file -d 'Alipay public key (from the console), any format; the key text itself may come in ALIPAY_PUBLIC_KEY' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand doctor" -l sign-type -d 'Signature algorithm: RSA2 (SHA256withRSA) or RSA (SHA1withRSA, legacy) [default: RSA2]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand doctor" -l charset -d 'Request charset: utf-8 or gbk (gb2312 is an alias) [default: utf-8]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand doctor" -l token-dir -d 'Where logins are stored [default: the platform data dir, e.g. ~/.local/share/alipay-oauth/tokens]' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand doctor" -l connect-timeout -d 'Seconds to wait for a connection to the gateway' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand doctor" -l request-timeout -d 'Seconds to wait for the gateway\'s whole answer' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand doctor" -l app-cert-file -d 'Certificate mode: the app\'s certificate (appCertPublicKey_<app_id>.crt)' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand doctor" -l alipay-cert-file -d 'Certificate mode: Alipay\'s certificate (alipayCertPublicKey_RSA2.crt), whose key verifies answers' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand doctor" -l alipay-root-cert-file -d 'Certificate mode: Alipay\'s root certificate bundle (alipayRootCert.crt)' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand doctor" -l family -d 'The protocol family: alipay (the Open Platform v2 gateway of China and Global), antom (Antom, /ams/api) or alipayplus (Alipay+, /aps/api) [default: alipay]' -r -f -a "alipay\t''
antom\t''
alipayplus\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand doctor" -l region -d 'The Antom / Alipay+ domain: sea, na or eu (Antom only) [default: sea]; --gateway overrides it' -r -f -a "sea\t''
na\t''
eu\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand doctor" -l customer-belongs-to -d 'Antom\'s wallet, customerBelongsTo [default: ALIPAY_CN]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand doctor" -l auth-client-id -d 'Alipay+\'s authClientId' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand doctor" -l key-version -d 'The keyVersion of the Antom / Alipay+ Signature header [default: 1]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand doctor" -s o -l output -d 'Output format of stdout (and of errors on stderr) [default: human]' -r -f -a "human\t''
json\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand doctor" -l live -d 'Also call alipay.system.oauth.token with a dummy code: isv.code-invalid proves the app id and signature are right'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand doctor" -s q -l quiet -d 'Only the essential result (a signature, a token) on stdout'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand doctor" -s v -l verbose -d 'Show the steps; -vv traces HTTP with secrets masked'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand doctor" -s h -l help -d 'Print help'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand doctor" -s V -l version -d 'Print version'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand demo" -l profile -d 'A profile of the config file' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand demo" -l config -d 'Config file [default: the platform config dir, e.g. ~/.config/alipay-oauth/config.toml]' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand demo" -l env -d 'Which Alipay to talk to: picks the gateway and authorization URLs [default: production]' -r -f -a "production\t''
sandbox\t''
global\t''
emulator\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand demo" -l gateway -d 'v2 gateway URL; overrides --env' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand demo" -l authorize-url -d 'Authorization page URL; overrides --env' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand demo" -l emulator-url -d 'Where `--env emulator` finds the emulator (its base URL, e.g. http://127.0.0.1:19300): moves its gateway and authorization URLs at once [default: http://127.0.0.1:9966]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand demo" -l app-id -d 'The app id (APPID in the Alipay console)' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand demo" -l private-key-file -d 'App private key, any format (PKCS#1/PKCS#8, PEM/base64/DER); the key text itself may come in ALIPAY_PRIVATE_KEY' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand demo" -l alipay-public-key-file -d 'Alipay public key (from the console), any format; the key text itself may come in ALIPAY_PUBLIC_KEY' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand demo" -l sign-type -d 'Signature algorithm: RSA2 (SHA256withRSA) or RSA (SHA1withRSA, legacy) [default: RSA2]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand demo" -l charset -d 'Request charset: utf-8 or gbk (gb2312 is an alias) [default: utf-8]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand demo" -l token-dir -d 'Where logins are stored [default: the platform data dir, e.g. ~/.local/share/alipay-oauth/tokens]' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand demo" -l connect-timeout -d 'Seconds to wait for a connection to the gateway' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand demo" -l request-timeout -d 'Seconds to wait for the gateway\'s whole answer' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand demo" -l app-cert-file -d 'Certificate mode: the app\'s certificate (appCertPublicKey_<app_id>.crt)' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand demo" -l alipay-cert-file -d 'Certificate mode: Alipay\'s certificate (alipayCertPublicKey_RSA2.crt), whose key verifies answers' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand demo" -l alipay-root-cert-file -d 'Certificate mode: Alipay\'s root certificate bundle (alipayRootCert.crt)' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand demo" -l family -d 'The protocol family: alipay (the Open Platform v2 gateway of China and Global), antom (Antom, /ams/api) or alipayplus (Alipay+, /aps/api) [default: alipay]' -r -f -a "alipay\t''
antom\t''
alipayplus\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand demo" -l region -d 'The Antom / Alipay+ domain: sea, na or eu (Antom only) [default: sea]; --gateway overrides it' -r -f -a "sea\t''
na\t''
eu\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand demo" -l customer-belongs-to -d 'Antom\'s wallet, customerBelongsTo [default: ALIPAY_CN]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand demo" -l auth-client-id -d 'Alipay+\'s authClientId' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand demo" -l key-version -d 'The keyVersion of the Antom / Alipay+ Signature header [default: 1]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand demo" -s o -l output -d 'Output format of stdout (and of errors on stderr) [default: human]' -r -f -a "human\t''
json\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand demo" -s q -l quiet -d 'Only the essential result (a signature, a token) on stdout'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand demo" -s v -l verbose -d 'Show the steps; -vv traces HTTP with secrets masked'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand demo" -s h -l help -d 'Print help'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand demo" -s V -l version -d 'Print version'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand completions" -l profile -d 'A profile of the config file' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand completions" -l config -d 'Config file [default: the platform config dir, e.g. ~/.config/alipay-oauth/config.toml]' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand completions" -l env -d 'Which Alipay to talk to: picks the gateway and authorization URLs [default: production]' -r -f -a "production\t''
sandbox\t''
global\t''
emulator\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand completions" -l gateway -d 'v2 gateway URL; overrides --env' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand completions" -l authorize-url -d 'Authorization page URL; overrides --env' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand completions" -l emulator-url -d 'Where `--env emulator` finds the emulator (its base URL, e.g. http://127.0.0.1:19300): moves its gateway and authorization URLs at once [default: http://127.0.0.1:9966]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand completions" -l app-id -d 'The app id (APPID in the Alipay console)' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand completions" -l private-key-file -d 'App private key, any format (PKCS#1/PKCS#8, PEM/base64/DER); the key text itself may come in ALIPAY_PRIVATE_KEY' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand completions" -l alipay-public-key-file -d 'Alipay public key (from the console), any format; the key text itself may come in ALIPAY_PUBLIC_KEY' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand completions" -l sign-type -d 'Signature algorithm: RSA2 (SHA256withRSA) or RSA (SHA1withRSA, legacy) [default: RSA2]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand completions" -l charset -d 'Request charset: utf-8 or gbk (gb2312 is an alias) [default: utf-8]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand completions" -l token-dir -d 'Where logins are stored [default: the platform data dir, e.g. ~/.local/share/alipay-oauth/tokens]' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand completions" -l connect-timeout -d 'Seconds to wait for a connection to the gateway' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand completions" -l request-timeout -d 'Seconds to wait for the gateway\'s whole answer' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand completions" -l app-cert-file -d 'Certificate mode: the app\'s certificate (appCertPublicKey_<app_id>.crt)' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand completions" -l alipay-cert-file -d 'Certificate mode: Alipay\'s certificate (alipayCertPublicKey_RSA2.crt), whose key verifies answers' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand completions" -l alipay-root-cert-file -d 'Certificate mode: Alipay\'s root certificate bundle (alipayRootCert.crt)' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand completions" -l family -d 'The protocol family: alipay (the Open Platform v2 gateway of China and Global), antom (Antom, /ams/api) or alipayplus (Alipay+, /aps/api) [default: alipay]' -r -f -a "alipay\t''
antom\t''
alipayplus\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand completions" -l region -d 'The Antom / Alipay+ domain: sea, na or eu (Antom only) [default: sea]; --gateway overrides it' -r -f -a "sea\t''
na\t''
eu\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand completions" -l customer-belongs-to -d 'Antom\'s wallet, customerBelongsTo [default: ALIPAY_CN]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand completions" -l auth-client-id -d 'Alipay+\'s authClientId' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand completions" -l key-version -d 'The keyVersion of the Antom / Alipay+ Signature header [default: 1]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand completions" -s o -l output -d 'Output format of stdout (and of errors on stderr) [default: human]' -r -f -a "human\t''
json\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand completions" -s q -l quiet -d 'Only the essential result (a signature, a token) on stdout'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand completions" -s v -l verbose -d 'Show the steps; -vv traces HTTP with secrets masked'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand completions" -s h -l help -d 'Print help'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand completions" -s V -l version -d 'Print version'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand man" -l profile -d 'A profile of the config file' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand man" -l config -d 'Config file [default: the platform config dir, e.g. ~/.config/alipay-oauth/config.toml]' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand man" -l env -d 'Which Alipay to talk to: picks the gateway and authorization URLs [default: production]' -r -f -a "production\t''
sandbox\t''
global\t''
emulator\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand man" -l gateway -d 'v2 gateway URL; overrides --env' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand man" -l authorize-url -d 'Authorization page URL; overrides --env' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand man" -l emulator-url -d 'Where `--env emulator` finds the emulator (its base URL, e.g. http://127.0.0.1:19300): moves its gateway and authorization URLs at once [default: http://127.0.0.1:9966]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand man" -l app-id -d 'The app id (APPID in the Alipay console)' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand man" -l private-key-file -d 'App private key, any format (PKCS#1/PKCS#8, PEM/base64/DER); the key text itself may come in ALIPAY_PRIVATE_KEY' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand man" -l alipay-public-key-file -d 'Alipay public key (from the console), any format; the key text itself may come in ALIPAY_PUBLIC_KEY' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand man" -l sign-type -d 'Signature algorithm: RSA2 (SHA256withRSA) or RSA (SHA1withRSA, legacy) [default: RSA2]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand man" -l charset -d 'Request charset: utf-8 or gbk (gb2312 is an alias) [default: utf-8]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand man" -l token-dir -d 'Where logins are stored [default: the platform data dir, e.g. ~/.local/share/alipay-oauth/tokens]' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand man" -l connect-timeout -d 'Seconds to wait for a connection to the gateway' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand man" -l request-timeout -d 'Seconds to wait for the gateway\'s whole answer' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand man" -l app-cert-file -d 'Certificate mode: the app\'s certificate (appCertPublicKey_<app_id>.crt)' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand man" -l alipay-cert-file -d 'Certificate mode: Alipay\'s certificate (alipayCertPublicKey_RSA2.crt), whose key verifies answers' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand man" -l alipay-root-cert-file -d 'Certificate mode: Alipay\'s root certificate bundle (alipayRootCert.crt)' -r -F
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand man" -l family -d 'The protocol family: alipay (the Open Platform v2 gateway of China and Global), antom (Antom, /ams/api) or alipayplus (Alipay+, /aps/api) [default: alipay]' -r -f -a "alipay\t''
antom\t''
alipayplus\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand man" -l region -d 'The Antom / Alipay+ domain: sea, na or eu (Antom only) [default: sea]; --gateway overrides it' -r -f -a "sea\t''
na\t''
eu\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand man" -l customer-belongs-to -d 'Antom\'s wallet, customerBelongsTo [default: ALIPAY_CN]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand man" -l auth-client-id -d 'Alipay+\'s authClientId' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand man" -l key-version -d 'The keyVersion of the Antom / Alipay+ Signature header [default: 1]' -r
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand man" -s o -l output -d 'Output format of stdout (and of errors on stderr) [default: human]' -r -f -a "human\t''
json\t''"
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand man" -s q -l quiet -d 'Only the essential result (a signature, a token) on stdout'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand man" -s v -l verbose -d 'Show the steps; -vv traces HTTP with secrets masked'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand man" -s h -l help -d 'Print help'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand man" -s V -l version -d 'Print version'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand help; and not __fish_seen_subcommand_from sign verify authorize exchange userinfo call token status config logout keys emulator proxy doctor demo completions man help" -f -a "sign" -d 'Sign parameters the way the gateway expects, and show exactly what was signed'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand help; and not __fish_seen_subcommand_from sign verify authorize exchange userinfo call token status config logout keys emulator proxy doctor demo completions man help" -f -a "verify" -d 'Check a signature: a gateway response, a notification, or content by hand'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand help; and not __fish_seen_subcommand_from sign verify authorize exchange userinfo call token status config logout keys emulator proxy doctor demo completions man help" -f -a "authorize" -d 'Log in through the browser: open the authorization page, catch the callback on a loopback listener (or take a pasted URL), check state, exchange the code'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand help; and not __fish_seen_subcommand_from sign verify authorize exchange userinfo call token status config logout keys emulator proxy doctor demo completions man help" -f -a "exchange" -d 'Exchange an auth code or a refresh token for tokens (alipay.system.oauth.token)'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand help; and not __fish_seen_subcommand_from sign verify authorize exchange userinfo call token status config logout keys emulator proxy doctor demo completions man help" -f -a "userinfo" -d 'Fetch the user of an access token (alipay.user.info.share)'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand help; and not __fish_seen_subcommand_from sign verify authorize exchange userinfo call token status config logout keys emulator proxy doctor demo completions man help" -f -a "call" -d 'Call any API: signed, sent, and the answer verified (a v2 gateway method, or OpenAPI v3)'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand help; and not __fish_seen_subcommand_from sign verify authorize exchange userinfo call token status config logout keys emulator proxy doctor demo completions man help" -f -a "token" -d 'Print a valid access token of the stored login and nothing else, refreshing it (under the store lock) only when it expires soon'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand help; and not __fish_seen_subcommand_from sign verify authorize exchange userinfo call token status config logout keys emulator proxy doctor demo completions man help" -f -a "status" -d 'Show each stored login: environment, app, subject, token expiry, scope. Exit 5 when none is usable'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand help; and not __fish_seen_subcommand_from sign verify authorize exchange userinfo call token status config logout keys emulator proxy doctor demo completions man help" -f -a "config" -d 'Show the effective settings and where each came from (secrets redacted)'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand help; and not __fish_seen_subcommand_from sign verify authorize exchange userinfo call token status config logout keys emulator proxy doctor demo completions man help" -f -a "logout" -d 'Remove stored tokens'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand help; and not __fish_seen_subcommand_from sign verify authorize exchange userinfo call token status config logout keys emulator proxy doctor demo completions man help" -f -a "keys" -d 'Generate, convert, inspect and match keys; certificate serial numbers'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand help; and not __fish_seen_subcommand_from sign verify authorize exchange userinfo call token status config logout keys emulator proxy doctor demo completions man help" -f -a "emulator" -d 'Run a local Alipay (authorization page and gateway) for offline use and tests'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand help; and not __fish_seen_subcommand_from sign verify authorize exchange userinfo call token status config logout keys emulator proxy doctor demo completions man help" -f -a "proxy" -d 'Sit between your application and the gateway: forward every request and answer unchanged, and check each signature on the way (with a diagnosis when one fails)'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand help; and not __fish_seen_subcommand_from sign verify authorize exchange userinfo call token status config logout keys emulator proxy doctor demo completions man help" -f -a "doctor" -d 'Check the configuration: keys, key pairs, sign type, clock, gateway, and with --live a real call'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand help; and not __fish_seen_subcommand_from sign verify authorize exchange userinfo call token status config logout keys emulator proxy doctor demo completions man help" -f -a "demo" -d 'Run the whole login flow against a built-in emulator, showing every step'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand help; and not __fish_seen_subcommand_from sign verify authorize exchange userinfo call token status config logout keys emulator proxy doctor demo completions man help" -f -a "completions" -d 'Print the completion script for a shell (the generated scripts are in completions/)'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand help; and not __fish_seen_subcommand_from sign verify authorize exchange userinfo call token status config logout keys emulator proxy doctor demo completions man help" -f -a "man" -d 'Print the man page (roff)'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand help; and not __fish_seen_subcommand_from sign verify authorize exchange userinfo call token status config logout keys emulator proxy doctor demo completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand help; and __fish_seen_subcommand_from verify" -f -a "response" -d 'Verify a raw gateway response body, exactly as received'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand help; and __fish_seen_subcommand_from verify" -f -a "notify" -d 'Verify notification or return-URL parameters (form-encoded or a JSON object)'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand help; and __fish_seen_subcommand_from verify" -f -a "header" -d 'Verify an Antom / Alipay+ signature: an answer (Response-Time) or a notification'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand help; and __fish_seen_subcommand_from verify" -f -a "v3" -d 'Verify an OpenAPI v3 answer from its alipay-timestamp, alipay-nonce and alipay-signature headers and raw body'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand help; and __fish_seen_subcommand_from verify" -f -a "raw" -d 'Verify a signature over content given by hand (the file\'s exact bytes)'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "generate" -d 'Generate an RSA key pair: the private key to a file (0600), the public key to upload on stdout'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "public" -d 'The public key (SPKI) of a private key, a public key or a certificate'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "convert" -d 'Convert a key between PKCS#1, PKCS#8 and SPKI, PEM, one-line base64 and DER'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "match" -d 'Does this private key belong to this public key (or certificate)? Exit 0 yes, 6 no'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "inspect" -d 'What a file holds: kind, format, encoding, bits, SHA-256 fingerprint of the public key'
complete -c alipay-oauth -n "__fish_alipay_oauth_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "cert-sn" -d 'The SN of a certificate, or with --root the alipay_root_cert_sn of a root bundle'

"""A scripted browser for the authorize tests, used as $BROWSER: follows the
authorization URL, agrees on the emulator's consent page (as the test user
given by FAKE_BROWSER_USER, default 0) and follows the redirect to the
callback listener. FAKE_BROWSER_LOG, when set, gets one line per page."""
import os
import re
import sys
import urllib.error
import urllib.parse
import urllib.request


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


opener = urllib.request.build_opener(NoRedirect, urllib.request.ProxyHandler({}))
log_path = os.environ.get("FAKE_BROWSER_LOG")


def log(line):
    if log_path:
        with open(log_path, "a") as f:
            f.write(line + "\n")


def fetch(url, data=None):
    try:
        resp = opener.open(url, data=data, timeout=30)
        return resp.status, resp.headers, resp.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read().decode("utf-8", "replace")


def main():
    url = sys.argv[1]
    user = os.environ.get("FAKE_BROWSER_USER", "0")
    for _ in range(10):
        status, headers, body = fetch(url)
        log(f"{status} {url}")
        if status in (301, 302, 303, 307):
            url = urllib.parse.urljoin(url, headers["Location"])
            continue
        m = re.search(r'name="request_id" value="([^"]+)"', body)
        if status == 200 and m:
            parts = urllib.parse.urlparse(url)
            base = f"{parts.scheme}://{parts.netloc}"
            form = urllib.parse.urlencode({"request_id": m.group(1), "user": user, "decision": "agree"})
            status, headers, body = fetch(base + "/oauth2/consent", form.encode())
            log(f"{status} consent")
            if status in (301, 302, 303):
                url = urllib.parse.urljoin(url, headers["Location"])
                continue
        return


if __name__ == "__main__":
    main()

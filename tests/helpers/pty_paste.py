"""Runs a command in a pseudo-terminal, waits for the authorization URL it
prints, logs in on the emulator (without following the final redirect), and
types the callback URL into the terminal as a person pasting the address
bar would. Prints what the command wrote and exits with its status.

argv: text-to-paste-mode (url|code|wrong-state) command...
wrong-state pastes the callback URL with another state first, waits for the
command to say it was ignored, then pastes the right one.
"""
import os
import pty
import re
import select
import sys
import time
import urllib.error
import urllib.parse
import urllib.request


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


opener = urllib.request.build_opener(NoRedirect, urllib.request.ProxyHandler({}))


def login(url):
    """Follows the authorization URL to the callback Location."""
    for _ in range(5):
        try:
            resp = opener.open(url, timeout=30)
            body = resp.read().decode()
            m = re.search(r'name="request_id" value="([^"]+)"', body)
            form = urllib.parse.urlencode({"request_id": m.group(1), "user": "0", "decision": "agree"}).encode()
            url = url.split("/oauth2/")[0] + "/oauth2/consent"
            opener.open(url, data=form, timeout=30)
        except urllib.error.HTTPError as e:
            if e.code in (301, 302, 303):
                return e.headers["Location"]
            raise
    raise SystemExit("no redirect")


def type_line(fd, text):
    """Typed in bursts, with a typo fixed by backspace, then Enter."""
    os.write(fd, b"zz\x7f\x7f")
    for i in range(0, len(text), 16):
        os.write(fd, text[i:i + 16].encode())
        time.sleep(0.01)
    os.write(fd, b"\r")


def wait_for(fd, out, needle, deadline):
    """Reads the terminal until needle shows (or the deadline passes)."""
    while needle not in out and time.time() < deadline:
        r, _, _ = select.select([fd], [], [], 0.1)
        if r:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
    return out


def main():
    mode = sys.argv[1]
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(sys.argv[2], sys.argv[2:])
    out = b""
    pasted = False
    deadline = time.time() + 60
    while time.time() < deadline:
        r, _, _ = select.select([fd], [], [], 0.1)
        if r:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
        if not pasted:
            m = re.search(rb"(http://\S+/oauth2/publicAppAuthorize\.htm\S+)", out)
            if m and b"paste" in out:
                callback = login(m.group(1).decode())
                if mode == "code":
                    text = dict(urllib.parse.parse_qsl(urllib.parse.urlparse(callback).query))["auth_code"]
                elif mode == "wrong-state":
                    type_line(fd, callback.replace("state=", "state=x"))
                    out = wait_for(fd, out, b"was ignored", deadline)
                    text = callback
                else:
                    text = callback
                type_line(fd, text)
                pasted = True
    _, status = os.waitpid(pid, 0)
    sys.stdout.write(out.decode("utf-8", "replace"))
    sys.exit(os.waitstatus_to_exitcode(status))


if __name__ == "__main__":
    main()

"""Runs a command on a pseudo-terminal (stdin, stdout and stderr), waits
until it has switched the terminal to unbuffered, no-echo input, sends it a
signal, and reports the terminal's modes before and after as JSON:
{"raw_seen": bool, "after": {"icanon": bool, "echo": bool}, "status": int,
"output": str}.

argv: SIGNAL-NAME command...
"""
import json
import os
import select
import signal
import subprocess
import sys
import termios
import time


def modes(fd):
    lflag = termios.tcgetattr(fd)[3]
    return {"icanon": bool(lflag & termios.ICANON), "echo": bool(lflag & termios.ECHO)}


def main():
    sig = getattr(signal, sys.argv[1])
    master, slave = os.openpty()
    child = subprocess.Popen(sys.argv[2:], stdin=slave, stdout=slave, stderr=slave,
                             start_new_session=True)
    out = b""

    def drain(wait):
        nonlocal out
        r, _, _ = select.select([master], [], [], wait)
        if r:
            try:
                out += os.read(master, 65536)
            except OSError:
                pass

    raw_seen = False
    deadline = time.time() + 60
    while time.time() < deadline and child.poll() is None:
        drain(0.05)
        m = modes(slave)
        if not m["icanon"] and not m["echo"]:
            raw_seen = True
            break
    if raw_seen:
        time.sleep(0.3)
        child.send_signal(sig)
    else:
        child.kill()
    deadline = time.time() + 30
    while time.time() < deadline and child.poll() is None:
        drain(0.05)
    if child.poll() is None:
        child.kill()
    status = child.wait()
    drain(0.1)
    json.dump({"raw_seen": raw_seen, "after": modes(slave), "status": status,
               "output": out.decode("utf-8", "replace")}, sys.stdout)


if __name__ == "__main__":
    main()

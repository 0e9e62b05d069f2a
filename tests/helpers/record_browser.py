"""A $BROWSER that only records the URL it was asked to open (in
FAKE_BROWSER_RECORD), so a test can drive the login itself."""
import os
import sys

with open(os.environ["FAKE_BROWSER_RECORD"], "a") as f:
    f.write(sys.argv[1] + "\n")

//! Reading what a person types or pastes while something else is drawn on
//! the terminal: echo and line buffering off (so a spinner can show the
//! typed text itself), signals left on (Ctrl-C still interrupts), and the
//! terminal restored on every way out.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;

/// What the reader reports.
pub enum Keys {
    /// The text typed so far (after an edit).
    Typed(String),
    /// Enter was pressed on this text.
    Submitted(String),
    /// Ctrl-D on an empty line: nothing more will be typed.
    Ended,
}

/// A running key reader; dropping it stops reading and restores the terminal.
pub struct KeyReader {
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
    #[cfg(unix)]
    saved: libc::termios,
}

impl KeyReader {
    /// Starts reading keys from standard input, which must be a terminal.
    #[cfg(unix)]
    pub fn start(report: impl Fn(Keys) + Send + 'static) -> Option<KeyReader> {
        use std::io::IsTerminal;
        if !std::io::stdin().is_terminal() {
            return None;
        }
        // SAFETY: tcgetattr/tcsetattr on fd 0 with a zeroed termios that
        // tcgetattr fills; the saved state is restored in `Drop`.
        let saved = unsafe {
            let mut t: libc::termios = std::mem::zeroed();
            if libc::tcgetattr(0, &mut t) != 0 {
                return None;
            }
            let mut raw = t;
            raw.c_lflag &= !(libc::ICANON | libc::ECHO);
            // Reads return after 100 ms with nothing, so the thread can stop.
            raw.c_cc[libc::VMIN] = 0;
            raw.c_cc[libc::VTIME] = 1;
            if libc::tcsetattr(0, libc::TCSANOW, &raw) != 0 {
                return None;
            }
            t
        };
        let stop = Arc::new(AtomicBool::new(false));
        let flag = stop.clone();
        let thread = std::thread::spawn(move || {
            let mut line = String::new();
            let mut pending: Vec<u8> = Vec::new();
            let mut buf = [0u8; 256];
            while !flag.load(Ordering::Relaxed) {
                // SAFETY: reading into a local buffer of the stated length.
                let n = unsafe { libc::read(0, buf.as_mut_ptr().cast(), buf.len()) };
                if n <= 0 {
                    continue;
                }
                let mut changed = false;
                let mut escape = false;
                for &b in &buf[..n as usize] {
                    if escape {
                        // Skip the rest of an escape sequence (arrows...).
                        if b.is_ascii_alphabetic() || b == b'~' {
                            escape = false;
                        }
                        continue;
                    }
                    match b {
                        b'\r' | b'\n' => {
                            if !line.trim().is_empty() {
                                report(Keys::Submitted(std::mem::take(&mut line)));
                            }
                            changed = true;
                        }
                        0x7f | 0x08 => {
                            line.pop();
                            changed = true;
                        }
                        0x15 => {
                            line.clear();
                            changed = true;
                        }
                        0x04 if line.is_empty() => report(Keys::Ended),
                        0x1b => escape = true,
                        b if b < 0x20 => {}
                        b => {
                            pending.push(b);
                            if let Ok(s) = std::str::from_utf8(&pending) {
                                line.push_str(s);
                                pending.clear();
                                changed = true;
                            } else if pending.len() > 4 {
                                pending.clear();
                            }
                        }
                    }
                }
                if changed {
                    report(Keys::Typed(line.clone()));
                }
            }
        });
        Some(KeyReader {
            stop,
            thread: Some(thread),
            saved,
        })
    }

    /// Not on a Unix terminal: no key reading (pasting needs `--manual`).
    #[cfg(not(unix))]
    pub fn start(_report: impl Fn(Keys) + Send + 'static) -> Option<KeyReader> {
        None
    }
}

impl Drop for KeyReader {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
        #[cfg(unix)]
        // SAFETY: restores the state saved by `start` on the same fd.
        unsafe {
            libc::tcsetattr(0, libc::TCSANOW, &self.saved);
        }
    }
}

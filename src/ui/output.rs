//! Where things are printed and how: results on stdout (human or one JSON
//! document), progress, hints and errors on stderr.

use std::io::{IsTerminal, Write};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::error::Error;
use crate::ui::failure::{ExitStatus, Failure};

/// Human text, or one JSON document per run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    #[default]
    Human,
    Json,
}

#[derive(Debug, Clone, Copy)]
pub struct Output {
    pub format: OutputFormat,
    pub quiet: bool,
    pub verbose: u8,
    /// Colour on stdout (a terminal and no `NO_COLOR`).
    pub color: bool,
    /// Colour on stderr (a terminal and no `NO_COLOR`).
    pub color_err: bool,
}

impl Default for Output {
    fn default() -> Self {
        Output {
            format: OutputFormat::Human,
            quiet: false,
            verbose: 0,
            color: false,
            color_err: false,
        }
    }
}

impl Output {
    pub fn is_json(&self) -> bool {
        self.format == OutputFormat::Json
    }

    /// Prints the one JSON document of a run on stdout: indented for a
    /// person at a terminal, on one line for a pipe.
    pub fn json(&self, value: &serde_json::Value) {
        let mut text = if std::io::stdout().is_terminal() {
            serde_json::to_string_pretty(value)
        } else {
            serde_json::to_string(value)
        }
        .unwrap_or_default();
        text.push('\n');
        write_stdout(text.as_bytes());
    }

    /// Prints a line of the human result on stdout.
    pub fn result(&self, line: impl AsRef<str>) {
        write_stdout(format!("{}\n", line.as_ref()).as_bytes());
    }

    /// A single remote value printed alone for scripts (`-q`): as it is on
    /// a pipe, with control characters made visible on a terminal.
    pub fn remote_value<'a>(&self, text: &'a str) -> std::borrow::Cow<'a, str> {
        if std::io::stdout().is_terminal() {
            visible(text).0.into()
        } else {
            text.into()
        }
    }

    /// Progress for people, on stderr; silent with -q and in JSON mode.
    pub fn info(&self, line: impl AsRef<str>) {
        if !self.quiet && !self.is_json() {
            let _ = writeln!(std::io::stderr().lock(), "{}", line.as_ref());
        }
    }

    /// A note that matters even in JSON mode (still on stderr, never stdout).
    pub fn warn(&self, line: impl AsRef<str>) {
        if !self.quiet {
            let prefix = self.paint_err("warning:", "33");
            let _ = writeln!(std::io::stderr().lock(), "{prefix} {}", line.as_ref());
        }
    }

    /// A trace line shown at `-v` (level 1) or `-vv` (level 2). Traces
    /// quote what the gateway sent, so control characters are made visible.
    pub fn trace(&self, level: u8, line: impl AsRef<str>) {
        if self.verbose >= level {
            let _ = writeln!(
                std::io::stderr().lock(),
                "{} {}",
                self.paint("*", "2"),
                visible(line.as_ref()).0
            );
        }
    }

    /// Wraps text for stdout in an ANSI colour when colour is on there.
    pub fn paint(&self, text: &str, code: &str) -> String {
        paint(self.color, text, code)
    }

    /// Wraps text for stderr in an ANSI colour when colour is on there.
    pub fn paint_err(&self, text: &str, code: &str) -> String {
        paint(self.color_err, text, code)
    }

    /// Reports a failed run on stderr and returns its exit status.
    pub fn error(&self, err: &anyhow::Error) -> ExitStatus {
        let core = err.chain().find_map(|e| e.downcast_ref::<Error>());
        let status = core.map_or(ExitStatus::Internal, Error::exit_status);
        let kind = core.map_or("internal", Error::kind);
        let hint = core.and_then(Error::hint);
        // The edge's wording replaces the core's only when nothing was
        // added around the core error.
        let message = match core.and_then(Failure::message) {
            Some(m) if err.chain().count() == 1 => m,
            _ => format!("{err:#}"),
        };
        let message = capped(one_line(&message));
        if self.is_json() {
            let mut body = serde_json::json!({
                "kind": kind,
                "message": message,
                "code": null,
                "sub_code": null,
                "sub_msg": null,
                "hint": hint,
            });
            if let Some(core) = core {
                for (k, v) in core.json_fields() {
                    body[k] = v;
                }
            }
            let doc = serde_json::json!({ "error": body });
            let _ = writeln!(std::io::stderr().lock(), "{doc}");
        } else {
            let label = self.paint_err("error:", "1;31");
            let line = match &hint {
                Some(h) => format!("{label} {message} — {h}"),
                None => format!("{label} {message}"),
            };
            let mut err_out = std::io::stderr().lock();
            let _ = writeln!(err_out, "{line}");
            for detail in core.map(Error::details).unwrap_or_default() {
                let _ = writeln!(err_out, "  {}", capped(detail));
            }
        }
        status
    }
}

/// The reader of stdout went away (`| head`): a normal end, nothing more is written.
static STDOUT_CLOSED: AtomicBool = AtomicBool::new(false);
/// Why writing stdout failed otherwise (a full disk): the run must not claim success.
static STDOUT_FAILED: Mutex<Option<String>> = Mutex::new(None);

/// Writes the result (or part of it) to stdout. A closed pipe is not an
/// error (`completions bash | head`): the run finishes its work and ends
/// quietly; any other failure is kept for [`stdout_failure`].
pub fn write_stdout(bytes: &[u8]) {
    if STDOUT_CLOSED.load(Ordering::Relaxed) {
        return;
    }
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
            STDOUT_CLOSED.store(true, Ordering::Relaxed);
        }
        Err(e) => {
            let mut failed = STDOUT_FAILED.lock().unwrap_or_else(|p| p.into_inner());
            failed.get_or_insert_with(|| e.to_string());
        }
    }
}

/// The first error writing stdout, other than a closed pipe.
pub fn stdout_failure() -> Option<String> {
    STDOUT_FAILED
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .clone()
}

/// Colours: bold 1, red 1;31, green 1;32, yellow 33, cyan 1;36, dim 2.
fn paint(on: bool, text: &str, code: &str) -> String {
    if on {
        format!("\x1b[{code}m{text}\x1b[0m")
    } else {
        text.to_string()
    }
}

/// The longest error or detail line printed, in characters: a message can
/// quote input (a file's line, a parameter name), and input can be huge.
pub const MAX_ERROR_LINE: usize = 2000;

/// Cuts a line to [`MAX_ERROR_LINE`] characters, saying how much was left out.
fn capped(line: String) -> String {
    match line.char_indices().nth(MAX_ERROR_LINE) {
        None => line,
        Some((at, _)) => {
            let more = line[at..].chars().count();
            format!("{}… ({more} more characters)", &line[..at])
        }
    }
}

/// Folds a message onto one line, with control characters (which a remote
/// server may have put in it) made visible rather than sent to the terminal.
fn one_line(s: &str) -> String {
    visible(&s.split_whitespace().collect::<Vec<_>>().join(" ")).0
}

/// Renders text with invisible and unusual characters made visible:
/// control characters as their Unicode control pictures (␊ for a newline),
/// format and odd space characters as ⟨U+XXXX⟩. Returns the rendering and
/// how many characters were made visible.
pub fn visible(text: &str) -> (String, usize) {
    let mut out = String::with_capacity(text.len());
    let mut count = 0;
    for c in text.chars() {
        match c {
            '\u{0}'..='\u{1f}' => {
                out.push(char::from_u32(0x2400 + c as u32).unwrap_or('?'));
                count += 1;
            }
            '\u{7f}' => {
                out.push('␡');
                count += 1;
            }
            '\u{80}'..='\u{9f}'
            | '\u{a0}'
            | '\u{ad}'
            | '\u{2000}'..='\u{200f}'
            | '\u{2028}'..='\u{202f}'
            | '\u{205f}'..='\u{206f}'
            | '\u{3000}'
            | '\u{fe00}'..='\u{fe0f}'
            | '\u{feff}'
            | '\u{fff9}'..='\u{fffd}' => {
                out.push_str(&format!("⟨U+{:04X}⟩", c as u32));
                count += 1;
            }
            _ => out.push(c),
        }
    }
    (out, count)
}

/// Like [`visible`] for bytes that may not be valid text in `charset`:
/// undecodable bytes are shown as ⟨0xNN⟩.
pub fn visible_bytes(bytes: &[u8], charset: crate::sign::Charset) -> (String, usize) {
    if let Ok(text) = charset.decode(bytes) {
        return visible(&text);
    }
    let mut out = String::new();
    let mut count = 0;
    for chunk in bytes.utf8_chunks() {
        let (v, n) = visible(chunk.valid());
        out.push_str(&v);
        count += n;
        for b in chunk.invalid() {
            out.push_str(&format!("⟨0x{b:02X}⟩"));
            count += 1;
        }
    }
    (out, count)
}

impl crate::trace::Tracer for Output {
    fn trace(&self, level: u8, line: &str) {
        Output::trace(self, level, line);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_characters_become_visible() {
        let (v, n) = visible("a=1\n&b=\u{200b}x\u{3000}\t");
        assert_eq!(v, "a=1␊&b=⟨U+200B⟩x⟨U+3000⟩␉");
        assert_eq!(n, 4);
        assert_eq!(visible("测试 & = +").1, 0);
        let long = "x".repeat(MAX_ERROR_LINE + 10);
        assert_eq!(
            capped(long),
            format!("{}… (10 more characters)", "x".repeat(MAX_ERROR_LINE))
        );
        assert_eq!(capped("short".into()), "short");
        let (v, n) = visible_bytes(b"a\xffb", crate::sign::Charset::Utf8);
        assert_eq!((v.as_str(), n), ("a⟨0xFF⟩b", 1));
    }
}

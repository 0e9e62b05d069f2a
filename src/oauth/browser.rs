//! Opening the authorization URL in a browser: `BROWSER` when set (a
//! colon-separated list of commands, `%s` standing for the URL), else the
//! system's opener, and never without a display or over SSH. The browser's
//! own output never reaches ours.

use std::process::{Command, Stdio};

/// What the environment says about opening a browser (gathered at the edge).
#[derive(Debug, Clone, Default)]
pub struct BrowserEnv {
    /// `BROWSER`.
    pub browser: Option<String>,
    /// A graphical session (`DISPLAY`, `WAYLAND_DISPLAY`; always on macOS,
    /// Windows and WSL).
    pub display: bool,
    /// Logged in over SSH (`SSH_CONNECTION`, `SSH_TTY`).
    pub ssh: bool,
}

/// What will be done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Launch {
    /// Run the `BROWSER` commands, first that starts wins.
    Commands(String),
    /// The system opener (xdg-open, open, start...).
    System,
    /// No browser; the reason is told to the user.
    Skip(SkipReason),
}

/// Why no browser is started.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SkipReason {
    /// The user asked for none.
    Asked,
    /// An SSH session: a browser would open on the other machine, if at all.
    Ssh,
    /// No display to open one on.
    NoDisplay,
}

/// Decides how to open the browser.
pub fn decide(no_browser: bool, env: &BrowserEnv) -> Launch {
    if no_browser {
        return Launch::Skip(SkipReason::Asked);
    }
    if let Some(b) = env.browser.as_deref().filter(|b| !b.trim().is_empty()) {
        return Launch::Commands(b.to_string());
    }
    if env.ssh {
        return Launch::Skip(SkipReason::Ssh);
    }
    if !env.display {
        return Launch::Skip(SkipReason::NoDisplay);
    }
    Launch::System
}

/// Opens `url`; returns an error message when nothing could be started
/// (the caller words a `Skip` itself).
pub fn open(url: &str, launch: &Launch) -> Result<(), String> {
    match launch {
        Launch::Skip(_) => Err("no browser is to be started".into()),
        Launch::System => open::that_detached(url).map_err(|e| e.to_string()),
        Launch::Commands(list) => {
            let mut last = String::from("BROWSER is empty");
            for entry in list.split(':').filter(|e| !e.trim().is_empty()) {
                let words = match shell_words::split(entry) {
                    Ok(w) if !w.is_empty() => w,
                    _ => {
                        last = format!("cannot parse BROWSER entry {entry:?}");
                        continue;
                    }
                };
                let has_placeholder = words.iter().any(|w| w.contains("%s"));
                let mut args: Vec<String> =
                    words[1..].iter().map(|w| w.replace("%s", url)).collect();
                if !has_placeholder {
                    args.push(url.to_string());
                }
                let started = Command::new(&words[0])
                    .args(&args)
                    .stdin(Stdio::null())
                    .stdout(Stdio::null())
                    .stderr(Stdio::null())
                    .spawn();
                match started {
                    // Reap it in the background; it may outlive us.
                    Ok(mut child) => {
                        std::thread::spawn(move || child.wait());
                        return Ok(());
                    }
                    Err(e) => last = format!("{}: {e}", words[0]),
                }
            }
            Err(last)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decisions() {
        let env = |browser: Option<&str>, display, ssh| BrowserEnv {
            browser: browser.map(str::to_string),
            display,
            ssh,
        };
        assert_eq!(
            decide(true, &env(Some("x"), true, false)),
            Launch::Skip(SkipReason::Asked)
        );
        assert_eq!(
            decide(false, &env(Some("lynx"), false, true)),
            Launch::Commands("lynx".into())
        );
        assert_eq!(
            decide(false, &env(None, true, true)),
            Launch::Skip(SkipReason::Ssh)
        );
        assert_eq!(
            decide(false, &env(None, false, false)),
            Launch::Skip(SkipReason::NoDisplay)
        );
        assert_eq!(decide(false, &env(None, true, false)), Launch::System);
    }

    #[test]
    fn browser_commands_run_quietly_with_the_url() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("got");
        let cmd = format!(
            "nonexistent-browser-xyz:sh -c 'echo \"$0\" > {}' %s",
            out.display()
        );
        open("http://x/?a=1&b=2", &Launch::Commands(cmd)).unwrap();
        for _ in 0..50 {
            if out.exists() && !std::fs::read_to_string(&out).unwrap().is_empty() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        assert_eq!(
            std::fs::read_to_string(&out).unwrap().trim(),
            "http://x/?a=1&b=2"
        );
        assert!(open("u", &Launch::Commands("nonexistent-browser-xyz".into())).is_err());
    }
}

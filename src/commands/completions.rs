//! `alipay-oauth completions SHELL` and `alipay-oauth man`.

use clap::CommandFactory;

use crate::cli::Cli;
use crate::error::Error;
use crate::ui::failure::ExitStatus;
use crate::ui::output::write_stdout;

const BIN: &str = "alipay-oauth";

pub fn run(shell: clap_complete::Shell) -> anyhow::Result<ExitStatus> {
    let mut cmd = Cli::command();
    // Into memory first: clap_complete panics when its writer fails.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut cmd, BIN, &mut script);
    if shell == clap_complete::Shell::Bash {
        let text = String::from_utf8(script)
            .map_err(|_| Error::Internal("the bash completion script is not UTF-8".into()))?;
        script = fix_bash(&text).into_bytes();
    }
    write_stdout(&script);
    Ok(ExitStatus::Success)
}

/// Repairs clap_complete's bash script for a binary with a hyphen in its
/// name (clap-rs/clap#6421, still open in clap_complete 4.6.12): the loop
/// that walks the words names a state `alipay__oauth__subcmd__keys`, but the
/// dispatch arms are spelled `alipay__subcmd__oauth__subcmd__keys`, so
/// nothing below the top level ever completed. The arms are renamed to the
/// walker's spelling; a no-op once upstream spells them alike.
fn fix_bash(script: &str) -> String {
    let state = BIN.replace('-', "__");
    let arm = BIN.replace('-', "__subcmd__");
    script.replace(&format!("{arm}__subcmd__"), &format!("{state}__subcmd__"))
}

/// The man page, from the same definitions.
pub fn man() -> anyhow::Result<ExitStatus> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut page)
        .map_err(|e| Error::Internal(format!("cannot render the man page: {e}")))?;
    write_stdout(&page);
    Ok(ExitStatus::Success)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bash_dispatch_arms_match_the_walker() {
        let mut script = Vec::new();
        clap_complete::generate(
            clap_complete::Shell::Bash,
            &mut Cli::command(),
            BIN,
            &mut script,
        );
        let fixed = fix_bash(&String::from_utf8(script).unwrap());
        assert!(!fixed.contains("alipay__subcmd__oauth"));
        // Every state the walker sets has an arm.
        for line in fixed.lines() {
            if let Some(state) = line.trim().strip_prefix("cmd=\"") {
                let state = state.trim_end_matches('"');
                if state.is_empty() {
                    continue;
                }
                assert!(
                    fixed.contains(&format!("\n        {state})\n")),
                    "no arm for {state}"
                );
            }
        }
    }
}

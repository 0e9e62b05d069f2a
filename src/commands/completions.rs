//! `alipay-oauth completions SHELL`.

use clap::CommandFactory;

use crate::cli::Cli;
use crate::error::ExitStatus;

pub fn run(shell: clap_complete::Shell) -> anyhow::Result<ExitStatus> {
    let mut cmd = Cli::command();
    clap_complete::generate(shell, &mut cmd, "alipay-oauth", &mut std::io::stdout());
    Ok(ExitStatus::Success)
}

/// The man page, from the same definitions.
pub fn man() -> anyhow::Result<ExitStatus> {
    let mut out = std::io::stdout().lock();
    clap_mangen::Man::new(Cli::command())
        .render(&mut out)
        .map_err(|e| crate::error::Error::Internal(format!("cannot write the man page: {e}")))?;
    Ok(ExitStatus::Success)
}

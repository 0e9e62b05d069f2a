//! `alipay-oauth completions SHELL`.

use clap::CommandFactory;

use crate::cli::Cli;
use crate::error::ExitStatus;

pub fn run(shell: clap_complete::Shell) -> anyhow::Result<ExitStatus> {
    let mut cmd = Cli::command();
    clap_complete::generate(shell, &mut cmd, "alipay-oauth", &mut std::io::stdout());
    Ok(ExitStatus::Success)
}

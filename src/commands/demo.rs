//! `alipay-oauth demo`: the whole login flow, step by step, offline.

use super::report::{self, Demo};
use crate::cli::settings::Settings;
use crate::demo_flow::{self, Step};
use crate::ui::failure::ExitStatus;

pub fn run(settings: &Settings) -> anyhow::Result<ExitStatus> {
    let out = settings.output();
    let mut steps: Vec<Step> = Vec::new();
    // Steps are shown as they happen; the JSON and quiet forms wait for the end.
    let live = !out.is_json() && !out.quiet;
    if live {
        out.result(
            "alipay-oauth demo: the \"Log in with Alipay\" flow against a built-in emulator",
        );
        out.result("(throwaway keys, no network, no browser, no account)\n");
    }
    let outcome = demo_flow::run(
        &mut |s: &Step| {
            if live {
                report::demo_step(&out, s);
            }
            steps.push(s.clone());
        },
        &out,
    )?;
    report::render(
        &out,
        &Demo {
            steps: &steps,
            user: &outcome.user,
        },
    );
    Ok(ExitStatus::Success)
}

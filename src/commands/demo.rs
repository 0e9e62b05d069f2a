//! `alipay-oauth demo`: the whole login flow, step by step, offline.

use super::report::{self, Demo};
use crate::cli::settings::Settings;
use crate::demo_flow::{self, Step};
use crate::protocol::header::Family;
use crate::ui::failure::ExitStatus;

pub fn run(settings: &Settings) -> anyhow::Result<ExitStatus> {
    let out = settings.output();
    let mut steps: Vec<Step> = Vec::new();
    // Steps are shown as they happen; the JSON and quiet forms wait for the end.
    let live = !out.is_json() && !out.quiet;
    let family = settings.family().value;
    let (title, total) = match family {
        Family::Alipay => ("\"Log in with Alipay\"", demo_flow::STEPS),
        Family::Antom => ("the Antom authorization", demo_flow::FAMILY_STEPS),
        Family::AlipayPlus => ("the Alipay+ authorization", demo_flow::FAMILY_STEPS),
    };
    if live {
        out.result(format!(
            "alipay-oauth demo: {title} flow against a built-in emulator"
        ));
        out.result("(throwaway keys, no network, no browser, no account)\n");
    }
    let mut each = |s: &Step| {
        if live {
            report::demo_step(&out, s, total);
        }
        steps.push(s.clone());
    };
    let outcome = if family.is_header() {
        demo_flow::run_family(family, &mut each, &out)?
    } else {
        demo_flow::run(&mut each, &out)?
    };
    report::render(
        &out,
        &Demo {
            steps: &steps,
            user: &outcome.user,
        },
    );
    Ok(ExitStatus::Success)
}

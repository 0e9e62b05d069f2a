use std::panic;

fn main() {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // A bug must still end in one clear line (or one JSON document), never a
    // Rust panic dump; the payload is not printed, since it could hold data.
    let raw = args.clone();
    let env = alipay_oauth::cli::env::EnvSnapshot::capture();
    let hook_env = env.clone();
    panic::set_hook(Box::new(move |info| {
        let place = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let err = alipay_oauth::Error::Internal(format!("internal error at {place}"));
        alipay_oauth::ui::output::Output::from_raw_args(&raw, &hook_env).error(&err.into());
    }));
    let code = panic::catch_unwind(|| alipay_oauth::commands::main(args, &env))
        .unwrap_or(alipay_oauth::ExitStatus::Internal.code());
    std::process::exit(code);
}

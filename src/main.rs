fn main() {
    let code = alipay_oauth::commands::main(std::env::args_os().collect());
    std::process::exit(code);
}

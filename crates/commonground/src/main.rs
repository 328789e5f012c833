//! The `commonground` binary: parses the command line and hands over to the libraries.

fn main() -> std::process::ExitCode {
    std::process::ExitCode::SUCCESS
}

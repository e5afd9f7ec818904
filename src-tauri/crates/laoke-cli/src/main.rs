//! `laoke`: the archive from the command line.
//!
//! Every command takes `--json`, and then prints exactly one JSON document on
//! stdout, so scripts, the tests and the benchmarks can rely on it; errors then
//! come as `{"error": {"code", "message", "details"}}` on stdout too. Without
//! `--json`, output is text for people and errors go to stderr. The exit code is
//! 0 on success, 1 when the command failed (bad input, a database problem) and 2
//! when the command line itself was wrong (clap's usage errors).

mod cli;
mod commands;
#[cfg(test)]
mod locale_check;
mod output;
mod usage;

use clap::Parser;
use std::process::ExitCode;

// An import decodes rows on one thread and frees them on another; glibc's
// malloc serializes that on its arena locks (a tenth of an import's time went
// to futex waits), mimalloc frees cross-thread without a lock.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args = cli::Args::parse();
    let json = args.json;
    match commands::run(args) {
        Ok(out) if output::print(&out, json) => ExitCode::SUCCESS,
        Ok(_) => ExitCode::from(1),
        Err(err) => {
            output::print_error(&err, json);
            ExitCode::from(1)
        }
    }
}

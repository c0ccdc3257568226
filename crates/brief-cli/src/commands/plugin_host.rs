//! `brief plugin-host`: internal. The child process brief starts for each user plugin
//! library; it loads the library and answers brief's calls over a socket, so whatever the
//! plugin does can end only this process (see brief_engine::dynamic).

use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct PluginHostArgs {
    /// The socket of the brief process to serve.
    #[arg(long)]
    socket: PathBuf,
    /// The plugin library.
    #[arg(long)]
    library: PathBuf,
    /// Largest response length the host passes on.
    #[arg(long)]
    max_response_bytes: u64,
}

pub fn run(args: PluginHostArgs) -> ExitCode {
    let code =
        brief_engine::dynamic::host::serve(&args.socket, &args.library, args.max_response_bytes);
    ExitCode::from(u8::try_from(code).unwrap_or(1))
}

//! `brief completions SHELL`

use clap::CommandFactory;

#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// bash, zsh, fish, elvish or powershell
    shell: clap_complete::Shell,
}

pub fn run<C: CommandFactory>(args: CompletionsArgs) -> anyhow::Result<()> {
    let mut cmd = C::command();
    clap_complete::generate(args.shell, &mut cmd, "brief", &mut std::io::stdout());
    Ok(())
}

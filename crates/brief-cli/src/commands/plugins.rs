//! `brief plugins`

use brief_engine::PluginOrigin;

pub fn run() -> anyhow::Result<()> {
    let registry = crate::builtins::registry();
    println!("{:<18} {:<9} ORIGIN", "NAME", "VERSION");
    for p in registry.list() {
        let origin = match p.origin {
            PluginOrigin::BuiltIn => "built-in",
        };
        println!("{:<18} {:<9} {origin}", p.name, p.version);
    }
    Ok(())
}

//! `brief plugin new NAME [--dir D]`: scaffolds a plugin crate that builds as-is.

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

#[derive(Debug, clap::Subcommand)]
pub enum PluginCommand {
    /// Create a plugin crate that depends on the plugin SDK and loads as-is.
    New(NewPluginArgs),
}

#[derive(Debug, clap::Args)]
pub struct NewPluginArgs {
    /// Plugin name, as used in `plugin = "…"`: letters, digits and hyphens.
    name: String,
    /// Parent folder for the new crate (default: the current folder).
    #[arg(long)]
    dir: Option<PathBuf>,
}

const CARGO_TOML: &str = include_str!("../../scaffold/plugin/Cargo.toml.tmpl");
const LIB_RS: &str = include_str!("../../scaffold/plugin/lib.rs.tmpl");
const README: &str = include_str!("../../scaffold/plugin/README.md.tmpl");

pub fn run(cmd: PluginCommand) -> anyhow::Result<()> {
    let PluginCommand::New(args) = cmd;
    let name = args.name;
    let valid = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && name.starts_with(|c: char| c.is_ascii_lowercase());
    if !valid {
        bail!("plugin name `{name}` must start with a letter and use only a-z, 0-9 and -");
    }
    let parent = args.dir.unwrap_or_else(|| PathBuf::from("."));
    let root = parent.join(format!("brief-plugin-{name}"));
    if root.exists() {
        bail!("{}: already exists; not overwriting", root.display());
    }
    let crate_ident = format!("brief_plugin_{}", name.replace('-', "_"));
    let library = format!(
        "{}/target/release/{}",
        root.display(),
        library_file(&crate_ident)
    );
    let fill = |t: &str| {
        t.replace("{{name}}", &name)
            .replace("{{sdk_dependency}}", &sdk_dependency())
            .replace("{{library_path}}", &library)
    };
    std::fs::create_dir_all(root.join("src"))
        .with_context(|| format!("{}: cannot create", root.display()))?;
    for (file, text) in [
        ("Cargo.toml", CARGO_TOML),
        ("src/lib.rs", LIB_RS),
        ("README.md", README),
        (".gitignore", "/target\n"),
    ] {
        let path = root.join(file);
        brief_engine::write::write_atomic(&path, fill(text).as_bytes())?;
    }
    println!("created {}", root.display());
    println!("next: cd {} && cargo build --release", root.display());
    println!(
        "then add to a brief.toml:\n  [[plugins]]\n  path = \"{library}\"\n  [[sections]]\n  plugin = \"{name}\""
    );
    Ok(())
}

fn library_file(crate_ident: &str) -> String {
    if cfg!(target_os = "windows") {
        format!("{crate_ident}.dll")
    } else if cfg!(target_os = "macos") {
        format!("lib{crate_ident}.dylib")
    } else {
        format!("lib{crate_ident}.so")
    }
}

/// A path dependency on this checkout's SDK when it is there (offline builds, exact match
/// with this binary), else the released version of the same number.
fn sdk_dependency() -> String {
    let local = std::env::var_os("BRIEF_SDK_PATH")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../brief-core"));
    match local.canonicalize() {
        Ok(path) if path.join("Cargo.toml").is_file() => {
            format!(
                "{{ path = {} }}",
                toml::Value::String(path.display().to_string())
            )
        }
        _ => format!("\"{}\"", env!("CARGO_PKG_VERSION")),
    }
}

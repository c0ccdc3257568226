//! `brief new DIR [--title T] [--from FILE...]`

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

#[derive(Debug, clap::Args)]
pub struct NewArgs {
    /// Folder to create (it may exist, but must not hold a brief.toml yet).
    dir: PathBuf,
    /// The brief's title (default: from the folder name).
    #[arg(long)]
    title: Option<String>,
    /// Source files to copy into DIR/sources/.
    #[arg(long, num_args = 1..)]
    from: Vec<PathBuf>,
}

pub fn run(args: NewArgs) -> anyhow::Result<()> {
    let toml_path = args.dir.join(brief_config::FILE_NAME);
    if toml_path.exists() {
        bail!("{}: already exists; not overwriting", toml_path.display());
    }
    for file in &args.from {
        if !file.is_file() {
            bail!("{}: source file not found", file.display());
        }
    }
    let sources_dir = args.dir.join("sources");
    std::fs::create_dir_all(&sources_dir)
        .with_context(|| format!("{}: cannot create folder", sources_dir.display()))?;
    let mut copied: Vec<String> = Vec::new();
    for file in &args.from {
        let name = unique_name(&sources_dir, file);
        let target = sources_dir.join(&name);
        std::fs::copy(file, &target)
            .with_context(|| format!("{}: cannot copy to {}", file.display(), target.display()))?;
        copied.push(format!("sources/{name}"));
    }
    let title = args.title.unwrap_or_else(|| title_from_dir(&args.dir));
    let toml = brief_toml(&title, &copied);
    brief_engine::write::write_atomic(&toml_path, toml.as_bytes())?;
    println!("created {}", toml_path.display());
    if copied.is_empty() {
        println!(
            "add sources to {}/sources/ and list them as [[sources]] in brief.toml",
            args.dir.display()
        );
    } else {
        println!("next: brief build {}", args.dir.display());
    }
    Ok(())
}

fn unique_name(dir: &Path, file: &Path) -> String {
    let name = file
        .file_name()
        .map_or_else(|| "source.txt".into(), |n| n.to_string_lossy().into_owned());
    if !dir.join(&name).exists() {
        return name;
    }
    let (stem, ext) = name
        .rsplit_once('.')
        .map_or((name.as_str(), ""), |(s, e)| (s, e));
    (2..)
        .map(|n| {
            if ext.is_empty() {
                format!("{stem}-{n}")
            } else {
                format!("{stem}-{n}.{ext}")
            }
        })
        .find(|candidate| !dir.join(candidate).exists())
        .expect("some name is free")
}

fn title_from_dir(dir: &Path) -> String {
    let name = dir
        .canonicalize()
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| "Untitled brief".into());
    let words: Vec<String> = name
        .split(['-', '_', ' '])
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut c = w.chars();
            c.next().map_or_else(String::new, |f| {
                f.to_uppercase().collect::<String>() + c.as_str()
            })
        })
        .collect();
    if words.is_empty() {
        "Untitled brief".into()
    } else {
        words.join(" ")
    }
}

fn quoted(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

fn brief_toml(title: &str, sources: &[String]) -> String {
    let mut t = String::new();
    t.push_str("# A brief. Reference: docs/brief-toml.md\n");
    t.push_str(&format!("title = {}\n", quoted(title)));
    t.push_str("audience = \"Policy analysts\"\n");
    t.push_str("# date = \"2026-01-31\"       # shown in the brief; omitted when unset\n");
    t.push_str("outputs = [\"md\", \"json\"]\n");
    for s in sources {
        t.push_str(&format!("\n[[sources]]\npath = {}\n", quoted(s)));
    }
    t.push_str("\n[[sections]]\nplugin = \"summary\"\n");
    t.push_str("\n[[sections]]\nplugin = \"recommendations\"\n");
    t.push_str("\n[[sections]]\nplugin = \"risk-matrix\"\n");
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_toml_parses_and_quotes_titles() {
        let t = brief_toml("A \"quoted\" title", &["sources/a b.txt".into()]);
        let c = brief_config::parse(&t, "brief.toml").unwrap();
        assert_eq!(c.title, "A \"quoted\" title");
        assert_eq!(
            c.sources[0].location,
            brief_config::SourceLocation::File("sources/a b.txt".into())
        );
        let plugins: Vec<&str> = c.sections.iter().map(|s| s.plugin.as_str()).collect();
        assert_eq!(plugins, vec!["summary", "recommendations", "risk-matrix"]);
    }
}

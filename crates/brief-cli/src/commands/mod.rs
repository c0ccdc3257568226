pub mod build;
pub mod completions;
pub mod new;
pub mod plugins;
pub mod summarize;

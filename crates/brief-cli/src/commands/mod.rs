pub mod build;
pub mod completions;
pub mod history;
pub mod new;
pub mod plugin_new;
pub mod plugins;
pub mod summarize;
pub mod watch;

pub mod summarize;

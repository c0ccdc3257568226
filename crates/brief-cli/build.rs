//! Links the `brief` executable at a fixed address (non-PIE) on GNU/Linux.
//!
//! As a position-independent executable, `brief` carried about 75,000 relative relocations
//! (mostly panic locations and static tables of its dependencies) that the dynamic loader
//! applied at every start, copying about 470 pages of read-only data first. That was 1 ms of
//! a 3 ms start, and about a tenth of the time `brief summarize --jsonl` takes for a batch of a
//! hundred articles. Linked at a fixed address the loader has nothing to relocate. What is given
//! up is address randomization of the executable's own image; shared libraries and plugins
//! loaded with libloading are still randomized, and the heap and stack still are.
//!
//! Only the binary is linked this way: libraries, tests and plugins keep the default.
fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let target = std::env::var("TARGET").unwrap_or_default();
    if target.contains("linux-gnu") && std::env::var_os("BRIEF_PIE").is_none() {
        println!("cargo:rustc-link-arg-bin=brief=-no-pie");
    }
    println!("cargo:rerun-if-env-changed=BRIEF_PIE");
}

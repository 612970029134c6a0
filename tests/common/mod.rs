#![allow(dead_code)] // each test binary uses what it needs
mod growth;
pub use growth::assert_linear;

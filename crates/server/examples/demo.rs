//! Seeds a database with a few hand-made reports and serves the workbench.
//!
//! ```text
//! cargo run -p sitrep-server --example demo -- demo.db [127.0.0.1:8080] [TOKEN]
//! ```
//!
//! Uses the toy coder of the tests (a handful of trigger words and places),
//! not the sitrep pipeline: it is for trying the page and the API before the
//! CLI is wired.

#[path = "../tests/common/mod.rs"]
mod common;

use sitrep_server::{run, Coder, ServeOptions};
use std::sync::Arc;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let db = args.next().ok_or("usage: demo DB [ADDR] [TOKEN]")?;
    let mut opts = ServeOptions::default();
    if let Some(addr) = args.next() {
        opts.addr = addr.parse()?;
    }
    opts.token = args.next();
    let mut store = sitrep_store::Store::open(db.as_ref())?;
    common::seed(&mut store);
    eprintln!("seeded {} documents, {} events", store.document_count()?, store.event_count()?);
    drop(store);
    let coder: Coder = Arc::new(common::toy_code);
    run(db.as_ref(), &opts, coder)?;
    Ok(())
}

//! One module per command; each turns its arguments into a call on the store
//! and an [`Output`].

mod backup;
mod customers;
mod demo;
mod import;
mod info;
mod settings;
mod stats;

use crate::cli::{Args, BackupAction, Command};
use crate::output::{Failure, Output};
use laoke_store::Store;

pub fn run(args: Args) -> Result<Output, Failure> {
    let path = args.db.unwrap_or_else(laoke_store::location::default_db_path);
    let mut store = Store::open(&path)?;
    match args.command {
        Command::Init => info::init(&store),
        Command::Info => info::info(&store),
        Command::Demo { customers, seed, as_of } => demo::run(&mut store, customers, seed, as_of.as_deref()),
        Command::Stats => stats::run(&store),
        Command::Import { files, format, mapping, strict, dry_run } => {
            import::run(&mut store, import::ImportArgs { files, format, mapping, strict, dry_run })
        }
        Command::Backup { action: BackupAction::List } => backup::list(&store),
        Command::Backup { action: BackupAction::Restore { name } } => backup::restore(&mut store, &name),
        Command::Settings { set } => settings::run(&mut store, &set),
        Command::Customers { search, platform, sort, limit, offset } => {
            customers::run(&store, search, platform.as_deref(), &sort, limit, offset)
        }
    }
}

fn to_json<T: serde::Serialize>(value: &T) -> serde_json::Value {
    serde_json::to_value(value).unwrap_or(serde_json::Value::Null)
}

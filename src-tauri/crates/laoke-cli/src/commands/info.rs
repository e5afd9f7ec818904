//! `laoke init` and `laoke info`.

use super::to_json;
use crate::output::{Failure, Output};
use laoke_store::Store;

pub fn init(store: &Store) -> Result<Output, Failure> {
    let info = store.info()?;
    let text = format!("archive ready at {} (schema version {})", info.path, info.schema_version);
    Ok(Output { json: to_json(&info), text })
}

pub fn info(store: &Store) -> Result<Output, Failure> {
    let info = store.info()?;
    let c = &info.counts;
    let text = format!(
        "path            {}\nschema version  {}\nshops           {}\ncustomers       {}\norders          {}\norder items     {}\ntags            {}\nnotes           {}\nimport batches  {}",
        info.path, info.schema_version, c.shops, c.customers, c.orders, c.order_items, c.tags, c.notes, c.import_batches
    );
    Ok(Output { json: to_json(&info), text })
}

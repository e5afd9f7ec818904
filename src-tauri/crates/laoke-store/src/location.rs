//! Where the archive lives when nobody says otherwise: the OS application-data
//! folder (`%APPDATA%` on Windows, `~/Library/Application Support` on macOS,
//! `$XDG_DATA_HOME` or `~/.local/share` on Linux). Debug builds use a file of
//! their own so that development never touches a seller's real archive.

use std::path::PathBuf;

/// The folder name under the application-data folder.
pub const APP_DIR: &str = "Laoke";

/// The default archive file for this build.
pub fn default_db_path() -> PathBuf {
    let base = dirs::data_dir().unwrap_or_else(|| PathBuf::from("."));
    base.join(APP_DIR).join(file_name(cfg!(debug_assertions)))
}

fn file_name(debug: bool) -> &'static str {
    if debug {
        "laoke-dev.db"
    } else {
        "laoke.db"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_and_release_builds_use_different_files() {
        assert_ne!(file_name(true), file_name(false));
        let path = default_db_path();
        assert!(path.ends_with(PathBuf::from(APP_DIR).join(file_name(cfg!(debug_assertions)))));
    }
}

//! Why the machine would not write a file, as a word the UI puts in the
//! seller's language (`fileCause.<cause>` in the locale files). The operating
//! system's own text is English, so it stays in an error's `reason`, for the
//! log and the command line, and never reaches a Chinese screen.

use serde::Serialize;

/// What stopped a write, as far as the operating system says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, strum::IntoStaticStr, strum::VariantNames)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum FileCause {
    /// No space left on the disk.
    DiskFull,
    /// The disk or the folder can only be read.
    ReadOnly,
    /// The user may not write there.
    PermissionDenied,
    /// The folder is gone (an unplugged drive, a folder deleted meanwhile).
    NotFound,
    /// Another program holds the file.
    InUse,
    /// Anything the system does not name; its text is in the log.
    Other,
}

impl FileCause {
    /// The cause of an I/O error.
    pub fn of(error: &std::io::Error) -> FileCause {
        // Windows names a file another program has open only by number:
        // ERROR_SHARING_VIOLATION and ERROR_LOCK_VIOLATION.
        if cfg!(windows) && matches!(error.raw_os_error(), Some(32 | 33)) {
            return FileCause::InUse;
        }
        FileCause::of_kind(error.kind())
    }

    pub fn of_kind(kind: std::io::ErrorKind) -> FileCause {
        use std::io::ErrorKind as Kind;
        match kind {
            Kind::StorageFull => FileCause::DiskFull,
            Kind::ReadOnlyFilesystem => FileCause::ReadOnly,
            Kind::PermissionDenied => FileCause::PermissionDenied,
            Kind::NotFound | Kind::NotADirectory => FileCause::NotFound,
            Kind::ResourceBusy | Kind::WouldBlock => FileCause::InUse,
            _ => FileCause::Other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::FileCause;
    use std::io::{Error, ErrorKind};

    #[test]
    fn the_system_s_errors_become_causes_a_seller_can_act_on() {
        for (kind, cause) in [
            (ErrorKind::StorageFull, FileCause::DiskFull),
            (ErrorKind::ReadOnlyFilesystem, FileCause::ReadOnly),
            (ErrorKind::PermissionDenied, FileCause::PermissionDenied),
            (ErrorKind::NotFound, FileCause::NotFound),
            (ErrorKind::ResourceBusy, FileCause::InUse),
            (ErrorKind::InvalidData, FileCause::Other),
        ] {
            assert_eq!(FileCause::of(&Error::from(kind)), cause, "{kind:?}");
        }
        let cause: &str = FileCause::DiskFull.into();
        assert_eq!(cause, "disk_full");
        assert_eq!(serde_json::to_value(FileCause::PermissionDenied).unwrap(), "permission_denied");
    }

    #[cfg(unix)]
    #[test]
    fn a_full_disk_as_the_kernel_reports_it_is_a_full_disk() {
        // ENOSPC (28) and EROFS (30), as `write(2)` hands them back.
        assert_eq!(FileCause::of(&Error::from_raw_os_error(28)), FileCause::DiskFull);
        assert_eq!(FileCause::of(&Error::from_raw_os_error(30)), FileCause::ReadOnly);
    }
}

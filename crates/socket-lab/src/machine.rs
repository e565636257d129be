//! What the lab needs to know about the machine, on each system: how busy it is (the load
//! average, printed next to the figures) and how many files a process may open (every
//! connection of the concurrency part is an open file in the lab and one in the server).

/// The soft limit on open files the lab asks for: 10,000 clients and their server with room
/// to spare. It never goes above the hard limit, which only the administrator may raise.
#[cfg(unix)]
const WANTED_OPEN_FILES: u64 = 65_536;

/// Raises this process's soft limit on open files towards [`WANTED_OPEN_FILES`], as far as
/// the hard limit allows, before any peer starts (a child inherits its parent's limits).
/// Returns the limit before and after, when it changed. Does what `ulimit -n` does in a shell.
#[cfg(unix)]
pub fn raise_open_files_limit() -> Option<(u64, u64)> {
    use nix::sys::resource::{Resource, getrlimit, setrlimit};

    let (soft, hard) = getrlimit(Resource::RLIMIT_NOFILE).ok()?;
    let wanted = WANTED_OPEN_FILES.min(hard);
    if soft >= wanted {
        return None;
    }
    // macOS refuses a soft limit above OPEN_MAX (10,240) with EINVAL, whatever the hard limit
    // says (setrlimit(2), COMPATIBILITY): then ask for that much.
    [wanted, wanted.min(10_240)]
        .into_iter()
        .find(|&limit| limit > soft && setrlimit(Resource::RLIMIT_NOFILE, limit, hard).is_ok())
        .map(|limit| (soft, limit))
}

/// Windows has no per-process limit on open sockets to raise: each takes memory, that is all.
#[cfg(not(unix))]
pub fn raise_open_files_limit() -> Option<(u64, u64)> {
    None
}

/// The soft limit on open files of this process, if the system has one.
#[cfg(unix)]
pub fn open_files_limit() -> Option<usize> {
    use nix::sys::resource::{Resource, getrlimit};

    let (soft, _) = getrlimit(Resource::RLIMIT_NOFILE).ok()?;
    Some(usize::try_from(soft).unwrap_or(usize::MAX))
}

#[cfg(not(unix))]
pub fn open_files_limit() -> Option<usize> {
    None
}

/// The load average over 1, 5 and 15 minutes (the number of threads running or waiting to
/// run): Linux has it in /proc/loadavg, macOS gives it through sysctl, Windows has none.
pub fn load_average() -> Option<String> {
    #[cfg(target_os = "linux")]
    let text = std::fs::read_to_string("/proc/loadavg").ok()?;
    // `{ 1.80 1.74 1.71 }`
    #[cfg(target_os = "macos")]
    let text = std::process::Command::new("sysctl")
        .args(["-n", "vm.loadavg"])
        .output()
        .ok()
        .filter(|output| output.status.success())
        .map(|output| String::from_utf8_lossy(&output.stdout).replace(['{', '}'], " "))?;
    #[cfg(not(any(target_os = "linux", target_os = "macos")))]
    let text = String::new();

    let numbers: Vec<&str> = text
        .split_whitespace()
        .take(3)
        .filter(|word| word.parse::<f64>().is_ok())
        .collect();
    (numbers.len() == 3).then(|| numbers.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_load_average_is_three_numbers_where_the_system_has_one() {
        let load = load_average();
        if cfg!(any(target_os = "linux", target_os = "macos")) {
            let load = load.expect("a load average on this system");
            assert_eq!(load.split(' ').count(), 3, "{load}");
        } else {
            assert_eq!(load, None);
        }
    }

    #[cfg(unix)]
    #[test]
    fn raising_the_open_files_limit_never_lowers_it() {
        let before = open_files_limit().expect("a limit on Unix");
        let raised = raise_open_files_limit();
        let after = open_files_limit().expect("a limit on Unix");
        assert!(after >= before, "{before} -> {after}");
        if let Some((old, new)) = raised {
            assert!(new > old, "{old} -> {new}");
            assert_eq!(after as u64, new);
        }
    }
}

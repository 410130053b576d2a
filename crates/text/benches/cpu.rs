//! Thread CPU time as a criterion measurement, so that throughput reads "per
//! core" even while other processes share the machine (wall time then counts
//! the time the benchmark waited for a core).
//!
//! The time comes from `/proc/thread-self/schedstat` (Linux; updated at
//! every scheduler tick, so a reading may lag by a few milliseconds, small
//! against criterion's samples of hundreds of milliseconds). Where it is
//! missing, [`ThreadCpu::available`] is false and the bench skips it.
use criterion::measurement::{Measurement, ValueFormatter, WallTime};

/// Nanoseconds the calling thread has run on a CPU, if the OS tells.
pub fn thread_cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

/// CPU time of the benchmarking thread, in nanoseconds.
pub struct ThreadCpu;

impl ThreadCpu {
    /// True when this OS reports thread CPU time.
    pub fn available() -> bool {
        thread_cpu_ns().is_some()
    }
}

impl Measurement for ThreadCpu {
    type Intermediate = u64;
    type Value = u64;

    fn start(&self) -> u64 {
        thread_cpu_ns().unwrap_or(0)
    }
    fn end(&self, start: u64) -> u64 {
        thread_cpu_ns().unwrap_or(0).saturating_sub(start)
    }
    fn add(&self, a: &u64, b: &u64) -> u64 {
        a + b
    }
    fn zero(&self) -> u64 {
        0
    }
    fn to_f64(&self, v: &u64) -> f64 {
        *v as f64
    }
    fn formatter(&self) -> &dyn ValueFormatter {
        // Nanoseconds, like wall time: same units and throughput display.
        static WALL: WallTime = WallTime;
        WALL.formatter()
    }
}

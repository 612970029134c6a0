//! Linearity without a clock bound: the same work at 1× and 8× its input, measured in one run.
//! Shared by the crate's unit tests (`crate::growth`) and the integration tests (`mod common`).
//!
//! The measure is the thread's own CPU time, not wall-clock time: on a busy machine a short run
//! fits in one time slice while a long one waits for many, which would inflate the ratio.

use std::time::Duration;

/// CPU time used by the calling thread so far.
fn thread_cpu_time() -> Duration {
    let mut t = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `t` is a valid timespec to write to; the clock id is a constant libc knows.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) };
    assert_eq!(rc, 0, "clock_gettime(CLOCK_THREAD_CPUTIME_ID)");
    Duration::new(t.tv_sec as u64, t.tv_nsec as u32)
}

/// How much more CPU time `run(8)` takes than `run(1)`, where `run(k)` does the work on an input
/// k times as large: about 8 for linear work, 64 for quadratic. Each size runs three times,
/// interleaved, and the cheapest of each counts.
pub fn growth_ratio(mut run: impl FnMut(usize)) -> (f64, Duration, Duration) {
    let (mut small, mut large) = (Duration::MAX, Duration::MAX);
    for _ in 0..3 {
        let started = thread_cpu_time();
        run(1);
        small = small.min(thread_cpu_time() - started);
        let started = thread_cpu_time();
        run(8);
        large = large.min(thread_cpu_time() - started);
    }
    (large.as_secs_f64() / small.as_secs_f64().max(1e-6), small, large)
}

/// Fails unless 8× the input costs well under the 64× of quadratic work (three times linear).
pub fn assert_linear(what: &str, run: impl FnMut(usize)) {
    let (ratio, small, large) = growth_ratio(run);
    assert!(
        ratio < 24.0,
        "{what}: 8× the input took {ratio:.1}× the CPU time ({small:?} → {large:?}; linear is about 8×)"
    );
}

//! Per-stage timings, a debug option ([`crate::Options::timings`]): where an analysis spends its
//! time. Off, a stage mark is one thread-local check. The clock is `Instant` natively and the
//! host's `performance.now()` in WebAssembly (given by the wasm boundary).

use crate::model::StageTime;
use std::cell::RefCell;

struct Recorder {
    last: f64,
    stages: Vec<StageTime>,
}

thread_local! {
    static RECORDER: RefCell<Option<Recorder>> = const { RefCell::new(None) };
}

#[cfg(not(target_arch = "wasm32"))]
fn now_ms() -> f64 {
    use std::sync::OnceLock;
    use std::time::Instant;
    static EPOCH: OnceLock<Instant> = OnceLock::new();
    EPOCH.get_or_init(Instant::now).elapsed().as_secs_f64() * 1000.0
}

#[cfg(target_arch = "wasm32")]
fn now_ms() -> f64 {
    crate::wasm::now_ms()
}

/// Starts recording on this thread (when `on`), forgetting any earlier record.
pub(crate) fn start(on: bool) {
    RECORDER.with(|r| *r.borrow_mut() = on.then(|| Recorder { last: now_ms(), stages: Vec::new() }));
}

/// Ends the stage `name` here: the time since the previous mark (or the start) goes to it.
pub(crate) fn mark(name: &'static str) {
    RECORDER.with(|r| {
        if let Some(rec) = r.borrow_mut().as_mut() {
            let now = now_ms();
            rec.stages.push(StageTime { stage: name.to_string(), ms: now - rec.last });
            rec.last = now;
        }
    });
}

/// Stops recording and returns the stages (empty when it was off).
pub(crate) fn finish() -> Vec<StageTime> {
    RECORDER.with(|r| r.borrow_mut().take().map(|rec| rec.stages).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_only_when_on() {
        start(false);
        mark("a");
        assert!(finish().is_empty());
        start(true);
        mark("a");
        mark("b");
        let stages = finish();
        assert_eq!(stages.iter().map(|s| s.stage.as_str()).collect::<Vec<_>>(), ["a", "b"]);
        assert!(stages.iter().all(|s| s.ms >= 0.0));
        mark("c");
        assert!(finish().is_empty(), "finish stops the recording");
    }
}

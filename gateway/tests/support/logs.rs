//! The gateway's log lines, as its tracing events are written by the
//! example's formatter.

use std::io;
use std::sync::{Arc, Mutex};
use tracing::subscriber::DefaultGuard;
use tracing_subscriber::fmt::format::FmtSpan;

/// The lines logged on this thread while it lives: a `#[tokio::test]`
/// runs the gateway's tasks on its own thread.
pub struct Logs {
    buffer: Buffer,
    _guard: DefaultGuard,
}

#[derive(Clone, Default)]
struct Buffer(Arc<Mutex<Vec<u8>>>);

impl Logs {
    pub fn capture() -> Logs {
        Logs::capture_with(FmtSpan::NONE)
    }

    /// As [`capture`](Self::capture), with a line for each span as it
    /// closes, as the example binary writes them.
    pub fn capture_spans() -> Logs {
        Logs::capture_with(FmtSpan::CLOSE)
    }

    fn capture_with(spans: FmtSpan) -> Logs {
        let buffer = Buffer::default();
        let writer = buffer.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_span_events(spans)
            .with_writer(move || writer.clone())
            .finish();
        let _guard = tracing::subscriber::set_default(subscriber);
        Logs { buffer, _guard }
    }

    pub fn lines(&self) -> Vec<String> {
        let text = String::from_utf8(self.buffer.0.lock().unwrap().clone()).unwrap();
        text.lines().map(str::to_owned).collect()
    }

    /// The lines that contain every one of `parts`.
    pub fn matching(&self, parts: &[&str]) -> Vec<String> {
        let lines = self.lines().into_iter();
        lines
            .filter(|line| parts.iter().all(|part| line.contains(part)))
            .collect()
    }
}

impl io::Write for Buffer {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

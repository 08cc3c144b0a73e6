//! A background service for the screens: a thread with its own tokio runtime that takes
//! requests through one channel and answers with events through another, asking the UI for a
//! repaint after each. Dropping the handle closes the requests and waits for the thread, so
//! whatever it owns (a node, a store) is closed when the screens go.

use std::future::Future;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender, unbounded_channel};

/// The worker's way back to the UI.
pub struct Out<E> {
    tx: Sender<E>,
    notify: Arc<dyn Fn() + Send + Sync>,
}

impl<E> Clone for Out<E> {
    fn clone(&self) -> Self {
        Out { tx: self.tx.clone(), notify: self.notify.clone() }
    }
}

impl<E> Out<E> {
    pub fn send(&self, event: E) {
        let _ = self.tx.send(event);
        (self.notify)();
    }
}

/// Handle to a running worker.
pub struct Worker<R, E> {
    requests: Option<UnboundedSender<R>>,
    events: Receiver<E>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl<R, E> std::fmt::Debug for Worker<R, E> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Worker")
    }
}

impl<R: Send + 'static, E: Send + 'static> Worker<R, E> {
    /// Start `body` on a thread named `name`. If the runtime cannot start, `failed` turns the
    /// reason into the one event the screens get.
    pub fn spawn<F>(
        name: &str,
        notify: impl Fn() + Send + Sync + 'static,
        failed: impl FnOnce(String) -> E + Send + 'static,
        body: impl FnOnce(UnboundedReceiver<R>, Out<E>) -> F + Send + 'static,
    ) -> Self
    where
        F: Future<Output = ()>,
    {
        let (requests, rx) = unbounded_channel();
        let (tx, events) = channel();
        let out = Out { tx, notify: Arc::new(notify) };
        let thread = std::thread::Builder::new()
            .name(name.to_owned())
            .spawn(move || match tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build() {
                Ok(runtime) => runtime.block_on(body(rx, out)),
                Err(e) => out.send(failed(format!("could not start the network: {e}"))),
            })
            .expect("spawning a background service");
        Worker { requests: Some(requests), events, thread: Some(thread) }
    }

    /// A sender for other threads (e.g. the capture thread announcing fragments).
    pub fn sender(&self) -> UnboundedSender<R> {
        self.requests.clone().expect("the worker runs while its handle exists")
    }

    pub fn send(&self, request: R) {
        if let Some(tx) = &self.requests {
            let _ = tx.send(request);
        }
    }

    pub fn try_event(&self) -> Option<E> {
        self.events.try_recv().ok()
    }
}

impl<R, E> Drop for Worker<R, E> {
    fn drop(&mut self) {
        self.requests = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

//! Group commit for votes: one writer task takes every vote waiting in its queue, writes them
//! in one transaction, and only then answers each request.
//!
//! A vote is acknowledged only after the transaction holding it has committed, so every
//! acknowledged vote is durable, while the cost of a commit (an fsync on SQLite) is shared by
//! all the votes that arrived while the previous batch was being written.

use std::future::Future;

use tokio::sync::{mpsc, oneshot};

/// Why a submitted item got no answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum BatcherError {
    /// The writer task has stopped (the server is shutting down).
    #[error("the writer has stopped")]
    Stopped,
}

type Job<Request, Response> = (Request, oneshot::Sender<Response>);

/// The sending side of a group-commit writer.
#[derive(Debug)]
pub struct Batcher<Request, Response> {
    sender: mpsc::Sender<Job<Request, Response>>,
}

impl<Request, Response> Clone for Batcher<Request, Response> {
    fn clone(&self) -> Self {
        Batcher {
            sender: self.sender.clone(),
        }
    }
}

impl<Request, Response> Batcher<Request, Response>
where
    Request: Send + 'static,
    Response: Send + 'static,
{
    /// Starts the writer task. `write` receives each batch (at most `max_batch` items, in
    /// arrival order) and must return exactly one response per item, in the same order.
    /// At most `queue` items wait while a batch is being written; callers beyond that wait
    /// for room, which slows clients down instead of growing memory.
    pub fn spawn<Write, Written>(max_batch: usize, queue: usize, mut write: Write) -> Self
    where
        Write: FnMut(Vec<Request>) -> Written + Send + 'static,
        Written: Future<Output = Vec<Response>> + Send,
    {
        let max_batch = max_batch.max(1);
        let (sender, mut receiver) = mpsc::channel::<Job<Request, Response>>(queue.max(1));
        tokio::spawn(async move {
            let mut requests = Vec::with_capacity(max_batch);
            let mut replies = Vec::with_capacity(max_batch);
            while let Some((request, reply)) = receiver.recv().await {
                requests.push(request);
                replies.push(reply);
                while requests.len() < max_batch {
                    match receiver.try_recv() {
                        Ok((request, reply)) => {
                            requests.push(request);
                            replies.push(reply);
                        }
                        Err(_) => break,
                    }
                }
                let n_requests = requests.len();
                let responses = write(std::mem::take(&mut requests)).await;
                if responses.len() != n_requests {
                    tracing::error!(
                        expected = n_requests,
                        got = responses.len(),
                        "a batch writer returned the wrong number of responses"
                    );
                }
                // A reply whose caller has gone away (a closed connection) is simply dropped.
                for (reply, response) in replies.drain(..).zip(responses) {
                    let _ = reply.send(response);
                }
                replies.clear();
            }
        });
        Batcher { sender }
    }

    /// Returns how many items wait in the queue for the writer (not those being written).
    pub fn queued(&self) -> usize {
        self.sender.max_capacity() - self.sender.capacity()
    }

    /// Queues one item and waits until its batch has been written.
    pub async fn submit(&self, request: Request) -> Result<Response, BatcherError> {
        let (reply, response) = oneshot::channel();
        self.sender
            .send((request, reply))
            .await
            .map_err(|_| BatcherError::Stopped)?;
        response.await.map_err(|_| BatcherError::Stopped)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

    use super::*;

    #[tokio::test]
    async fn every_item_gets_its_own_answer_and_batches_respect_the_limit() {
        let batch_sizes = Arc::new(Mutex::new(Vec::new()));
        let recorded = Arc::clone(&batch_sizes);
        let batcher: Batcher<u32, u32> = Batcher::spawn(4, 64, move |batch: Vec<u32>| {
            recorded.lock().unwrap().push(batch.len());
            async move { batch.into_iter().map(|n| n * 10).collect() }
        });
        let mut tasks = Vec::new();
        for n in 0..20u32 {
            let batcher = batcher.clone();
            tasks.push(tokio::spawn(async move { (n, batcher.submit(n).await) }));
        }
        for task in tasks {
            let (n, answer) = task.await.unwrap();
            assert_eq!(answer, Ok(n * 10));
        }
        let sizes = batch_sizes.lock().unwrap().clone();
        assert_eq!(sizes.iter().sum::<usize>(), 20);
        assert!(
            sizes.iter().all(|&size| (1..=4).contains(&size)),
            "{sizes:?}"
        );
    }

    #[tokio::test]
    async fn a_writer_that_answers_too_few_leaves_the_rest_with_an_error() {
        let batcher: Batcher<u32, u32> =
            Batcher::spawn(8, 8, |_batch: Vec<u32>| async move { Vec::new() });
        assert_eq!(batcher.submit(1).await, Err(BatcherError::Stopped));
    }
}

//! Parallel work with ordered, streamed results in bounded memory.
//!
//! [`ordered`] runs a function over a stream of items on a rayon pool and
//! hands the results, one by one and in input order, to a callback on the
//! calling thread, as soon as each can go out. At most `window` items are
//! taken from the input and not yet handed out, so memory is bounded by
//! `window` results, whatever the length of the input: a folder of 10 GB is
//! scanned in the memory its largest few files need.
//!
//! ```
//! let pool = rayon::ThreadPoolBuilder::new().num_threads(4).build().unwrap();
//! let mut out = Vec::new();
//! mtlint::batch::ordered::ordered(&pool, 8, 0..100u64, |n| n * n, |sq| {
//!     out.push(sq);
//!     true
//! });
//! assert_eq!(out, (0..100u64).map(|n| n * n).collect::<Vec<_>>());
//! ```

use std::any::Any;
use std::collections::BTreeMap;
use std::panic::{self, AssertUnwindSafe};
use std::sync::mpsc;

/// The window for a pool of `threads` threads: eight items a thread, so
/// that the other threads keep busy while one large file holds up the
/// output (on 12 MB of gettext catalogues and news on 2 threads, 2 a thread
/// took 4.35 s, 8 took 3.62 s and 16 no less; memory the same, 88 MB).
pub fn window_for(threads: usize) -> usize {
    threads.max(1) * 8
}

/// Runs `work` over `items` on `pool` and calls `emit` with each result in
/// the order of `items`, on the calling thread. `emit` returns `false` to
/// stop: no more items are taken, and the ones already started are finished
/// and dropped. At most `window` (at least 1) items are in flight or waiting
/// to be emitted at any time. The items are drawn from the iterator on the
/// calling thread, so it may read lazily from a file or a pipe.
///
/// A panic in `work` is raised again on the calling thread once the items in
/// flight are done.
pub fn ordered<I, T, R, W, E>(
    pool: &rayon::ThreadPool,
    window: usize,
    items: I,
    work: W,
    mut emit: E,
) where
    I: IntoIterator<Item = T>,
    T: Send,
    R: Send,
    W: Fn(T) -> R + Sync,
    E: FnMut(R) -> bool,
{
    type Done<R> = (usize, Result<R, Box<dyn Any + Send>>);
    let window = window.max(1);
    let work = &work;
    let (tx, rx) = mpsc::channel::<Done<R>>();
    let mut waiting: BTreeMap<usize, R> = BTreeMap::new();
    let mut next = 0usize;
    let mut open = true;
    let mut panicked: Option<Box<dyn Any + Send>> = None;
    // Files a result and emits every result that is now next in line.
    let mut arrive = |(i, r): Done<R>, next: &mut usize, open: &mut bool| {
        match r {
            Ok(r) => {
                waiting.insert(i, r);
            }
            Err(p) => {
                // Nothing after a panicked item can be emitted in order.
                panicked.get_or_insert(p);
                *open = false;
            }
        }
        while let Some(r) = waiting.remove(next) {
            *next += 1;
            if *open && !emit(r) {
                *open = false;
            }
        }
    };
    pool.in_place_scope(|scope| {
        let mut started = 0usize;
        let mut received = 0usize;
        for (i, item) in items.into_iter().enumerate() {
            while open && i >= next + window {
                // Each started item sends exactly once, and `tx` lives on,
                // so this only fails if the pool is gone.
                match rx.recv() {
                    Ok(done) => {
                        received += 1;
                        arrive(done, &mut next, &mut open);
                    }
                    Err(_) => open = false,
                }
            }
            if !open {
                break;
            }
            let tx = tx.clone();
            scope.spawn(move |_| {
                let r = panic::catch_unwind(AssertUnwindSafe(|| work(item)));
                let _ = tx.send((i, r));
            });
            started += 1;
        }
        drop(tx);
        // The rest, in whatever order they finish.
        while received < started {
            match rx.recv() {
                Ok(done) => {
                    received += 1;
                    arrive(done, &mut next, &mut open);
                }
                Err(_) => break,
            }
        }
    });
    if let Some(p) = panicked {
        panic::resume_unwind(p);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    fn pool(n: usize) -> rayon::ThreadPool {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build()
            .unwrap()
    }

    #[test]
    fn keeps_input_order_whatever_the_timing() {
        for threads in [1, 2, 4] {
            let mut out = Vec::new();
            ordered(
                &pool(threads),
                window_for(threads),
                0..200u64,
                |n| {
                    // Later items finish first.
                    std::thread::sleep(std::time::Duration::from_micros((200 - n) * 20));
                    n
                },
                |n| {
                    out.push(n);
                    true
                },
            );
            assert_eq!(out, (0..200).collect::<Vec<_>>());
        }
    }

    #[test]
    fn never_holds_more_than_the_window() {
        let in_flight = AtomicUsize::new(0);
        let most = AtomicUsize::new(0);
        let window = 3;
        let mut emitted = 0;
        ordered(
            &pool(4),
            window,
            (0..100).inspect(|_| {
                // Counted when drawn from the input, uncounted when emitted.
                let now = in_flight.fetch_add(1, Ordering::SeqCst) + 1;
                most.fetch_max(now, Ordering::SeqCst);
            }),
            |i| i,
            |_| {
                in_flight.fetch_sub(1, Ordering::SeqCst);
                emitted += 1;
                true
            },
        );
        assert_eq!(emitted, 100);
        // The item drawn before the loop waits for room is one more.
        assert!(most.load(Ordering::SeqCst) <= window + 1, "{most:?}");
    }

    #[test]
    fn stops_when_emit_says_so() {
        let drawn = AtomicUsize::new(0);
        let mut out = Vec::new();
        ordered(
            &pool(2),
            4,
            (0..10_000).inspect(|_| {
                drawn.fetch_add(1, Ordering::SeqCst);
            }),
            |i| i,
            |i| {
                out.push(i);
                i < 9
            },
        );
        assert_eq!(out, (0..10).collect::<Vec<_>>());
        assert!(drawn.load(Ordering::SeqCst) < 100);
    }

    #[test]
    fn a_panic_comes_back_to_the_caller() {
        let r = panic::catch_unwind(|| {
            ordered(
                &pool(2),
                4,
                0..20,
                |i| {
                    assert!(i != 7, "boom");
                    i
                },
                |_| true,
            );
        });
        assert!(r.is_err());
    }

    #[test]
    fn empty_input_emits_nothing() {
        let mut n = 0;
        ordered(
            &pool(2),
            4,
            std::iter::empty::<u8>(),
            |i| i,
            |_| {
                n += 1;
                true
            },
        );
        assert_eq!(n, 0);
    }
}

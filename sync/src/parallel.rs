//! A few threads over many independent documents: a reviewer's first sync brings thousands,
//! each costing a directory, a file and an Automerge load.

/// Below this many items one thread does it all: starting threads would cost more than it saves.
const MIN_ITEMS: usize = 64;
const MAX_THREADS: usize = 4;

/// Run `f` on consecutive runs of `items`, one run per thread (one run, on this thread, when
/// there are few), and give the results in the order of the runs. A thread's panic goes on here.
pub(crate) fn runs<T: Send, R: Send>(mut items: Vec<T>, f: impl Fn(Vec<T>) -> R + Sync) -> Vec<R> {
    let threads = if items.len() < MIN_ITEMS {
        1
    } else {
        std::thread::available_parallelism().map_or(2, |n| n.get().min(MAX_THREADS))
    };
    if threads == 1 {
        return vec![f(items)];
    }
    let run = items.len().div_ceil(threads);
    let mut parts = Vec::with_capacity(threads);
    while items.len() > run {
        let rest = items.split_off(run);
        parts.push(std::mem::replace(&mut items, rest));
    }
    parts.push(items);
    let f = &f;
    std::thread::scope(|scope| {
        let handles: Vec<_> = parts.into_iter().map(|part| scope.spawn(move || f(part))).collect();
        handles.into_iter().map(|h| h.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))).collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_item_once_in_order_few_or_many() {
        for n in [0, 5, MIN_ITEMS, 1001] {
            let out: Vec<usize> =
                runs((0..n).collect(), |part: Vec<usize>| part.into_iter().map(|i| i * 2).collect::<Vec<_>>())
                    .into_iter()
                    .flatten()
                    .collect();
            assert_eq!(out, (0..n).map(|i| i * 2).collect::<Vec<_>>());
        }
    }
}

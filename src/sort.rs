//! Stable sorting with one copy of the sort code.
//!
//! The standard library's `sort_by` is compiled once per element type and comparator (about
//! 10 KB of wasm each). These sort indices instead, through a comparator behind `dyn` (one copy
//! of the sort for the whole crate), then move the elements into that order: the result is the
//! same as `sort_by`'s (a stable sort has one result).

use std::cmp::Ordering;

/// As `v.sort_by(cmp)`.
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let order = order(v.len(), &mut |i, j| cmp(&v[i], &v[j]));
    permute(v, order);
}

/// As `v.sort()` (or `v.sort_unstable()`: equal elements are alike).
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp)
}

/// As `v.sort_by_key(key)`.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)))
}

/// The indices `0..n` in stable sorted order under `cmp`.
fn order(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&i, &j| cmp(i, j));
    order
}

/// Reorders `v` so that its element `k` is the one that was at `order[k]`: one pass over the
/// permutation's cycles.
fn permute<T>(v: &mut [T], mut order: Vec<usize>) {
    for i in 0..v.len() {
        let mut cur = i;
        while order[cur] != i {
            let next = order[cur];
            v.swap(cur, next);
            order[cur] = cur;
            cur = next;
        }
        order[cur] = cur;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_order_as_the_standard_stable_sort() {
        // Pseudo-random pairs with many equal keys: stability decides the order of ties.
        let mut x = 12345u32;
        for n in [0, 1, 2, 3, 7, 20, 33, 100, 1000] {
            let items: Vec<(u32, usize)> = (0..n)
                .map(|i| {
                    x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    ((x >> 16) % 7, i)
                })
                .collect();
            let mut want = items.clone();
            want.sort_by_key(|p| p.0);
            let mut got = items.clone();
            sort_by_key(&mut got, |p| p.0);
            assert_eq!(got, want, "{n}");
            let mut want = items.clone();
            want.sort_by_key(|a| std::cmp::Reverse(a.0));
            let mut got = items;
            sort_by(&mut got, |a, b| b.0.cmp(&a.0));
            assert_eq!(got, want, "{n}");
        }
    }
}

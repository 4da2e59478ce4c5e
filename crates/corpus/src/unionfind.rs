//! Disjoint sets over indexes, with path halving. The smaller index becomes the root, so group
//! roots (and the order groups come out in) do not depend on the order edges were added.
//! Parents are `u32`: four bytes an element, the one per-article cost linking keeps in memory.

pub struct UnionFind {
    parent: Vec<u32>,
}

impl UnionFind {
    /// Sets over `0..n`; `n` must fit in a `u32` (article and statement numbers do).
    pub fn new(n: usize) -> Self {
        UnionFind {
            parent: (0..n as u32).collect(),
        }
    }

    pub fn find(&mut self, i: usize) -> usize {
        let mut i = i as u32;
        while self.parent[i as usize] != i {
            let grand = self.parent[self.parent[i as usize] as usize];
            self.parent[i as usize] = grand;
            i = grand;
        }
        i as usize
    }

    pub fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (lo, hi) = (ra.min(rb), ra.max(rb));
            self.parent[hi] = lo as u32;
        }
    }
}

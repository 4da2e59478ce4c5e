//! What events and conflicts cite, shared by merging and the conflict passes: a mention read back
//! with the outlet the stories pass gave its article, the mentions and outlets behind one value
//! of a disputed field, and the order conflicts are kept in.

use crate::intern::{ByArticle, Interner};
use crate::port::MentionStore;
use crate::rows::Member;
use dateline_core::event::{Conflict, ConflictValue};
use std::collections::BTreeSet;

/// What an event takes of the mention kept with this handle (of article `article`), with its
/// outlet, printed or inherited from a copy (interned in `outlets`).
pub(crate) fn fetch<S: MentionStore>(
    store: &mut S,
    by_article: &ByArticle,
    outlets: &Interner,
    handle: u64,
    article: u32,
) -> Result<Member, S::Error> {
    let mut m = store.member(handle)?;
    if m.outlet.is_none()
        && let Some(o) = by_article.outlet(article)
    {
        m.outlet = Some(outlets.name(o).to_owned());
    }
    Ok(m)
}

/// The mentions giving one value, and their outlets.
#[derive(Default)]
pub(crate) struct Reported {
    ids: Vec<String>,
    outlets: BTreeSet<String>,
}

impl Reported {
    pub(crate) fn add(&mut self, m: &Member) {
        self.ids.push(m.id.clone());
        self.outlets.extend(m.outlet.clone());
    }

    /// One side of a conflict: `value`, and who gave it (mentions by id, once each).
    pub(crate) fn value(mut self, value: String) -> ConflictValue {
        self.ids.sort();
        self.ids.dedup();
        ConflictValue {
            value,
            mentions: self.ids,
            outlets: self.outlets.into_iter().collect(),
        }
    }
}

/// Conflicts by field, then first value; equal keys stay in the order found.
pub(crate) fn sort_conflicts(conflicts: &mut [Conflict]) {
    conflicts.sort_by(|a, b| order_key(a).cmp(&order_key(b)));
}

fn order_key(c: &Conflict) -> (&str, Option<&str>) {
    (&c.field, c.values.first().map(|v| v.value.as_str()))
}

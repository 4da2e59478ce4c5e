//! The stories pass: each story linking found, built from its members and written, one story and
//! one copy group at a time. A member relates to its copy group's longest text, and the groups'
//! longest texts to the story's fullest; fields a copy lacks are inherited from the copy that has
//! them (and marked as inferred).

use crate::intern::{ByArticle, Interner};
use crate::minhash::TRUNCATED;
use crate::port::StoryStore;
use crate::rows::{ArticleDigest, Inferred, Relation, Story, StoryMember, StoryRow};
use dateline_core::TimeValue;
use dateline_core::extract::stable_id;
use jiff::civil::Date;
use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap};

/// Builds and writes every story of the `n` articles, in the order of their roots. Returns how
/// many there are, and each article's story (numbered in story id order, so every ordering by
/// story is an ordering by its id) and outlet, printed or inherited (interned in `outlets`).
pub(crate) fn write_stories<C: StoryStore>(
    c: &mut C,
    n: usize,
    outlets: &mut Interner,
) -> Result<(usize, ByArticle), C::Error> {
    let mut by_article = ByArticle::new(n);
    // Story numbers in the order built, renumbered below; four bytes an article.
    let mut story_of = vec![0u32; n];
    let mut ids: Vec<(String, u32)> = Vec::new();
    let mut members = Vec::new();
    let mut after = None;
    loop {
        c.next_story(after, &mut members)?;
        let Some(first) = members.first() else { break };
        after = Some(first.root);
        let number = ids.len() as u32;
        let story = build_story(&members, c, &mut |i, o| {
            by_article.set_outlet(i, outlets.id(o));
        })?;
        c.put_story(&story, members.len())?;
        for r in &members {
            story_of[r.index as usize] = number;
        }
        ids.push((story.id, number));
    }
    drop(members);
    ids.sort_unstable();
    let mut rank = vec![0u32; ids.len()];
    for (r, (_, number)) in ids.iter().enumerate() {
        rank[*number as usize] = r as u32;
    }
    for (i, s) in story_of.into_iter().enumerate() {
        by_article.set_story(i, rank.get(s as usize).copied());
    }
    Ok((ids.len(), by_article))
}

/// Builds one story from its members (ascending by index), reading each member's digest from the
/// corpus and writing each finished member to it, one copy group at a time: a story of any size
/// is never in memory whole. The returned story has no members. `outlet` is told each member's
/// outlet (printed or inherited).
fn build_story<C: StoryStore>(
    members: &[StoryRow],
    c: &mut C,
    outlet: &mut dyn FnMut(usize, &str),
) -> Result<Story, C::Error> {
    let fullest = members
        .iter()
        .reduce(|best, r| if longer(r, best) { r } else { best })
        .map_or(0, |r| r.index as usize);
    let full = c.digest(fullest)?;
    let id = match members.first() {
        Some(first) if first.index as usize != fullest => {
            stable_id("s", &c.digest(first.index as usize)?.id)
        }
        _ => stable_id("s", &full.id),
    };
    let mut story = StoryInProgress {
        id,
        full,
        outlets: BTreeSet::new(),
        earliest: None,
    };
    let order = members_by_copy_group(members);
    for group in order.chunk_by(|a, b| a.group == b.group) {
        let head_index = group[0].index;
        let group = CopyGroup {
            head: c.digest(head_index)?,
            head_index,
            fullest,
            members: group,
        };
        let donors = group.donors(c)?;
        group.write_members(c, &donors, &mut story, outlet)?;
    }
    Ok(story.finish())
}

/// Longest body; ties go to the smaller index.
fn longer(a: &StoryRow, b: &StoryRow) -> bool {
    (a.words, std::cmp::Reverse(a.index)) > (b.words, std::cmp::Reverse(b.index))
}

/// A member as the copy-group walk takes it.
struct GroupMember {
    group: u32,
    index: usize,
}

/// The members group by group, each group's head (its longest text) first, then by index.
fn members_by_copy_group(members: &[StoryRow]) -> Vec<GroupMember> {
    let mut heads: HashMap<u32, &StoryRow> = HashMap::new();
    for r in members {
        let head = heads.entry(r.group).or_insert(r);
        if longer(r, head) {
            *head = r;
        }
    }
    let mut order: Vec<(u32, bool, usize)> = members
        .iter()
        .map(|r| {
            let head = heads.get(&r.group).map(|h| h.index);
            (r.group, head != Some(r.index), r.index as usize)
        })
        .collect();
    order.sort_unstable();
    (order.into_iter())
        .map(|(group, _, index)| GroupMember { group, index })
        .collect()
}

/// A story being written: what its members add up to.
struct StoryInProgress {
    id: String,
    /// The fullest text.
    full: ArticleDigest,
    outlets: BTreeSet<String>,
    /// (start, member id, date): the earliest publication, own or inherited.
    earliest: Option<(Date, String, TimeValue)>,
}

impl StoryInProgress {
    /// Keeps the earliest (start date, then member id) of the dates seen.
    fn consider_earliest(&mut self, tv: &TimeValue, id: &str) {
        let Some(start) = tv.start_date() else {
            return;
        };
        let better =
            (self.earliest.as_ref()).is_none_or(|(s, from, _)| (start, id) < (*s, from.as_str()));
        if better {
            self.earliest = Some((start, id.to_owned(), tv.clone()));
        }
    }

    fn finish(self) -> Story {
        Story {
            id: self.id,
            title: self.full.title,
            fullest: self.full.id,
            earliest: (self.earliest).map(|(_, from, value)| Inferred { value, from }),
            outlets: self.outlets.into_iter().collect(),
            members: Vec::new(),
        }
    }
}

/// One copy group of a story: its head (its longest text) and its members, head first.
struct CopyGroup<'m> {
    head: ArticleDigest,
    head_index: usize,
    /// The story's fullest text.
    fullest: usize,
    members: &'m [GroupMember],
}

/// The fields a group's members may inherit: the first value of each, and whose it is.
struct Donors {
    outlet: Option<Inferred<String>>,
    published: Option<Inferred<TimeValue>>,
}

impl CopyGroup<'_> {
    fn relation_of(&self, i: usize, a: &ArticleDigest) -> Relation {
        let fp = &a.fingerprint;
        if i == self.fullest {
            Relation::Fullest
        } else if i == self.head_index {
            Relation::Rewrite
        } else if fp.body_hash == self.head.fingerprint.body_hash {
            Relation::Exact
        } else if fp.contained_in(&self.head.fingerprint) >= TRUNCATED {
            Relation::Truncated
        } else {
            Relation::NearDuplicate
        }
    }

    /// Only the head and its exact or truncated copies give and take missing fields.
    fn inherits(&self, i: usize, r: Relation) -> bool {
        i == self.head_index || matches!(r, Relation::Exact | Relation::Truncated)
    }

    /// Member `i`'s digest: the head's, already read, or fetched.
    fn digest<C: StoryStore>(
        &self,
        i: usize,
        c: &mut C,
    ) -> Result<Cow<'_, ArticleDigest>, C::Error> {
        Ok(if i == self.head_index {
            Cow::Borrowed(&self.head)
        } else {
            Cow::Owned(c.digest(i)?)
        })
    }

    /// One donor per field: the head, else the first copy (by index) that has it.
    fn donors<C: StoryStore>(&self, c: &mut C) -> Result<Donors, C::Error> {
        let mut donors = Donors {
            outlet: None,
            published: None,
        };
        for &GroupMember { index: i, .. } in self.members {
            if donors.outlet.is_some() && donors.published.is_some() {
                break;
            }
            let a = self.digest(i, c)?;
            if !self.inherits(i, self.relation_of(i, &a)) {
                continue;
            }
            if donors.outlet.is_none()
                && let Some(o) = &a.outlet
            {
                donors.outlet = Some(Inferred {
                    value: o.clone(),
                    from: a.id.clone(),
                });
            }
            if donors.published.is_none() && a.published.value.is_some() {
                donors.published = Some(Inferred {
                    value: a.published.clone(),
                    from: a.id.clone(),
                });
            }
        }
        Ok(donors)
    }

    /// Each member finished (relation, inherited fields) and written at once; the story takes
    /// its outlet and date.
    fn write_members<C: StoryStore>(
        &self,
        c: &mut C,
        donors: &Donors,
        story: &mut StoryInProgress,
        outlet: &mut dyn FnMut(usize, &str),
    ) -> Result<(), C::Error> {
        for &GroupMember { index: i, .. } in self.members {
            let a = self.digest(i, c)?;
            let relation = self.relation_of(i, &a);
            let heir = self.inherits(i, relation);
            let inferred_outlet = match &a.outlet {
                Some(_) => None,
                None => donors.outlet.clone().filter(|_| heir),
            };
            let inferred_published = match a.published.value {
                Some(_) => None,
                None => donors.published.clone().filter(|_| heir),
            };
            let shown =
                (a.outlet.as_deref()).or(inferred_outlet.as_ref().map(|o| o.value.as_str()));
            if let Some(o) = shown {
                outlet(i, o);
                story.outlets.insert(o.to_owned());
            }
            if a.published.value.is_some() {
                story.consider_earliest(&a.published, &a.id);
            } else if let Some(p) = &inferred_published {
                story.consider_earliest(&p.value, &a.id);
            }
            let similarity = a.fingerprint.jaccard(&story.full.fingerprint);
            c.put_member(
                &story.id,
                &StoryMember {
                    article: a.id.clone(),
                    relation,
                    copy_of: (i != self.head_index).then(|| self.head.id.clone()),
                    similarity: (similarity * 1000.0).round() / 1000.0,
                    inferred_outlet,
                    inferred_published,
                },
            )?;
        }
        Ok(())
    }
}

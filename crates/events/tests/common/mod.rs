//! Articles built directly from a body, for tests that do not need a capture.

#![allow(dead_code)]

use dateline_core::time::{Precision, TimeValue};
use dateline_core::{AdapterRef, Article};

/// An article with this body, published on `published` (YYYY-MM-DD) when given.
pub fn article(id: &str, body: &str, published: Option<&str>, dateline: Option<&str>) -> Article {
    Article {
        id: id.to_owned(),
        capture: format!("{id}.txt"),
        via: None,
        outlet: Some("Test".into()),
        url: None,
        title: String::new(),
        author: None,
        section: None,
        published: published.map_or_else(TimeValue::default, |d| TimeValue {
            raw: Some(d.to_owned()),
            value: Some(d.to_owned()),
            precision: Some(Precision::Day),
            range: None,
            basis: None,
        }),
        captured: TimeValue::default(),
        dateline: dateline.map(str::to_owned),
        caption: None,
        body: body.to_owned(),
        truncated: false,
        adapter: AdapterRef {
            name: "test".into(),
            version: "0".into(),
        },
    }
}

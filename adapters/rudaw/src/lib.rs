//! Layout rules for rudaw pages.
//!
//! Describe the site's layout, never one page: what marks the start and end of a story, which lines are
//! furniture. Every rule should hold on a page you have not seen.

use dateline_core::adapter::AdapterError;
use dateline_core::{Adapter, ArticleDraft, Detection, Page, ParseContext};

pub struct Rudaw;

impl Adapter for Rudaw {
    fn id(&self) -> &'static str {
        "rudaw"
    }

    fn version(&self) -> &'static str {
        "1"
    }

    fn hosts(&self) -> &'static [&'static str] {
        &["rudaw.example"]
    }

    fn detect(&self, page: &Page) -> Detection {
        // Score the layout: furniture only this site prints.
        let _ = page;
        Detection::no()
    }

    fn parse(
        &self,
        page: &Page,
        _ctx: &ParseContext<'_>,
    ) -> Result<Vec<ArticleDraft>, AdapterError> {
        let mut blocks = page.blocks.iter();
        let title = blocks.next().map(|b| b.text.clone()).unwrap_or_default();
        let body = blocks.map(|b| b.text.clone()).collect();
        Ok(vec![ArticleDraft {
            title,
            body,
            ..Default::default()
        }])
    }
}

dateline_core::register_adapter!(Rudaw);

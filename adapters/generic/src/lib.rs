//! The fallback: reads any page no site adapter claims. (Text form only for now.)

use dateline_core::adapter::AdapterError;
use dateline_core::{Adapter, ArticleDraft, Capture, Detection, Page, ParseContext};

pub struct Generic;

impl Adapter for Generic {
    fn id(&self) -> &'static str {
        "generic"
    }
    fn version(&self) -> &'static str {
        "1"
    }
    fn hosts(&self) -> &'static [&'static str] {
        &[]
    }
    fn detect(&self, _page: &Page) -> Detection {
        Detection::no()
    }
    fn is_fallback(&self) -> bool {
        true
    }
    fn via(&self, capture: &Capture) -> Option<String> {
        capture.host()
    }
    fn parse(
        &self,
        page: &Page,
        _ctx: &ParseContext<'_>,
    ) -> Result<Vec<ArticleDraft>, AdapterError> {
        let mut blocks = page.blocks.iter();
        let title = blocks.next().map(|b| b.text.clone()).unwrap_or_default();
        let body: Vec<String> = blocks
            .filter(|b| b.text.split_whitespace().count() >= 8)
            .map(|b| b.text.clone())
            .collect();
        Ok(vec![ArticleDraft {
            title,
            body,
            ..Default::default()
        }])
    }
}

dateline_core::register_adapter!(Generic);

//! Article → event mentions. (Skeleton: the extractor is being written.)

use dateline_core::Article;
use dateline_core::event::EventMention;

#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    #[error("{file}: {reason}")]
    Invalid { file: String, reason: String },
}

/// Codes event mentions from article bodies.
pub struct Extractor {}

impl Extractor {
    /// The lexicon bundled with the binary (data/*.toml at build time).
    pub fn load_default() -> Result<Extractor, LexiconError> {
        Ok(Extractor {})
    }

    /// Every event mention in the article's body, in body order.
    pub fn mentions(&self, article: &Article) -> Vec<EventMention> {
        let _ = article;
        Vec::new()
    }
}

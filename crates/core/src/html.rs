//! Saved HTML → [`Page`]. (Placeholder: a full HTML5 parser replaces this.)

use crate::page::Page;

/// Parses an HTML document into blocks.
pub fn parse(html: &str) -> Page {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => {
                in_tag = true;
                out.push('\n');
            }
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    let mut page = Page::from_text(&out);
    page.media = crate::capture::Media::Html;
    page
}

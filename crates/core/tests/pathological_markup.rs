//! Issue 13, rows 3, 8 and 11 at small sizes: markup that made the parse quadratic (thousands of
//! attributes on one element, misnested formatting elements), many tiny blocks, and nesting deeper
//! than the tree's depth cap. These check what the page reads as; `cargo xtask stress` runs the
//! same shapes at full size and holds their time and memory.

use dateline_core::BlockKind;
use dateline_core::html::parse;

#[test]
fn paragraph_breaks_survive_any_depth() {
    for depth in [10, 509, 510, 511, 600, 5_000] {
        let html = format!(
            "{}<p>first paragraph</p><p>second paragraph</p>{}<p>after</p>",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        let page = parse(&html);
        let texts: Vec<&str> = page.texts().collect();
        assert_eq!(
            texts,
            ["first paragraph", "second paragraph", "after"],
            "depth {depth}"
        );
        assert!(
            page.blocks.iter().all(|b| b.kind == BlockKind::Paragraph),
            "depth {depth}"
        );
    }
}

#[test]
fn list_items_and_headings_keep_their_boundaries_deep_down() {
    let html = format!(
        "{}<h2>Title</h2><ul><li>one</li><li>two</li></ul>{}",
        "<section><div>".repeat(400),
        "</div></section>".repeat(400)
    );
    let page = parse(&html);
    let blocks: Vec<(&str, BlockKind)> = page
        .blocks
        .iter()
        .map(|b| (b.text.as_str(), b.kind))
        .collect();
    assert_eq!(
        blocks,
        [
            ("Title", BlockKind::Heading(2)),
            ("one", BlockKind::ListItem),
            ("two", BlockKind::ListItem)
        ]
    );
}

#[test]
fn an_element_with_thousands_of_attributes_keeps_its_text_and_known_attributes() {
    let mut html = String::from("<p class=\"lead\" id=\"intro\"");
    for i in 0..20_000 {
        html.push_str(&format!(" data-x{i}=\"{i}\""));
    }
    html.push_str(">Text of the paragraph</p><p>Next</p>");
    let page = parse(&html);
    assert_eq!(
        page.texts().collect::<Vec<_>>(),
        ["Text of the paragraph", "Next"]
    );
    assert_eq!(page.blocks[0].hints, ["lead", "intro"]);
}

#[test]
fn a_tag_like_run_inside_a_script_or_comment_is_left_alone() {
    let words = " w".repeat(2_000);
    let html = format!(
        "<script>if (a <b{words}) {{}}</script><!-- <p{words} --><p>kept</p><p title=\"<x{words}>\">too</p>"
    );
    let page = parse(&html);
    assert_eq!(page.texts().collect::<Vec<_>>(), ["kept", "too"]);
}

#[test]
fn misnested_formatting_elements_keep_every_word() {
    let html = "<p>".to_owned() + &"<b><i><u><s>x </b>".repeat(20_000) + "</p><p>end</p>";
    let page = parse(&html);
    let texts: Vec<&str> = page.texts().collect();
    assert_eq!(texts.len(), 2, "{:?}", &texts[..texts.len().min(3)]);
    assert_eq!(texts[0].split(' ').count(), 20_000);
    assert!(texts[0].split(' ').all(|w| w == "x"));
    assert_eq!(texts[1], "end");

    // A formatting element left open across blocks, as pages often do, is reopened in each one
    // (the builder keeps three of a kind), and no block is lost.
    let html = "<p><b>bold start</p>".repeat(2_000);
    let page = parse(&html);
    assert_eq!(page.blocks.len(), 2_000);
    assert!(
        page.blocks
            .iter()
            .all(|b| b.text == "bold start" && b.kind == BlockKind::Paragraph)
    );

    // Formatting around blocks: the blocks stay blocks.
    let html = "<b><div>x</b>".repeat(3_000);
    let page = parse(&html);
    assert_eq!(page.blocks.len(), 3_000);
    assert!(page.blocks.iter().all(|b| b.text == "x"));
}

#[test]
fn many_tiny_blocks_are_each_a_block() {
    let html = "<p>a</p>".repeat(100_000);
    let page = parse(&html);
    assert_eq!(page.blocks.len(), 100_000);
    assert!(
        page.blocks
            .iter()
            .all(|b| b.text == "a" && b.kind == BlockKind::Paragraph)
    );
}

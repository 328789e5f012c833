//! Turns the exports' SVG documents into PNG images and PDF pages, with the bundled DejaVu Sans
//! font (so that text renders the same on every machine, whatever fonts it has).

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref};
use resvg::{tiny_skia, usvg};

/// The fonts every export is set in.
fn fonts() -> Arc<usvg::fontdb::Database> {
    static FONTS: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            let mut database = usvg::fontdb::Database::new();
            database.load_font_data(dejavu::sans::regular().to_vec());
            database.load_font_data(dejavu::sans::bold().to_vec());
            database.set_sans_serif_family(super::super::map::svg::FONT_FAMILY);
            Arc::new(database)
        })
        .clone()
}

fn parse(svg: &str) -> anyhow::Result<usvg::Tree> {
    let options = usvg::Options {
        font_family: super::super::map::svg::FONT_FAMILY.to_owned(),
        fontdb: fonts(),
        ..usvg::Options::default()
    };
    Ok(usvg::Tree::from_str(svg, &options)?)
}

/// Renders an SVG document to a PNG of its own size.
pub fn png(svg: &str) -> anyhow::Result<Vec<u8>> {
    let tree = parse(svg)?;
    let size = tree.size().to_int_size();
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height())
        .ok_or_else(|| anyhow::anyhow!("an image of {size:?} cannot be drawn"))?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    Ok(pixmap.encode_png()?)
}

/// Turns SVG documents into the pages of one PDF, each page the size of its document (in
/// points), with `title` as the document's title.
pub fn pdf(pages: &[String], title: &str) -> anyhow::Result<Vec<u8>> {
    let mut alloc = Ref::new(1);
    let catalog = alloc.bump();
    let tree_id = alloc.bump();
    let info = alloc.bump();
    let mut pdf = Pdf::new();
    let mut page_ids = Vec::new();
    let mut chunks = Vec::new();
    for svg in pages {
        let tree = parse(svg)?;
        let (chunk, svg_id) = svg2pdf::to_chunk(&tree, svg2pdf::ConversionOptions::default())
            .map_err(|error| anyhow::anyhow!("a page cannot be written: {error}"))?;
        let mut renumbered = HashMap::new();
        let chunk = chunk.renumber(|old| *renumbered.entry(old).or_insert_with(|| alloc.bump()));
        let svg_id = *renumbered
            .get(&svg_id)
            .ok_or_else(|| anyhow::anyhow!("a page lost its drawing"))?;
        let page_id = alloc.bump();
        let content_id = alloc.bump();
        let size = tree.size();
        let (width, height) = (size.width(), size.height());
        let name = Name(b"S1");
        let mut page = pdf.page(page_id);
        page.media_box(Rect::new(0.0, 0.0, width, height));
        page.parent(tree_id);
        page.contents(content_id);
        page.resources().x_objects().pair(name, svg_id);
        page.finish();
        let mut content = Content::new();
        content
            .transform([width, 0.0, 0.0, height, 0.0, 0.0])
            .x_object(name);
        pdf.stream(content_id, &content.finish());
        page_ids.push(page_id);
        chunks.push(chunk);
    }
    pdf.catalog(catalog).pages(tree_id);
    pdf.pages(tree_id)
        .kids(page_ids.iter().copied())
        .count(i32::try_from(page_ids.len())?);
    pdf.document_info(info)
        .title(pdf_writer::TextStr(title))
        .producer(pdf_writer::TextStr("Common Ground"));
    for chunk in &chunks {
        pdf.extend(chunk);
    }
    Ok(pdf.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_renders_with_the_bundled_font() {
        let blank =
            png(r#"<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"></svg>"#)
                .unwrap();
        let text = png(r#"<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><text x="4" y="30" font-size="24" font-family="DejaVu Sans">Agree</text></svg>"#)
            .unwrap();
        assert_eq!(&text[..8], b"\x89PNG\r\n\x1a\n");
        assert_ne!(blank, text, "the text drew something");
        let tree = parse(r#"<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><text x="4" y="30" font-size="24">Agree</text></svg>"#).unwrap();
        assert!(
            tree.root().has_children(),
            "text without a family falls back to the bundled one"
        );
    }

    #[test]
    fn pages_become_one_pdf() {
        let page = r#"<svg xmlns="http://www.w3.org/2000/svg" width="595" height="842"><text x="40" y="60" font-size="20">Common ground</text></svg>"#;
        let document = pdf(&[page.to_owned(), page.to_owned()], "A report").unwrap();
        assert!(document.starts_with(b"%PDF-"));
        let text = String::from_utf8_lossy(&document);
        assert!(text.contains("/Count 2"));
    }
}

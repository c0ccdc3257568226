//! Turns genpdf's output into the final file: embeds DejaVu subsets in place of the built-in
//! font slots, adds the "Page X of Y" footer, pins metadata for byte-identical output, and
//! compresses every stream.

use std::collections::BTreeSet;

use lopdf::{Dictionary, Document, Object, ObjectId, Stream, StringFormat};

use crate::charset;
use crate::content::{self, Usage};
use crate::error::PdfError;
use crate::fonts::Face;
use crate::sfnt::FaceMetrics;

/// Where and how the footer is drawn.
#[derive(Debug, Clone, Copy)]
pub struct Footer {
    pub page_width_mm: f64,
    /// Distance of the footer baseline from the bottom edge.
    pub baseline_mm: f64,
    pub size_pt: f64,
    pub gray: f64,
}

/// Inputs that make the document unique, hashed into its /ID.
#[derive(Debug, Clone, Copy)]
pub struct Identity<'a> {
    pub title: Option<&'a str>,
    pub seed: &'a [u8],
}

const POINTS_PER_MM: f64 = 72.0 / 25.4;
const FOOTER_FACE: Face = Face::SansRegular;

/// 64-bit FNV-1a: a stable, dependency-free hash for ids and subset tags.
fn fnv1a(data: &[u8], basis: u64) -> u64 {
    data.iter().fold(basis, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn glyph_id(font: &rusttype::Font<'_>, c: char) -> u16 {
    u16::try_from(font.glyph(c).id().0).unwrap_or(0)
}

fn load_rusttype(face: Face) -> Result<rusttype::Font<'static>, PdfError> {
    rusttype::Font::from_bytes(face.data())
        .map_err(|err| PdfError::Font(format!("{}: {err}", face.postscript_name())))
}

pub fn finish(
    raw: &[u8],
    footer: Footer,
    identity: Identity<'_>,
) -> Result<(Vec<u8>, usize), PdfError> {
    let mut doc = Document::load_mem(raw)?;
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    let page_count = pages.len();
    let mut usage = Usage::new();
    let footer_font = load_rusttype(FOOTER_FACE)?;
    let footer_metrics = FaceMetrics::read(FOOTER_FACE.data())?;
    for (index, page_id) in pages.iter().enumerate() {
        let mut bytes = Vec::new();
        for content_id in doc.get_page_contents(*page_id) {
            if let Ok(stream) = doc.get_object(content_id).and_then(Object::as_stream) {
                let data = if stream.dict.has(b"Filter") {
                    stream.decompressed_content()?
                } else {
                    stream.content.clone()
                };
                bytes.extend_from_slice(&data);
                bytes.push(b'\n');
            }
        }
        let mut rewritten = content::rewrite(&bytes, &mut usage);
        let label = format!("Page {} of {}", index + 1, page_count);
        rewritten.extend_from_slice(&footer_ops(
            &label,
            footer,
            &footer_font,
            &footer_metrics,
            &mut usage,
        ));
        let new_content = doc.add_object(Stream::new(Dictionary::new(), rewritten));
        doc.get_object_mut(*page_id)
            .and_then(Object::as_dict_mut)?
            .set("Contents", Object::Reference(new_content));
    }
    embed_fonts(&mut doc, &pages, &usage)?;
    pin_metadata(&mut doc, identity);
    doc.prune_objects();
    doc.delete_zero_length_streams();
    compress_streams(&mut doc)?;
    doc.renumber_objects();
    let mut out = Vec::new();
    doc.save_to(&mut out)
        .map_err(|err| PdfError::Postprocess(err.to_string()))?;
    Ok((out, page_count))
}

/// Deflates every stream that has no filter yet. lopdf's own `compress` uses the slowest level;
/// the default level is within a few percent of its size at a fraction of the time.
fn compress_streams(doc: &mut Document) -> Result<(), PdfError> {
    use std::io::Write;
    for object in doc.objects.values_mut() {
        if let Object::Stream(stream) = object
            && !stream.dict.has(b"Filter")
        {
            let mut encoder =
                flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
            encoder
                .write_all(&stream.content)
                .map_err(|err| PdfError::Postprocess(err.to_string()))?;
            let compressed = encoder
                .finish()
                .map_err(|err| PdfError::Postprocess(err.to_string()))?;
            if compressed.len() < stream.content.len() {
                stream.dict.set("Filter", name("FlateDecode"));
                stream.set_content(compressed);
            }
        }
    }
    Ok(())
}

fn footer_ops(
    label: &str,
    footer: Footer,
    font: &rusttype::Font<'_>,
    metrics: &FaceMetrics,
    usage: &mut Usage,
) -> Vec<u8> {
    let codes: Vec<u8> = label.chars().filter_map(charset::encode).collect();
    let width_units: i64 = label
        .chars()
        .map(|c| metrics.advance(glyph_id(font, c)))
        .sum();
    let width_pt = width_units as f64 * footer.size_pt / 1000.0;
    let x = footer.page_width_mm * POINTS_PER_MM / 2.0 - width_pt / 2.0;
    let y = footer.baseline_mm * POINTS_PER_MM;
    usage
        .entry(FOOTER_FACE.slot_name().as_bytes().to_vec())
        .or_default()
        .extend(codes.iter().copied());
    let hex: String = codes.iter().map(|c| format!("{c:02x}")).collect();
    format!(
        "q {g:.3} {g:.3} {g:.3} rg BT /{font} {size:.2} Tf {x:.2} {y:.2} Td <{hex}> Tj ET Q\n",
        g = footer.gray,
        font = FOOTER_FACE.slot_name(),
        size = footer.size_pt,
    )
    .into_bytes()
}

/// The shared font resource dictionary printpdf attaches to every page.
fn font_dictionary_id(doc: &Document, page: ObjectId) -> Option<ObjectId> {
    let page = doc.get_dictionary(page).ok()?;
    let resources = match page.get(b"Resources").ok()? {
        Object::Reference(id) => doc.get_dictionary(*id).ok()?,
        Object::Dictionary(dict) => dict,
        _ => return None,
    };
    resources.get(b"Font").ok()?.as_reference().ok()
}

fn embed_fonts(doc: &mut Document, pages: &[ObjectId], usage: &Usage) -> Result<(), PdfError> {
    let Some(fonts_id) = pages
        .first()
        .and_then(|page| font_dictionary_id(doc, *page))
    else {
        return Ok(());
    };
    let entries: Vec<(Vec<u8>, Object)> = doc
        .get_dictionary(fonts_id)?
        .iter()
        .map(|(name, object)| (name.clone(), object.clone()))
        .collect();
    let mut kept = Dictionary::new();
    for (name, object) in entries {
        let (Some(face), Some(codes), Ok(font_id)) = (
            Face::from_slot_name(&name),
            usage.get(&name),
            object.as_reference(),
        ) else {
            continue; // unused font slot: dropped, and pruned with its objects
        };
        if codes.is_empty() {
            continue;
        }
        let font = embedded_font(doc, face, codes)?;
        doc.objects.insert(font_id, Object::Dictionary(font));
        kept.set(name, Object::Reference(font_id));
    }
    doc.objects.insert(fonts_id, Object::Dictionary(kept));
    Ok(())
}

fn name(text: &str) -> Object {
    Object::Name(text.as_bytes().to_vec())
}

/// A simple TrueType font (WinAnsi codes) whose program is a subset of `face`.
fn embedded_font(
    doc: &mut Document,
    face: Face,
    codes: &BTreeSet<u8>,
) -> Result<Dictionary, PdfError> {
    let font = load_rusttype(face)?;
    let metrics = FaceMetrics::read(face.data())?;
    let chars: Vec<(u8, char)> = codes
        .iter()
        .filter_map(|&code| charset::decode(code).map(|c| (code, c)))
        .collect();
    let glyphs: BTreeSet<u16> = std::iter::once(0)
        .chain(chars.iter().map(|&(_, c)| glyph_id(&font, c)))
        .collect();
    let glyphs: Vec<u16> = glyphs.into_iter().collect();
    let program = subsetter::subset(face.data(), 0, subsetter::Profile::pdf(&glyphs))
        .map_err(|err| PdfError::Font(format!("subsetting {}: {err}", face.postscript_name())))?;

    let (first, last) = match (chars.first(), chars.last()) {
        (Some(&(first, _)), Some(&(last, _))) => (first, last),
        _ => (0x20, 0x20),
    };
    let widths: Vec<Object> = (first..=last)
        .map(|code| {
            let width = chars
                .iter()
                .find(|&&(c, _)| c == code)
                .map_or(0, |&(_, ch)| metrics.advance(glyph_id(&font, ch)));
            Object::Integer(width)
        })
        .collect();

    // Subset fonts are named "ABCDEF+Name" (six capitals derived from the content).
    let mut tag_hash = fnv1a(face.postscript_name().as_bytes(), 0xcbf2_9ce4_8422_2325);
    tag_hash = fnv1a(&codes.iter().copied().collect::<Vec<u8>>(), tag_hash);
    let tag: String = (0..6)
        .map(|i| char::from(b'A' + ((tag_hash >> (i * 5)) % 26) as u8))
        .collect();
    let base_font = format!("{tag}+{}", face.postscript_name());

    let mut file_dict = Dictionary::new();
    file_dict.set("Length1", Object::Integer(program.len() as i64));
    let file_id = doc.add_object(Stream::new(file_dict, program));

    let flags = 32 | if face.is_serif() { 2 } else { 0 } | if face.is_italic() { 64 } else { 0 };
    let mut descriptor = Dictionary::new();
    descriptor.set("Type", name("FontDescriptor"));
    descriptor.set("FontName", name(&base_font));
    descriptor.set("Flags", Object::Integer(flags));
    descriptor.set(
        "FontBBox",
        Object::Array(metrics.bbox.iter().map(|&v| Object::Integer(v)).collect()),
    );
    descriptor.set("ItalicAngle", Object::Real(metrics.italic_angle));
    descriptor.set("Ascent", Object::Integer(metrics.ascent));
    descriptor.set("Descent", Object::Integer(metrics.descent));
    descriptor.set("CapHeight", Object::Integer(metrics.cap_height));
    descriptor.set(
        "StemV",
        Object::Integer(if face.slot_name().contains("Bold") {
            120
        } else {
            80
        }),
    );
    descriptor.set("FontFile2", Object::Reference(file_id));
    let descriptor_id = doc.add_object(descriptor);

    let mut dict = Dictionary::new();
    dict.set("Type", name("Font"));
    dict.set("Subtype", name("TrueType"));
    dict.set("BaseFont", name(&base_font));
    dict.set("FirstChar", Object::Integer(i64::from(first)));
    dict.set("LastChar", Object::Integer(i64::from(last)));
    dict.set("Widths", Object::Array(widths));
    dict.set("Encoding", name("WinAnsiEncoding"));
    dict.set("FontDescriptor", Object::Reference(descriptor_id));
    Ok(dict)
}

/// PDF text string: ASCII as is, anything else as UTF-16BE with a byte-order mark.
fn text_string(text: &str) -> Object {
    if text.is_ascii() {
        Object::String(text.as_bytes().to_vec(), StringFormat::Literal)
    } else {
        let mut bytes = vec![0xFE, 0xFF];
        bytes.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
        Object::String(bytes, StringFormat::Hexadecimal)
    }
}

/// Replaces printpdf's clock-based dates and random ids with values derived from the input.
fn pin_metadata(doc: &mut Document, identity: Identity<'_>) {
    let mut info = Dictionary::new();
    if let Some(title) = identity.title {
        info.set("Title", text_string(title));
    }
    info.set(
        "Producer",
        Object::String(b"brief-pdf (genpdf)".to_vec(), StringFormat::Literal),
    );
    let info_id = doc.add_object(info);
    doc.trailer.set("Info", Object::Reference(info_id));
    if let Ok(root) = doc.trailer.get(b"Root").and_then(Object::as_reference)
        && let Ok(catalog) = doc.get_object_mut(root).and_then(Object::as_dict_mut)
    {
        catalog.remove(b"Metadata");
    }
    let high = fnv1a(identity.seed, 0xcbf2_9ce4_8422_2325);
    let low = fnv1a(identity.seed, 0x8422_2325_cbf2_9ce4);
    let mut id = high.to_be_bytes().to_vec();
    id.extend_from_slice(&low.to_be_bytes());
    doc.trailer.set(
        "ID",
        Object::Array(vec![
            Object::String(id.clone(), StringFormat::Hexadecimal),
            Object::String(id, StringFormat::Hexadecimal),
        ]),
    );
}

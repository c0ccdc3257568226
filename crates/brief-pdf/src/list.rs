//! Bullet and numbered lists: a marker in the left gutter, the item's blocks indented.

use genpdf::error::Error;
use genpdf::render::Area;
use genpdf::style::Style;
use genpdf::{Context, Element, Mm, Position, RenderResult, Size};

use crate::block::{Block, Stack};
use crate::text::{Line, print_line};

/// One list item: its marker ("•", "3.") and content.
#[derive(Debug)]
pub struct ListItem {
    marker: String,
    marker_style: Style,
    content: Stack,
    marker_printed: bool,
}

impl ListItem {
    pub fn new(marker: String, marker_style: Style, content: Stack) -> ListItem {
        ListItem {
            marker,
            marker_style,
            content,
            marker_printed: false,
        }
    }
}

/// A list; `indent` is the gutter holding the markers.
#[derive(Debug)]
pub struct List {
    items: Vec<ListItem>,
    indent: Mm,
    item_gap: Mm,
    space_after: Mm,
    next: usize,
}

impl List {
    pub fn new(items: Vec<ListItem>, indent: f64, item_gap: f64, space_after: f64) -> List {
        List {
            items,
            indent: Mm::from(indent),
            item_gap: Mm::from(item_gap),
            space_after: Mm::from(space_after),
            next: 0,
        }
    }
}

impl Element for List {
    fn render(
        &mut self,
        context: &Context,
        mut area: Area<'_>,
        style: Style,
    ) -> Result<RenderResult, Error> {
        let width = area.size().width;
        let mut used = Mm::from(0);
        while let Some(item) = self.items.get_mut(self.next) {
            let mut content_area = area.clone();
            content_area.add_offset(Position::new(self.indent, 0));
            let result = item.content.render(context, content_area, style)?;
            if !item.marker_printed && result.size.height > Mm::from(0) {
                let marker_width = item
                    .marker_style
                    .str_width(&context.font_cache, &item.marker);
                let line = Line {
                    pieces: vec![(item.marker.clone(), item.marker_style)],
                    width: marker_width,
                };
                let x = self.indent - marker_width - Mm::from(1.6);
                print_line(&area, context, &line, x, Mm::from(0), item.marker_style)?;
                item.marker_printed = true;
            }
            area.add_offset(Position::new(0, result.size.height));
            used += result.size.height;
            if result.has_more {
                return Ok(RenderResult {
                    size: Size::new(width, used),
                    has_more: true,
                });
            }
            self.next += 1;
            let gap = if self.next == self.items.len() {
                self.space_after
            } else {
                self.item_gap
            };
            let gap = if gap < area.size().height {
                gap
            } else {
                area.size().height.max(Mm::from(0))
            };
            area.add_offset(Position::new(0, gap));
            used += gap;
        }
        Ok(RenderResult {
            size: Size::new(width, used),
            has_more: false,
        })
    }
}

impl Block for List {
    fn lead_height(&mut self, context: &Context, width: Mm) -> Mm {
        let indent = self.indent;
        match self.items.get_mut(self.next) {
            Some(item) => item.content.lead_height(context, width - indent),
            None => Mm::from(0),
        }
    }
}

//! Block quotes: indented, with a bar in the margin on every page the quote spans.

use genpdf::error::Error;
use genpdf::render::Area;
use genpdf::style::Style;
use genpdf::{Context, Element, Mm, Position, RenderResult, Size};

use crate::block::{Block, Stack};
use crate::fill::fill_rect;
use crate::theme::QUOTE_BAR;

const INDENT_MM: f64 = 6.0;
const BAR_X_MM: f64 = 1.5;
const BAR_WIDTH_MM: f64 = 0.9;

#[derive(Debug)]
pub struct Quote {
    content: Stack,
    space_after: Mm,
}

impl Quote {
    pub fn new(content: Stack, space_after: f64) -> Quote {
        Quote {
            content,
            space_after: Mm::from(space_after),
        }
    }
}

impl Element for Quote {
    fn render(
        &mut self,
        context: &Context,
        area: Area<'_>,
        style: Style,
    ) -> Result<RenderResult, Error> {
        let width = area.size().width;
        let mut inner = area.clone();
        inner.add_offset(Position::new(INDENT_MM, 0));
        inner.set_width(width - Mm::from(INDENT_MM + 2.0));
        let result = self.content.render(context, inner, style)?;
        let mut height = result.size.height;
        if height > Mm::from(0) {
            // The content's own trailing gap is not part of the bar.
            fill_rect(
                &area,
                Mm::from(BAR_X_MM),
                Mm::from(0.6),
                Mm::from(BAR_WIDTH_MM),
                height - Mm::from(1.8),
                QUOTE_BAR,
            );
        }
        if !result.has_more {
            let rest = area.size().height - height;
            height += if self.space_after < rest {
                self.space_after
            } else {
                rest.max(Mm::from(0))
            };
        }
        Ok(RenderResult {
            size: Size::new(width, height),
            has_more: result.has_more,
        })
    }
}

impl Block for Quote {
    fn lead_height(&mut self, context: &Context, width: Mm) -> Mm {
        self.content
            .lead_height(context, width - Mm::from(INDENT_MM + 2.0))
    }
}

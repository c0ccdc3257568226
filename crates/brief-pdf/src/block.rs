//! The element trait all typeset blocks share, and the vertical stack that holds them.

use genpdf::error::Error;
use genpdf::render::Area;
use genpdf::style::Style;
use genpdf::{Context, Element, Mm, Position, RenderResult, Size};

/// Page facts that elements need for page-break decisions.
#[derive(Debug, Clone, Copy)]
pub struct Page {
    /// Height of the writable area of an empty page.
    pub body_height: Mm,
}

impl Page {
    /// Whether `area` is a whole empty page: there, deferring content to the next page would
    /// loop forever, so elements must print what they can.
    pub fn is_fresh(&self, area: &Area<'_>) -> bool {
        area.size().height >= self.body_height - Mm::from(0.01)
    }
}

/// A genpdf element that can tell how much room its beginning needs, so a heading can be kept
/// with it ("keep with next") and a block can avoid leaving a lone line at a page bottom.
pub trait Block: Element {
    /// Height of the smallest part worth starting on a page (e.g. two lines of a paragraph).
    fn lead_height(&mut self, context: &Context, width: Mm) -> Mm;
}

/// Blocks laid out top to bottom, continuing across pages.
pub struct Stack {
    children: Vec<Box<dyn Block>>,
    next: usize,
}

impl std::fmt::Debug for Stack {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Stack")
            .field("children", &self.children.len())
            .finish()
    }
}

impl Stack {
    pub fn new(children: Vec<Box<dyn Block>>) -> Stack {
        Stack { children, next: 0 }
    }
}

impl Element for Stack {
    fn render(
        &mut self,
        context: &Context,
        mut area: Area<'_>,
        style: Style,
    ) -> Result<RenderResult, Error> {
        let mut result = RenderResult {
            size: Size::new(area.size().width, 0),
            has_more: false,
        };
        while self.next < self.children.len() {
            let child = self.children[self.next].render(context, area.clone(), style)?;
            area.add_offset(Position::new(0, child.size.height));
            result.size.height += child.size.height;
            if child.has_more {
                result.has_more = true;
                return Ok(result);
            }
            self.next += 1;
        }
        Ok(result)
    }
}

impl Block for Stack {
    fn lead_height(&mut self, context: &Context, width: Mm) -> Mm {
        match self.children.get_mut(self.next) {
            Some(first) => first.lead_height(context, width),
            None => Mm::from(0),
        }
    }
}

/// A heading (or any block) that must not end a page: it only starts where the lead of the
/// block after it fits too.
pub struct KeepWithNext {
    first: Box<dyn Block>,
    second: Box<dyn Block>,
    page: Page,
    started: bool,
    first_done: bool,
}

impl std::fmt::Debug for KeepWithNext {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KeepWithNext")
            .field("started", &self.started)
            .finish()
    }
}

impl KeepWithNext {
    pub fn new(first: Box<dyn Block>, second: Box<dyn Block>, page: Page) -> KeepWithNext {
        KeepWithNext {
            first,
            second,
            page,
            started: false,
            first_done: false,
        }
    }
}

impl Element for KeepWithNext {
    fn render(
        &mut self,
        context: &Context,
        mut area: Area<'_>,
        style: Style,
    ) -> Result<RenderResult, Error> {
        let width = area.size().width;
        if !self.started {
            let needed = self.lead_height(context, width);
            if needed > area.size().height && !self.page.is_fresh(&area) {
                return Ok(RenderResult {
                    size: Size::new(0, 0),
                    has_more: true,
                });
            }
            self.started = true;
        }
        let mut result = RenderResult {
            size: Size::new(width, 0),
            has_more: false,
        };
        if !self.first_done {
            let first = self.first.render(context, area.clone(), style)?;
            area.add_offset(Position::new(0, first.size.height));
            result.size.height += first.size.height;
            if first.has_more {
                result.has_more = true;
                return Ok(result);
            }
            self.first_done = true;
        }
        let second = self.second.render(context, area, style)?;
        result.size.height += second.size.height;
        result.has_more = second.has_more;
        Ok(result)
    }
}

impl Block for KeepWithNext {
    fn lead_height(&mut self, context: &Context, width: Mm) -> Mm {
        if self.first_done {
            return self.second.lead_height(context, width);
        }
        self.first.lead_height(context, width) + self.second.lead_height(context, width)
    }
}

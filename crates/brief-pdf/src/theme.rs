//! Typographic choices: sizes, colours and spacing of every kind of block, in one place.

use genpdf::style::{Color, Style};

use crate::fonts::Families;

pub const NAVY: Color = Color::Rgb(0x1f, 0x3a, 0x5f);
pub const INK: Color = Color::Rgb(0x1a, 0x1a, 0x1a);
pub const MUTED: Color = Color::Rgb(0x55, 0x5d, 0x66);
pub const RULE: Color = Color::Rgb(0x9a, 0xa8, 0xb8);
pub const TABLE_HEADER_FILL: Color = Color::Rgb(0xe3, 0xe9, 0xf0);
pub const TABLE_STRIPE_FILL: Color = Color::Rgb(0xf5, 0xf7, 0xf9);
pub const QUOTE_BAR: Color = Color::Rgb(0x9a, 0xa8, 0xb8);

pub const BODY_SIZE: u8 = 10;
pub const TABLE_SIZE: u8 = 8;
pub const FOOTER_SIZE: f64 = 8.0;

/// Space between body blocks, in mm.
pub const BLOCK_GAP: f64 = 2.6;

/// Text styles of one document, bound to its registered font families.
#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub families: Families,
}

impl Theme {
    pub fn title(&self) -> Style {
        Style::new()
            .with_font_family(self.families.sans)
            .bold()
            .with_font_size(20)
            .with_color(NAVY)
            .with_line_spacing(1.0)
    }

    pub fn meta(&self) -> Style {
        Style::new()
            .with_font_family(self.families.sans)
            .with_font_size(10)
            .with_color(MUTED)
            .with_line_spacing(1.1)
    }

    pub fn heading(&self, level: u8) -> Style {
        let size = match level {
            0..=2 => 14,
            3 => 11,
            _ => 10,
        };
        Style::new()
            .with_font_family(self.families.sans)
            .bold()
            .with_font_size(size)
            .with_color(NAVY)
            .with_line_spacing(1.05)
    }

    pub fn body(&self) -> Style {
        Style::new()
            .with_font_family(self.families.serif)
            .with_font_size(BODY_SIZE)
            .with_color(INK)
            .with_line_spacing(1.12)
    }

    pub fn quote(&self) -> Style {
        self.body()
            .italic()
            .with_color(Color::Rgb(0x33, 0x3b, 0x44))
    }

    pub fn table_cell(&self) -> Style {
        Style::new()
            .with_font_family(self.families.condensed)
            .with_font_size(TABLE_SIZE)
            .with_color(INK)
            .with_line_spacing(1.05)
    }

    pub fn table_header(&self) -> Style {
        self.table_cell().bold().with_color(NAVY)
    }

    /// Inline code in any block: the condensed face at the block's size.
    pub fn code(&self, base: Style) -> Style {
        let mut style = base;
        style.set_font_family(self.families.condensed);
        style
    }
}

//! The app's colours, light and dark: egui's own themes, with the colours that fall short of
//! WCAG 2.1 AA made darker (light) or lighter (dark): secondary ("weak") text, warnings,
//! errors and links reach 4.5:1 against the backgrounds they sit on, and buttons and text
//! fields get an outline of at least 3:1, so a control can be found without colour vision or
//! a sharp screen. The test below computes every pair from these colours.

use eframe::egui::{self, Color32, Stroke};

/// The visuals for the light or the dark theme.
pub fn visuals(dark: bool) -> egui::Visuals {
    let mut v = if dark { egui::Visuals::dark() } else { egui::Visuals::light() };
    if dark {
        v.weak_text_color = Some(Color32::from_gray(160));
        v.error_fg_color = Color32::from_rgb(255, 110, 110);
        v.hyperlink_color = Color32::from_rgb(120, 185, 255);
        v.widgets.inactive.bg_stroke = Stroke::new(1.0, Color32::from_gray(130));
        v.widgets.noninteractive.fg_stroke.color = Color32::from_gray(200);
        v.widgets.inactive.fg_stroke.color = Color32::from_gray(220);
    } else {
        v.weak_text_color = Some(Color32::from_gray(96));
        v.warn_fg_color = Color32::from_rgb(170, 70, 0);
        v.error_fg_color = Color32::from_rgb(190, 0, 0);
        v.hyperlink_color = Color32::from_rgb(0, 90, 170);
        v.widgets.inactive.bg_stroke = Stroke::new(1.0, Color32::from_gray(118));
        v.widgets.noninteractive.fg_stroke.color = Color32::from_gray(50);
    }
    v
}

/// Install both themes in `ctx`.
pub fn install(ctx: &egui::Context) {
    ctx.set_visuals_of(egui::Theme::Light, visuals(false));
    ctx.set_visuals_of(egui::Theme::Dark, visuals(true));
}

/// WCAG relative luminance of an (opaque) colour.
fn luminance(c: Color32) -> f64 {
    let channel = |u: u8| {
        let s = f64::from(u) / 255.0;
        if s <= 0.039_28 { s / 12.92 } else { ((s + 0.055) / 1.055).powf(2.4) }
    };
    0.2126 * channel(c.r()) + 0.7152 * channel(c.g()) + 0.0722 * channel(c.b())
}

/// `fg` (possibly translucent) drawn over the opaque `bg`.
fn over(fg: Color32, bg: Color32) -> Color32 {
    let a = f64::from(fg.a()) / 255.0;
    // Colour32 is premultiplied.
    let mix = |f: u8, b: u8| (f64::from(f) + f64::from(b) * (1.0 - a)).round().clamp(0.0, 255.0) as u8;
    Color32::from_rgb(mix(fg.r(), bg.r()), mix(fg.g(), bg.g()), mix(fg.b(), bg.b()))
}

/// The WCAG contrast ratio of `fg` over `bg` (1 to 21).
pub fn contrast(fg: Color32, bg: Color32) -> f64 {
    let (a, b) = (luminance(over(fg, bg)), luminance(bg));
    let (hi, lo) = if a > b { (a, b) } else { (b, a) };
    (hi + 0.05) / (lo + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every pair of colours a person must tell apart, in both themes: text 4.5:1, large text
    /// and the outlines of controls 3:1.
    #[test]
    fn text_and_controls_meet_wcag_aa_in_both_themes() {
        let mut failures = Vec::new();
        for dark in [false, true] {
            let v = visuals(dark);
            let theme = if dark { "dark" } else { "light" };
            let w = &v.widgets;
            let mut check = |what: &str, fg: Color32, bg: Color32, need: f64| {
                let got = contrast(fg, bg);
                if got < need {
                    failures.push(format!("{theme}: {what}: {got:.2}:1, needs {need}:1"));
                }
            };
            for (bg_name, bg) in [("panel", v.panel_fill), ("window", v.window_fill)] {
                check(&format!("text on {bg_name}"), v.text_color(), bg, 4.5);
                check(&format!("secondary text on {bg_name}"), v.weak_text_color(), bg, 4.5);
                check(&format!("warning on {bg_name}"), v.warn_fg_color, bg, 4.5);
                check(&format!("error on {bg_name}"), v.error_fg_color, bg, 4.5);
                check(&format!("link on {bg_name}"), v.hyperlink_color, bg, 4.5);
                check(&format!("button outline on {bg_name}"), w.inactive.bg_stroke.color, bg, 3.0);
                check(&format!("focused outline on {bg_name}"), v.selection.stroke.color, bg, 3.0);
            }
            check("text in a striped row", v.text_color(), over(v.faint_bg_color, v.panel_fill), 4.5);
            check("typed text", v.text_color(), v.extreme_bg_color, 4.5);
            check("text field outline", w.inactive.bg_stroke.color, v.extreme_bg_color, 3.0);
            check("button text", w.inactive.fg_stroke.color, w.inactive.weak_bg_fill, 4.5);
            check("hovered button text", w.hovered.fg_stroke.color, w.hovered.weak_bg_fill, 4.5);
            check("pressed button text", w.active.fg_stroke.color, w.active.weak_bg_fill, 4.5);
            check("selected text", v.selection.stroke.color, v.selection.bg_fill, 4.5);
            check("button outline on its own fill", w.inactive.bg_stroke.color, w.inactive.weak_bg_fill, 3.0);
        }
        assert!(failures.is_empty(), "contrast below WCAG AA:\n{}", failures.join("\n"));
    }

    #[test]
    fn the_contrast_formula_matches_wcag_examples() {
        assert!((contrast(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 1e-9);
        assert!((contrast(Color32::WHITE, Color32::WHITE) - 1.0).abs() < 1e-9);
        // #767676 on white is the classic 4.54:1.
        assert!((contrast(Color32::from_gray(0x76), Color32::WHITE) - 4.54).abs() < 0.01);
    }
}

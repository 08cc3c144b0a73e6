//! The accessibility check every screen of the GUI tests passes: each control a person can
//! reach (button, field, check box, radio button, combo box, spin button, slider, link, tab)
//! and each image has an accessible name, so a screen reader can say what it is.

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

/// The controls and images on screen that have no accessible name, described by role and value.
pub fn unnamed<S>(h: &Harness<'_, S>) -> Vec<String> {
    use eframe::egui::accesskit::Role;
    h.query_all_by(|_| true)
        .filter_map(|n| {
            let node = n.accesskit_node();
            let role = node.role();
            let needs_name = matches!(
                role,
                Role::Button
                    | Role::CheckBox
                    | Role::RadioButton
                    | Role::TextInput
                    | Role::MultilineTextInput
                    | Role::ComboBox
                    | Role::SpinButton
                    | Role::Slider
                    | Role::Link
                    | Role::Tab
                    | Role::Image
            );
            let named = node.label().is_some_and(|l| !l.trim().is_empty());
            (needs_name && !named).then(|| format!("{role:?} {:?}", node.value()))
        })
        .collect()
}

/// Fail, naming them, if any control or image on screen has no accessible name.
pub fn assert_all_named<S>(h: &Harness<'_, S>, screen: &str) {
    let missing = unnamed(h);
    assert!(missing.is_empty(), "on the {screen} screen, without an accessible name: {missing:#?}");
}

/// The check itself finds what it should: an unnamed spin box, an empty button and an
/// unlabelled text field are reported; labelled ones are not.
#[test]
fn the_check_reports_unnamed_controls() {
    let mut days = 3u32;
    let mut text = String::new();
    // (egui_kittest's own check, on by default in `run`, would stop at the first frame.)
    let mut h = Harness::builder().with_accessibility_check(false).build_ui(|ui| {
        ui.add(eframe::egui::DragValue::new(&mut days));
        let _ = ui.button("");
        ui.text_edit_singleline(&mut text);
        let _ = ui.button("Named");
    });
    h.step();
    h.step();
    let missing = unnamed(&h);
    assert_eq!(missing.len(), 3, "{missing:#?}");
}

/// What reaches past the window's right edge, cut off (by role and name): the check for text
/// zoomed to 200 % in a 1280×720 window. (Content below the bottom edge scrolls; nothing is meant
/// to scroll sideways.)
#[allow(dead_code)]
pub fn cut_off<S>(h: &Harness<'_, S>, window_width: f64) -> Vec<String> {
    h.query_all_by(|_| true)
        .filter_map(|n| {
            let node = n.accesskit_node();
            let b = node.bounding_box()?;
            // Half a pixel of rounding; an empty box is not drawn.
            (b.x1 > window_width + 0.5 && b.x1 > b.x0)
                .then(|| format!("{:?} {:?} ends at x = {:.0}", node.role(), node.label().unwrap_or_default(), b.x1))
        })
        .collect()
}

/// The label of the control that has the keyboard focus, if any.
#[allow(dead_code)]
pub fn focused<S>(h: &Harness<'_, S>) -> Option<String> {
    h.query_all_by(|_| true).find(|n| n.accesskit_node().is_focused()).map(|n| {
        let node = n.accesskit_node();
        node.label().or_else(|| node.value()).unwrap_or_default()
    })
}

/// Press Tab (with the harness stepping) until the control labelled `label` has the focus; fails
/// after `max` presses naming where the focus went (a trap, or a control Tab cannot reach).
#[allow(dead_code)]
pub fn tab_to<S>(h: &mut Harness<'_, S>, label: &str, max: usize) {
    let mut seen = vec![];
    for _ in 0..max {
        if focused(h).is_some_and(|f| f.contains(label)) {
            return;
        }
        h.key_press(eframe::egui::Key::Tab);
        h.run_steps(2);
        seen.push(focused(h).unwrap_or_else(|| "(nothing)".into()));
    }
    assert!(focused(h).is_some_and(|f| f.contains(label)), "Tab never reached {label:?}; the focus went to {seen:?}");
}

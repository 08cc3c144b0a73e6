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

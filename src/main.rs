fn main() {
    console_error_panic_hook::set_once();
    // The static "Loading Fitcheck…" placeholder from index.html gives way to the app.
    if let Some(boot) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot"))
    {
        boot.remove();
    }
    leptos::mount::mount_to_body(fitcheck::ui::App);
}

fn main() {
    // A panic prints to the console and then shows the crash page (public/boot.js), so the
    // candidate never faces a frozen page and can still take their saved answers with them.
    std::panic::set_hook(Box::new(|info| {
        let what = info.to_string();
        fitcheck::browser::log_error(&what);
        fitcheck::browser::show_crash_page(&what);
    }));
    // The static "Loading Fitcheck…" line from index.html gives way to the app at once; a start
    // page drawn at build time stays until the app has its own page to show (ui::Start).
    if !fitcheck::browser::prerendered() {
        fitcheck::browser::end_boot();
    }
    leptos::mount::mount_to_body(fitcheck::ui::App);
}

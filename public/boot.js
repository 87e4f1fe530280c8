// Fitcheck's start and its last resort, in plain JavaScript so that they work when the app
// (WebAssembly) cannot: a browser without WebAssembly, a start that takes too long, a start that
// fails, and a crash of the running app all end on a readable page, never a frozen one.
//
// - `window.fitcheckCrash(what)` replaces the page with the crash page: what happened, a button
//   that downloads the progress saved in this browser (as a progress file the app can import when
//   there is one role's progress, else every saved value as it is), and a reload button. The app's
//   panic hook calls it (src/main.rs); so do the listeners below for failures outside Rust.
// - Trunk's loader dispatches `TrunkApplicationStarted` once the app runs; until then an error or
//   a rejected promise is a failed start.
// - A browser that cannot run the app at all (no WebAssembly, no JavaScript modules, or
//   WebAssembly too old to compile the app) is told so at once, not after a wait.
// - After 20 s without a start, the boot message says which part is missing.
// - The single-file edition (<meta name="fitcheck-edition" content="single-file">, written by
//   scripts/lib/single-file.mjs) downloads nothing, so its slow start is never a download.
(function () {
  "use strict";
  var started = false;
  var crashed = false;
  var PROGRESS_KEY = /^fitcheck\.progress\.v1\.([a-z0-9-]+)$/;

  // The boot page's own words, in the interface's two languages (the app's are in locales/*.json;
  // tests/locales.rs checks that both languages here have the same keys). Between the markers is
  // JSON.
  var WORDS = /* words */ {
    "en": {
      "loading": "Loading Fitcheck…",
      "stopped": "Fitcheck stopped because of an error",
      "not_started": "Fitcheck could not start",
      "answers_kept": "Your answers saved so far are still in this browser. Reload to carry on; if the error comes back, download them first and tell the person who shared this link.",
      "try_again": "Reload to try again; if the error comes back, tell the person who shared this link.",
      "reload": "Reload",
      "download": "Download saved progress",
      "nothing_saved": "Nothing is saved in this browser yet",
      "storage_blocked": "This browser blocks saved data",
      "what_happened": "What happened",
      "no_wasm": "This browser cannot run Fitcheck: WebAssembly is missing or turned off (some security modes and company policies turn it off). Open Fitcheck in a recent Chrome, Edge, Firefox or Safari.",
      "old_browser": "This browser is too old to run Fitcheck. Update it, or open Fitcheck in a recent Chrome, Edge, Firefox or Safari.",
      "not_running": "Fitcheck has loaded but has not started after 20 seconds. Your browser may be busy or blocking WebAssembly: close other tabs and reload.",
      "offline": "Fitcheck cannot start: this device is offline and Fitcheck has not been saved for offline use yet. Connect once and reload.",
      "downloading": "Fitcheck is still downloading after 20 seconds (about 1 MB on the first visit; later visits need no network). Wait a little longer on a slow connection, or reload."
    },
    "de": {
      "loading": "Fitcheck wird geladen …",
      "stopped": "Fitcheck wurde wegen eines Fehlers angehalten",
      "not_started": "Fitcheck konnte nicht starten",
      "answers_kept": "Deine bisher gespeicherten Antworten sind noch in diesem Browser. Lade neu, um weiterzumachen; wenn der Fehler erneut auftritt, lade sie zuerst herunter und sag der Person Bescheid, die diesen Link geteilt hat.",
      "try_again": "Lade neu, um es noch einmal zu versuchen; wenn der Fehler erneut auftritt, sag der Person Bescheid, die diesen Link geteilt hat.",
      "reload": "Neu laden",
      "download": "Gespeicherten Fortschritt herunterladen",
      "nothing_saved": "In diesem Browser ist noch nichts gespeichert",
      "storage_blocked": "Dieser Browser blockiert gespeicherte Daten",
      "what_happened": "Was passiert ist",
      "no_wasm": "Dieser Browser kann Fitcheck nicht ausführen: WebAssembly fehlt oder ist ausgeschaltet (manche Sicherheitsmodi und Firmenrichtlinien schalten es aus). Öffne Fitcheck in einem aktuellen Chrome, Edge, Firefox oder Safari.",
      "old_browser": "Dieser Browser ist zu alt für Fitcheck. Aktualisiere ihn oder öffne Fitcheck in einem aktuellen Chrome, Edge, Firefox oder Safari.",
      "not_running": "Fitcheck ist geladen, aber nach 20 Sekunden noch nicht gestartet. Dein Browser ist vielleicht ausgelastet oder blockiert WebAssembly: Schließ andere Tabs und lade neu.",
      "offline": "Fitcheck kann nicht starten: Dieses Gerät ist offline, und Fitcheck wurde noch nicht für die Offline-Nutzung gespeichert. Geh einmal online und lade neu.",
      "downloading": "Fitcheck wird nach 20 Sekunden immer noch heruntergeladen (etwa 1 MB beim ersten Besuch; spätere Besuche brauchen kein Netz). Warte bei einer langsamen Verbindung noch etwas oder lade neu."
    }
  } /* end words */;

  // The language the app will choose: the one chosen before (src/ui/language.rs keeps it under
  // this key), else the browser's first language Fitcheck speaks, else English. Once the app runs
  // it sets <html lang>, which then decides.
  function language() {
    if (started && WORDS[document.documentElement.lang]) return document.documentElement.lang;
    try {
      var chosen = localStorage.getItem("fitcheck.language");
      if (WORDS[chosen]) return chosen;
    } catch (e) {
      // Storage blocked: fall back to the browser's languages.
    }
    var wanted = navigator.languages || [navigator.language || "en"];
    for (var i = 0; i < wanted.length; i++) {
      var base = String(wanted[i]).toLowerCase().split("-")[0];
      if (WORDS[base]) return base;
    }
    return "en";
  }

  function say(key) {
    return WORDS[language()][key];
  }

  function status(text) {
    var element = document.getElementById("boot-status");
    if (element) element.textContent = text;
  }

  function savedValues() {
    var values = {};
    try {
      for (var i = 0; i < localStorage.length; i++) {
        var key = localStorage.key(i);
        if (key && key.indexOf("fitcheck.") === 0) values[key] = localStorage.getItem(key);
      }
    } catch (e) {
      return null;
    }
    return values;
  }

  // One role's progress becomes a progress file the app imports ("Open progress file…");
  // anything else is kept as it was saved.
  function savedFile(values) {
    var keys = Object.keys(values).filter(function (k) {
      return PROGRESS_KEY.test(k);
    });
    if (keys.length === 1) {
      try {
        var role = keys[0].match(PROGRESS_KEY)[1];
        var raw = values[keys[0]];
        JSON.parse(raw);
        // The saved text goes in as it is: parsing and writing it again would round its 64-bit
        // numbers (the option order's seed, the options' fingerprints) to JavaScript's doubles.
        return {
          name: "fitcheck-progress-" + role + ".json",
          text: '{"format":"fitcheck-progress","version":1,"role":' + JSON.stringify(role) + ',"progress":' + raw + "}",
        };
      } catch (e) {
        // Not JSON: fall through to the values as they are.
      }
    }
    return { name: "fitcheck-saved-data.json", text: JSON.stringify({ format: "fitcheck-saved-data", values: values }, null, 2) };
  }

  function download(file) {
    var url = URL.createObjectURL(new Blob([file.text], { type: "application/json" }));
    var link = document.createElement("a");
    link.href = url;
    link.download = file.name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () {
      URL.revokeObjectURL(url);
    }, 1000);
  }

  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes).forEach(function (name) {
      node.setAttribute(name, attributes[name]);
    });
    if (text) node.textContent = text;
    return node;
  }

  window.fitcheckCrash = function (what) {
    if (crashed) return;
    crashed = true;
    var values = savedValues();
    var count = values ? Object.keys(values).length : 0;
    var page = element("main", { class: "page crash-page", id: "crash-page" });
    var heading = element("h1", { tabindex: "-1" }, started ? say("stopped") : say("not_started"));
    page.appendChild(heading);
    page.appendChild(
      element(
        "p",
        { role: "alert" },
        count > 0 ? say("answers_kept") : say("try_again"),
      ),
    );
    var actions = element("div", { class: "actions" });
    var reload = element("button", { type: "button", id: "crash-reload" }, say("reload"));
    reload.addEventListener("click", function () {
      location.reload();
    });
    actions.appendChild(reload);
    var save = element("button", { type: "button", class: "secondary", id: "crash-download" }, say("download"));
    if (count > 0) {
      save.addEventListener("click", function () {
        download(savedFile(values));
      });
    } else {
      save.disabled = true;
      save.textContent = values ? say("nothing_saved") : say("storage_blocked");
    }
    actions.appendChild(save);
    page.appendChild(actions);
    var details = element("details", {});
    details.appendChild(element("summary", {}, say("what_happened")));
    details.appendChild(element("pre", { id: "crash-reason" }, String(what || "unknown error").slice(0, 2000)));
    page.appendChild(details);
    document.documentElement.lang = language();
    document.documentElement.removeAttribute("data-prerender");
    document.body.replaceChildren(page);
    heading.focus();
  };

  // This script runs in the head, before the boot message exists.
  function whenReady(then) {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", then);
    else then();
  }

  // The loading line, in the language the app will speak.
  document.documentElement.lang = language();
  whenReady(function () {
    // Unless the browser was found unable to run it before the page was read to the end.
    if (!crashed) status(say("loading"));
  });

  // Said at once, in place of a drawn start page; nothing else is started.
  function cannotRun(key) {
    crashed = true;
    document.documentElement.removeAttribute("data-prerender");
    whenReady(function () {
      status(say(key));
    });
  }
  if (typeof WebAssembly !== "object") return cannotRun("no_wasm");
  // The app starts from a JavaScript module; browsers without modules skip it silently.
  if (!("noModule" in document.createElement("script"))) return cannotRun("old_browser");
  var singleFile = !!document.querySelector('meta[name="fitcheck-edition"][content="single-file"]');
  // A browser whose WebAssembly lacks what the app is compiled with (an old version).
  function tooOld(error) {
    return !started && typeof WebAssembly.CompileError === "function" && error instanceof WebAssembly.CompileError;
  }

  // The start page drawn at build time (scripts/lib/prerender.mjs) shows at once, in the
  // candidate's language, where it is what the app will draw: the role's start page, the role the
  // build drew, nothing saved for it yet (a saved check starts with "Continue"). The stylesheet
  // shows the copy named by <html data-prerender> and hides the loading line. A click on a start
  // button is kept for the app (src/ui/pages/welcome.rs takes it), a language button switches the
  // copy and keeps the choice where the app reads it; other buttons say the app is loading; links
  // work as links. The app removes the copies when it runs (src/browser.rs, end_boot).
  var drawn = document.querySelector('meta[name="fitcheck-prerender"]');
  var shown = !singleFile && drawn && prerenderFits(drawn.content) ? language() : null;
  if (shown && (drawn.getAttribute("data-languages") || "").split(" ").indexOf(shown) < 0) shown = null;
  var copies = {};
  function prerenderFits(role) {
    var base = new URL(document.baseURI).pathname.replace(/\/$/, "");
    if ((location.pathname !== base && location.pathname !== base + "/") || location.hash) return false;
    var asked = new URLSearchParams(location.search).get("profile");
    if (asked && asked !== role) return false;
    try {
      var chosen = localStorage.getItem("fitcheck.profile");
      if (!asked && chosen && chosen !== role) return false;
      return localStorage.getItem("fitcheck.progress.v1." + role) === null;
    } catch (e) {
      // Storage blocked: the app says so on its start page, which this copy does not.
      return false;
    }
  }
  function showCopy(lang) {
    shown = lang;
    document.documentElement.setAttribute("data-prerender", lang);
    document.documentElement.lang = lang;
    Object.keys(copies).forEach(function (other) {
      var copy = copies[other];
      if (other === lang && !copy.isConnected) document.body.insertBefore(copy, document.body.firstChild);
      if (other !== lang) copy.remove();
    });
  }
  // A line under the start buttons of the copy shown.
  function copyNote(text) {
    var copy = copies[shown];
    var actions = copy && copy.querySelector(".actions");
    if (!actions) return;
    var note = copy.querySelector(".boot-note");
    if (!note) {
      note = element("p", { class: "boot-note", role: "status" });
      actions.insertAdjacentElement("afterend", note);
    }
    note.textContent = text;
  }
  if (shown) {
    document.documentElement.setAttribute("data-prerender", shown);
    // The role's files download beside the program rather than after it, once the first frame
    // (which needs only the stylesheets) is drawn; src/browser.rs fetch_text takes the answers.
    var fetched = (window.fitcheckFetched = {});
    requestAnimationFrame(function () {
      (drawn.getAttribute("data-files") || "").split(" ").forEach(function (file) {
        if (!file) return;
        fetched[file] = fetch(file, { cache: "no-cache" }).catch(function () {
          // The app fetches it again and says what went wrong.
          return null;
        });
      });
    });
  }
  // Each copy is kept as the parser adds it, and those not shown leave the document at once,
  // before anything is drawn (their ids would repeat the shown one's until the end of the page,
  // which waits for the program's scripts); they stay at hand for the language buttons.
  function keepCopy(node) {
    if (node.nodeType !== 1 || !node.classList.contains("prerender")) return;
    copies[node.lang] = node;
    if (node.lang !== shown) node.remove();
  }
  var parsing = new MutationObserver(function (records) {
    records.forEach(function (record) {
      for (var i = 0; i < record.addedNodes.length; i++) keepCopy(record.addedNodes[i]);
    });
  });
  parsing.observe(document.documentElement, { childList: true, subtree: true });
  function parsed() {
    if (document.readyState === "loading") return;
    document.removeEventListener("readystatechange", parsed);
    parsing.takeRecords();
    parsing.disconnect();
    var found = document.querySelectorAll(".prerender");
    for (var i = 0; i < found.length; i++) keepCopy(found[i]);
    if (shown && !copies[shown]) {
      shown = null;
      document.documentElement.removeAttribute("data-prerender");
    }
  }
  document.addEventListener("readystatechange", parsed);
  document.addEventListener("click", function (event) {
    var copy = shown && copies[shown];
    if (!copy || !copy.isConnected || !copy.contains(event.target)) return;
    var button = event.target.closest("button, label");
    if (!button) return;
    var lang = button.getAttribute("data-language");
    if (lang && copies[lang]) {
      try {
        localStorage.setItem("fitcheck.language", lang);
      } catch (e) {
        // Kept for this page only.
      }
      showCopy(lang);
      var same = copies[lang].querySelector('button[data-language="' + lang + '"]');
      if (same) same.focus();
      return;
    }
    if (button.id === "start" || button.id === "start-quick") {
      window.fitcheckStart = button.id === "start" ? "full" : "quick";
      button.setAttribute("aria-busy", "true");
    }
    copyNote(say("loading"));
  });

  addEventListener("TrunkApplicationStarted", function () {
    started = true;
  });
  // A failed start (the app's files could not be loaded or compiled), and a crash of the running
  // app that did not come through its panic hook (a WebAssembly trap).
  addEventListener("unhandledrejection", function (event) {
    if (tooOld(event.reason)) cannotRun("old_browser");
    else if (!started) window.fitcheckCrash(event.reason);
  });
  addEventListener("error", function (event) {
    if (tooOld(event.error)) return cannotRun("old_browser");
    var trap = typeof WebAssembly.RuntimeError === "function" && event.error instanceof WebAssembly.RuntimeError;
    if (trap || (!started && event.error)) window.fitcheckCrash(event.error);
  });

  setTimeout(function () {
    if (started || crashed) return;
    if (singleFile) return status(say("not_running"));
    var tell = shown && copies[shown] && copies[shown].isConnected ? copyNote : status;
    var program = performance.getEntriesByType("resource").filter(function (entry) {
      return /\.wasm$/.test(entry.name);
    });
    var downloaded = program.some(function (entry) {
      return entry.responseEnd > 0;
    });
    tell(
      downloaded ? say("not_running") : navigator.onLine === false ? say("offline") : say("downloading"),
    );
  }, 20000);
})();

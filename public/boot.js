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
// - After 20 s without a start, the boot message says which part is missing.
(function () {
  "use strict";
  var started = false;
  var crashed = false;
  var PROGRESS_KEY = /^fitcheck\.progress\.v1\.([a-z0-9-]+)$/;

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
    var heading = element("h1", { tabindex: "-1" }, started ? "Fitcheck stopped because of an error" : "Fitcheck could not start");
    page.appendChild(heading);
    page.appendChild(
      element(
        "p",
        { role: "alert" },
        count > 0
          ? "Your answers saved so far are still in this browser. Reload to carry on; if the error comes back, download them first and tell the person who shared this link."
          : "Reload to try again; if the error comes back, tell the person who shared this link.",
      ),
    );
    var actions = element("div", { class: "actions" });
    var reload = element("button", { type: "button", id: "crash-reload" }, "Reload");
    reload.addEventListener("click", function () {
      location.reload();
    });
    actions.appendChild(reload);
    var save = element("button", { type: "button", class: "secondary", id: "crash-download" }, "Download saved progress");
    if (count > 0) {
      save.addEventListener("click", function () {
        download(savedFile(values));
      });
    } else {
      save.disabled = true;
      save.textContent = values ? "Nothing is saved in this browser yet" : "This browser blocks saved data";
    }
    actions.appendChild(save);
    page.appendChild(actions);
    var details = element("details", {});
    details.appendChild(element("summary", {}, "What happened"));
    details.appendChild(element("pre", { id: "crash-reason" }, String(what || "unknown error").slice(0, 2000)));
    page.appendChild(details);
    document.body.replaceChildren(page);
    heading.focus();
  };

  if (typeof WebAssembly !== "object") {
    status(
      "This browser cannot run Fitcheck: WebAssembly is missing or turned off (some security modes and company policies turn it off). Open the link in a recent Chrome, Edge, Firefox or Safari.",
    );
    return;
  }

  addEventListener("TrunkApplicationStarted", function () {
    started = true;
  });
  // A failed start (the app's files could not be loaded or compiled), and a crash of the running
  // app that did not come through its panic hook (a WebAssembly trap).
  addEventListener("unhandledrejection", function (event) {
    if (!started) window.fitcheckCrash(event.reason);
  });
  addEventListener("error", function (event) {
    var trap = typeof WebAssembly.RuntimeError === "function" && event.error instanceof WebAssembly.RuntimeError;
    if (trap || (!started && event.error)) window.fitcheckCrash(event.error);
  });

  setTimeout(function () {
    if (started || crashed) return;
    var program = performance.getEntriesByType("resource").filter(function (entry) {
      return /\.wasm$/.test(entry.name);
    });
    var downloaded = program.some(function (entry) {
      return entry.responseEnd > 0;
    });
    status(
      downloaded
        ? "Fitcheck has downloaded but has not started after 20 seconds. Your browser may be busy or blocking WebAssembly: close other tabs and reload."
        : navigator.onLine === false
          ? "Fitcheck cannot start: this device is offline and Fitcheck has not been saved for offline use yet. Connect once and reload."
          : "Fitcheck is still downloading after 20 seconds (about 1 MB on the first visit; later visits need no network). Wait a little longer on a slow connection, or reload.",
    );
  }, 20000);
})();

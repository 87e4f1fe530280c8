// Keyboard, focus, motion and touch: what axe-core cannot see. A quick check walked with the keys
// alone; the prompt announced on every item; options as real radio and checkbox groups; progress
// bars named and valued; focus always visible and never dropped; no motion when the candidate asks
// for less; touch targets of at least 24 × 24 px on a phone.
//
// Elements are found by id, role, data attribute and structure, never by English wording: the
// interface speaks English and German, so names are compared with text read from the page.
import { test } from "node:test";
import assert from "node:assert/strict";
import { freshPage } from "./support/browser.mjs";
import { serveAndLaunch } from "./support/harness.mjs";
import { defaultProfile, walkOrder, itemById, storageKey } from "./support/profile.mjs";
import { itemInUrl, answerWithKeys, appRunning } from "./support/flow.mjs";

const profile = defaultProfile();
const order = walkOrder(profile);
const env = serveAndLaunch();
const PHONE = { width: 390, height: 844 };

/** The only keys a keyboard-only candidate uses here (digits are tested on their own). */
const WALK_KEYS = new Set(["Tab", "Shift+Tab", "ArrowDown", "ArrowUp", "ArrowRight", "ArrowLeft", "Space", "Enter"]);

async function press(page, key) {
  assert.ok(WALK_KEYS.has(key), `${key} is not a key of the keyboard-only walk`);
  await page.keyboard.press(key);
}

/** The saved answers, as the app keeps them in localStorage. */
const savedAnswers = (page) =>
  page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? "{}").answers ?? {}, storageKey(profile));

/** What has focus, in words for failure messages, or null when focus is on nothing (body). */
const focusedElement = (page) =>
  page.evaluate(() => {
    const e = document.activeElement;
    if (!e || e === document.body || e === document.documentElement) return null;
    const label = e.id ? `#${e.id}` : e.name ? `[name=${e.name}][value=${e.value}]` : `.${[...e.classList].join(".")}`;
    return `${e.tagName.toLowerCase()}${label}`;
  });

/**
 * Null when the focused element shows where focus is (an outline of some width and colour, or a
 * box shadow); else what is focused. A visually hidden control (the file input) shows focus on its
 * label, which is what the candidate sees.
 */
const invisibleFocus = (page) =>
  page.evaluate(() => {
    const e = document.activeElement;
    if (!e || e === document.body) return "nothing has focus";
    const shows = (el) => {
      const s = getComputedStyle(el);
      const outline = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0 && s.outlineColor !== "rgba(0, 0, 0, 0)";
      return outline || s.boxShadow !== "none";
    };
    const box = e.getBoundingClientRect();
    const visuallyHidden = box.width <= 1 || box.height <= 1;
    const shown = visuallyHidden ? [...(e.labels ?? [])].some(shows) : shows(e);
    if (shown) return null;
    return `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ""}${e.className ? `.${e.className}` : ""} (${e.type ?? ""} ${e.name ?? ""})`;
  });

/** Presses Tab until the focused element matches `selector`, checking each stop shows focus. */
async function tabTo(page, selector) {
  for (let i = 0; i < 40; i++) {
    await press(page, "Tab");
    const hidden = await invisibleFocus(page);
    if (hidden !== "nothing has focus") assert.equal(hidden, null, "focus is visible on every Tab stop");
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  assert.fail(`Tab never reached ${selector} on ${page.url()}`);
}

/** Waits until focus is on the prompt of the item now shown; fails with where focus is instead. */
async function promptHasFocus(page, id) {
  try {
    await page.waitForFunction(() => document.activeElement?.matches("h1#item-prompt"), null, { timeout: 5000 });
  } catch {
    assert.fail(`on item ${id} focus is on ${(await focusedElement(page)) ?? "nothing (body)"}, not the prompt h1#item-prompt`);
  }
}

/** Waits for the address to leave `from` (an item page's path) for another page. */
async function leaves(page, from) {
  await page.waitForURL((url) => url.pathname !== from);
  return new URL(page.url()).pathname;
}

/** What the focused radio or checkbox is: its group (fieldset index on the page) and value. */
const focusedOption = (page) =>
  page.evaluate(() => {
    const e = document.activeElement;
    if (!(e instanceof HTMLInputElement)) return null;
    const group = e.closest("fieldset");
    return { group: [...document.querySelectorAll("fieldset")].indexOf(group), type: e.type, value: e.value, checked: e.checked };
  });

/** Values checked in the fieldset `index` (as on the page), in the order shown. */
const checkedIn = (page, index) =>
  page.evaluate((i) => [...document.querySelectorAll("fieldset")[i].querySelectorAll("input:checked")].map((e) => e.value), index);

test("keyboard only (Tab, Shift+Tab, arrows, Space, Enter): a quick check from the start page to the results", async () => {
  const { context, page, problems } = await freshPage(env.browser);
  await page.goto(env.server.url);
  await page.locator("#start-quick").waitFor();
  await tabTo(page, "#start-quick");
  await press(page, "Shift+Tab");
  assert.equal(await focusedElement(page), "button#start", "Shift+Tab goes back to the full check");
  await press(page, "Tab");
  assert.equal(await focusedElement(page), "button#start-quick");
  let path = new URL(page.url()).pathname;
  await press(page, "Enter");

  const walked = [];
  let oneTabStop = false;
  for (let screen = 0; ; screen++) {
    path = await leaves(page, path);
    if (path.endsWith("/results")) break;
    assert.ok(screen < order.length, "the quick check ends");
    const id = itemInUrl(page);
    assert.ok(id, `an item page, not ${page.url()}`);
    walked.push(id);
    await promptHasFocus(page, id);
    const item = itemById(profile, id);
    const expected = {};

    if (item.ratings) {
      // Each rating is a group of five levels: Tab into it, Space takes the first (0), the arrows
      // move the choice along (1, 2, 3, back to 2).
      const groups = await page.$$eval("fieldset[data-rating]", (fs) => fs.map((f) => f.dataset.rating));
      for (const rating of groups) {
        await tabTo(page, `fieldset[data-rating="${rating}"] input[type=radio]`);
        await press(page, "Space");
        for (const key of ["ArrowRight", "ArrowRight", "ArrowDown", "ArrowUp"]) await press(page, key);
        const focused = await focusedOption(page);
        assert.deepEqual({ value: focused.value, checked: focused.checked }, { value: "2", checked: true }, `${rating}: level 2 chosen`);
        expected[rating] = { kind: "rating", level: 2 };
      }
    } else if (item.kind === "single_choice") {
      // A radio group: Tab reaches it, Space takes the option with focus, ArrowDown moves the
      // choice on (a different number of places on each screen).
      await tabTo(page, "section.item fieldset input[type=radio]");
      await press(page, "Space");
      const shown = await page.$$eval("section.item fieldset input[type=radio]", (r) => r.map((e) => e.value));
      const moves = screen % shown.length;
      for (let i = 0; i < moves; i++) await press(page, "ArrowDown");
      const focused = await focusedOption(page);
      assert.equal(focused.value, shown[moves], "ArrowDown moves focus within the group");
      assert.deepEqual(await checkedIn(page, focused.group), [shown[moves]], "and checks the option it moves to");
      if (!oneTabStop) {
        oneTabStop = true;
        // The group is one Tab stop: Tab leaves it, Shift+Tab comes back to the chosen option.
        await press(page, "Tab");
        assert.notEqual((await focusedOption(page))?.group, focused.group, "Tab leaves the radio group");
        await press(page, "Shift+Tab");
        assert.deepEqual(await focusedOption(page), focused, "Shift+Tab returns to the chosen option");
      }
      expected[id] = { kind: "choice", selected: [Number(shown[moves])] };
    } else {
      // A checkbox group: every box is a Tab stop, Space ticks it.
      await tabTo(page, "section.item fieldset input[type=checkbox]");
      await press(page, "Space");
      const first = await focusedOption(page);
      await press(page, "Tab");
      const second = await focusedOption(page);
      assert.equal(second?.type, "checkbox", "Tab goes to the next box");
      await press(page, "Space");
      const ticked = await checkedIn(page, first.group);
      assert.deepEqual(ticked, [first.value, second.value], "Space ticked both boxes");
      expected[id] = { kind: "choice", selected: ticked.map(Number).sort((a, b) => a - b) };
    }

    const saved = await savedAnswers(page);
    for (const [member, answer] of Object.entries(expected)) {
      assert.deepEqual(saved[member], answer, `the answer to ${member} is saved the moment it is given`);
    }
    await press(page, "Enter");
  }

  // The results page, with every answer counted.
  await page.locator("table.areas-table tbody tr").first().waitFor({ state: "attached" });
  const saved = await savedAnswers(page);
  const questions = walked.filter((id) => !id.startsWith("self-ratings_"));
  assert.equal(walked.length - questions.length, profile.areas.length, "one self-rating screen per area");
  for (const id of questions) assert.equal(saved[id]?.kind, "choice", `${id} is answered`);
  const rows = await page.$$eval("table.areas-table tbody tr[data-area]", (trs) =>
    trs.map((tr) => ({ area: tr.dataset.area, answered: tr.lastElementChild.textContent })),
  );
  assert.equal(rows.length, profile.areas.length);
  for (const { area, answered } of rows) {
    const count = questions.filter((id) => itemById(profile, id).area === area).length;
    assert.ok(count > 0, `${area} asked questions`);
    assert.equal(Number(answered.match(/\d+/)?.[0]), count, `the results show ${count} answered in ${area}: "${answered}"`);
  }
  console.log(`keyboard-only quick check: ${walked.length} screens, ${questions.length} questions`);
  assert.deepEqual(problems, []);
  await context.close();
});

test("focus is never lost after navigation: new items, Back, the results page, the start page", async () => {
  const { context, page, problems } = await freshPage(env.browser);
  const lost = [];
  const notLost = async (where) => {
    // Give the page its turn to move focus, then require it to be on something in the page.
    await page.waitForFunction(() => document.activeElement && document.activeElement !== document.body, null, { timeout: 3000 }).catch(() => {});
    const focused = await focusedElement(page);
    if (!focused) lost.push(`${where}: focus is on nothing (body)`);
    else if (!(await page.evaluate(() => document.querySelector("main")?.contains(document.activeElement)))) {
      lost.push(`${where}: focus is on ${focused}, outside the page's main content`);
    }
  };
  await page.goto(env.server.url);
  await page.locator("#start-quick").waitFor();
  await tabTo(page, "#start-quick");
  await press(page, "Enter");
  await page.waitForURL(/\/check\//);
  const first = itemInUrl(page);
  await promptHasFocus(page, first);
  await answerWithKeys(page, profile, true);
  await promptHasFocus(page, itemInUrl(page));
  await tabTo(page, "#back");
  await press(page, "Enter");
  await page.waitForURL((url) => url.pathname.endsWith(`/check/${first}`));
  await promptHasFocus(page, first);
  await press(page, "Enter");
  await page.waitForURL((url) => !url.pathname.endsWith(`/check/${first}`));
  while (itemInUrl(page)) {
    await promptHasFocus(page, itemInUrl(page));
    await answerWithKeys(page, profile, true);
  }
  await page.waitForURL(/\/results$/);
  await page.locator("table.areas-table").waitFor({ state: "attached" });
  await notLost("the results page after the last item");

  // Back to the start page by its link, then to the results again.
  await tabTo(page, 'main .actions a[href$="/"]');
  await press(page, "Enter");
  await page.locator("#see-results").waitFor();
  await notLost("the start page, from the results page");
  await tabTo(page, "#see-results");
  await press(page, "Enter");
  await page.locator("table.areas-table").waitFor({ state: "attached" });
  await notLost("the results page, from the start page");
  assert.deepEqual(lost, [], "focus after navigating between pages");
  assert.deepEqual(problems, []);
  await context.close();
});

/**
 * The option groups of the item shown: each legend, and each option with the name its label gives
 * it (the label's text without what is hidden from assistive technology) and its digit key.
 */
const optionsOnScreen = (page) =>
  page.$$eval("section.item fieldset", (fieldsets) =>
    fieldsets.map((f) => ({
      legend: f.querySelector("legend").textContent.replace(/\s+/g, " ").trim(),
      rating: f.dataset.rating ?? null,
      options: [...f.querySelectorAll("label")].map((label) => {
        const input = label.querySelector("input");
        const parts = [...label.children].filter((c) => c !== input && c.getAttribute("aria-hidden") !== "true");
        return {
          type: input.type,
          value: input.value,
          checked: input.checked,
          name: parts.map((c) => c.textContent).join(" ").replace(/\s+/g, " ").trim(),
          key: label.querySelector("kbd")?.textContent.trim() ?? null,
        };
      }),
    })),
  );

async function openItem(page, id) {
  await page.goto(`${env.server.url}check/${id}`);
  await page.locator("#item-prompt").waitFor();
  await promptHasFocus(page, id);
}

/** Every fieldset is a group named by its legend, holding its options by the name their labels give. */
async function assertGroups(page, type) {
  const groups = await optionsOnScreen(page);
  assert.ok(groups.length > 0);
  for (const group of groups) {
    assert.ok(group.legend, "the group has a legend");
    const byRole = page.getByRole("group", { name: group.legend, exact: true });
    assert.equal(await byRole.count(), 1, `one group named "${group.legend}"`);
    assert.equal(await byRole.getByRole(type).count(), group.options.length, `every option of "${group.legend}" is a ${type}`);
    assert.equal(await byRole.getByRole(type === "radio" ? "checkbox" : "radio").count(), 0);
    for (const option of group.options) {
      assert.equal(option.type, type);
      assert.ok(option.name, "the option has a label");
      assert.equal(await byRole.getByRole(type, { name: option.name, exact: true }).count(), 1, `a ${type} named "${option.name}"`);
    }
  }
  return groups;
}

test("options are radio or checkbox groups named by their labels; arrows move within a group, digits pick the option at that place", async () => {
  const { context, page, problems } = await freshPage(env.browser);
  const single = profile.questions.find((q) => q.kind === "single_choice" && q.options.length >= 3);
  const multiple = profile.questions.find((q) => q.kind === "multiple_select" && q.options.length >= 3);
  const ratings = order.find((id) => itemById(profile, id).ratings?.length >= 2);
  assert.ok(single && multiple && ratings, "the profile has each kind of screen");

  // Single choice: one radio group; arrows move the choice and wrap within the group.
  await openItem(page, single.id);
  const [choice] = await assertGroups(page, "radio");
  const values = choice.options.map((o) => o.value);
  const last = values.length - 1;
  await tabTo(page, "section.item fieldset input[type=radio]");
  for (const [key, at] of [["ArrowDown", 1], ["ArrowUp", 0], ["ArrowUp", last], ["ArrowDown", 0], ["ArrowRight", 1], ["ArrowLeft", 0]]) {
    await page.keyboard.press(key);
    const focused = await focusedOption(page);
    assert.equal(focused.group, 0, `${key} stays in the group`);
    assert.equal(focused.value, values[at], `${key} moves to option ${at + 1} on screen`);
    assert.deepEqual(await checkedIn(page, 0), [values[at]], `${key} checks option ${at + 1} on screen`);
    assert.deepEqual((await savedAnswers(page))[single.id], { kind: "choice", selected: [Number(values[at])] }, `${key} answers`);
  }
  // The digit beside an option picks it, whatever the shuffle put there.
  for (const [place, option] of choice.options.entries()) {
    assert.equal(option.key, String(place + 1), "options are numbered in the order shown");
    await page.keyboard.press(option.key);
    assert.deepEqual(await checkedIn(page, 0), [option.value], `key ${option.key} checks the option shown at place ${place + 1}`);
    assert.deepEqual((await savedAnswers(page))[single.id], { kind: "choice", selected: [Number(option.value)] });
  }

  // Multiple select: a checkbox group; every box a Tab stop, Space and the digits toggle.
  await openItem(page, multiple.id);
  const [boxes] = await assertGroups(page, "checkbox");
  const [a, b] = boxes.options;
  await tabTo(page, "section.item fieldset input[type=checkbox]");
  assert.equal((await focusedOption(page)).value, a.value, "Tab reaches the first box");
  await page.keyboard.press("Space");
  await page.keyboard.press("Tab");
  assert.equal((await focusedOption(page)).value, b.value, "Tab goes to the next box");
  await page.keyboard.press("Space");
  assert.deepEqual(await checkedIn(page, 0), [a.value, b.value], "Space ticks each");
  await page.keyboard.press(a.key);
  assert.deepEqual(await checkedIn(page, 0), [b.value], `key ${a.key} unticks the first box shown`);
  await page.keyboard.press(boxes.options[2].key);
  assert.deepEqual(await checkedIn(page, 0), [b.value, boxes.options[2].value], `key ${boxes.options[2].key} ticks the third box shown`);
  assert.deepEqual((await savedAnswers(page))[multiple.id], {
    kind: "choice",
    selected: [Number(b.value), Number(boxes.options[2].value)].sort((x, y) => x - y),
  });

  // Self-ratings: one radio group of five levels per rating; arrows stay in their group, a
  // digit rates the group with focus.
  await openItem(page, ratings);
  const groups = await assertGroups(page, "radio");
  for (const g of groups) assert.deepEqual(g.options.map((o) => o.value), ["0", "1", "2", "3", "4"], `${g.rating}: five levels`);
  const [one, two] = groups.map((g) => g.rating);
  await tabTo(page, `fieldset[data-rating="${one}"] input`);
  for (const [key, level] of [["ArrowRight", 1], ["ArrowLeft", 0], ["ArrowLeft", 4], ["ArrowDown", 0]]) {
    await page.keyboard.press(key);
    const focused = await focusedOption(page);
    assert.deepEqual([focused.group, focused.value], [0, String(level)], `${key} stays in the first rating`);
    assert.deepEqual(await checkedIn(page, 0), [String(level)]);
    assert.deepEqual(await checkedIn(page, 1), [], "the second rating is untouched");
    assert.deepEqual((await savedAnswers(page))[one], { kind: "rating", level });
  }
  await page.keyboard.press("Tab");
  assert.equal((await focusedOption(page))?.group, 1, "Tab goes on to the next rating");
  await page.keyboard.press("1");
  assert.deepEqual([await checkedIn(page, 0), await checkedIn(page, 1)], [["0"], ["1"]], "a digit rates the group with focus");
  await page.keyboard.press("Shift+Tab");
  assert.equal((await focusedOption(page))?.group, 0, "Shift+Tab goes back to the first rating");
  await page.keyboard.press("3");
  assert.deepEqual([await checkedIn(page, 0), await checkedIn(page, 1)], [["3"], ["1"]], "a digit rates the group with focus");
  const saved = await savedAnswers(page);
  assert.deepEqual([saved[one], saved[two]], [{ kind: "rating", level: 3 }, { kind: "rating", level: 1 }]);
  assert.deepEqual(problems, []);
  await context.close();
});

/**
 * Every progress bar in the accessibility tree, as assistive technology reads it (name, value,
 * maximum), with the visible text of the bar's row.
 */
async function progressBars(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = await cdp.send("Accessibility.getFullAXTree");
    const bars = [];
    for (const node of nodes.filter((n) => !n.ignored && n.role?.value === "progressbar")) {
      const { object } = await cdp.send("DOM.resolveNode", { backendNodeId: node.backendDOMNodeId });
      const { result } = await cdp.send("Runtime.callFunctionOn", {
        objectId: object.objectId,
        functionDeclaration: "function () { return (this.closest('.progress') ?? this.parentElement).innerText; }",
        returnByValue: true,
      });
      const property = (name) => node.properties?.find((p) => p.name === name)?.value.value;
      bars.push({ name: node.name?.value ?? "", value: node.value?.value, max: property("valuemax"), shown: result.value.replace(/\s+/g, " ").trim() });
    }
    return bars;
  } finally {
    await cdp.detach();
  }
}

test("progress bars have accessible names and values that match the visible 'n of m'", async () => {
  const { context, page, problems } = await freshPage(env.browser);
  const check = async (where) => {
    const bars = await progressBars(page);
    assert.equal(bars.length, await page.locator("progress").count(), `${where}: every progress element is in the accessibility tree`);
    assert.ok(bars.length >= 2, `${where}: the overall and the area progress`);
    for (const bar of bars) {
      assert.ok(bar.name.trim(), `${where}: the bar "${bar.shown}" has an accessible name`);
      assert.ok(bar.shown.includes(bar.name), `${where}: the visible label "${bar.shown}" contains the name "${bar.name}"`);
      // "n of m" (or "n von m"): the last two numbers of the row.
      const [n, m] = [...bar.shown.matchAll(/\d+/g)].slice(-2).map((x) => Number(x[0]));
      assert.deepEqual({ value: bar.value, max: bar.max }, { value: n, max: m }, `${where}: "${bar.shown}"`);
    }
    return bars;
  };
  await page.goto(env.server.url);
  await page.locator("#start-quick").click();
  await page.waitForURL(/\/check\//);
  await promptHasFocus(page, itemInUrl(page));
  const before = await check("first screen, nothing answered");
  assert.ok(before.every((b) => b.value === 0));
  await page.keyboard.press("2");
  await check("first screen, rated");
  await answerWithKeys(page, profile, true);
  await answerWithKeys(page, profile, false);
  await promptHasFocus(page, itemInUrl(page));
  const later = await check("third screen");
  assert.ok(later.every((b) => b.value >= 2), "two screens done count in both bars");
  assert.deepEqual(problems, []);
  await context.close();
});

/** Tabs through the whole page from where focus is, until focus leaves the page; returns each stop. */
async function tabThroughPage(page, where) {
  const stops = [];
  const invisible = [];
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press("Tab");
    const focused = await focusedElement(page);
    if (!focused || stops.includes(focused)) break;
    stops.push(focused);
    const hidden = await invisibleFocus(page);
    if (hidden) invisible.push(hidden);
  }
  assert.deepEqual(invisible, [], `${where}: elements reached by Tab with no visible focus (of ${stops.join(", ")})`);
  assert.ok(stops.length > 0, `${where}: Tab reaches something`);
  return stops;
}

test("focus is visible on everything Tab reaches", async () => {
  const { context, page, problems } = await freshPage(env.browser);
  await page.goto(env.server.url);
  await page.locator("#start").waitFor();
  // The app's own start page (tests/e2e/first-screen.test.mjs tabs in the one drawn ahead).
  await appRunning(page);
  await tabThroughPage(page, "start page");
  await page.locator("#start").click();
  await page.waitForURL(/\/check\//);
  await promptHasFocus(page, order[0]);
  await tabThroughPage(page, "self-ratings");
  // Wrong answers, so that the results have a learning plan with questions and links.
  for (let i = 0; i < 4; i++) await answerWithKeys(page, profile, false);
  const code = profile.questions.find((q) => q.code && q.kind === "single_choice");
  await openItem(page, code.id);
  await page.keyboard.press("1");
  const stops = await tabThroughPage(page, "question with code");
  assert.ok(stops.some((s) => s.startsWith("pre")), "the code block is reachable, to scroll it");
  await page.goto(`${env.server.url}results`);
  await page.locator("table.areas-table").waitFor({ state: "attached" });
  await page.locator("#plan details").first().waitFor({ state: "attached" });
  await page.$$eval("details", (ds) => ds.forEach((d) => (d.open = true)));
  await tabThroughPage(page, "results");
  await page.goto(env.server.url);
  await page.locator("#continue").waitFor();
  await tabThroughPage(page, "start page with answers");
  assert.deepEqual(problems, []);
  await context.close();
});

/** Every element (and ::before/::after) that moves: a transition, an animation or smooth scrolling. */
const moving = (page) =>
  page.evaluate(() => {
    const found = [];
    const zero = (durations) => durations.split(",").every((d) => parseFloat(d) === 0);
    for (const el of [document.documentElement, ...document.querySelectorAll("body *")]) {
      for (const pseudo of [null, "::before", "::after"]) {
        const s = getComputedStyle(el, pseudo);
        if (pseudo && (s.content === "none" || s.content === "normal")) continue;
        const what = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.classList.length ? `.${[...el.classList].join(".")}` : ""}${pseudo ?? ""}`;
        if (s.transitionProperty !== "none" && !zero(s.transitionDuration)) found.push(`${what}: transition ${s.transitionProperty} ${s.transitionDuration}`);
        if (s.animationName !== "none" && !zero(s.animationDuration)) found.push(`${what}: animation ${s.animationName} ${s.animationDuration}`);
        if (s.scrollBehavior !== "auto") found.push(`${what}: scroll-behavior ${s.scrollBehavior}`);
      }
    }
    return found;
  });

test("with prefers-reduced-motion: reduce nothing transitions, animates or scrolls smoothly", async () => {
  const { context, page, problems } = await freshPage(env.browser, { reducedMotion: "reduce" });
  assert.equal(await page.evaluate(() => matchMedia("(prefers-reduced-motion: reduce)").matches), true);
  await page.goto(env.server.url);
  await page.locator("#start").waitFor();
  assert.deepEqual(await moving(page), [], "start page");
  // Focus styles are states the page-wide check cannot see: check them as Tab reaches each.
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press("Tab");
    assert.deepEqual(await moving(page), [], `start page, Tab stop ${i + 1}`);
  }
  await page.locator("#start").click();
  await page.waitForURL(/\/check\//);
  await page.locator("#item-prompt").waitFor();
  await page.keyboard.press("2");
  assert.deepEqual(await moving(page), [], "self-ratings");
  for (let i = 0; i < 4; i++) await answerWithKeys(page, profile, false);
  await page.locator("#item-prompt").waitFor();
  await page.keyboard.press("1");
  assert.deepEqual(await moving(page), [], "question");
  await page.goto(`${env.server.url}results`);
  await page.locator("table.areas-table").waitFor({ state: "attached" });
  await page.$$eval("details", (ds) => ds.forEach((d) => (d.open = true)));
  assert.deepEqual(await moving(page), [], "results");
  assert.deepEqual(problems, []);
  await context.close();
});

/**
 * Visible pointer targets smaller than 24 × 24 CSS px (WCAG 2.2, 2.5.8), except inline links in a
 * sentence. An input's label is part of its target (pressing it picks the input), so a labelled
 * input counts with the larger of its own box and its label's.
 */
const smallTargets = (page) =>
  page.evaluate(() => {
    const small = [];
    const inSentence = (el) => {
      if (getComputedStyle(el).display !== "inline") return false;
      let block = el.parentElement;
      while (block && getComputedStyle(block).display.startsWith("inline")) block = block.parentElement;
      return (block?.textContent ?? "").replace(el.textContent, "").trim().length > 0;
    };
    for (const el of document.querySelectorAll("a[href], button, input:not([type=hidden]), select, textarea, summary")) {
      const boxes = [el, ...(el.labels ?? [])].filter((e) => e.checkVisibility()).map((e) => e.getBoundingClientRect());
      const box = boxes.sort((p, q) => q.width * q.height - p.width * p.height)[0];
      if (!box || box.width * box.height <= 1) continue;
      if (box.width >= 24 && box.height >= 24) continue;
      if (el.tagName === "A" && inSentence(el)) continue;
      const name = el.textContent.replace(/\s+/g, " ").trim().slice(0, 40);
      small.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.className ? `.${el.className}` : ""} "${name}": ${box.width.toFixed(1)} × ${box.height.toFixed(1)}`);
    }
    return small;
  });

test("touch targets are at least 24 × 24 px on a phone (390 × 844)", async () => {
  const { context, page, problems } = await freshPage(env.browser, { viewport: PHONE });
  const offenders = [];
  const measure = async (where) => {
    for (const s of await smallTargets(page)) offenders.push(`${where}: ${s}`);
  };
  await page.goto(env.server.url);
  await page.locator("#start").waitFor();
  await measure("start page");
  await page.locator("#start").click();
  await page.waitForURL(/\/check\//);
  await page.locator("#item-prompt").waitFor();
  await measure("self-ratings");
  // Wrong answers, so that the results have a learning plan with questions and links.
  for (let i = 0; i < 4; i++) await answerWithKeys(page, profile, false);
  await page.locator("#item-prompt").waitFor();
  await measure(`question ${itemInUrl(page)}`);
  const multiple = profile.questions.find((q) => q.kind === "multiple_select");
  await openItem(page, multiple.id);
  await measure(`question ${multiple.id}`);
  await page.goto(`${env.server.url}results`);
  await page.locator("#plan details").first().waitFor({ state: "attached" });
  await page.$$eval("details", (ds) => ds.forEach((d) => (d.open = true)));
  await page.locator("#share").click();
  await page.locator("#share-link").waitFor();
  await measure("results");
  await page.goto(env.server.url);
  await page.locator("#continue").waitFor();
  await measure("start page with answers");
  if (offenders.length) console.log(`targets under 24 × 24 px:\n  ${offenders.join("\n  ")}`);
  assert.deepEqual(offenders, [], "every target is at least 24 × 24 px or an inline link in a sentence");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a page opened by a link or by Back starts at its top, with focus on its heading or prompt", async () => {
  // A phone in landscape: the item page is taller than the screen.
  const LANDSCAPE = { width: 844, height: 390 };
  const { context, page } = await freshPage(env.browser, { viewport: LANDSCAPE });
  await page.goto(env.server.url);
  await page.locator("#start").click();
  await page.locator("#item-prompt").waitFor();
  assert.equal(await focusedElement(page), "h1#item-prompt");
  // Scrolled down on the first item (the browser remembers that for Back), then on to the next.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  assert.ok((await page.evaluate(() => window.scrollY)) > 0, "the item page scrolls");
  await answerWithKeys(page, profile, true);
  await page.waitForURL(new RegExp(`/check/${order[1]}$`));
  assert.equal(await focusedElement(page), "h1#item-prompt");
  assert.equal(await page.evaluate(() => window.scrollY), 0);
  await page.goBack();
  await page.waitForURL(new RegExp(`/check/${order[0]}$`));
  await page.waitForFunction(() => document.activeElement?.id === "item-prompt");
  assert.equal(await page.evaluate(() => window.scrollY), 0);
  const top = await page.locator("#item-prompt").boundingBox();
  assert.ok(top.y >= 0 && top.y < LANDSCAPE.height, `the prompt is on screen (y ${top.y})`);
  await context.close();
});

// WebDriver client for scripts/chromium-e2e.sh (Node 18+, no dependencies).
// Usage: node chromium-e2e.mjs PAGE_URL DRIVER_URL PROFILE_DIR [SCREENSHOT.png]
import { writeFileSync, mkdirSync } from "node:fs";

const [page, driver, profile, screenshot] = process.argv.slice(2);
mkdirSync(profile, { recursive: true });

async function call(method, path, body) {
  const response = await fetch(driver + path, {
    method,
    headers: { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json();
  if (!response.ok) throw new Error(`${method} ${path}: ${JSON.stringify(json.value)}`);
  return json.value;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

async function until(what, fn, ms = 15000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("timed out waiting for " + what);
    await sleep(100);
  }
}

const session = await call("POST", "/session", {
  capabilities: {
    alwaysMatch: {
      browserName: "chrome",
      "goog:chromeOptions": {
        binary: "/usr/bin/chromium",
        args: [
          "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
          "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--user-data-dir=" + profile, "--window-size=1400,900",
        ],
      },
      "goog:loggingPrefs": { browser: "ALL" },
    },
  },
});
const s = "/session/" + session.sessionId;
const run = (script, args = []) => call("POST", s + "/execute/sync", { script, args });
let failed = null;
try {
  await call("POST", s + "/url", { url: page });
  await until("the page to load its events", () => run("return document.body.dataset.ready === '1'"));
  const pins = await call("POST", s + "/elements", { using: "css selector", value: "path.pin" });
  if (!pins.length) throw new Error("no pin on the map");
  console.log(`pins on the map: ${pins.length}`);
  // Click pins until one opens the detail panel (a pin may be covered by another).
  let opened = false;
  for (const pin of pins) {
    try {
      await call("POST", `${s}/element/${pin[ELEMENT]}/click`, {});
    } catch (e) {
      continue;
    }
    try {
      await until("the detail panel", () => run("return !document.getElementById('detail').hidden && !!document.querySelector('#d-text mark.evidence')"), 5000);
      opened = true;
      break;
    } catch (e) {
      continue;
    }
  }
  if (!opened) throw new Error("clicking a pin did not open the detail panel");
  const found = await run(`
    const mark = document.querySelector('#d-text mark.evidence');
    return { evidence: mark.textContent, text: document.getElementById('d-text').textContent,
             title: document.getElementById('d-title').textContent,
             scripts: document.scripts.length };`);
  if (!found.evidence.trim()) throw new Error("the evidence sentence is empty");
  if (!found.text.includes(found.evidence)) throw new Error("the evidence is not part of the document text");
  if (found.scripts !== 2) throw new Error(`unexpected script elements: ${found.scripts}`);
  console.log(`opened: ${found.title}`);
  console.log(`evidence sentence: ${found.evidence}`);
  // The timeline filters the map: keep only the last day.
  const daysShown = await run("return Number(document.getElementById('to').max) + 1");
  if (daysShown > 1) {
    await run(`document.body.dataset.ready = '0';
      const from = document.getElementById('from');
      from.value = from.max;
      from.dispatchEvent(new Event('input'));
      from.dispatchEvent(new Event('change'));`);
    await until("the map to reload", () => run("return document.body.dataset.ready === '1'"));
    const after = await call("POST", s + "/elements", { using: "css selector", value: "path.pin" });
    if (after.length >= pins.length) throw new Error(`timeline did not filter the map (${pins.length} -> ${after.length} pins)`);
    console.log(`timeline: last of ${daysShown} days keeps ${after.length} of ${pins.length} pins`);
  }
  if (screenshot) {
    writeFileSync(screenshot, Buffer.from(await call("GET", s + "/screenshot"), "base64"));
  }
  let logs = [];
  try {
    logs = await call("POST", s + "/se/log", { type: "browser" });
  } catch (e) {
    console.log("(browser log not available: " + e.message + ")");
  }
  const csp = logs.filter((l) => /Content Security Policy|Refused to/i.test(l.message));
  if (csp.length) throw new Error("CSP violations: " + csp.map((l) => l.message).join(" | "));
  const errors = logs.filter((l) => l.level === "SEVERE");
  if (errors.length) throw new Error("browser errors: " + errors.map((l) => l.message).join(" | "));
} catch (e) {
  failed = e;
} finally {
  await call("DELETE", s).catch(() => {});
}
if (failed) {
  console.error("FAIL: " + failed.message);
  process.exit(1);
}

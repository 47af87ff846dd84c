// Lighthouse (mobile profile, its defaults) on several pages with one Chrome: the CLI starts a
// Chrome and loads Lighthouse again for every page. Lighthouse resets the origin's storage and
// cache before each page, as the CLI does. Prints one JSON line per page: its categories' scores
// and the audits that count against them (guide_tools/lighthouse.py reads them). Audits named
// apart (e.g. cumulative-layout-shift without the rest of performance) run too, and count
// against the page when they score below 1.
//
// node lighthouse-batch.mjs <categories comma-separated> <audits comma-separated, or ""> <chrome flags> <url>...
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const [categories, audits, flags, ...urls] = process.argv.slice(2);
const extraAudits = audits.split(",").filter(Boolean);
const chrome = await chromeLauncher.launch({ chromeFlags: flags.split(" ").filter(Boolean) });
try {
  for (const url of urls) {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: categories.split(","),
      // Lighthouse runs the union of both lists.
      ...(extraAudits.length ? { onlyAudits: extraAudits } : {}),
      // The page's full-length screenshot only illustrates an HTML report's elements: we print
      // lines. 1.2 s of an 8 s run.
      disableFullPageScreenshot: true,
    });
    const { lhr } = result;
    const report = { url, scores: {}, failing: [] };
    for (const [id, category] of Object.entries(lhr.categories)) {
      report.scores[id] = category.score;
      for (const ref of category.auditRefs) {
        const audit = lhr.audits[ref.id];
        if ((ref.weight || 0) > 0 && audit.score !== null && audit.score < 1) {
          report.failing.push(`${id}: ${ref.id} (${audit.displayValue ?? audit.score})`);
        }
      }
    }
    for (const id of extraAudits) {
      const audit = lhr.audits[id];
      if (!audit) throw new Error(`Lighthouse ran no audit ${id}`);
      if (audit.score !== null && audit.score < 1) report.failing.push(`audit: ${id} (${audit.displayValue ?? audit.score})`);
    }
    process.stdout.write(JSON.stringify(report) + "\n");
  }
} finally {
  await chrome.kill();
}

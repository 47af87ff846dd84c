// Lighthouse (mobile profile, its defaults) on several pages with one Chrome: the CLI starts a
// Chrome and loads Lighthouse again for every page. Lighthouse resets the origin's storage and
// cache before each page, as the CLI does. Prints one JSON line per page: its categories' scores
// and the audits that count against them (guide_tools/lighthouse.py reads them).
//
// node lighthouse-batch.mjs <categories comma-separated> <chrome flags> <url>...
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const [categories, flags, ...urls] = process.argv.slice(2);
const chrome = await chromeLauncher.launch({ chromeFlags: flags.split(" ").filter(Boolean) });
try {
  for (const url of urls) {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: categories.split(","),
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
    process.stdout.write(JSON.stringify(report) + "\n");
  }
} finally {
  await chrome.kill();
}

/** axe (WCAG 2.1 A/AA) on the page as it is now, and screenshots at the two widths we design for. */
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export async function expectAccessible(page: Page, what: string) {
  // A toast or dialog still fading in is measured at part opacity (a false contrast failure): wait until every
  // CSS animation and transition on the page has finished (infinite ones, like spinners, excepted).
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== "running" || a.effect?.getComputedTiming().iterations === Infinity),
  );
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
  expect(summary, `axe on ${what}`).toEqual([]);
}

/** Two animation frames: the page has laid out and painted at its new size. */
const painted = (page: Page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

/**
 * Saves test-results/screenshots/<name>-1280.png and -390.png (git-ignored; looked at when the UI changes). Headless
 * Chromium now and then never delivers the frame a full-page capture waits for right after a resize (seen once in
 * a loop of the suite on PGlite: 55 s stuck after "fonts loaded"); the capture waits for a painted frame first and is tried
 * once more if it still stalls. The pictures are for people, so a retry hides no assertion.
 */
export async function screenshots(page: Page, name: string) {
  const size = page.viewportSize();
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await painted(page);
    const shot = () => page.screenshot({ path: `test-results/screenshots/${name}-${width}.png`, fullPage: true, timeout: 15_000 });
    await shot().catch(async () => {
      await painted(page);
      await shot();
    });
  }
  if (size) await page.setViewportSize(size);
}

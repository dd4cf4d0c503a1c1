import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

/**
 * One axe pass over the page as it is, in light and in dark: the serious and critical
 * violations, one readable line per rule and scheme. The app follows the system's colour
 * scheme (prefers-color-scheme), so emulating the media feature is how dark mode is reached.
 */

const blocking = new Set(["serious", "critical"]);
// Enough elements to find the culprit; a rule broken on a whole list would drown the message.
const NODES_SHOWN = 5;

type Scheme = "light" | "dark";
type EmulateMedia = Page["emulateMedia"];

/** `emulateMedia`: the page's own, which the watcher keeps for its checks (axe-watch.ts). */
export async function blockingViolations(
  page: Page,
  emulateMedia: EmulateMedia = (options) => page.emulateMedia(options),
): Promise<string[]> {
  const initiallyDark = await page.evaluate(
    () => matchMedia("(prefers-color-scheme: dark)").matches,
  );
  const schemes: Scheme[] = initiallyDark ? ["dark", "light"] : ["light", "dark"];
  const found: string[] = [];
  try {
    for (const colorScheme of schemes) {
      await emulateMedia({ colorScheme });
      await settle(page);
      const results = await analyze(page);
      for (const violation of results.violations) {
        if (!blocking.has(violation.impact ?? "")) continue;
        const nodes = violation.nodes.slice(0, NODES_SHOWN).map((node) => {
          const target = node.target.map(String).join(" ");
          // Contrast failures say which colours and what ratio; other rules say enough by name.
          const detail =
            violation.id === "color-contrast" ? ` ${contrastDetail(node.any[0]?.data)}` : "";
          return `      ${target}${detail}`;
        });
        const more = violation.nodes.length - NODES_SHOWN;
        found.push(
          [
            `${violation.id} (${violation.impact}) in ${colorScheme} mode at ${results.url}: ${violation.help}`,
            ...nodes,
            ...(more > 0 ? [`      … and ${more} more`] : []),
          ].join("\n"),
        );
      }
    }
  } finally {
    if (!page.isClosed()) {
      await emulateMedia({ colorScheme: initiallyDark ? "dark" : "light" }).catch(() => {});
    }
  }
  return found;
}

// A pass that failed because the page changed under it is run again, up to this many passes in
// all, each after twice the wait of the one before (250 ms, then 0.5, 1, 2 and 4 s): a page that
// refreshes itself until a background computation ends is at rest within those 7.75 s.
const PASSES = 6;
const FIRST_RETRY_MS = 250;

/**
 * One axe pass. axe reads the DOM over many steps: a page that re-renders itself meanwhile (the
 * metrics console refreshes on a timer while months are computed) can hand it a node that is
 * gone by the time it asks for its style, and the pass throws. That is the page moving, not a
 * finding: the pass runs again on the page as it is then. An error that persists is reported.
 */
async function analyze(page: Page) {
  for (let pass = 1; ; pass += 1) {
    try {
      // Legacy mode runs axe inside the page; the default opens a blank page per run to merge
      // frame results, which costs a page and hangs if the test closes its context meanwhile.
      // Only violations: axe skips building the (much longer) lists of passes and unsure checks.
      return await new AxeBuilder({ page })
        .setLegacyMode(true)
        .options({ resultTypes: ["violations"] })
        .analyze();
    } catch (error) {
      if (pass >= PASSES || page.isClosed() || !changedUnderAxe(error)) throw error;
      await page.waitForTimeout(FIRST_RETRY_MS * 2 ** (pass - 1));
    }
  }
}

/** The errors a DOM changed mid-pass gives: a node that is no longer an element, or gone. */
function changedUnderAxe(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /is not of type '(Element|Node)'|Cannot read properties of (null|undefined)/.test(message);
}

/** Waits for colour transitions (`transition-colors`) the scheme change started to end. */
async function settle(page: Page) {
  await page.evaluate(async () => {
    // Reading a style applies the new scheme now, which starts its transitions.
    void getComputedStyle(document.documentElement).color;
    const transitions = document
      .getAnimations()
      .filter((animation) => animation instanceof CSSTransition)
      .map((animation) => animation.finished.catch(() => undefined));
    if (transitions.length === 0) return;
    await Promise.race([
      Promise.all(transitions),
      new Promise((resolve) => setTimeout(resolve, 1_000)),
    ]);
  });
}

function contrastDetail(data: unknown): string {
  if (!data || typeof data !== "object") return "";
  const { fgColor, bgColor, contrastRatio, expectedContrastRatio } = data as Record<
    string,
    unknown
  >;
  return `(${String(fgColor)} on ${String(bgColor)}: ${String(contrastRatio)}, needs ${String(expectedContrastRatio)})`;
}

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
      // Legacy mode runs axe inside the page; the default opens a blank page per run to merge
      // frame results, which costs a page and hangs if the test closes its context meanwhile.
      // Only violations: axe skips building the (much longer) lists of passes and unsure checks.
      const results = await new AxeBuilder({ page })
        .setLegacyMode(true)
        .options({ resultTypes: ["violations"] })
        .analyze();
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

import { createHash } from "node:crypto";
import { mkdirSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { BrowserContext, Page, Request } from "@playwright/test";
import { blockingViolations } from "./axe-scan";
import { STEP_MS } from "./budget";
import { pageKey } from "./page-key";

/**
 * Pages already checked in this run, shared by both workers: one empty file per page key,
 * created with O_EXCL so exactly one test claims each page. It lives in the project's
 * output folder, which Playwright empties when a run starts.
 */
export class ScannedPages {
  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  private file(key: string) {
    return path.join(this.dir, createHash("sha1").update(key).digest("hex"));
  }

  async claim(key: string): Promise<boolean> {
    try {
      // The key as the content: `cat test-results/.axe-scanned/*` lists the pages checked.
      await writeFile(this.file(key), `${key}\n`, { flag: "wx" });
      return true;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EEXIST") return false;
      // Emptied under us (another Playwright run in this checkout): start the record again.
      if (code === "ENOENT") {
        await mkdir(this.dir, { recursive: true });
        return this.claim(key);
      }
      throw error;
    }
  }

  async release(key: string): Promise<void> {
    await rm(this.file(key), { force: true });
  }
}

/** A check never holds up the end of a test for longer than `ms`. */
async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`axe did not finish within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** The page was closed or navigated away while axe ran: nothing to report about it. */
function pageWentAway(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /closed|Execution context was destroyed|navigat|Frame was detached|Target crashed/i.test(
    message,
  );
}

/**
 * Watches a test's pages: after each main-frame navigation has loaded, checks the page with
 * axe in both colour schemes unless another test of the run already checked the same page
 * (pageKey). Checks of one page run one after the other; the test does not wait for them
 * until it ends, or until it asks (`check`).
 */
export class AxeWatcher {
  private readonly queues = new Map<Page, Promise<unknown>>();
  // The main frame's latest document request, then the one of the document shown (none after
  // a client-side navigation). Its response gives the status: 'response' events may come late.
  private readonly loading = new WeakMap<Page, Request>();
  private readonly documents = new WeakMap<Page, Request>();
  private readonly paths = new WeakMap<Page, string>();
  private readonly emulators = new WeakMap<Page, Page["emulateMedia"]>();
  // Which navigation of a page was checked last, and what was found then.
  private readonly navigations = new WeakMap<Page, number>();
  private readonly lastCheck = new WeakMap<Page, { navigation: number; found: string[] }>();
  readonly violations: string[] = [];

  constructor(private readonly scanned: ScannedPages) {}

  watchContext(context: BrowserContext): void {
    for (const page of context.pages()) this.watchPage(page);
    context.on("page", (page) => this.watchPage(page));
  }

  private watchPage(page: Page): void {
    if (this.queues.has(page)) return;
    this.queues.set(page, Promise.resolve());
    // A check switches the colour scheme and then puts back the one it found: a test's own
    // switch made meanwhile would be undone. The test's switches wait for the checks in flight.
    const emulateMedia = page.emulateMedia.bind(page);
    this.emulators.set(page, emulateMedia);
    page.emulateMedia = (options) => this.enqueue(page, () => emulateMedia(options));
    page.on("request", (request) => {
      if (request.isNavigationRequest() && request.frame() === page.mainFrame()) {
        this.loading.set(page, request);
      }
    });
    page.on("framenavigated", (frame) => {
      if (frame !== page.mainFrame()) return;
      const loaded = this.loading.get(page);
      this.loading.delete(page);
      const path = new URL(frame.url()).pathname;
      // Without a request it is the same document: on the same path, Next.js's router replacing
      // the history entry as it starts (nothing new to check); on another, a client-side move.
      if (!loaded && path === this.paths.get(page)) return;
      this.paths.set(page, path);
      if (loaded) this.documents.set(page, loaded);
      else this.documents.delete(page);
      this.navigations.set(page, (this.navigations.get(page) ?? 0) + 1);
      void this.enqueue(page, () => this.record(page));
    });
  }

  /** A check the test does not wait for: what it finds fails the test when it ends. */
  private async record(page: Page): Promise<void> {
    try {
      const found = await this.checkOnce(page, false);
      if (found) this.violations.push(...found);
    } catch (error) {
      this.violations.push(`axe could not check ${page.url()}: ${String(error)}`);
    }
  }

  private enqueue<T>(page: Page, task: () => Promise<T>): Promise<T> {
    const next = (this.queues.get(page) ?? Promise.resolve()).then(task, task);
    this.queues.set(
      page,
      next.catch(() => undefined),
    );
    return next;
  }

  /**
   * Checks the page as it is now. Null when it is not the app's, was checked by another test
   * (unless `force`), or went away during the check; otherwise the violations, possibly none.
   */
  private async checkOnce(page: Page, force: boolean): Promise<string[] | null> {
    if (page.isClosed()) return null;
    try {
      await page.waitForLoadState("load", { timeout: STEP_MS });
    } catch {
      return null;
    }
    const url = page.url();
    const cookies = await page
      .context()
      .cookies(url)
      .catch(() => []);
    const key = pageKey(url, {
      signedIn: cookies.some((cookie) => cookie.name.endsWith("keel.session")),
      status: await this.documents
        .get(page)
        ?.response()
        .then((response) => response?.status())
        .catch(() => undefined),
    });
    if (!key) return null;
    const navigation = this.navigations.get(page) ?? 0;
    const claimed = await this.scanned.claim(key);
    if (!claimed && !force) return null;
    // A navigation during the check (even a reload of the same address): what axe saw may be
    // half of each page, or axe itself was gone from the new document.
    const moved = () => (this.navigations.get(page) ?? 0) !== navigation;
    try {
      const found = await withTimeout(
        blockingViolations(page, this.emulators.get(page)),
        2 * STEP_MS,
      );
      if (moved()) throw new Error("navigated during the check");
      this.lastCheck.set(page, { navigation, found });
      return found;
    } catch (error) {
      if (claimed) await this.scanned.release(key);
      if (!force && (moved() || page.isClosed() || pageWentAway(error))) return null;
      throw error;
    }
  }

  /**
   * Waits for the checks in flight, then checks the page even if another test checked the same
   * page. Reuses the check of the current navigation when there was one, unless the page
   * `changed` since without navigating (a form's error, an open dialog).
   */
  async check(page: Page, { changed = false } = {}): Promise<string[]> {
    return (
      (await this.enqueue(page, async () => {
        const last = this.lastCheck.get(page);
        if (!changed && last && last.navigation === (this.navigations.get(page) ?? 0)) {
          // Reported by the caller now, not again when the test ends.
          for (const line of last.found) {
            const at = this.violations.indexOf(line);
            if (at >= 0) this.violations.splice(at, 1);
          }
          return last.found;
        }
        return this.checkOnce(page, true);
      })) ?? []
    );
  }

  /** At the end of a test: the open pages as they are, and every check still running. */
  async finish(): Promise<void> {
    for (const page of this.queues.keys()) {
      if (page.isClosed()) continue;
      void this.enqueue(page, () => this.record(page));
    }
    await Promise.all(this.queues.values());
  }
}

"use client";

import { useEffect, useId, useRef, useState, useSyncExternalStore, type ReactNode } from "react";
import type { KeyboardEvent } from "react";

const noSubscription = () => () => undefined;

type UserMenuProps = {
  /** What the button shows: the avatar and, on wider screens, the person's name. */
  button: ReactNode;
  /** The person, for the button's accessible name. */
  who: string;
  children: ReactNode;
};

const focusable = "a[href], button:not([disabled]), input:not([disabled])";

/**
 * The signed-in person's menu: a button and a popover panel. The browser does the work without
 * any script (open, close on Escape or a click outside, focus back to the button); this adds
 * aria-expanded and arrow keys between the items.
 */
export function UserMenu({ button, who, children }: UserMenuProps) {
  const panelId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);
  // Before hydration the browser reports the popover's state itself: no stale attribute.
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );

  useEffect(() => {
    const panel = panelRef.current;
    if (!panel) return;
    const onToggle = (event: Event) => setOpen((event as ToggleEvent).newState === "open");
    panel.addEventListener("toggle", onToggle);
    return () => panel.removeEventListener("toggle", onToggle);
  }, []);

  const items = () => [...(panelRef.current?.querySelectorAll<HTMLElement>(focusable) ?? [])];

  function moveFocus(to: "first" | "last" | 1 | -1) {
    const list = items();
    if (list.length === 0) return;
    const index = list.indexOf(document.activeElement as HTMLElement);
    const next =
      to === "first"
        ? 0
        : to === "last"
          ? list.length - 1
          : (index + to + list.length) % list.length;
    list[next]?.focus();
  }

  function onButtonKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    event.preventDefault();
    const panel = panelRef.current;
    if (panel && !panel.matches(":popover-open")) panel.showPopover();
    moveFocus(event.key === "ArrowDown" ? "first" : "last");
  }

  function onPanelKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const moves: Record<string, "first" | "last" | 1 | -1> = {
      ArrowDown: 1,
      ArrowUp: -1,
      Home: "first",
      End: "last",
    };
    const move = moves[event.key];
    if (move !== undefined) {
      event.preventDefault();
      moveFocus(move);
    } else if (event.key === "Escape") {
      // The browser closes the popover; focus goes back to where the menu was opened from.
      buttonRef.current?.focus();
    }
  }

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        popoverTarget={panelId}
        aria-controls={panelId}
        aria-expanded={hydrated ? open : undefined}
        onKeyDown={onButtonKeyDown}
        className="flex min-w-0 cursor-pointer items-center gap-2 rounded-full py-1 pr-2 pl-1 text-sm text-zinc-700 [anchor-name:--user-menu] hover:bg-zinc-100 hover:text-zinc-950 dark:text-zinc-300 dark:hover:bg-zinc-800/80 dark:hover:text-white"
      >
        <span className="sr-only">Account menu: {who}</span>
        {button}
      </button>
      <div
        ref={panelRef}
        id={panelId}
        popover="auto"
        onKeyDown={onPanelKeyDown}
        className="user-menu-panel w-[min(18rem,calc(100vw-2rem))] rounded-2xl border border-zinc-200 bg-white p-2 text-zinc-900 shadow-xl shadow-zinc-950/10 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100 dark:shadow-black/40"
      >
        {children}
      </div>
    </>
  );
}

import { themeChoices, themeLabels, type ThemeChoice } from "@/lib/theme/choice";

/**
 * System, Light or Dark: a plain form post (app/api/theme), so it works without client
 * JavaScript; the page comes back with the choice applied before paint.
 */
export function ThemeForm({ current }: { current: ThemeChoice }) {
  return (
    <form method="post" action="/api/theme">
      <fieldset>
        <legend className="px-2 pb-1.5 text-xs font-medium text-zinc-500 dark:text-zinc-400">
          Theme
        </legend>
        <div className="grid grid-cols-3 gap-1 rounded-lg bg-zinc-100 p-1 dark:bg-zinc-800">
          {themeChoices.map((choice) => (
            <button
              key={choice}
              type="submit"
              name="theme"
              value={choice}
              aria-pressed={choice === current}
              className="cursor-pointer rounded-md px-2 py-1.5 text-sm font-medium text-zinc-600 hover:text-zinc-950 aria-pressed:bg-white aria-pressed:text-zinc-950 aria-pressed:shadow-sm dark:text-zinc-400 dark:hover:text-white dark:aria-pressed:bg-zinc-950 dark:aria-pressed:text-white"
            >
              {themeLabels[choice]}
            </button>
          ))}
        </div>
      </fieldset>
    </form>
  );
}

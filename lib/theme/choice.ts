// The colour theme a person chose. "system" follows the device (prefers-color-scheme) and is
// what everyone starts with; it is stored as the absence of the cookie.

export const THEME_COOKIE = "theme";

export const themeChoices = ["system", "light", "dark"] as const;

export type ThemeChoice = (typeof themeChoices)[number];

export const themeLabels: Record<ThemeChoice, string> = {
  system: "System",
  light: "Light",
  dark: "Dark",
};

export function isThemeChoice(value: unknown): value is ThemeChoice {
  return typeof value === "string" && (themeChoices as readonly string[]).includes(value);
}

/** The stored choice; anything unknown or missing means "system". */
export function parseThemeCookie(value: string | null | undefined): ThemeChoice {
  return value === "light" || value === "dark" ? value : "system";
}

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

export function parseThemeCookie(value: string | null | undefined): ThemeChoice {
  return value === "light" || value === "dark" ? value : "system";
}

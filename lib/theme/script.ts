import { THEME_COOKIE } from "./choice";

/**
 * Runs in <head> before the body is parsed, so the first paint already has the chosen theme:
 * the root layout is prerendered for marketing pages and cannot read the cookie on the server.
 * Only an explicit light or dark choice sets `data-theme`; without it CSS follows the device.
 * The CSP allows this exact text by hash (lib/theme/script-hash.ts).
 */
export const themeScript = `try{var m=document.cookie.match(/(?:^|;\\s*)${THEME_COOKIE}=(light|dark)(?:;|$)/);if(m)document.documentElement.setAttribute("data-theme",m[1])}catch(e){}`;

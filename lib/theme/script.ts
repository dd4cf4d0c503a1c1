import { THEME_COOKIE } from "./choice";

// Runs in <head> before paint: the prerendered root layout cannot read the cookie. CSP: by hash.
export const themeScript = `try{var m=document.cookie.match(/(?:^|;\\s*)${THEME_COOKIE}=(light|dark)(?:;|$)/);if(m)document.documentElement.setAttribute("data-theme",m[1])}catch(e){}`;

import type { ESLint } from "eslint";

export const layers: string[][];
export const fileElements: Record<string, string>;
export function elementOf(modulePath: string): string | null;
export function layerIndex(element: string): number | undefined;
export const libLayersPlugin: ESLint.Plugin;

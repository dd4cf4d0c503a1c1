export const SAMPLE_PROJECTS = [
  {
    name: "Website relaunch",
    description: "An example project: rename it, edit it or delete it when you are ready.",
  },
  {
    name: "Customer onboarding",
    description: "Another example, so lists and search have something to show.",
  },
] as const;

// Two at most, so Free (3 projects) keeps room for a real one; fewer if a limit is lower.
export function samplesWithin(
  limit: number | null,
  existing: number,
): (typeof SAMPLE_PROJECTS)[number][] {
  const room = limit === null ? SAMPLE_PROJECTS.length : Math.max(0, limit - existing);
  return SAMPLE_PROJECTS.slice(0, room);
}

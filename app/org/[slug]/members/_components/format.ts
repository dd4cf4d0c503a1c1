export const memberDate = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });

export const billingDate = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });

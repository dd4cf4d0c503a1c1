export { mediumDate as billingDate } from "@/lib/format/dates";

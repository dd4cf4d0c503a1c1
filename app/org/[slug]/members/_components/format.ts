export { mediumDate as memberDate } from "@/lib/format/dates";

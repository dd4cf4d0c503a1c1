import { describe, expect, it } from "vitest";
import { decodeForm, keySegments } from "@/scripts/stripe-emulator/form-decode";

describe("keySegments", () => {
  it("splits bracket notation into path segments", () => {
    expect(keySegments("name")).toEqual(["name"]);
    expect(keySegments("metadata[organizationId]")).toEqual(["metadata", "organizationId"]);
    expect(keySegments("line_items[0][price]")).toEqual(["line_items", "0", "price"]);
    expect(keySegments("expand[]")).toEqual(["expand", ""]);
  });

  it("keeps trailing text after a bracket with the last segment", () => {
    expect(keySegments("a[b]c")).toEqual(["a", "bc"]);
    expect(keySegments("[x]")).toEqual(["[x]"]);
  });
});

describe("decodeForm", () => {
  it("decodes flat values, percent-escapes and plus signs", () => {
    expect(
      decodeForm("mode=subscription&success_url=http%3A%2F%2Fa.test%2F%3Fid%3D1&name=Ada+Lovelace"),
    ).toEqual({
      mode: "subscription",
      success_url: "http://a.test/?id=1",
      name: "Ada Lovelace",
    });
  });

  it("builds nested objects", () => {
    expect(
      decodeForm(
        "metadata[organizationId]=o1&metadata[plan]=pro&subscription_data[trial_period_days]=14&subscription_data[metadata][organizationId]=o1",
      ),
    ).toEqual({
      metadata: { organizationId: "o1", plan: "pro" },
      subscription_data: { trial_period_days: "14", metadata: { organizationId: "o1" } },
    });
  });

  it("builds arrays of objects from indexed keys, in index order", () => {
    expect(
      decodeForm(
        "line_items[1][price]=price_b&line_items[0][price]=price_a&line_items[0][quantity]=2&line_items[1][quantity]=1",
      ),
    ).toEqual({
      line_items: [
        { price: "price_a", quantity: "2" },
        { price: "price_b", quantity: "1" },
      ],
    });
  });

  it("builds arrays of strings from indexed and empty brackets", () => {
    expect(decodeForm("expand[0]=subscription&expand[1]=customer")).toEqual({
      expand: ["subscription", "customer"],
    });
    expect(decodeForm("lookup_keys[]=pro_monthly&lookup_keys[]=pro_yearly")).toEqual({
      lookup_keys: ["pro_monthly", "pro_yearly"],
    });
  });

  it("compacts sparse indexes without holes", () => {
    expect(decodeForm("items[0][id]=si_1&items[2][id]=si_3")).toEqual({
      items: [{ id: "si_1" }, { id: "si_3" }],
    });
  });

  it("decodes deep mixes as the SDK sends them", () => {
    expect(
      decodeForm(
        "subscription_details[items][0][id]=si_1&subscription_details[items][0][price]=price_x&subscription_details[proration_behavior]=always_invoice&created[gte]=100",
      ),
    ).toEqual({
      subscription_details: {
        items: [{ id: "si_1", price: "price_x" }],
        proration_behavior: "always_invoice",
      },
      created: { gte: "100" },
    });
  });

  it("accepts a leading question mark and empty values", () => {
    expect(decodeForm("?lookup_keys[0]=pro_monthly&description=")).toEqual({
      lookup_keys: ["pro_monthly"],
      description: "",
    });
    expect(decodeForm("")).toEqual({});
  });

  it("keeps keys that are not all indexes as an object", () => {
    expect(decodeForm("metadata[0]=a&metadata[x]=b")).toEqual({ metadata: { 0: "a", x: "b" } });
  });

  it("keeps the top level an object even for indexed keys", () => {
    expect(decodeForm("0=a&1=b")).toEqual({ 0: "a", 1: "b" });
  });

  it("lets a later nested key replace an earlier scalar at the same path", () => {
    expect(decodeForm("metadata=&metadata[a]=1")).toEqual({ metadata: { a: "1" } });
  });

  it("ignores keys that would reach Object.prototype", () => {
    const decoded = decodeForm(
      "__proto__[polluted]=yes&a[__proto__][polluted]=yes&a[constructor]=x&ok=1",
    );
    expect(decoded).toEqual({ a: {}, ok: "1" });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

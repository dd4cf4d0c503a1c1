import { context, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";

type StripeResponse = {
  method?: string;
  path?: string;
  status?: number;
  request_id?: string;
  request_start_time?: number;
  request_end_time?: number;
};
type StripeEmitter = { on(event: "response", listener: (event: StripeResponse) => void): void };

// Object ids in Stripe paths (cus_…, sub_…) would make every span name unique.
const stripeId = /\/[a-z]{2,8}_[A-Za-z0-9]+/g;

export function traceStripeCalls(client: StripeEmitter): void {
  client.on("response", (event) => {
    const path = (event.path ?? "").split("?")[0]?.replace(stripeId, "/{id}") ?? "";
    const span = trace.getTracer("keel").startSpan(
      `stripe ${event.method ?? ""} ${path}`,
      {
        kind: SpanKind.CLIENT,
        startTime: event.request_start_time,
        attributes: {
          "http.request.method": event.method ?? "",
          "url.path": path,
          "http.response.status_code": event.status ?? 0,
          "stripe.request_id": event.request_id ?? "",
        },
      },
      context.active(),
    );
    if ((event.status ?? 0) >= 400) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end(event.request_end_time);
  });
}

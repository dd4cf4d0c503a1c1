-- Two read-only ways into "Subscription" that are not "the organization of a membership",
-- both for billing work that starts from Stripe rather than from a signed-in member.
--
--   app.stripe_customer_id   a Stripe customer id taken from a signature-verified webhook
--                            event: finds which organization the event is about
--   app.billing_sweep        'on' only in the reconciliation job: lists subscriptions to
--                            re-read from Stripe
--
-- Both are SELECT only, on this one table: every change still happens inside the
-- organization's own scope (app.org_id) once it is known.
CREATE POLICY subscription_by_stripe_customer ON "Subscription" FOR SELECT
  USING ("stripeCustomerId" = current_setting('app.stripe_customer_id', true));

CREATE POLICY subscription_billing_sweep ON "Subscription" FOR SELECT
  USING (current_setting('app.billing_sweep', true) = 'on');

-- A signed-in request to an organization's pages opens its transaction with one round trip:
-- the role switch, the user's scope and the timeouts, the caller's memberships read under
-- row-level security, entering the organization, and its billing snapshot. As separate
-- statements that was three round trips, and as one SELECT it could not be trusted, because the
-- order in which a single statement evaluates set_config and the policies that read the
-- settings is not defined. Statements inside a function run one after another, each seeing
-- what the ones before it set. SECURITY INVOKER (the default): it can do nothing the caller
-- could not, and from the role switch on it runs as keel_app.
--
-- Bodies are E'' strings with \073 for their semicolons, as in the earlier migrations.

-- The plan inputs of one organization, as JSON (lib/billing/plans/entitlements.ts parses it).
-- Timestamps are converted to timestamptz so the JSON carries their UTC offset.
CREATE FUNCTION keel_billing_snapshot(organization_id text) RETURNS json
LANGUAGE sql STABLE AS E'
  SELECT json_build_object(
    ''compPlan'', o."compPlan",
    ''compEndsAt'', o."compEndsAt" AT TIME ZONE ''UTC'',
    ''seatLimit'', o."seatLimit",
    ''projectLimit'', o."projectLimit",
    ''plan'', s."plan",
    ''status'', s."status"::text,
    ''pastDueSince'', s."pastDueSince" AT TIME ZONE ''UTC'',
    ''trialEndsAt'', s."trialEndsAt" AT TIME ZONE ''UTC'',
    ''flags'', COALESCE((
      SELECT json_agg(json_build_object(
        ''flag'', f."flag", ''enabled'', f."enabled",
        ''expiresAt'', f."expiresAt" AT TIME ZONE ''UTC''))
      FROM "FeatureFlagOverride" f WHERE f."organizationId" = o."id"
    ), ''[]''::json))
  FROM "Organization" o
  LEFT JOIN "Subscription" s ON s."organizationId" = o."id"
  WHERE o."id" = organization_id
';

-- `settings` is name/value pairs for set_config (lib/db/tenant.ts builds them). The
-- organization is entered through the caller's membership row only, never a suspended one.
CREATE FUNCTION keel_enter_member(settings text[], member_id text, target_slug text)
RETURNS TABLE ("memberships" json, "billing" json)
LANGUAGE plpgsql VOLATILE AS E'
DECLARE
  i integer\073
  found_memberships json\073
  entered text\073
BEGIN
  FOR i IN 1 .. coalesce(array_length(settings, 1), 0) BY 2 LOOP
    PERFORM set_config(settings[i], settings[i + 1], true)\073
  END LOOP\073
  SELECT coalesce(json_agg(json_build_object(
      ''role'', m."role"::text,
      ''id'', o."id",
      ''slug'', o."slug",
      ''name'', o."name",
      ''suspended'', o."suspendedAt" IS NOT NULL,
      ''tenantDatabaseId'', o."tenantDatabaseId",
      ''movingSince'', w."since" AT TIME ZONE ''UTC'',
      ''entered'', CASE WHEN o."slug" = target_slug AND o."suspendedAt" IS NULL
        THEN set_config(''app.org_id'', o."id", true) END
    ) ORDER BY o."name" ASC), ''[]''::json)
  INTO found_memberships
  FROM "Membership" m
  JOIN "Organization" o ON o."id" = m."organizationId"
  LEFT JOIN "TenantWriteFreeze" w ON w."organizationId" = o."id"
  WHERE m."userId" = member_id\073
  entered := nullif(current_setting(''app.org_id'', true), '''')\073
  RETURN QUERY SELECT found_memberships,
    CASE WHEN entered IS NULL THEN NULL ELSE keel_billing_snapshot(entered) END\073
END';

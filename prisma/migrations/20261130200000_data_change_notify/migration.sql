-- Tells listeners (the API's page-cache epoch, apps/api/src/data-changes.ts) that data a page may show has
-- changed. NOTIFY is delivered when the writing transaction commits, never before its rows are visible, and
-- repeats within one transaction are folded into one. Statement-level: one call per statement, not per row.
CREATE FUNCTION "notify_data_changed"() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('fracval_data_changed', TG_TABLE_NAME);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

-- Every table but those no page shows and that are written far more often than data changes: the audit
-- trail (written by reads), worker heartbeats, rate-limit counters and ingestion's staging rows.
-- test/db/data-change-notify.test.ts fails when a table has neither the trigger nor a place on that list.
CREATE TRIGGER "Site_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Site"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_data_changed"();
CREATE TRIGGER "User_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "User"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_data_changed"();
CREATE TRIGGER "SiteAccess_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "SiteAccess"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_data_changed"();
CREATE TRIGGER "ApiKey_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ApiKey"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_data_changed"();
CREATE TRIGGER "Study_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Study"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_data_changed"();
CREATE TRIGGER "ModelVersion_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ModelVersion"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_data_changed"();
CREATE TRIGGER "ValidationDataset_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ValidationDataset"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_data_changed"();
CREATE TRIGGER "Patient_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Patient"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_data_changed"();
CREATE TRIGGER "ClinicalBaseline_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ClinicalBaseline"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_data_changed"();
CREATE TRIGGER "Outcome_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Outcome"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_data_changed"();
CREATE TRIGGER "ProvidedScore_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ProvidedScore"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_data_changed"();
CREATE TRIGGER "ImageSeries_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ImageSeries"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_data_changed"();
CREATE TRIGGER "ValidationRun_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ValidationRun"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_data_changed"();
CREATE TRIGGER "Prediction_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Prediction"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_data_changed"();
CREATE TRIGGER "MetricResult_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "MetricResult"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_data_changed"();

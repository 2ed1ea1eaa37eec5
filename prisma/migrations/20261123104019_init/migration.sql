-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "UserRole" AS ENUM ('ADMIN', 'PI', 'INVESTIGATOR', 'PARTNER');

-- CreateEnum
CREATE TYPE "ApiScope" AS ENUM ('DATASETS_READ', 'DATASETS_WRITE', 'PATIENTS_READ', 'RUNS_READ', 'RUNS_WRITE', 'METRICS_READ', 'PREDICTIONS_READ');

-- CreateEnum
CREATE TYPE "PredictionTarget" AS ENUM ('TIME_TO_EVENT', 'BINARY_AT_HORIZON');

-- CreateEnum
CREATE TYPE "Modality" AS ENUM ('XRAY_LATERAL_SPINE', 'CT_ABDOMEN', 'CLINICAL_ONLY');

-- CreateEnum
CREATE TYPE "ModelKind" AS ENUM ('IMAGE_MODEL', 'CLINICAL_BASELINE');

-- CreateEnum
CREATE TYPE "ModelTask" AS ENUM ('LOG_HAZARD', 'PROBABILITY_AT_HORIZON', 'SCORE');

-- CreateEnum
CREATE TYPE "ModelStatus" AS ENUM ('DRAFT', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "DatasetStatus" AS ENUM ('UPLOADING', 'VALIDATING', 'READY', 'REJECTED');

-- CreateEnum
CREATE TYPE "Sex" AS ENUM ('FEMALE', 'MALE');

-- CreateEnum
CREATE TYPE "ImageModality" AS ENUM ('XRAY', 'CT');

-- CreateEnum
CREATE TYPE "RunStatus" AS ENUM ('QUEUED', 'RUNNING', 'COMPUTING_METRICS', 'SUCCEEDED', 'FAILED', 'CANCELLED');

-- CreateTable
CREATE TABLE "Site" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "country" TEXT NOT NULL DEFAULT 'KR',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Site_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "UserRole" NOT NULL,
    "passwordHash" TEXT,
    "disabledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SiteAccess" (
    "userId" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "patientData" BOOLEAN NOT NULL DEFAULT false,
    "grantedById" TEXT,
    "reason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SiteAccess_pkey" PRIMARY KEY ("userId","siteId")
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "principalId" TEXT NOT NULL,
    "createdById" TEXT,
    "scopes" "ApiScope"[],
    "expiresAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "lastUsedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Study" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "target" "PredictionTarget" NOT NULL,
    "horizonDays" INTEGER,
    "modality" "Modality" NOT NULL,
    "riskGroupRule" JSONB,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Study_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ModelVersion" (
    "id" TEXT NOT NULL,
    "family" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "studyId" TEXT NOT NULL,
    "kind" "ModelKind" NOT NULL,
    "modality" "Modality" NOT NULL,
    "task" "ModelTask" NOT NULL,
    "outputSemantics" TEXT NOT NULL,
    "horizonDays" INTEGER,
    "artifactSha256" TEXT NOT NULL,
    "artifactStorageKey" TEXT NOT NULL,
    "manifest" JSONB NOT NULL,
    "status" "ModelStatus" NOT NULL DEFAULT 'DRAFT',
    "publishedAt" TIMESTAMP(3),
    "registeredById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ModelVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ValidationDataset" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "studyId" TEXT NOT NULL,
    "uploadedById" TEXT,
    "status" "DatasetStatus" NOT NULL DEFAULT 'UPLOADING',
    "patientCount" INTEGER NOT NULL DEFAULT 0,
    "eventCount" INTEGER NOT NULL DEFAULT 0,
    "imageCount" INTEGER NOT NULL DEFAULT 0,
    "sha256" TEXT,
    "providedScoreNames" TEXT[],
    "validationReport" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "readyAt" TIMESTAMP(3),

    CONSTRAINT "ValidationDataset_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Patient" (
    "id" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "datasetId" TEXT NOT NULL,
    "pseudonym" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Patient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClinicalBaseline" (
    "patientId" TEXT NOT NULL,
    "ageYears" DOUBLE PRECISION NOT NULL,
    "sex" "Sex" NOT NULL,
    "heightCm" DOUBLE PRECISION,
    "weightKg" DOUBLE PRECISION,
    "bmi" DOUBLE PRECISION,
    "glucocorticoids" BOOLEAN,
    "secondaryOsteoporosis" BOOLEAN,
    "rheumatoidArthritis" BOOLEAN,
    "currentSmoking" BOOLEAN,
    "alcohol3PlusUnitsPerDay" BOOLEAN,
    "priorFragilityFracture" BOOLEAN,
    "parentalHipFracture" BOOLEAN,
    "type2Diabetes" BOOLEAN,
    "femoralNeckBmd" DOUBLE PRECISION,
    "femoralNeckTScore" DOUBLE PRECISION,
    "fraxMof10y" DOUBLE PRECISION,
    "fraxHip10y" DOUBLE PRECISION,
    "prevalentVertebralFracture" BOOLEAN,

    CONSTRAINT "ClinicalBaseline_pkey" PRIMARY KEY ("patientId")
);

-- CreateTable
CREATE TABLE "Outcome" (
    "patientId" TEXT NOT NULL,
    "followUpDays" INTEGER NOT NULL,
    "incidentVertebralFracture" BOOLEAN NOT NULL,
    "eventDays" INTEGER,

    CONSTRAINT "Outcome_pkey" PRIMARY KEY ("patientId")
);

-- CreateTable
CREATE TABLE "ProvidedScore" (
    "patientId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "ProvidedScore_pkey" PRIMARY KEY ("patientId","name")
);

-- CreateTable
CREATE TABLE "ImageSeries" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "modality" "ImageModality" NOT NULL,
    "manufacturer" TEXT,
    "bodyPart" TEXT,
    "storageKey" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "rows" INTEGER NOT NULL,
    "columns" INTEGER NOT NULL,
    "slices" INTEGER NOT NULL DEFAULT 1,
    "pixelSpacingRowMm" DOUBLE PRECISION,
    "pixelSpacingColMm" DOUBLE PRECISION,
    "sliceThicknessMm" DOUBLE PRECISION,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ImageSeries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ValidationRun" (
    "id" TEXT NOT NULL,
    "modelVersionId" TEXT NOT NULL,
    "datasetId" TEXT NOT NULL,
    "createdById" TEXT,
    "status" "RunStatus" NOT NULL DEFAULT 'QUEUED',
    "progressDone" INTEGER NOT NULL DEFAULT 0,
    "progressTotal" INTEGER NOT NULL DEFAULT 0,
    "progressFailed" INTEGER NOT NULL DEFAULT 0,
    "codeVersion" TEXT NOT NULL,
    "seed" INTEGER NOT NULL DEFAULT 20261123,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ValidationRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Prediction" (
    "id" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "score" DOUBLE PRECISION,
    "rawOutputs" JSONB,
    "failureReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Prediction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MetricResult" (
    "id" TEXT NOT NULL,
    "datasetId" TEXT NOT NULL,
    "runId" TEXT,
    "scoreSource" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "horizonDays" INTEGER,
    "subgroup" TEXT NOT NULL DEFAULT 'all',
    "estimate" DOUBLE PRECISION NOT NULL,
    "se" DOUBLE PRECISION,
    "ciLower" DOUBLE PRECISION,
    "ciUpper" DOUBLE PRECISION,
    "n" INTEGER NOT NULL,
    "events" INTEGER NOT NULL,
    "details" JSONB,
    "provenance" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MetricResult_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "actorUserId" TEXT,
    "apiKeyId" TEXT,
    "action" TEXT NOT NULL,
    "siteId" TEXT,
    "patientIds" TEXT[],
    "resource" TEXT,
    "details" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkerHeartbeat" (
    "id" TEXT NOT NULL,
    "hostname" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "executionProvider" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WorkerHeartbeat_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Site_code_key" ON "Site"("code");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "SiteAccess_siteId_idx" ON "SiteAccess"("siteId");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_prefix_key" ON "ApiKey"("prefix");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_hash_key" ON "ApiKey"("hash");

-- CreateIndex
CREATE INDEX "ApiKey_siteId_idx" ON "ApiKey"("siteId");

-- CreateIndex
CREATE UNIQUE INDEX "Study_slug_key" ON "Study"("slug");

-- CreateIndex
CREATE INDEX "ModelVersion_studyId_idx" ON "ModelVersion"("studyId");

-- CreateIndex
CREATE UNIQUE INDEX "ModelVersion_family_version_key" ON "ModelVersion"("family", "version");

-- CreateIndex
CREATE INDEX "ValidationDataset_siteId_idx" ON "ValidationDataset"("siteId");

-- CreateIndex
CREATE INDEX "ValidationDataset_studyId_idx" ON "ValidationDataset"("studyId");

-- CreateIndex
CREATE INDEX "Patient_siteId_pseudonym_idx" ON "Patient"("siteId", "pseudonym");

-- CreateIndex
CREATE UNIQUE INDEX "Patient_datasetId_pseudonym_key" ON "Patient"("datasetId", "pseudonym");

-- CreateIndex
CREATE INDEX "ImageSeries_patientId_idx" ON "ImageSeries"("patientId");

-- CreateIndex
CREATE INDEX "ValidationRun_datasetId_idx" ON "ValidationRun"("datasetId");

-- CreateIndex
CREATE INDEX "ValidationRun_modelVersionId_idx" ON "ValidationRun"("modelVersionId");

-- CreateIndex
CREATE UNIQUE INDEX "Prediction_runId_patientId_key" ON "Prediction"("runId", "patientId");

-- CreateIndex
CREATE INDEX "MetricResult_datasetId_idx" ON "MetricResult"("datasetId");

-- CreateIndex
CREATE INDEX "MetricResult_runId_idx" ON "MetricResult"("runId");

-- CreateIndex
CREATE INDEX "AuditEvent_siteId_createdAt_idx" ON "AuditEvent"("siteId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_actorUserId_createdAt_idx" ON "AuditEvent"("actorUserId", "createdAt");

-- AddForeignKey
ALTER TABLE "SiteAccess" ADD CONSTRAINT "SiteAccess_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SiteAccess" ADD CONSTRAINT "SiteAccess_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SiteAccess" ADD CONSTRAINT "SiteAccess_grantedById_fkey" FOREIGN KEY ("grantedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_principalId_fkey" FOREIGN KEY ("principalId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Study" ADD CONSTRAINT "Study_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModelVersion" ADD CONSTRAINT "ModelVersion_studyId_fkey" FOREIGN KEY ("studyId") REFERENCES "Study"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModelVersion" ADD CONSTRAINT "ModelVersion_registeredById_fkey" FOREIGN KEY ("registeredById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ValidationDataset" ADD CONSTRAINT "ValidationDataset_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ValidationDataset" ADD CONSTRAINT "ValidationDataset_studyId_fkey" FOREIGN KEY ("studyId") REFERENCES "Study"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ValidationDataset" ADD CONSTRAINT "ValidationDataset_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Patient" ADD CONSTRAINT "Patient_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Patient" ADD CONSTRAINT "Patient_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "ValidationDataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClinicalBaseline" ADD CONSTRAINT "ClinicalBaseline_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Outcome" ADD CONSTRAINT "Outcome_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProvidedScore" ADD CONSTRAINT "ProvidedScore_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImageSeries" ADD CONSTRAINT "ImageSeries_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ValidationRun" ADD CONSTRAINT "ValidationRun_modelVersionId_fkey" FOREIGN KEY ("modelVersionId") REFERENCES "ModelVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ValidationRun" ADD CONSTRAINT "ValidationRun_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "ValidationDataset"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ValidationRun" ADD CONSTRAINT "ValidationRun_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Prediction" ADD CONSTRAINT "Prediction_runId_fkey" FOREIGN KEY ("runId") REFERENCES "ValidationRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Prediction" ADD CONSTRAINT "Prediction_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MetricResult" ADD CONSTRAINT "MetricResult_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "ValidationDataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MetricResult" ADD CONSTRAINT "MetricResult_runId_fkey" FOREIGN KEY ("runId") REFERENCES "ValidationRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorUserId_fkey" FOREIGN KEY ("actorUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_apiKeyId_fkey" FOREIGN KEY ("apiKeyId") REFERENCES "ApiKey"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- ─── Hand-written: invariants the database itself enforces (not expressible in schema.prisma) ───

-- A published model version is immutable: its artifact, manifest and semantics never change,
-- so every stored prediction and metric can be traced to exactly one ONNX file.
CREATE FUNCTION "model_version_immutable"() RETURNS trigger AS $$
BEGIN
  IF OLD."status" <> 'PUBLISHED' THEN
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  END IF;
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'model version %@% is published and cannot be deleted', OLD."family", OLD."version"
      USING ERRCODE = 'check_violation';
  END IF;
  IF NEW."artifactSha256" IS DISTINCT FROM OLD."artifactSha256"
    OR NEW."artifactStorageKey" IS DISTINCT FROM OLD."artifactStorageKey"
    OR NEW."manifest" IS DISTINCT FROM OLD."manifest"
    OR NEW."task" IS DISTINCT FROM OLD."task"
    OR NEW."outputSemantics" IS DISTINCT FROM OLD."outputSemantics"
    OR NEW."family" IS DISTINCT FROM OLD."family"
    OR NEW."version" IS DISTINCT FROM OLD."version"
    OR NEW."status" IS DISTINCT FROM OLD."status" THEN
    RAISE EXCEPTION 'model version %@% is published and immutable', OLD."family", OLD."version"
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "ModelVersion_immutable" BEFORE UPDATE OR DELETE ON "ModelVersion"
  FOR EACH ROW EXECUTE FUNCTION "model_version_immutable"();

-- The audit trail is append-only.
CREATE FUNCTION "audit_event_append_only"() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'AuditEvent is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "AuditEvent_append_only" BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "audit_event_append_only"();

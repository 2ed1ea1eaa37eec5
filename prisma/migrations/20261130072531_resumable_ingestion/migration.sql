-- AlterTable
ALTER TABLE "ValidationDataset" ADD COLUMN     "ingestCursor" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "StagedPatient" (
    "datasetId" TEXT NOT NULL,
    "manifestRow" INTEGER NOT NULL,
    "pseudonym" TEXT NOT NULL,
    "record" JSONB NOT NULL,
    "storageKeys" TEXT[],

    CONSTRAINT "StagedPatient_pkey" PRIMARY KEY ("datasetId","manifestRow")
);

-- CreateTable
CREATE TABLE "StagedProblem" (
    "datasetId" TEXT NOT NULL,
    "manifestRow" INTEGER NOT NULL,
    "column" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "reason" TEXT NOT NULL,

    CONSTRAINT "StagedProblem_pkey" PRIMARY KEY ("datasetId","manifestRow")
);

-- AddForeignKey
ALTER TABLE "StagedPatient" ADD CONSTRAINT "StagedPatient_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "ValidationDataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StagedProblem" ADD CONSTRAINT "StagedProblem_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "ValidationDataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

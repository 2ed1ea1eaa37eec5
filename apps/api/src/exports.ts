// Downloads: a run's predictions as CSV (patient-level: own-site access only, audited) and a run's or
// a study's metrics as CSV or JSON (aggregate, with small-cell protection). Same credentials as GraphQL.
import express, { type Request, type Response, type Router } from "express";
import { stringify } from "csv-stringify/sync";
import { APP_ERROR_CODES, AppError, listMetricResults, listPredictions, studyComparison, unauthenticated } from "@fracval/core";
import type { Db, MetricResult } from "@fracval/db";
import { authenticate } from "./context.js";

const METRIC_COLUMNS = ["runId", "datasetId", "scoreSource", "metric", "horizonDays", "subgroup", "estimate", "se", "ciLower", "ciUpper", "n", "events", "details", "provenance"] as const;

function metricsCsv(rows: readonly MetricResult[]): string {
  return stringify(rows.map((r) => METRIC_COLUMNS.map((c) => (c === "details" || c === "provenance" ? JSON.stringify(r[c] ?? null) : (r[c] ?? "")))), { header: true, columns: [...METRIC_COLUMNS] });
}

export function createExportRouter(options: { db: Db; authSecret: string }): Router {
  const router = express.Router();
  const handle = (fn: (req: Request, res: Response, viewer: NonNullable<Awaited<ReturnType<typeof authenticate>>>) => Promise<void>) => async (req: Request, res: Response) => {
    try {
      const viewer = await authenticate(options.db, req.headers, options.authSecret);
      if (!viewer) throw unauthenticated();
      await fn(req, res, viewer);
    } catch (error) {
      if (error instanceof AppError) res.status(APP_ERROR_CODES[error.code].http).json({ error: error.userMessage, code: APP_ERROR_CODES[error.code].graphql });
      else {
        console.error("[api] export failed:", error);
        res.status(500).json({ error: "Internal server error", code: "INTERNAL_SERVER_ERROR" });
      }
    }
  };
  router.get("/runs/:id/predictions.csv", handle(async (req, res, viewer) => {
    if (viewer.kind === "apiKey" && !viewer.scopes.has("PREDICTIONS_READ")) throw new AppError("FORBIDDEN", "This API key lacks the scope PREDICTIONS_READ.");
    const predictions = await listPredictions(options.db, viewer, String(req.params.id)); // checks site access and audits
    const patients = await options.db.patient.findMany({ where: { id: { in: predictions.map((p) => p.patientId) } }, select: { id: true, pseudonym: true } });
    const pseudonym = new Map(patients.map((p) => [p.id, p.pseudonym]));
    res.type("text/csv").attachment(`run-${req.params.id}-predictions.csv`).send(stringify(predictions.map((p) => [pseudonym.get(p.patientId), p.score ?? "", p.failureReason ?? ""]), { header: true, columns: ["pseudonym", "score", "failure_reason"] }));
  }));
  router.get("/runs/:id/metrics.:format", handle(async (req, res, viewer) => {
    if (viewer.kind === "apiKey" && !viewer.scopes.has("METRICS_READ")) throw new AppError("FORBIDDEN", "This API key lacks the scope METRICS_READ.");
    const rows = await listMetricResults(options.db, viewer, { runId: String(req.params.id) });
    if (req.params.format === "json") res.json(rows);
    else if (req.params.format === "csv") res.type("text/csv").attachment(`run-${req.params.id}-metrics.csv`).send(metricsCsv(rows));
    else throw new AppError("NOT_FOUND", "Use metrics.csv or metrics.json.");
  }));
  router.get("/studies/:id/metrics.:format", handle(async (req, res, viewer) => {
    if (viewer.kind === "apiKey" && !viewer.scopes.has("METRICS_READ")) throw new AppError("FORBIDDEN", "This API key lacks the scope METRICS_READ.");
    const rows = await studyComparison(options.db, viewer, String(req.params.id));
    if (req.params.format === "json") res.json(rows.map((r) => ({ site: r.site.code, dataset: r.dataset.id, model: `${r.modelVersion.family}@${r.modelVersion.version}`, run: r.run.id, smallCell: r.smallCell, hidden: r.hidden, metrics: r.metrics })));
    else if (req.params.format === "csv") res.type("text/csv").attachment(`study-${req.params.id}-metrics.csv`).send(metricsCsv(rows.flatMap((r) => r.metrics)));
    else throw new AppError("NOT_FOUND", "Use metrics.csv or metrics.json.");
  }));
  return router;
}

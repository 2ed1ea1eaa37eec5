// Downloads: a run's predictions as CSV (patient-level: own-site access only, audited as an export) and a
// run's or a study's metrics as CSV or JSON (aggregate, with small-cell protection, audited as exports).
// Same credentials as GraphQL. Every CSV cell a spreadsheet would run as a formula is defused.
import express, { type Request, type Response, type Router } from "express";
import { stringify } from "csv-stringify/sync";
import { strToU8, zipSync } from "fflate";
import {
  AppError,
  assertRunResultsVisible,
  auditFilterOf,
  auditWhere,
  badInput,
  listMetricResults,
  listPredictions,
  recordAudit,
  runReproducibilityBundle,
  studyComparison,
  unauthenticated,
  type ShownMetric,
} from "@fracval/core";
import type { Db } from "@fracval/db";
import { authenticate } from "./context.js";
import { ID_PATTERN, toHttpError } from "./http-errors.js";

const METRIC_COLUMNS = [
  "runId",
  "datasetId",
  "scoreSource",
  "metric",
  "horizonDays",
  "subgroup",
  "estimate",
  "se",
  "ciLower",
  "ciUpper",
  "n",
  "events",
  "details",
  "provenance",
] as const;

/** A number-looking cell ("-0.53") is data; any other cell starting like a formula gets a leading quote. */
const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER = /^[-+]?\d+(\.\d+)?([eE][-+]?\d+)?$/;

/** A CSV cell a spreadsheet shows as text: "=HYPERLINK(…)" becomes "'=HYPERLINK(…)" (OWASP CSV injection). */
export function csvCell(value: string | number | null | undefined): string | number {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return value;
  return FORMULA_START.test(value) && !NUMBER.test(value) ? `'${value}` : value;
}

export function toCsv(columns: readonly string[], rows: readonly (string | number | null | undefined)[][]): string {
  return stringify(
    rows.map((r) => r.map(csvCell)),
    { header: true, columns: [...columns] },
  );
}

function metricCells(r: ShownMetric): (string | number | null)[] {
  return METRIC_COLUMNS.map(
    (c) =>
      (c === "details" || c === "provenance" ? JSON.stringify(r[c] ?? null) : (r[c] ?? null)) as string | number | null,
  );
}

function metricsCsv(rows: readonly ShownMetric[]): string {
  return toCsv(METRIC_COLUMNS, rows.map(metricCells));
}

/** A study's metrics: each row names its site, model version and release state (a table read on its own). */
function studyMetricsCsv(rows: Awaited<ReturnType<typeof studyComparison>>): string {
  return toCsv(
    ["site", "model", "releaseState", ...METRIC_COLUMNS],
    rows.flatMap((r) =>
      r.metrics.map((m) => [
        r.site.code,
        `${r.modelVersion.family}@${r.modelVersion.version}`,
        r.run.releaseState,
        ...metricCells(m),
      ]),
    ),
  );
}

function exportFormat(req: Request): "csv" | "json" {
  const format = String(req.params.format);
  if (format !== "csv" && format !== "json") throw new AppError("NOT_FOUND", "Use metrics.csv or metrics.json.");
  return format;
}

export function createExportRouter(options: { db: Db; authSecret: string }): Router {
  const router = express.Router();
  const handle =
    (
      fn: (req: Request, res: Response, viewer: NonNullable<Awaited<ReturnType<typeof authenticate>>>) => Promise<void>,
    ) =>
    async (req: Request, res: Response) => {
      try {
        const viewer = await authenticate(options.db, req.headers, options.authSecret);
        if (!viewer) throw unauthenticated();
        if (!ID_PATTERN.test(String(req.params.id))) throw new AppError("NOT_FOUND", "No such run or study.");
        await fn(req, res, viewer);
      } catch (error) {
        const mapped = toHttpError(error, "export");
        res.status(mapped.status).json(mapped.body);
      }
    };
  router.get(
    "/runs/:id/predictions.csv",
    handle(async (req, res, viewer) => {
      if (viewer.kind === "apiKey" && !viewer.scopes.has("PREDICTIONS_READ"))
        throw new AppError("FORBIDDEN", "This API key lacks the scope PREDICTIONS_READ.");
      const predictions = await listPredictions(options.db, viewer, String(req.params.id), { export: true }); // checks site access and audits
      const patients = await options.db.patient.findMany({
        where: { id: { in: predictions.map((p) => p.patientId) } },
        select: { id: true, pseudonym: true, manifestRow: true },
      });
      const patientOf = new Map(patients.map((p) => [p.id, p]));
      // manifest_row joins each prediction back to the site's own manifest.csv (and so to its records),
      // though FracVal never stored the hospital ID; rows in manifest order.
      const rows = predictions
        .map((p) => ({ prediction: p, patient: patientOf.get(p.patientId)! }))
        .sort(
          (a, b) =>
            (a.patient.manifestRow ?? Infinity) - (b.patient.manifestRow ?? Infinity) ||
            a.patient.pseudonym.localeCompare(b.patient.pseudonym),
        );
      const csv = toCsv(
        ["manifest_row", "pseudonym", "score", "failure_reason"],
        rows.map(({ prediction, patient }) => [
          patient.manifestRow,
          patient.pseudonym,
          prediction.score,
          prediction.failureReason,
        ]),
      );
      res.type("text/csv").attachment(`run-${req.params.id}-predictions.csv`).send(csv);
    }),
  );
  router.get(
    "/runs/:id/metrics.:format",
    handle(async (req, res, viewer) => {
      if (viewer.kind === "apiKey" && !viewer.scopes.has("METRICS_READ"))
        throw new AppError("FORBIDDEN", "This API key lacks the scope METRICS_READ.");
      const format = exportFormat(req);
      await assertRunResultsVisible(options.db, viewer, String(req.params.id)); // the site release gate
      const rows = await listMetricResults(options.db, viewer, { runId: String(req.params.id) });
      await recordAudit(options.db, viewer, {
        action: "metrics.export",
        resource: String(req.params.id),
        details: { format, rows: rows.length },
      });
      if (format === "json") res.json(rows);
      else res.type("text/csv").attachment(`run-${req.params.id}-metrics.csv`).send(metricsCsv(rows));
    }),
  );
  // The run's reproducibility bundle (zip): metrics, curves, flow, model card, provenance and recompute.R.
  router.get(
    "/runs/:id/bundle.zip",
    handle(async (req, res, viewer) => {
      if (viewer.kind === "apiKey" && !viewer.scopes.has("METRICS_READ"))
        throw new AppError("FORBIDDEN", "This API key lacks the scope METRICS_READ.");
      const files = await runReproducibilityBundle(options.db, viewer, String(req.params.id));
      await recordAudit(options.db, viewer, {
        action: "bundle.export",
        resource: String(req.params.id),
        details: { files: files.map((f) => f.name) },
      });
      const zip = zipSync(Object.fromEntries(files.map((f) => [f.name, strToU8(f.content)])), { level: 6 });
      res.type("application/zip").attachment(`run-${req.params.id}-reproducibility.zip`).send(Buffer.from(zip));
    }),
  );
  router.get(
    "/studies/:id/metrics.:format",
    handle(async (req, res, viewer) => {
      if (viewer.kind === "apiKey" && !viewer.scopes.has("METRICS_READ"))
        throw new AppError("FORBIDDEN", "This API key lacks the scope METRICS_READ.");
      const format = exportFormat(req);
      // ?datasets=<id>,<id>: the designated datasets, as on the dashboard.
      const designatedDatasets = typeof req.query.datasets === "string" ? req.query.datasets.split(",") : [];
      const rows = await studyComparison(options.db, viewer, String(req.params.id), {
        designatedDatasets: designatedDatasets.filter((id) => id !== ""),
      });
      await recordAudit(options.db, viewer, {
        action: "metrics.export",
        resource: String(req.params.id),
        details: { format, study: true, ...(designatedDatasets.length ? { designatedDatasets } : {}) },
      });
      if (format === "json")
        res.json(
          rows.map((r) => ({
            site: r.site.code,
            dataset: r.dataset.id,
            model: `${r.modelVersion.family}@${r.modelVersion.version}`,
            run: r.run.id,
            releaseState: r.run.releaseState,
            smallCell: r.smallCell,
            hidden: r.hidden,
            metrics: r.metrics,
          })),
        );
      else res.type("text/csv").attachment(`study-${req.params.id}-metrics.csv`).send(studyMetricsCsv(rows));
    }),
  );
  // The audit trail as CSV for the DPO (ADMIN only), with the same filters as Query.auditEvents; names, not
  // only ids; the export itself is audited.
  router.get("/audit.csv", async (req: Request, res: Response) => {
    try {
      const viewer = await authenticate(options.db, req.headers, options.authSecret);
      if (!viewer) throw unauthenticated();
      if (viewer.kind !== "user" || viewer.role !== "ADMIN")
        throw new AppError("FORBIDDEN", "Only an ADMIN may export the audit trail.");
      const q = (name: string) =>
        typeof req.query[name] === "string" && req.query[name] ? String(req.query[name]) : null;
      const date = (name: string) => {
        const value = q(name);
        if (value === null) return null;
        const parsed = new Date(value);
        if (Number.isNaN(parsed.getTime())) throw badInput(name, `${name}: not a date (${value})`, value);
        return parsed;
      };
      const filter = auditWhere(
        auditFilterOf({
          siteId: q("siteId"),
          userId: q("userId"),
          action: q("action"),
          patientScope: q("patientScope") === "true",
          patientId: q("patientId"),
          from: date("from"),
          to: date("to"),
        }),
      );
      const events = await options.db.auditEvent.findMany({
        where: filter,
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: 100_000,
        include: {
          actor: { select: { name: true, email: true } },
          site: { select: { code: true } },
          apiKey: { select: { prefix: true } },
        },
      });
      await recordAudit(options.db, viewer, {
        action: "audit.export",
        details: { rows: events.length, filter: req.query as object },
      });
      const csv = toCsv(
        ["time", "action", "actor", "actorEmail", "apiKey", "site", "resource", "patients", "details"],
        events.map((e) => [
          e.createdAt.toISOString(),
          e.action,
          e.actor?.name ?? null,
          e.actor?.email ?? null,
          e.apiKey?.prefix ?? null,
          e.site?.code ?? null,
          e.resource,
          e.patientIds.length,
          e.details === null ? null : JSON.stringify(e.details),
        ]),
      );
      res.type("text/csv").attachment("audit-trail.csv").send(csv);
    } catch (error) {
      const mapped = toHttpError(error, "export");
      res.status(mapped.status).json(mapped.body);
    }
  });
  return router;
}

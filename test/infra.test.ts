// The Kubernetes manifests hold together: every document parses, the commands and probes point at
// files and routes that exist, workers request a GPU and stay within their CPU request, and the
// autoscaler counts the queue the API actually fills.
import { describe, expect, it } from "vitest";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";
import { QUEUES } from "@fracval/core";

const root = fileURLToPath(new URL("../", import.meta.url));
const dir = join(root, "infra/k8s");
// biome-ignore lint/suspicious/noExplicitAny: Kubernetes documents are read as untyped YAML
type Doc = { kind: string; metadata: { name: string }; spec: Record<string, any> };
const docs: Doc[] = readdirSync(dir)
  .filter((f) => f.endsWith(".yaml"))
  .flatMap((f) =>
    parseAllDocuments(readFileSync(join(dir, f), "utf8")).map((d) => {
      expect(d.errors, f).toEqual([]);
      return d.toJS() as Doc;
    }),
  );
const deployment = (name: string) => docs.find((d) => d.kind === "Deployment" && d.metadata.name === name)!;
const container = (name: string) => deployment(name).spec.template.spec.containers[0];

describe("infra/k8s", () => {
  it("deploys the API, workers and portal, each running a file that exists", () => {
    for (const name of ["fracval-api", "fracval-worker", "fracval-portal"])
      expect(deployment(name), name).toBeDefined();
    expect(existsSync(join(root, "apps/api", container("fracval-api").command.at(-1)))).toBe(true);
    expect(existsSync(join(root, "apps/worker", container("fracval-worker").command.at(-1)))).toBe(true);
    const app = readFileSync(join(root, "apps/api/src/app.ts"), "utf8");
    expect(app).toContain(`app.get("${container("fracval-api").readinessProbe.httpGet.path}"`);
    expect(app).toContain(`app.get("${container("fracval-api").livenessProbe.httpGet.path}"`);
  });

  it("probes every process for liveness and readiness; the worker's probe reads the file its heartbeat touches", () => {
    for (const name of ["fracval-api", "fracval-worker", "fracval-portal"]) {
      expect(container(name).livenessProbe, name).toBeDefined();
      expect(container(name).readinessProbe, name).toBeDefined();
    }
    const heartbeat = readFileSync(join(root, "apps/worker/src/heartbeat.ts"), "utf8");
    expect(heartbeat).toContain('join(tmpdir(), "fracval-worker-heartbeat")');
    expect(container("fracval-worker").livenessProbe.exec.command.join(" ")).toContain("/tmp/fracval-worker-heartbeat");
    // The worker writes de-identified images and deletes finished uploads: its volume is not read-only.
    expect(container("fracval-worker").volumeMounts.every((m: { readOnly?: boolean }) => !m.readOnly)).toBe(true);
  });

  it("holds no secret value: the Secret is only referenced, and images leave local data out", () => {
    expect(docs.filter((d) => d.kind === "Secret")).toEqual([]);
    for (const name of ["fracval-api", "fracval-worker", "fracval-portal"]) {
      const refs = JSON.stringify(deployment(name).spec.template.spec);
      expect(refs, name).toContain('"secretRef":{"name":"fracval-secrets"}');
    }
    const ignore = readFileSync(join(root, ".dockerignore"), "utf8").split("\n");
    for (const path of [".data", "node_modules", ".git"]) expect(ignore).toContain(path);
  });

  it("gives each worker a GPU, CUDA first, and no more onnxruntime threads than its CPU request", () => {
    const worker = container("fracval-worker");
    expect(worker.resources.requests["nvidia.com/gpu"]).toBe(1);
    expect(worker.resources.limits["nvidia.com/gpu"]).toBe(1);
    const env = Object.fromEntries(worker.env.map((e: { name: string; value: string }) => [e.name, e.value]));
    expect(env.EXECUTION_PROVIDERS).toBe("cuda,cpu");
    expect(Number(env.WORKERS) * Number(env.INTRA_OP_NUM_THREADS)).toBeLessThanOrEqual(
      Number(worker.resources.requests.cpu),
    );
    expect(deployment("fracval-worker").spec.template.spec.terminationGracePeriodSeconds).toBeGreaterThanOrEqual(60);
  });

  it("scales the workers on the depth of the queue that runs fill", () => {
    const scaler = docs.find((d) => d.kind === "ScaledObject")!;
    expect(scaler.spec.scaleTargetRef.name).toBe("fracval-worker");
    const trigger = scaler.spec.triggers[0];
    expect(trigger.type).toBe("postgresql");
    expect(trigger.metadata.query).toContain(`name = '${QUEUES.runScore}'`);
    expect(scaler.spec.maxReplicaCount).toBeGreaterThan(scaler.spec.minReplicaCount);
  });
});

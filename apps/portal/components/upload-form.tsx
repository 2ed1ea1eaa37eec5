"use client";
import Link from "next/link";
// The upload itself runs in the browser, with the same client as the CLI (@fracval/upload-client): each
// file's sha256 streamed in chunks, then sent resumably with tus through the portal's /api/tus proxy;
// server actions create the dataset, start validation and poll its report.
import { fileSource, uploadFiles } from "@fracval/upload-client";
import { useState } from "react";
import type { PortalUploadChoicesQuery } from "@/gql/graphql";
import { createDataset, datasetStatus, finishUpload, type DatasetStatus } from "@/app/upload/actions";

interface Picked {
  file: File;
  /** Path inside the dataset folder (the folder's own name removed). */
  path: string;
}

type Phase = "pick" | "uploading" | "validating" | "done" | "error";

/** Files of a dropped folder, recursively (FileSystemEntry API). */
async function filesOfEntry(entry: FileSystemEntry, prefix = ""): Promise<Picked[]> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    return [{ file, path: prefix + entry.name }];
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  const children: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (!batch.length) break;
    children.push(...batch);
  }
  return (await Promise.all(children.map((c) => filesOfEntry(c, `${prefix}${entry.name}/`)))).flat();
}

const withoutTopFolder = (path: string) => path.split("/").slice(1).join("/");
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

export function UploadForm({
  sites,
  studies,
}: {
  sites: PortalUploadChoicesQuery["me"]["sites"][number]["site"][];
  studies: PortalUploadChoicesQuery["studies"];
}) {
  const [siteId, setSiteId] = useState(sites[0]?.id ?? "");
  const [studyId, setStudyId] = useState(studies[0]?.id ?? "");
  const [name, setName] = useState("");
  const [scores, setScores] = useState("");
  const [files, setFiles] = useState<Picked[]>([]);
  const [sent, setSent] = useState<Record<string, number>>({});
  const [phase, setPhase] = useState<Phase>("pick");
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<DatasetStatus | null>(null);
  const total = files.reduce((s, f) => s + f.file.size, 0);
  const done = Object.values(sent).reduce((s, v) => s + v, 0);

  const pick = (picked: Picked[]) => {
    const visible = picked.filter((p) => !p.path.split("/").some((part) => part.startsWith(".")));
    setFiles(visible.sort((a, b) => a.path.localeCompare(b.path)));
    if (!name && picked[0]) setName(picked[0].file.webkitRelativePath.split("/")[0] || "upload");
  };

  async function start() {
    setError(null);
    if (!files.some((f) => f.path === "manifest.csv"))
      return setError("The folder has no manifest.csv at its top level.");
    const created = await createDataset({
      studyId,
      siteId,
      name: name || "upload",
      providedScoreNames: scores
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    });
    if (!created.ok) return setError(created.error);
    setPhase("uploading");
    try {
      await uploadFiles(
        files.map((f) => fileSource(f.file, f.path)),
        {
          endpoint: "/api/tus/",
          datasetId: created.value,
          onProgress: (path, bytes) => setSent((s) => ({ ...s, [path]: bytes })),
        },
      );
    } catch (e) {
      setPhase("error");
      return setError(`Upload failed: ${(e as Error).message}`);
    }
    const finished = await finishUpload(created.value);
    if (!finished.ok) {
      setPhase("error");
      return setError(finished.error);
    }
    setPhase("validating");
    for (;;) {
      const s = await datasetStatus(created.value);
      if (!s.ok) {
        setPhase("error");
        return setError(s.error);
      }
      setStatus(s.value);
      if (s.value.status === "READY" || s.value.status === "REJECTED") break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    setPhase("done");
  }

  return (
    <div className="space-y-4">
      <div className="grid grid-cols-2 gap-4 rounded-lg border border-slate-200 bg-white p-4 text-sm">
        <label className="flex flex-col gap-1">
          Site
          <select
            name="site"
            value={siteId}
            onChange={(e) => setSiteId(e.target.value)}
            className="rounded border border-slate-300 p-1"
            disabled={phase !== "pick"}
          >
            {sites.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          Study
          <select
            name="study"
            value={studyId}
            onChange={(e) => setStudyId(e.target.value)}
            className="rounded border border-slate-300 p-1"
            disabled={phase !== "pick"}
          >
            {studies.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          Dataset name
          <input
            name="name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            className="rounded border border-slate-300 p-1"
            disabled={phase !== "pick"}
          />
        </label>
        <label className="flex flex-col gap-1">
          Your own score columns (optional, comma-separated)
          <input
            name="scores"
            value={scores}
            onChange={(e) => setScores(e.target.value)}
            placeholder="GpVF"
            className="rounded border border-slate-300 p-1"
            disabled={phase !== "pick"}
          />
        </label>
      </div>

      {/* The drop zone is for a mouse; the keyboard reaches the folder picker inside it (a file input: Enter or
          Space opens it, the focus ring is on its label). The zone is no button itself: a control may not
          contain another. */}
      <section
        data-testid="dropzone"
        aria-label="Dataset folder"
        onDragOver={(e) => e.preventDefault()}
        onDrop={async (e) => {
          e.preventDefault();
          const entries = Array.from(e.dataTransfer.items)
            .map((i) => i.webkitGetAsEntry())
            .filter((x): x is FileSystemEntry => x !== null);
          const picked = (await Promise.all(entries.map((entry) => filesOfEntry(entry))))
            .flat()
            .map((p) => ({ ...p, path: withoutTopFolder(p.path) }));
          pick(picked);
        }}
        className="rounded-lg border-2 border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-600"
      >
        Drop the dataset folder here, or{" "}
        <label className="cursor-pointer rounded text-indigo-700 underline focus-within:outline focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-indigo-600">
          choose it
          <input
            type="file"
            data-testid="folder-input"
            className="sr-only"
            multiple
            // @ts-expect-error: webkitdirectory is not in React's input attributes, but every current browser supports it
            webkitdirectory=""
            onChange={(e) =>
              pick(
                Array.from(e.target.files ?? []).map((file) => ({
                  file,
                  path: withoutTopFolder(file.webkitRelativePath || file.name),
                })),
              )
            }
            disabled={phase !== "pick"}
          />
        </label>
        {files.length > 0 && (
          <p className="mt-2" data-testid="picked">
            {files.length} file(s), {mb(total)} MB
          </p>
        )}
      </section>

      {phase === "pick" && (
        <button
          type="button"
          onClick={start}
          disabled={!files.length || !siteId || !studyId}
          className="rounded bg-indigo-700 px-4 py-2 text-sm text-white disabled:opacity-50"
        >
          Upload and validate
        </button>
      )}
      {error && (
        <p className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800" data-testid="upload-error">
          {error}
        </p>
      )}

      {phase !== "pick" && (
        <div className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
          <p data-testid="overall-progress">
            Uploaded {mb(done)} / {mb(total)} MB ({total ? Math.floor((100 * done) / total) : 100}%)
          </p>
          <progress className="h-2 w-full" max={Math.max(1, total)} value={done} />
          <ul className="mt-2 max-h-48 overflow-y-auto text-xs text-slate-600">
            {files.map((f) => (
              <li key={f.path} className="flex justify-between" data-testid="file-progress">
                <span>{f.path}</span>
                <span>{f.file.size ? Math.floor((100 * (sent[f.path] ?? 0)) / f.file.size) : 100}%</span>
              </li>
            ))}
          </ul>
        </div>
      )}

      {status && (
        <div className="rounded-lg border border-slate-200 bg-white p-4 text-sm" data-testid="validation">
          {status.status === "VALIDATING" || status.status === "UPLOADING" ? (
            <p>
              Validating… {status.progressDone} / {status.progressTotal || "?"} rows
              {status.progressState === "WAITING_FOR_RETRY"
                ? ` — waiting for a retry (no progress for ${status.secondsSinceProgress} s; it resumes where it stopped)`
                : ""}
            </p>
          ) : status.status === "READY" ? (
            <p className="text-green-800" data-testid="ready">
              READY: {status.patientCount} patients, {status.eventCount} incident fractures, {status.imageCount} images.
            </p>
          ) : (
            <>
              <p className="text-red-800" data-testid="rejected">
                REJECTED: {status.validationReport?.problemCount ?? 0} problem(s); nothing was stored.
              </p>
              <table className="mt-2 w-full text-left text-xs">
                <thead>
                  <tr>
                    <th className="p-1">Row</th>
                    <th className="p-1">Column</th>
                    <th className="p-1">Value</th>
                    <th className="p-1">Problem</th>
                  </tr>
                </thead>
                <tbody>
                  {(status.validationReport?.problems ?? []).map((p) => (
                    <tr
                      key={`${p.row}|${p.column}|${p.reason}`}
                      data-testid="problem"
                      className="border-t border-slate-100"
                    >
                      <td className="p-1">{p.row}</td>
                      <td className="p-1">{p.column}</td>
                      <td className="p-1">{p.value}</td>
                      <td className="p-1">{p.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          {(status.status === "READY" || status.status === "REJECTED") && (
            <p className="mt-3 flex flex-wrap gap-4" data-testid="next-steps">
              {status.status === "READY" && (
                <Link href="/datasets" className="font-medium text-indigo-700">
                  Start a run on it
                </Link>
              )}
              <Link href="/datasets" className="text-indigo-700">
                View the dataset
              </Link>
              <button type="button" className="text-indigo-700 underline" onClick={() => window.location.reload()}>
                {status.status === "REJECTED" ? "Upload a corrected folder" : "Upload another"}
              </button>
            </p>
          )}
        </div>
      )}
    </div>
  );
}

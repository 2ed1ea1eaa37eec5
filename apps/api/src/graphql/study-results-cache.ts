// Answers of the PI dashboard's queries, kept while nothing they rest on changes. A study overview asks for
// every site × model version × score of a study (a quarter of a megabyte of JSON), and most of its cost is
// GraphQL walking that answer, not computing it: the same question from the same principal, about results
// that have not changed, gets the answer it got before.
//
// Safe by construction: only queries whose every root field is one of the study-results fields (which read
// nothing patient-level and record no audit event) are kept; the key holds the whole request (document,
// operation, variables), everything the access rules read about the principal (kind, user, role, per-site
// grants, key and scopes), and the version of every study the request names (studyResultsVersion: runs,
// releases, metric rows, datasets). Names kept elsewhere (a site renamed) show within the time to live.
import { createHash } from "node:crypto";
import type { ApolloServerPlugin, GraphQLRequestContextResponseForOperation } from "@apollo/server";
import { Kind, type ValueNode } from "graphql";
import { studyResultsVersion, type Viewer } from "@fracval/core";
import type { Context } from "../context.js";

const CACHED_FIELDS = new Set(["studyComparison", "studyForest", "studyCaseMix", "studyResultDatasets"]);

/** Everything about a principal that the access and disclosure rules read. */
export function accessSignature(viewer: Viewer): string {
  const sites = [...viewer.sites.values()]
    .map((g) => [g.siteId, g.patientData, g.lead])
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  return JSON.stringify([
    viewer.kind,
    viewer.userId,
    viewer.role,
    sites,
    viewer.kind === "apiKey" ? [viewer.apiKeyId, viewer.siteId, [...viewer.scopes].sort()] : null,
  ]);
}

/** The studies a request's root fields name, or null when it is not a study-results query alone. */
function studiesOf(request: GraphQLRequestContextResponseForOperation<Context>): string[] | null {
  const operation = request.operation;
  if (operation.operation !== "query") return null;
  const ids = new Set<string>();
  const variables = request.request.variables ?? {};
  const argumentValue = (node: ValueNode): unknown =>
    node.kind === Kind.VARIABLE ? variables[node.name.value] : node.kind === Kind.STRING ? node.value : undefined;
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) return null; // a fragment at the root: not worth the analysis
    if (selection.name.value === "__typename") continue;
    if (!CACHED_FIELDS.has(selection.name.value)) return null;
    const studyId = selection.arguments?.find((a) => a.name.value === "studyId");
    const id = studyId && argumentValue(studyId.value);
    if (typeof id !== "string") return null;
    ids.add(id);
  }
  return ids.size ? [...ids].sort() : null;
}

export interface StudyResultsCacheOptions {
  /** How long an answer is kept at most (default 60 s). */
  ttlMs?: number;
  /** Answers kept (least recently used dropped first; default 200). */
  maxEntries?: number;
}

export function studyResultsCache(options: StudyResultsCacheOptions = {}): ApolloServerPlugin<Context> {
  const ttlMs = options.ttlMs ?? 60_000;
  const maxEntries = options.maxEntries ?? 200;
  const answers = new Map<string, { result: object; expires: number }>();
  return {
    async requestDidStart() {
      let key: string | null = null;
      return {
        async responseForOperation(request) {
          const viewer = request.contextValue.viewer;
          const studies = viewer ? studiesOf(request) : null;
          if (!viewer || !studies) return null;
          const versions = await Promise.all(studies.map((id) => studyResultsVersion(request.contextValue.db, id)));
          key = createHash("sha256")
            .update(
              JSON.stringify([
                request.source ?? request.queryHash,
                request.operationName,
                request.request.variables ?? {},
                accessSignature(viewer),
                studies,
                versions,
              ]),
            )
            .digest("hex");
          const hit = answers.get(key);
          answers.delete(key); // re-inserted below when still fresh: the map's order is least recently used first
          if (!hit || hit.expires < Date.now()) return null;
          answers.set(key, hit);
          request.response.http.headers.set("x-answer-cache", "hit");
          return { http: request.response.http, body: { kind: "single", singleResult: hit.result } };
        },
        async willSendResponse(request) {
          const { body } = request.response;
          if (!key || body.kind !== "single" || body.singleResult.errors?.length || answers.has(key)) return; // a hit
          answers.set(key, { result: body.singleResult, expires: Date.now() + ttlMs });
          while (answers.size > maxEntries) answers.delete(answers.keys().next().value!);
        },
      };
    },
  };
}

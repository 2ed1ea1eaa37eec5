// Downloads (metrics CSV/JSON, own-site predictions) pass through the portal to the API's /exports with
// the signed-in user's session token, so that a link on a page just works. The API decides what may be
// exported and audits it; this route only forwards GETs of /exports/runs/..., /exports/studies/... and
// /exports/audit.csv (with its filters).
import { API_URL, sessionToken } from "@/lib/api";

const EXPORTS = new URL("/exports/", API_URL).toString();
const ALLOWED = /^((runs|studies)\/[A-Za-z0-9_-]+\/(predictions\.csv|metrics\.(csv|json)|bundle\.zip)|audit\.csv)$/;

export async function GET(request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  const { path } = await params;
  const relative = path.join("/");
  if (!ALLOWED.test(relative)) return new Response("No such export", { status: 404 });
  const token = await sessionToken();
  if (!token) return new Response("Not signed in", { status: 401 });
  const search = new URL(request.url).search; // the audit trail's filters
  const upstream = await fetch(EXPORTS + relative + search, {
    headers: { authorization: `Bearer ${token}` },
    cache: "no-store",
  });
  const headers = new Headers();
  for (const name of ["content-type", "content-disposition"]) {
    const value = upstream.headers.get(name);
    if (value) headers.set(name, value);
  }
  return new Response(upstream.body, { status: upstream.status, headers });
}

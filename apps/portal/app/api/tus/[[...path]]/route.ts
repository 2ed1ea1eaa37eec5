// The browser's tus uploads pass through the portal to the API's /uploads endpoint with the signed-in
// user's session token (from the httpOnly cookie, never exposed to page scripts). The API checks the
// token, the dataset's site and the sha256 of each file itself; this route only forwards.
import { API_URL, sessionToken } from "@/lib/api";

const UPLOADS = new URL("/uploads/", API_URL).toString();
const FORWARDED = [
  "tus-resumable",
  "upload-length",
  "upload-offset",
  "upload-metadata",
  "upload-defer-length",
  "content-type",
  "content-length",
  "x-http-method-override",
];

async function forward(request: Request, { params }: { params: Promise<{ path?: string[] }> }): Promise<Response> {
  const { path = [] } = await params;
  const token = await sessionToken();
  if (!token) return new Response("Not signed in", { status: 401 });
  const headers = new Headers({ authorization: `Bearer ${token}` });
  for (const name of FORWARDED) {
    const value = request.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  const hasBody = request.method === "PATCH" || request.method === "POST";
  const upstream = await fetch(UPLOADS + path.map(encodeURIComponent).join("/"), {
    method: request.method,
    headers,
    ...(hasBody ? { body: request.body, duplex: "half" } : {}),
  } as RequestInit);
  const out = new Headers();
  upstream.headers.forEach((value, name) => {
    if (name === "location")
      out.set(name, value.replace(/^.*\/uploads\//, "/api/tus/")); // keep the browser on the portal
    else if (!["content-encoding", "transfer-encoding", "connection"].includes(name)) out.set(name, value);
  });
  return new Response(request.method === "HEAD" ? null : upstream.body, { status: upstream.status, headers: out });
}

export { forward as GET, forward as POST, forward as PATCH, forward as HEAD, forward as DELETE, forward as OPTIONS };

// Sends signed-out visitors to /login. (Access to data is decided by the API, not here.)
export { auth as proxy } from "@/auth";

export const config = { matcher: ["/((?!api/auth|_next/static|_next/image|favicon.ico|login).*)"] };

// Sends signed-out visitors to /login. (Access to data is decided by the API, not here.) The icon is public:
// the login page shows it too.
export { auth as proxy } from "@/auth";

export const config = { matcher: ["/((?!api/auth|_next/static|_next/image|favicon.ico|icon.svg|login).*)"] };

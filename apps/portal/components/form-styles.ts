// Class names shared by forms on server and client pages. A plain module: a constant exported from a "use client"
// file reaches a server component as a client reference, not a string — in a template literal it became the
// reference's source text, and the input lost its styling (the API key's expiry field was invisible).

/** A text input, select or file input of a form. */
// max-w-full: a select as wide as its longest option (a user's name and e-mail) stays inside a phone's screen.
export const field = "max-w-full rounded border border-slate-300 px-2 py-1 focus:outline-2 focus:outline-indigo-600";

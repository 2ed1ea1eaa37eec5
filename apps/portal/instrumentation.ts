// Next.js reports here every error it meets while rendering (a page or layout that threw): a page rendered
// with an error is never kept by the page cache (@fracval/page-cache), even when an error boundary drew it.
import { noteRenderError } from "@fracval/page-cache/render";

export function onRequestError(): void {
  noteRenderError();
}

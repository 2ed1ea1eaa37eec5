/**
 * The sites' designated datasets from a page's `?dataset=` parameters (one per site at most; "" is a site's
 * default, so left out). The API checks them.
 */
export function designatedDatasets(param: string | string[] | undefined): string[] {
  return [param ?? []].flat().filter((d) => d !== "");
}

// Sites are public within the network: every signed-in principal may list them.
import type { Db, Site } from "@fracval/db";
import { notFound } from "./errors.js";

export const listSites = (db: Db): Promise<Site[]> => db.site.findMany({ orderBy: { code: "asc" } });

export async function getSiteByCode(db: Db, code: string): Promise<Site> {
  const site = await db.site.findFirst({ where: { code: { equals: code, mode: "insensitive" } } });
  if (!site) throw notFound("Site", code);
  return site;
}

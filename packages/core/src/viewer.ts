// Who is asking. Built once per request by the API from a session token or an API key.
import type { ApiScope, UserRole } from "@fracval/db";

export interface SiteGrant {
  siteId: string;
  /** May read patient-level rows of this site. */
  patientData: boolean;
  /** The site's lead: releases the site's run results to the network. */
  lead: boolean;
  /** When a time-limited grant ends (only expired grants are left out of a viewer). */
  expiresAt?: Date | null;
}

interface ViewerBase {
  userId: string;
  role: UserRole;
  /** Sites this principal belongs to or was granted, keyed by site id. */
  sites: ReadonlyMap<string, SiteGrant>;
}

export interface UserViewer extends ViewerBase {
  kind: "user";
  email: string;
  name: string;
  /** The user's current session version: a session token issued under another one has ended. */
  sessionVersion: number;
}

/** A partner hospital's API key: acts for exactly one site, only within its scopes. */
export interface ApiKeyViewer extends ViewerBase {
  kind: "apiKey";
  role: "PARTNER";
  apiKeyId: string;
  siteId: string;
  scopes: ReadonlySet<ApiScope>;
}

export type Viewer = UserViewer | ApiKeyViewer;

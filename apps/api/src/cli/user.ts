// `fracval user reset-password --email E --reason TEXT`: a new one-time password for an account, for an
// operator with access to the database (DATABASE_URL, else the embedded one) — how the only ADMIN gets back
// in after forgetting their password. Same effect as the ADMIN's reset in the portal: the old password and
// every session end; audited with the reason ("via command line").
import { AppError, resetUserPassword } from "@fracval/core";
import { createPrismaClient, resolveLocalDatabase } from "@fracval/db";
import { UsageError } from "./usage-error.js";

export interface ResetPasswordFlags {
  email: string;
  reason: string;
}

export async function userResetPassword(flags: ResetPasswordFlags): Promise<void> {
  const local = await resolveLocalDatabase();
  const db = createPrismaClient(local.url);
  try {
    const user = await db.user.findUnique({ where: { email: flags.email.trim().toLowerCase() } });
    if (!user || user.role === "PARTNER") throw new UsageError(`--email: no account with the e-mail "${flags.email}"`);
    const { initialPassword } = await resetUserPassword(db, null, user.id, flags.reason).catch((e: unknown) => {
      throw e instanceof AppError && (e.code === "BAD_USER_INPUT" || e.code === "CONFLICT")
        ? new UsageError(`${e.code === "BAD_USER_INPUT" ? "--reason" : "--email"}: ${e.message}`)
        : e;
    });
    process.stdout.write(`${initialPassword}\n`);
    process.stderr.write(
      `${user.email} has a new one-time password (above, shown only now); the old one and every session have ` +
        "ended. Hand it over securely: they replace it on their Account page.\n",
    );
  } finally {
    await db.$disconnect();
    await local.embedded?.stop();
  }
}

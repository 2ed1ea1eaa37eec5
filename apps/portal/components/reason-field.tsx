import { field } from "./form-styles";

/**
 * The reason an audited action asks for (a role changed, an account deactivated, a dataset withdrawn, a model
 * version retired): required, at least 3 characters, stored with the action in the audit trail.
 */
export function ReasonField({ placeholder = "reason" }: { placeholder?: string }) {
  return <input name="reason" required minLength={3} className={field} placeholder={placeholder} aria-label="Reason" />;
}

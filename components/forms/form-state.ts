/**
 * What a form's server action returns to `useActionState`: translated field
 * errors, one form-level message, and the values to echo back (never passwords).
 */
export type FormState = {
  fieldErrors?: Record<string, string | undefined>;
  /** `code`: the stable error code behind a refusal (forbidden, not_found, validation_failed…), for tests and logs. */
  message?: { tone: "error" | "success"; text: string; code?: string };
  values?: Record<string, string>;
};

export const emptyFormState: FormState = {};

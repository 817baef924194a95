/**
 * What a form's server action returns to `useActionState`: translated field
 * errors, one form-level message, and the values to echo back (never passwords).
 */
export type FormState = {
  fieldErrors?: Record<string, string | undefined>;
  message?: { tone: "error" | "success"; text: string };
  values?: Record<string, string>;
};

export const emptyFormState: FormState = {};

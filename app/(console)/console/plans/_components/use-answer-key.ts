import { useState } from "react";

/**
 * A key that changes with every answer of a form's action. React resets a
 * form after its action, and a <select> then falls back to the option it was
 * first rendered with; remounting the fields with the answer's echoed values
 * keeps what the person chose.
 */
export function useAnswerKey(state: object): number {
  const [seen, setSeen] = useState({ state, key: 0 });
  if (seen.state !== state) {
    setSeen({ state, key: seen.key + 1 });
    return seen.key + 1;
  }
  return seen.key;
}

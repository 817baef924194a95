/**
 * Shared by the bench scripts' option parsing: prints the help and exits when
 * `--help` was asked; otherwise returns the reader of whole-number options, which
 * names the option and repeats the help on a bad value.
 */
export function wholeNumberOptions(help: string, helpAsked: boolean | undefined) {
  if (helpAsked) {
    console.log(help);
    process.exit(0);
  }
  return (name: string, text: string, min: number): number => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number ≥ ${min} (got ${text}).\n\n${help}`);
    return n;
  };
}

/** Command-line options of the scripts: `--name value`. */

/** The value after `name` on the command line, or undefined when it is not given. */
export function textOption(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
}

/** A whole number >= 1 after `name`, or `fallback` when it is not given. */
export function wholeOption(name: string, fallback: number): number {
  const text = textOption(name);
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} takes a whole number >= 1, not ${text}`);
  return value;
}

import { SingleBar, Presets } from "cli-progress";

/** A progress bar per phase on stderr, so stdout stays clean for --json. */
export function phaseProgress() {
  let bar: SingleBar | undefined;
  let current = "";
  return {
    update(phase: string, done: number, total: number) {
      if (phase !== current) {
        bar?.stop();
        current = phase;
        bar = new SingleBar(
          { format: `${phase.padEnd(10)} {bar} {percentage}% | {value}/{total}`, stream: process.stderr, hideCursor: true, noTTYOutput: false, notTTYSchedule: 2000 },
          Presets.shades_classic,
        );
        bar.start(Math.max(total, 1), 0);
      }
      bar?.setTotal(Math.max(total, 1));
      bar?.update(done);
    },
    stop() {
      bar?.stop();
    },
  };
}

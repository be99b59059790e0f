/**
 * A SqlRunner that can hold the result of chosen queries until the test releases them: the query itself runs
 * (and takes its snapshot) at once, but its caller sees the result only later. This provokes the interleavings
 * of a cache read with a commit that no timing could reliably produce.
 */
import type { SqlRunner } from "@/core/db/migrate";

export type GatedSql = SqlRunner & {
  /** The next query whose text matches `pattern` resolves only after `release()`; `held` settles once it ran. */
  holdNext(pattern: RegExp): { held: Promise<void>; release: () => void };
};

export function gatedSql(inner: SqlRunner): GatedSql {
  const gates: { pattern: RegExp; ran: () => void; gate: Promise<void> }[] = [];
  return {
    exec: (text) => inner.exec(text),
    async query<T>(text: string, params?: unknown[]) {
      const index = gates.findIndex((g) => g.pattern.test(text));
      const gate = index >= 0 ? gates.splice(index, 1)[0] : undefined;
      const result = await inner.query<T>(text, params);
      if (gate) {
        gate.ran();
        await gate.gate;
      }
      return result;
    },
    holdNext(pattern) {
      let release!: () => void;
      let ran!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      const held = new Promise<void>((r) => (ran = r));
      gates.push({ pattern, ran, gate });
      return { held, release };
    },
  };
}

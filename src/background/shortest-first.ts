/**
 * Entity requests wait here for the tagger (`ready`) and are run one per task, the shortest text first. A page that starts
 * asks for its whole text at once; when that waits (the model still loading in a worker that has just started),
 * the text near the reader, asked for after hiding, overtakes it, and the reader sees highlights hundreds of ms
 * sooner. Between two requests the worker yields, so each reply goes out before the next text is tagged.
 */
/** Longest a request waits behind shorter ones. */
export const MAX_WAIT_MS = 2000;

export function shortestFirst<T, R>(ready: () => Promise<T>): (text: string, run: (ready: T) => R) => Promise<R> {
  const waiting: { length: number; since: number; run: (ready: T) => R; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];
  let draining = false;
  const drain = async () => {
    draining = true;
    try {
      while (waiting.length) {
        let value: T;
        try {
          value = await ready();
        } catch (e) {
          for (const w of waiting.splice(0)) w.reject(e);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 0));
        // Stable: equal lengths keep their order of arrival. A request kept waiting MAX_WAIT_MS by shorter ones (many
        // tabs restored at once) goes first, so none waits for ever.
        let best = 0;
        const now = Date.now();
        if (now - waiting[0].since < MAX_WAIT_MS) for (let i = 1; i < waiting.length; i++) if (waiting[i].length < waiting[best].length) best = i;
        const [w] = waiting.splice(best, 1);
        try {
          w.resolve(w.run(value));
        } catch (e) {
          w.reject(e);
        }
      }
    } finally {
      draining = false;
    }
  };
  return (text, run) =>
    new Promise<R>((resolve, reject) => {
      waiting.push({ length: text.length, since: Date.now(), run, resolve, reject });
      if (!draining) void drain();
    });
}

/**
 * What our content scripts cost outside the main script's own clock, read from a Chromium trace of a page's load
 * (bench/browser.ts). The clock starts when the script's first line runs, so it alone leaves out the rest; and a
 * change that moves work there, such as compiling every function up front, would look faster than it is:
 * - setup: Chromium injecting the main script (ScriptInjection::InjectJs just before its EvaluateScript: making the
 *   extension's isolated world when none exists yet in the frame, its API bindings);
 * - compile: V8 compiling it (the v8.compile inside that EvaluateScript);
 * - prefetch: the whole injection of the document_start script that asks for the settings (its InjectJs, or its
 *   EvaluateScript when no InjectJs is traced), which runs long before, while the page is parsed;
 * - cpu / wall: the main thread's thread time and wall time from the main script's injection to the mark the
 *   script leaves when hiding is applied (console.timeStamp in src/content/index.ts), when that mark is there.
 *   Only meaningful when hiding was applied in the script's first run (nothing awaited): the caller checks that.
 */
import type { CDPSession } from 'playwright-core';
import { HIDING_MARK } from '../../src/content/clock.js';

export type OurScripts = { setup: number | null; compile: number | null; prefetch: number | null; cpu?: number; wall?: number };

export async function startTrace(cdp: CDPSession): Promise<{ ourScripts(): Promise<OurScripts> }> {
  type Event = { name: string; ts: number; tts?: number; dur?: number; pid: number; tid: number; args?: { data?: { url?: string; message?: string } } };
  const events: Event[] = [];
  const collect = (e: { value: unknown }) => events.push(...(e.value as Event[]));
  cdp.on('Tracing.dataCollected', collect);
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  const started = await cdp.send('Tracing.start', { categories: 'devtools.timeline,v8,extensions', transferMode: 'ReportEvents' }).then(() => true, () => false);
  const none: OurScripts = { setup: null, compile: null, prefetch: null };
  return {
    async ourScripts() {
      if (!started) return none;
      await cdp.send('Tracing.end');
      await complete;
      cdp.off('Tracing.dataCollected', collect); // a session traced again (the same-tab pass) collects afresh
      const timed = events.filter((e): e is Event & { dur: number } => e.dur !== undefined);
      const evaluate = (file: string) => timed.find((e) => e.name === 'EvaluateScript' && (e.args?.data?.url ?? '').includes(`/src/content/${file}`));
      // The injection that ran a script: the last InjectJs on its thread that began before the script did.
      const injection = (run: Event) => timed.filter((e) => e.name === 'ScriptInjection::InjectJs' && e.tid === run.tid && e.pid === run.pid && e.ts <= run.ts).at(-1);
      const run = evaluate('index.js');
      const pre = evaluate('prefetch.js'); // absent from builds before the document_start script: counted as 0
      if (!run) return none;
      const preInjection = pre && injection(pre);
      const preEnd = pre ? Math.max(pre.ts + pre.dur, preInjection ? preInjection.ts + preInjection.dur : 0) : -Infinity;
      // The main script's own injection, not the document_start script's when Chromium traced none for it.
      const setup = injection(run);
      const ownSetup = setup && setup.ts >= preEnd ? setup : undefined;
      // Only our file's compile: page scripts compiled in a microtask checkpoint inside the same EvaluateScript are not ours.
      const compile = timed.filter((e) => e.name === 'v8.compile' && e.pid === run.pid && e.tid === run.tid && e.ts >= run.ts && e.ts <= run.ts + run.dur && (e.args?.data?.url ?? '').includes('/src/content/index.js'));
      const mark = events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === HIDING_MARK && e.pid === run.pid && e.tid === run.tid && e.ts >= run.ts);
      const from = ownSetup ?? run;
      return {
        // An InjectJs that ended before the script began is the set-up alone; one that encloses it is counted up to it.
        setup: ownSetup ? Math.min(ownSetup.dur, run.ts - ownSetup.ts) / 1000 : 0,
        compile: compile.reduce((sum, e) => sum + e.dur, 0) / 1000,
        prefetch: pre ? Math.max(pre.dur, preInjection ? preInjection.dur : 0) / 1000 : 0,
        ...(mark?.tts !== undefined && from.tts !== undefined ? { cpu: (mark.tts - from.tts) / 1000, wall: (mark.ts - from.ts) / 1000 } : {}),
      };
    },
  };
}

import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import ESpeakNg from 'espeak-ng';
import { asTableFunction, tableSlotsWithI32x3Signature } from './wasm-slots';

const require = createRequire(import.meta.url);

interface Compiled {
  module: WebAssembly.Module;
  /** Table slots that may hold the CLI's synth callback. */
  candidates: number[];
}
let compiled: Promise<Compiled> | undefined;
/** The slot found to be the synth callback, remembered for the rest of the process. */
let callbackSlot: number | undefined;

// Compiling the 18 MB module once per process and instantiating it per call keeps each call near 100 ms.
function wasm(): Promise<Compiled> {
  compiled ??= readFile(require.resolve('espeak-ng/dist/espeak-ng.wasm')).then(async (bytes) => ({
    module: await WebAssembly.compile(bytes),
    candidates: tableSlotsWithI32x3Signature(bytes),
  }));
  return compiled;
}

/** espeak_EVENT types (speak_lib.h). */
export const EVENT = { WORD: 1, SENTENCE: 2, MARK: 3, END: 5, SAMPLERATE: 8 } as const;

export interface EspeakEvent {
  type: number;
  /** 1-based character position in the input text. */
  textPosition: number;
  /** Length in characters (word events). */
  length: number;
  /** Position in the output audio, in samples. */
  sample: number;
  /** Event id: word number, sample rate, … */
  id: number;
}

export interface EspeakRun {
  stdout: string;
  /** Files the run wrote into its virtual file system, read back by name. */
  files: Record<string, Uint8Array>;
  /** Events espeak passed to its synth callback (word starts, clause ends, sample rate). */
  events: EspeakEvent[];
}

export interface EspeakRunOptions {
  /** Names of files to read back from the virtual FS after the run. */
  outputs?: string[];
}

// sizeof(espeak_EVENT) on wasm32: type, unique_identifier, text_position, length, audio_position, sample, user_data, id (8).
const EVENT_SIZE = 36;

function readEvents(memory: WebAssembly.Memory, ptr: number): EspeakEvent[] {
  const v = new DataView(memory.buffer);
  const out: EspeakEvent[] = [];
  for (let q = ptr; q > 0 && q + EVENT_SIZE <= v.byteLength; q += EVENT_SIZE) {
    const type = v.getInt32(q, true);
    if (type === 0 || out.length > 10_000) break;
    out.push({ type, textPosition: v.getInt32(q + 8, true), length: v.getInt32(q + 12, true), sample: v.getInt32(q + 20, true), id: v.getInt32(q + 28, true) });
  }
  return out;
}

/** Runs espeak-ng (WASM, exports only main()) in a fresh instance, recording its synth callback's events via a hooked table slot. */
export async function runEspeak(args: string[], opts: EspeakRunOptions = {}): Promise<EspeakRun> {
  const { module, candidates } = await wasm();
  const out: string[] = [];
  const errs: string[] = [];
  const events: EspeakEvent[] = [];
  let started = false;
  const es = await ESpeakNg({
    arguments: args,
    print: (s) => out.push(s),
    printErr: (s) => errs.push(s),
    instantiateWasm: (imports, done) => {
      WebAssembly.instantiate(module, imports).then((inst) => {
        started = true;
        hookCallback(inst, callbackSlot === undefined ? candidates : [callbackSlot], events);
        done(inst, module);
      }, (e: unknown) => errs.push(String(e)));
      return {};
    },
  });
  if (!started) throw new Error(`espeak-ng failed to start: ${errs.join('\n')}`);
  const files: Record<string, Uint8Array> = {};
  for (const name of opts.outputs ?? []) {
    try {
      files[name] = es.FS.readFile(name);
    } catch {
      throw new Error(`espeak-ng wrote no ${name}: ${errs.filter((e) => !e.includes('keepRuntimeAlive')).join('\n')}`);
    }
  }
  return { stdout: out.join('\n'), files, events };
}

function hookCallback(inst: WebAssembly.Instance, slots: number[], events: EspeakEvent[]): void {
  const table = inst.exports.__indirect_function_table;
  const memory = inst.exports.memory;
  if (!(table instanceof WebAssembly.Table) || !(memory instanceof WebAssembly.Memory)) throw new Error('espeak-ng module lacks its table or memory export');
  for (const slot of slots) {
    const original = table.get(slot) as ((a: number, b: number, c: number) => number) | null;
    if (!original) continue;
    let verdict: boolean | undefined;
    table.set(slot, asTableFunction((wav, samples, evPtr) => {
      if (verdict === undefined) {
        // The synth callback's first call carries (audio, sample count, events starting with the sample rate).
        const evs = readEvents(memory, evPtr);
        const first = evs[0];
        verdict = wav > 0 && samples >= 0 && samples < 1 << 20 && first?.type === EVENT.SAMPLERATE && first.id >= 8000 && first.id <= 96000 && evs.every((e) => e.type >= 1 && e.type <= 8);
        if (verdict) callbackSlot = slot;
      }
      if (verdict) events.push(...readEvents(memory, evPtr));
      return original(wav, samples, evPtr);
    }));
  }
}

import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import ESpeakNg from 'espeak-ng';

const require = createRequire(import.meta.url);
let compiled: Promise<WebAssembly.Module> | undefined;

// Compiling the 18 MB module once per process and instantiating it per call keeps each call at ~100 ms.
function wasmModule(): Promise<WebAssembly.Module> {
  compiled ??= readFile(require.resolve('espeak-ng/dist/espeak-ng.wasm')).then((b) => WebAssembly.compile(b));
  return compiled;
}

export interface EspeakRun {
  stdout: string;
  /** Files the run wrote into its virtual file system, read back by name. */
  files: Record<string, Uint8Array>;
  instance: WebAssembly.Instance;
}

export interface EspeakRunOptions {
  /** Names of files to read back from the virtual FS after the run. */
  outputs?: string[];
  /** Called with the fresh instance before main() runs (to hook the function table). */
  beforeMain?: (instance: WebAssembly.Instance) => void;
}

/** Runs the espeak-ng command line (compiled to WebAssembly) once, in a fresh instance. */
export async function runEspeak(args: string[], opts: EspeakRunOptions = {}): Promise<EspeakRun> {
  const mod = await wasmModule();
  const out: string[] = [];
  const errs: string[] = [];
  let inst: WebAssembly.Instance | undefined;
  const es = await ESpeakNg({
    arguments: args,
    print: (s) => out.push(s),
    printErr: (s) => errs.push(s),
    instantiateWasm: (imports, done) => {
      WebAssembly.instantiate(mod, imports).then((i) => {
        inst = i;
        opts.beforeMain?.(i);
        done(i, mod);
      }, (e: unknown) => errs.push(String(e)));
      return {};
    },
  });
  if (!inst) throw new Error(`espeak-ng failed to start: ${errs.join('\n')}`);
  const files: Record<string, Uint8Array> = {};
  for (const name of opts.outputs ?? []) {
    try {
      files[name] = es.FS.readFile(name);
    } catch {
      throw new Error(`espeak-ng wrote no ${name}: ${errs.filter((e) => !e.includes('keepRuntimeAlive')).join('\n')}`);
    }
  }
  return { stdout: out.join('\n'), files, instance: inst };
}

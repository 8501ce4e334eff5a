declare module 'espeak-ng' {
  interface EspeakFs {
    readFile(path: string): Uint8Array;
    readFile(path: string, opts: { encoding: 'utf8' }): string;
    writeFile(path: string, data: string | Uint8Array): void;
    unlink(path: string): void;
  }
  export interface EspeakModule {
    FS: EspeakFs;
    HEAPU8: Uint8Array;
  }
  export interface EspeakOptions {
    arguments?: string[];
    print?: (s: string) => void;
    printErr?: (s: string) => void;
    noInitialRun?: boolean;
    instantiateWasm?: (imports: WebAssembly.Imports, done: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void) => object;
  }
  const ESpeakNg: (opts?: EspeakOptions) => Promise<EspeakModule>;
  export default ESpeakNg;
}

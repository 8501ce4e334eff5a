/** Table slots holding (i32, i32, i32) -> i32 functions, read from the binary's sections (it has no name section). */
export function tableSlotsWithI32x3Signature(bytes: Uint8Array): number[] {
  let p = 8;
  const u32 = (): number => {
    let r = 0;
    let shift = 0;
    for (;;) {
      const x = bytes[p++];
      if (x === undefined) throw new Error('truncated WebAssembly binary');
      r |= (x & 0x7f) << shift;
      if (!(x & 0x80)) return r >>> 0;
      shift += 7;
    }
  };
  const types: string[] = [];
  const funcTypes: number[] = [];
  const slots: number[] = [];
  const wanted = '7f7f7f>7f';
  while (p < bytes.length) {
    const id = bytes[p++];
    const size = u32();
    const end = p + size;
    if (id === 1) {
      for (let n = u32(); n > 0; n--) {
        p++;
        const np = u32();
        const params = Buffer.from(bytes.subarray(p, p + np)).toString('hex');
        p += np;
        const nr = u32();
        types.push(`${params}>${Buffer.from(bytes.subarray(p, p + nr)).toString('hex')}`);
        p += nr;
      }
    } else if (id === 2) {
      for (let n = u32(); n > 0; n--) {
        // Module and field names: read the length first, `p += u32()` would add it to the stale offset.
        const moduleLen = u32();
        p += moduleLen;
        const fieldLen = u32();
        p += fieldLen;
        const kind = bytes[p++];
        if (kind === 0) funcTypes.push(u32());
        else if (kind === 1) {
          p++;
          const flags = u32();
          u32();
          if (flags & 1) u32();
        } else if (kind === 2) {
          const flags = u32();
          u32();
          if (flags & 1) u32();
        } else if (kind === 3) p += 2;
      }
    } else if (id === 3) {
      for (let n = u32(); n > 0; n--) funcTypes.push(u32());
    } else if (id === 9) {
      for (let n = u32(); n > 0; n--) {
        const flags = u32();
        // Only the plain active segment form `i32.const N; end; vec(funcidx)` is emitted by Emscripten.
        if (flags !== 0 || bytes[p++] !== 0x41) throw new Error(`unsupported element segment (flags ${flags})`);
        const offset = u32();
        p++;
        const count = u32();
        for (let k = 0; k < count; k++) {
          const f = u32();
          const t = funcTypes[f];
          if (t !== undefined && types[t] === wanted) slots.push(offset + k);
        }
      }
    }
    p = end;
  }
  return slots;
}

// A module that imports a JS function of type (i32, i32, i32) -> i32 and re-exports it, so it can sit in a table.
const TRAMPOLINE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  0x01, 0x08, 0x01, 0x60, 0x03, 0x7f, 0x7f, 0x7f, 0x01, 0x7f,
  0x02, 0x07, 0x01, 0x01, 0x65, 0x01, 0x66, 0x00, 0x00,
  0x07, 0x05, 0x01, 0x01, 0x66, 0x00, 0x00,
]);
let trampoline: WebAssembly.Module | undefined;

/** Wraps a JS function as a WebAssembly function that can be stored in a funcref table. */
export function asTableFunction(fn: (a: number, b: number, c: number) => number): WebAssembly.ExportValue {
  trampoline ??= new WebAssembly.Module(TRAMPOLINE);
  const inst = new WebAssembly.Instance(trampoline, { e: { f: fn } });
  const f = inst.exports.f;
  if (!f) throw new Error('trampoline module exports nothing');
  return f;
}

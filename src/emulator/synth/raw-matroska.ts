// Raw yuva420p in Matroska (V_UNCOMPRESSED, ColourSpace 'Y4\x0b\x08'): the bundled ffmpeg lacks a rawvideo demuxer.

function vint(n: number, len: number): Buffer {
  const b = Buffer.alloc(len);
  let v = BigInt(n);
  for (let i = len - 1; i >= 0; i--) {
    b[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  b[0] = (b[0] ?? 0) | (1 << (8 - len));
  return b;
}

function element(id: number, body: Buffer): Buffer {
  const idBytes = Buffer.from(id.toString(16).padStart(id > 0xffffff ? 8 : id > 0xffff ? 6 : id > 0xff ? 4 : 2, '0'), 'hex');
  return Buffer.concat([idBytes, vint(body.length, 8), body]);
}

function uint(id: number, v: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(BigInt(v));
  let i = 0;
  while (i < 7 && b[i] === 0) i++;
  return element(id, b.subarray(i));
}

function str(id: number, s: string): Buffer {
  return element(id, Buffer.from(s, 'latin1'));
}

const YUVA420P_FOURCC = 'Y4\x0b\x08';

/** EBML header, an open-ended Segment, Info and the one video track. */
export function rawMatroskaHeader(width: number, height: number, fps: number): Buffer {
  return Buffer.concat([
    element(0x1a45dfa3, Buffer.concat([uint(0x4286, 1), uint(0x42f7, 1), uint(0x42f2, 4), uint(0x42f3, 8), str(0x4282, 'matroska'), uint(0x4287, 4), uint(0x4285, 2)])),
    Buffer.from('1853806701ffffffffffffff', 'hex'),
    element(0x1549a966, uint(0x2ad7b1, 1_000_000)),
    element(
      0x1654ae6b,
      element(
        0xae,
        Buffer.concat([
          uint(0xd7, 1),
          uint(0x73c5, 1),
          uint(0x83, 1),
          str(0x86, 'V_UNCOMPRESSED'),
          uint(0x23e383, Math.round(1e9 / fps)),
          element(
            0xe0,
            Buffer.concat([
              uint(0xb0, width),
              uint(0xba, height),
              element(0x2eb524, Buffer.from(YUVA420P_FOURCC, 'latin1')),
              // BT.709, limited range, tagged on the input: -colorspace on the output made ffmpeg convert every frame.
              element(0x55b0, Buffer.concat([uint(0x55b1, 1), uint(0x55b9, 1), uint(0x55ba, 1), uint(0x55bb, 1)])),
            ]),
          ),
        ]),
      ),
    ),
  ]);
}

/** The bytes that precede frame `index`'s data: a Cluster holding one keyframe SimpleBlock of `frameBytes`. */
export function rawMatroskaFramePrefix(index: number, fps: number, frameBytes: number): Buffer {
  const timestamp = uint(0xe7, Math.round((index * 1000) / fps));
  const blockHeader = Buffer.from([0x81, 0, 0, 0x80]);
  const simpleBlock = Buffer.concat([Buffer.from([0xa3]), vint(blockHeader.length + frameBytes, 8), blockHeader]);
  return Buffer.concat([Buffer.from([0x1f, 0x43, 0xb6, 0x75]), vint(timestamp.length + simpleBlock.length + frameBytes, 8), timestamp, simpleBlock]);
}

import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Signs file URLs like a presigned S3 link: an expiry and an HMAC over path, expiry and an epoch that can be revoked. */
export class UrlSigner {
  private readonly secret = randomBytes(32);
  private epoch = 0;
  ttlMs: number;

  constructor(ttlMs: number) {
    this.ttlMs = ttlMs;
  }

  private mac(path: string, expires: string, epoch: number): string {
    return createHmac('sha256', this.secret).update(`${path}\n${expires}\n${epoch}`).digest('hex');
  }

  /** A fresh signature on every call, as HeyGen re-signs on every GET of a video. */
  sign(baseUrl: string, path: string): string {
    const expires = String(Date.now() + this.ttlMs);
    return `${baseUrl}${path}?Expires=${expires}&Signature=${this.mac(path, expires, this.epoch)}&Epoch=${this.epoch}`;
  }

  /** Makes every URL handed out so far expire at once. */
  expireAll(): void {
    this.epoch += 1;
  }

  verify(path: string, query: URLSearchParams): 'ok' | 'expired' | 'bad-signature' {
    const expires = query.get('Expires') ?? '';
    const signature = query.get('Signature') ?? '';
    const epoch = Number(query.get('Epoch') ?? 'NaN');
    if (!/^\d+$/.test(expires) || !/^[0-9a-f]{64}$/.test(signature) || !Number.isInteger(epoch)) return 'bad-signature';
    const expected = Buffer.from(this.mac(path, expires, epoch), 'hex');
    if (!timingSafeEqual(expected, Buffer.from(signature, 'hex'))) return 'bad-signature';
    if (epoch !== this.epoch || Number(expires) <= Date.now()) return 'expired';
    return 'ok';
  }
}

import { describe, expect, it } from 'vitest';
import { clipKey, clipRequestsFor, requestKey, type ClipRequest } from '../../src/spec/clip-request';
import { videoSpecSchema } from '../../src/spec/video-spec';

const LOOK: ClipRequest = {
  avatar: { type: 'look', id: 'Angela-inblackskirt-20220820' },
  voice: { id: '1bd001e7e50f421d891986aad5158bc8', speed: 1 },
  speech: { type: 'script', script: 'Sales went up.' },
  resolution: '720p',
  aspect: '1:1',
  width: 720,
  height: 720,
};
const PHOTO: ClipRequest = { ...LOOK, avatar: { type: 'photo', path: 'assets/anna.png' } };

// Stored clips are found by these keys: a change of the canonical form would make every stored clip billable again.
describe('clipKey is pinned', () => {
  it('for a look, per generation and backend', () => {
    expect(clipKey(LOOK, 'v3', 'heygen')).toBe('3df98cff4cf57866aa04b85fd9e2e20e');
    expect(clipKey(LOOK, 'legacy', 'heygen')).toBe('98034575860a2f80f8a0dbf447517cc8');
    expect(clipKey(LOOK, 'v3', 'emulator')).toBe('dbe46d9ece52ad7c02c940256902749f');
  });

  it('for a photo, by the bytes of the photo (not its path alone)', () => {
    expect(clipKey(PHOTO, 'v3', 'heygen', { 'assets/anna.png': 'a'.repeat(64) })).toBe('c51b66e433fd0bf47324fd5b03f2e6f6');
    expect(clipKey(PHOTO, 'v3', 'heygen', { 'assets/anna.png': 'b'.repeat(64) })).toBe('bff336f541c141732c56f4e1b812fb59');
    expect(requestKey(PHOTO)).toBe('977bd36b8ef2eec32cb5e9aa0a690888');
  });

  it('a spec gives the request the pins were made from', () => {
    const spec = videoSpecSchema.parse({ id: 'pin', avatar: { id: LOOK.avatar.type === 'look' ? LOOK.avatar.id : '' }, voice: { id: LOOK.voice.id }, scenes: [{ title: 'x', script: ' Sales went up. ' }] });
    expect(clipKey(clipRequestsFor(spec)[0]!, 'v3', 'heygen')).toBe(clipKey(LOOK, 'v3', 'heygen'));
  });
});

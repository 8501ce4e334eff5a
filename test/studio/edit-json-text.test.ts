import { describe, expect, it } from 'vitest';
import { editJsonText, jsonChanges } from '../../src/studio/edit-json-text';

const HAND_FORMATTED = `{
    "id": "q3",
    "scenes": [ { "title": "One", "data": [1, 2, 3] },
                { "title": "Two" } ],
    "voice": {"id": "v", "speed": 1}
}`;

describe('editJsonText', () => {
  it('rewrites only the changed values; hand formatting, key order and the rest stay byte for byte', () => {
    const next = JSON.parse(HAND_FORMATTED) as { scenes: { title: string }[]; voice: { speed: number } };
    next.scenes[1]!.title = 'Deux';
    next.voice.speed = 1.2;
    const out = editJsonText(HAND_FORMATTED, next);
    expect(out).toBe(HAND_FORMATTED.replace('"Two"', '"Deux"').replace('"speed": 1}', '"speed": 1.2}'));
  });

  it('adds and removes keys, keeping the file valid and equal to the new value', () => {
    const next = { id: 'q3', scenes: [{ title: 'One', data: [1, 2, 3, 4] }, { title: 'Two' }], voice: { id: 'v' }, captions: false };
    const out = editJsonText(HAND_FORMATTED, next);
    expect(JSON.parse(out)).toEqual(next);
    expect(out.startsWith('{\n    "id": "q3",\n    "scenes": [ { "title": "One", "data": [')).toBe(true);
  });

  it('lists nothing to change for equal values', () => {
    expect(jsonChanges(JSON.parse(HAND_FORMATTED), JSON.parse(HAND_FORMATTED))).toEqual([]);
  });
});

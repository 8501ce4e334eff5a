import { describe, expect, it } from 'vitest';
import { promptTargetSec } from '../../src/jobs/estimate-scene-video';

describe('the length a Video Agent prompt asks for', () => {
  it('reads seconds and minutes in the usual spellings', () => {
    expect(promptTargetSec('A 45-second tour of our quarter.')).toBe(45);
    expect(promptTargetSec('a 20 second intro to our results')).toBe(20);
    expect(promptTargetSec('Keep it to 2 minutes.')).toBe(120);
    expect(promptTargetSec('about 1.5 min long')).toBe(90);
    expect(promptTargetSec('30s teaser')).toBe(30);
  });

  it('is null when no length is named (numbers that are not lengths do not count)', () => {
    expect(promptTargetSec('Summarise this quarter in two sentences.')).toBeNull();
    expect(promptTargetSec('Revenue hit $5m in 2024 across 3 slides')).toBeNull();
  });
});

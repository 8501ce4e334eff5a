import { describe, expect, it } from 'vitest';
import { FlagError, parseChoiceFlag, parseListFlag, parseNumberFlag, readCommandLine } from '../../src/lib/cli-flags';

describe('parseNumberFlag', () => {
  it('takes what a person types for a number, and nothing that Number() would quietly turn into one', () => {
    expect(parseNumberFlag('scale', '0.5', { min: 0.05, max: 4 })).toBe(0.5);
    expect(parseNumberFlag('scale', '.5', { min: 0.05, max: 4 })).toBe(0.5);
    expect(parseNumberFlag('n', '1e2', { min: 0, max: 1000 })).toBe(100);
    expect(parseNumberFlag('n', undefined, { min: 0, max: 1 })).toBeUndefined();
    // Number('') is 0, Number('0x10') is 16, Number(' ') is 0: all refused
    for (const bad of ['', ' ', '0x10', 'Infinity', 'NaN', '1,5', '2abc']) {
      expect(() => parseNumberFlag('n', bad, { min: 0, max: 1000 })).toThrow(FlagError);
    }
  });

  it('refuses fractions where a whole number is wanted, and values out of range, saying what it accepts', () => {
    expect(() => parseNumberFlag('concurrency', '2.5', { min: 1, max: 64, integer: true })).toThrow('--concurrency "2.5" is not valid: use a whole number from 1 to 64');
    expect(() => parseNumberFlag('concurrency', '65', { min: 1, max: 64, integer: true })).toThrow('--concurrency "65" is not valid');
    expect(parseNumberFlag('concurrency', '64', { min: 1, max: 64, integer: true })).toBe(64);
  });
});

describe('choices and lists', () => {
  it('accepts exactly the listed values and names them when refusing', () => {
    expect(parseChoiceFlag('on', 'lambda', ['local', 'lambda'])).toBe('lambda');
    expect(() => parseChoiceFlag('on', 'Lambda', ['local', 'lambda'])).toThrow('--on "Lambda" is not valid: use one of local, lambda');
    expect(parseListFlag('events', 'a, b', ['a', 'b', 'c'])).toEqual(['a', 'b']);
    expect(() => parseListFlag('events', 'a,,b', ['a', 'b'])).toThrow('"" is not one of a, b');
  });
});

describe('readCommandLine', () => {
  const line = { usage: 'usage', options: { n: { type: 'string' } }, positionals: { max: 1, name: 'spec file' } } as const;
  const check = (values: { n?: string }, positionals: string[]) => ({ n: parseNumberFlag('n', values.n, { min: 1, max: 9, integer: true }), positionals });

  it('hands checked values on', () => {
    expect(readCommandLine(line, check, ['--n', '3', 'a.json'])).toEqual({ n: 3, positionals: ['a.json'] });
    expect(readCommandLine(line, check, ['--n=4'])).toEqual({ n: 4, positionals: [] });
  });

  it('turns unknown flags, missing values and extra arguments into FlagErrors that name them', () => {
    expect(() => readCommandLine(line, check, ['--m', '3'])).toThrow(/Unknown option '--m'/);
    expect(() => readCommandLine(line, check, ['--n'])).toThrow(/--n.*argument missing/);
    expect(() => readCommandLine(line, check, ['a.json', 'b.json'])).toThrow('"b.json" is not a flag; this command takes at most 1 spec file(s)');
    expect(() => readCommandLine(line, check, ['--n', 'x'])).toThrow(FlagError);
  });
});

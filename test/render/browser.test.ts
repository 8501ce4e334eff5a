import { accessSync, constants } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { BROWSER_ENV, resolveBrowser } from '../../src/render/browser';

describe('browser resolver', () => {
  const saved = process.env[BROWSER_ENV];
  afterEach(() => {
    if (saved === undefined) delete process.env[BROWSER_ENV];
    else process.env[BROWSER_ENV] = saved;
  });

  it('finds an executable browser on this machine without downloading', () => {
    delete process.env[BROWSER_ENV];
    const browser = resolveBrowser();
    expect(browser).not.toBeNull();
    expect(() => accessSync(browser!.executable, constants.X_OK)).not.toThrow();
  });

  it('prefers the environment variable', () => {
    process.env[BROWSER_ENV] = process.execPath;
    expect(resolveBrowser()).toEqual({ executable: process.execPath, source: 'env' });
  });

  it('says what to fix when the environment variable points nowhere', () => {
    process.env[BROWSER_ENV] = '/nonexistent/chrome';
    expect(() => resolveBrowser()).toThrow(/REMOTION_BROWSER_EXECUTABLE names \/nonexistent\/chrome.*does not exist/);
  });
});

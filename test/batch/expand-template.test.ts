import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BatchInputError } from '../../src/batch/batch-error';
import { writeContactSheet } from '../../src/batch/contact-sheet';
import { expandTemplate, parseNumberCell, templateFields } from '../../src/batch/expand-template';
import { outputName } from '../../src/batch/output-name';
import { readRows, type DataRow } from '../../src/batch/read-rows';

const TEMPLATE = {
  $schema: './video-spec.schema.json',
  id: '{{id}}',
  title: '{{company}} report',
  avatar: { id: 'Angela-inblackskirt-20220820' },
  voice: { id: 'v1', speed: '{{speed}}' },
  scenes: [
    {
      title: 'Hello {{contact}}',
      script: 'Hi {{contact}}, {{company}} sold {{units}} units.',
      graphic: { type: 'bar', data: [{ label: '{{year}}', value: '{{units}}' }] },
      overlays: [{ text: '{{company}}', position: 'top' }],
    },
  ],
};

const row = (values: Record<string, unknown>, n = 1): DataRow => ({ row: n, line: n + 1, values });
const GOOD = { id: 'acme', company: 'Acme', contact: 'Dana', units: '1,200', speed: '1.1', year: '2024' };

describe('template expansion', () => {
  it('finds every placeholder with the JSON path of its string', () => {
    const fields = templateFields(TEMPLATE);
    expect(fields).toContainEqual({ path: ['scenes', 0, 'graphic', 'data', 0, 'value'], column: 'units', exact: true });
    expect(fields).toContainEqual({ path: ['scenes', 0, 'script'], column: 'company', exact: false });
  });

  it('fills text, and types a whole-string placeholder by the position it fills', () => {
    const { spec, problems } = expandTemplate(TEMPLATE, row(GOOD), 'acme');
    expect(problems).toEqual([]);
    expect(spec!.scenes[0]!.script).toBe('Hi Dana, Acme sold 1,200 units.');
    expect(spec!.scenes[0]!.graphic).toEqual({ type: 'bar', data: [{ label: '2024', value: 1200 }] });
    expect(spec!.voice.speed).toBe(1.1);
    expect(spec!.id).toBe('acme');
    expect(spec).not.toHaveProperty('$schema');
  });

  it('turns JSON numbers into text where the spec wants text', () => {
    const { spec, problems } = expandTemplate(TEMPLATE, row({ ...GOOD, year: 2024, units: 7, speed: 1 }), 'acme');
    expect(problems).toEqual([]);
    expect(spec!.scenes[0]!.graphic).toEqual({ type: 'bar', data: [{ label: '2024', value: 7 }] });
  });

  it('reports a missing column and an empty cell by column, with the fix', () => {
    const { id: _id, contact: _c, ...rest } = GOOD;
    const { spec, problems } = expandTemplate(TEMPLATE, row({ ...rest, id: 'x', company: '  ' }), 'x');
    expect(spec).toBeNull();
    expect(problems.map((p) => p.column).sort()).toEqual(['company', 'contact']);
    expect(problems.find((p) => p.column === 'contact')!.message).toMatch(/is missing .*add a "contact" column/);
    expect(problems.find((p) => p.column === 'company')!.message).toMatch(/is empty .*fill in the cell/);
  });

  it('reports a cell that is not a number where one is needed, naming the column and path', () => {
    const { spec, problems } = expandTemplate(TEMPLATE, row({ ...GOOD, units: 'lots' }), 'acme');
    expect(spec).toBeNull();
    expect(problems).toEqual([expect.objectContaining({ column: 'units', path: '$.scenes[0].graphic.data[0].value', message: expect.stringMatching(/"lots" is not a number/) })]);
  });

  it('reports a cell outside the schema range by column', () => {
    const { problems } = expandTemplate(TEMPLATE, row({ ...GOOD, speed: '9' }), 'acme');
    expect(problems).toEqual([expect.objectContaining({ column: 'speed', path: '$.voice.speed', message: expect.stringMatching(/at most 1.5/) })]);
  });

  it('tells a problem of the template itself from a problem of a cell', () => {
    const { problems } = expandTemplate({ ...TEMPLATE, format: 'cinema' }, row(GOOD), 'acme');
    expect(problems).toEqual([expect.objectContaining({ path: '$.format', message: expect.stringMatching(/in the template itself/) })]);
    expect(problems[0]!.column).toBeUndefined();
  });

  it('parses numbers with thousands separators but does not guess at decimal commas', () => {
    expect(parseNumberCell(' 12.5 ')).toBe(12.5);
    expect(parseNumberCell('-3')).toBe(-3);
    expect(parseNumberCell('151,300.25')).toBe(151300.25);
    expect(parseNumberCell('1,5')).toBeNull();
    expect(parseNumberCell('12%')).toBeNull();
    expect(parseNumberCell('')).toBeNull();
  });

  it('makes safe output names', () => {
    expect(outputName('Acme Café, Inc.')).toBe('acme-cafe-inc');
    expect(outputName('../../etc/passwd')).toBe('etc-passwd');
    expect(outputName('  ')).toBe('');
    expect(outputName('x'.repeat(80))).toHaveLength(60);
  });
});

describe('data rows', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'hr-rows-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reads CSV rows with the line each one is on (quoted commas, blank lines, BOM)', async () => {
    await writeFile(path.join(dir, 'rows.csv'), '\uFEFFid,company,revenue\nacme,"Acme, Inc.",100\n\nglobex,Globex,"151,300"\n');
    const table = await readRows('rows.csv', dir);
    expect(table.columns).toEqual(['id', 'company', 'revenue']);
    expect(table.rows).toEqual([
      { row: 1, line: 2, values: { id: 'acme', company: 'Acme, Inc.', revenue: '100' } },
      { row: 2, line: 4, values: { id: 'globex', company: 'Globex', revenue: '151,300' } },
    ]);
  });

  it('reads JSON rows, keeping their types', async () => {
    await writeFile(path.join(dir, 'rows.json'), JSON.stringify([{ id: 'a', n: 3 }, { id: 'b', extra: true }]));
    const table = await readRows('rows.json', dir);
    expect(table.columns).toEqual(['id', 'n', 'extra']);
    expect(table.rows[0]).toEqual({ row: 1, line: null, values: { id: 'a', n: 3 } });
  });

  it('names the file and the fix for unreadable data', async () => {
    await writeFile(path.join(dir, 'bad.csv'), 'id,a\nx,"1\n');
    await expect(readRows('bad.csv', dir)).rejects.toThrow(/bad\.csv: not valid CSV.*line 2/s);
    // A row with an extra cell is that row's problem, not the file's.
    await writeFile(path.join(dir, 'ragged.csv'), 'id,a\nx,1,2\ny,3\n');
    const ragged = await readRows('ragged.csv', dir);
    expect(ragged.rows.map((r) => r.problems?.length ?? 0)).toEqual([1, 0]);
    await writeFile(path.join(dir, 'obj.json'), '{"id": 1}');
    await expect(readRows('obj.json', dir)).rejects.toThrow(BatchInputError);
    await expect(readRows('rows.xlsx', dir)).rejects.toThrow(/cannot read/);
    await writeFile(path.join(dir, 'rows.txt'), 'id\n');
    await expect(readRows('rows.txt', dir)).rejects.toThrow(/use a \.csv file/);
  });
});

describe('contact sheet', () => {
  it('links each video with its still and shows failed rows with their reason, escaped', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'hr-sheet-'));
    try {
      const file = await writeContactSheet(dir, {
        title: 't <x>',
        entries: [
          { name: 'acme', row: 1, status: 'rendered', video: 'acme.mp4', thumb: 'thumbs/acme.jpg', durationSec: 3.2 },
          { name: 'bad', row: 2, status: 'invalid', message: 'column "n": "<b>" is not a number' },
        ],
      });
      const html = await readFile(file, 'utf8');
      expect(html).toContain('<a href="acme.mp4"><img src="thumbs/acme.jpg"');
      expect(html).toContain('column &#34;n&#34;: &#34;&#60;b&#62;&#34; is not a number');
      expect(html).toContain('<title>t &#60;x&#62;</title>');
      expect(html.match(/<figure /g)).toHaveLength(2);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

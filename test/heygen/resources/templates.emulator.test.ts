import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BadRequestError, collect } from '../../../src/heygen';
import { startHarness, type Harness } from '../harness';
import { videoSize, writePng } from './kinds-fixtures';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('templates over HTTP', () => {
  test('list, then one template with its scenes and typed variables', async () => {
    const list = await collect(h.client.templates.list());
    expect(list.map((t) => t.id)).toEqual(['tpl_product_launch', 'tpl_weekly_update', 'tpl_welcome']);
    const t = await h.client.templates.get('tpl_product_launch');
    expect(t.scenes?.map((s) => s.scene_id)).toEqual(['intro', 'close']);
    expect(t.scenes?.[0]?.variables).toContainEqual({ name: 'product_image', variable_type: 'image' });
  });

  test('generate with a text and an image variable, size, scene choice and captions: a video polled like any other', async () => {
    const image = await h.client.assets.upload({ file: await writePng(path.join(h.dir, 'product.png')) });
    const body = {
      variables: {
        product: { name: 'product', type: 'text' as const, properties: { content: 'Nimbus' } },
        product_image: { name: 'product_image', type: 'image' as const, properties: { asset_id: image.assetId } },
      },
      dimension: { width: 320, height: 180 },
      scene_ids: ['intro'],
      caption: true,
      title: 'Nimbus launch',
    };
    const v = await h.client.templates.generate('tpl_product_launch', body);
    expect(v.status).toBe('pending');
    const again = await h.client.templates.generate('tpl_product_launch', body);
    expect(again.id).toBe(v.id);
    expect([...h.emulator.state.videos.values()].filter((j) => j.title === 'Nimbus launch')).toHaveLength(1);
    await h.client.waitForVideo(v.id);
    const file = path.join(h.dir, 'template.mp4');
    await h.client.downloadVideo(v.id, file);
    expect(await videoSize(file)).toMatchObject({ width: 320, height: 180, audio: true });
    expect((await h.client.downloadSubtitles(v.id)).text).toContain('Nimbus');
  });

  test('a variable of the wrong type, an unknown variable or scene is refused naming it', async () => {
    const wrongType = await h.client.templates.generate('tpl_product_launch', { variables: { product: { name: 'product', type: 'image', properties: { url: 'x' } } } }).catch((e: unknown) => e);
    expect(wrongType).toBeInstanceOf(BadRequestError);
    expect((wrongType as BadRequestError).param).toBe('variables.product.type');
    expect((wrongType as Error).message).toContain('product is a text variable');
    const unknown = await h.client.templates.generate('tpl_welcome', { variables: { nope: { name: 'nope', type: 'text', properties: { content: 'x' } } } }).catch((e: unknown) => e);
    expect((unknown as BadRequestError).param).toBe('variables.nope');
    const scene = await h.client.templates.generate('tpl_welcome', { variables: {}, scene_ids: ['missing'] }).catch((e: unknown) => e);
    expect((scene as BadRequestError).param).toBe('scene_ids');
  });
});

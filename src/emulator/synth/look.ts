import { createRng, hashString } from './prng';

export type HairStyle = 'short' | 'long' | 'bun' | 'curly' | 'side-part';

export interface Look {
  skin: string;
  skinShade: string;
  hair: string;
  hairStyle: HairStyle;
  clothing: string;
  clothingShade: string;
  collar: string;
  iris: string;
  lips: string;
  /** Head width relative to the base figure (0.92–1.08). */
  headWidth: number;
}

const SKINS: readonly [string, string][] = [
  ['#f1c7a5', '#d9a77f'],
  ['#e0ac85', '#c48b63'],
  ['#c68642', '#a86b2d'],
  ['#8d5524', '#6f3f17'],
  ['#f5d6c0', '#dcb69b'],
  ['#a86f4b', '#8a5535'],
];
const HAIRS = ['#2b1d14', '#5a3a22', '#b07a3b', '#d8b36a', '#1a1a1a', '#7a2e1c', '#8c8c8c'];
const CLOTHES: readonly [string, string][] = [
  ['#1f3a68', '#142848'],
  ['#3d3d3d', '#262626'],
  ['#6b1f2a', '#4b141c'],
  ['#1f5c4a', '#133d31'],
  ['#4a3b6b', '#30254a'],
  ['#8a6a2a', '#5f481b'],
  ['#2c5f8a', '#1c4260'],
];
const COLLARS = ['#ffffff', '#dfe6ee', '#f3e9d2', '#20232a'];
const IRISES = ['#3b2a1a', '#2f5d8a', '#3f6b3a', '#5a4632'];
const LIPS = ['#b5545c', '#a0464b', '#c0686c', '#8e4a4a'];
const STYLES: readonly HairStyle[] = ['short', 'long', 'bun', 'curly', 'side-part'];

function pick<T>(list: readonly T[], r: number): T {
  const v = list[Math.floor(r * list.length) % list.length];
  if (v === undefined) throw new Error('empty palette');
  return v;
}

/** Derives a presenter's colours and hair shape from its avatar id, the same every time. */
export function lookFor(avatarId: string | undefined): Look {
  const rng = createRng(hashString(`look:${avatarId ?? 'default'}`));
  const [skin, skinShade] = pick(SKINS, rng());
  const [clothing, clothingShade] = pick(CLOTHES, rng());
  return {
    skin,
    skinShade,
    hair: pick(HAIRS, rng()),
    hairStyle: pick(STYLES, rng()),
    clothing,
    clothingShade,
    collar: pick(COLLARS, rng()),
    iris: pick(IRISES, rng()),
    lips: pick(LIPS, rng()),
    headWidth: 0.92 + rng() * 0.16,
  };
}

import { videoSpecSchema, type VideoSpecInput } from '../../src/spec/video-spec';
import { sampleManifestFor } from '../shared/sample-manifest';
import type { SquareProps } from './schema';

const spec: VideoSpecInput = {
  id: 'square-demo',
  title: 'Northwind weekly update',
  locale: 'de-DE',
  format: 'square-1080p',
  avatar: { id: 'Angela-inblackskirt-20220820' },
  voice: { id: '1bd001e7e50f421d891986aad5158bc8', speed: 1, locale: 'de-DE' },
  presenter: { framing: 'pip', side: 'right' },
  captions: true,
  background: { type: 'gradient', from: '#052e2b', to: '#0f172a', angle: 150 },
  theme: { primary: '#2dd4bf', accent: '#fb923c', text: '#f8fafc', muted: '#99f6e4', font: 'Inter', logo: 'sample/logo.svg' },
  scenes: [
    {
      title: 'Aktive Nutzer pro Woche',
      script: 'Die aktiven Nutzer sind fast jede Woche gestiegen.',
      graphic: { type: 'line', data: [38.2, 41.5, 40.1, 44.8, 47.3, 46.9, 51.2, 55.4].map((value, i) => ({ label: `KW ${i + 1}`, value: value * 1000 })) },
    },
    {
      title: 'Das Quartal in Zahlen',
      script: 'Umsatz hoch, Abwanderung runter.',
      graphic: { type: 'kpi', items: [{ label: 'Umsatz', value: 1_250_000, prefix: '€', delta: 180_000 }, { label: 'Abwanderung', value: 2.1, unit: '%', delta: -0.4 }] },
    },
    {
      title: 'Kundenstimme',
      script: 'Und das sagt eine Kundin.',
      graphic: { type: 'quote', text: 'Endlich sehen alle im Team dieselben Zahlen.', author: 'Leiterin Betrieb, Contoso' },
    },
  ],
};

export const squareDefaultProps: SquareProps = {
  ...spec,
  manifest: sampleManifestFor(videoSpecSchema.parse(spec)),
};

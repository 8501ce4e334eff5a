import { videoSpecSchema, type VideoSpecInput } from '../../src/spec/video-spec';
import { sampleManifestFor } from '../shared/sample-manifest';
import type { SocialProps } from './schema';

const spec: VideoSpecInput = {
  id: 'social-demo',
  title: 'Northwind: our best quarter yet',
  format: 'portrait-1080p',
  avatar: { id: 'Angela-inblackskirt-20220820' },
  voice: { id: '1bd001e7e50f421d891986aad5158bc8', speed: 1 },
  presenter: { framing: 'full', side: 'right' },
  captions: true,
  background: { type: 'gradient', from: '#1e1b4b', to: '#0f172a', angle: 160 },
  theme: { primary: '#a78bfa', accent: '#facc15', text: '#f8fafc', muted: '#a5b4fc', font: 'Inter', logo: 'sample/logo.svg' },
  scenes: [
    {
      title: 'Sign-ups doubled',
      script: 'Sign-ups doubled this quarter.',
      graphic: { type: 'bar', data: [{ label: 'Jan', value: 1200 }, { label: 'Feb', value: 1650 }, { label: 'Mar', value: 2480 }] },
    },
    {
      title: 'The numbers',
      script: 'Revenue up, churn down.',
      graphic: { type: 'kpi', items: [{ label: 'Revenue', value: 4_200_000, prefix: '$', delta: 620_000 }, { label: 'Churn', value: 2.1, unit: '%', delta: -0.4 }] },
    },
    {
      title: 'Three things next',
      script: 'Here is what comes next.',
      graphic: { type: 'bullets', items: ['Referrals in Europe', 'Guided setup', 'A second support region'] },
    },
  ],
};

export const socialDefaultProps: SocialProps = {
  ...spec,
  manifest: sampleManifestFor(videoSpecSchema.parse(spec)),
};

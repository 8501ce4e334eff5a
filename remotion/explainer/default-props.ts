import { videoSpecSchema, type VideoSpecInput } from '../../src/spec/video-spec';
import { sampleManifestFor } from '../shared/sample-manifest';
import type { ExplainerProps } from './schema';

const spec: VideoSpecInput = {
  id: 'explainer-demo',
  title: 'Northwind: the quarter in two minutes',
  format: 'landscape-1080p',
  avatar: { id: 'Angela-inblackskirt-20220820' },
  voice: { id: '1bd001e7e50f421d891986aad5158bc8', speed: 1, locale: 'en-US' },
  presenter: { framing: 'pip', side: 'right' },
  captions: true,
  background: { type: 'gradient', from: '#0f172a', to: '#1e293b', angle: 135 },
  theme: { primary: '#38bdf8', accent: '#f59e0b', text: '#f8fafc', muted: '#94a3b8', font: 'Inter', logo: 'sample/logo.svg' },
  scenes: [
    {
      title: 'Sign-ups doubled',
      script: 'Welcome! This quarter, weekly sign-ups doubled, from twelve hundred to almost twenty-five hundred.',
      graphic: { type: 'bar', data: [{ label: 'January', value: 1200 }, { label: 'February', value: 1650 }, { label: 'March', value: 2480 }] },
    },
    {
      title: 'Net growth by region',
      script: 'North America and Europe grew. Two regions shrank slightly.',
      graphic: {
        type: 'bar',
        unit: '%',
        data: [
          { label: 'North America', value: 12.5 },
          { label: 'Europe', value: 8.1 },
          { label: 'Asia-Pacific and Oceania', value: -3.4 },
          { label: 'Latin America', value: -1.2 },
        ],
      },
      overlays: [{ text: 'Two regions shrank', position: 'top-right', from: 1.5, style: 'label' }],
    },
    {
      title: 'Weekly active users',
      script: 'Active users rose almost every week.',
      graphic: {
        type: 'line',
        data: [38, 41, 40, 44, 47, 46, 51, 55, 54, 58, 63, 67].map((value, i) => ({ label: `W${i + 1}`, value: value * 1000 })),
      },
    },
    {
      title: 'The quarter in numbers',
      script: 'Revenue is up, churn is down, and customers like us more.',
      graphic: {
        type: 'kpi',
        items: [
          { label: 'Revenue', value: 4_200_000, prefix: '$', delta: 620_000 },
          { label: 'Churn', value: 2.1, unit: '%', delta: -0.4 },
          { label: 'Net promoter score', value: 61, delta: 5 },
        ],
      },
    },
    {
      title: 'What comes next',
      script: 'Next quarter we focus on three things.',
      graphic: { type: 'bullets', items: ['Launch the referral programme in Europe', 'Halve onboarding time with guided setup', 'Open a second support region'] },
    },
    {
      title: 'The new dashboard',
      script: 'Here is the new dashboard our customers asked for.',
      graphic: { type: 'image', src: 'sample/screenshot.png', pan: 'zoom-in', caption: 'Live usage, shipped in March' },
    },
    {
      title: 'In their words',
      script: 'And here is what one customer told us.',
      graphic: { type: 'quote', text: 'We replaced three tools with one, and our team finally looks at the same numbers.', author: 'Head of Operations, Contoso' },
    },
  ],
};

export const explainerDefaultProps: ExplainerProps = {
  ...spec,
  lowerThird: { name: 'Ava Chen', role: 'Head of Growth' },
  manifest: sampleManifestFor(videoSpecSchema.parse(spec)),
};

import type { Graphic as GraphicSpec } from '../../../src/spec/video-spec';
import { BarChart } from './BarChart';
import { BulletList } from './BulletList';
import { ImagePan } from './ImagePan';
import { KpiCounters } from './KpiCounters';
import { LineChart } from './LineChart';
import { QuoteCard } from './QuoteCard';
import type { GraphicFrameProps } from './types';

/** The scene's graphic, whichever kind the spec asks for. */
export const Graphic: React.FC<GraphicFrameProps & { graphic: GraphicSpec }> = ({ graphic, ...frame }) => {
  switch (graphic.type) {
    case 'bar':
      return <BarChart {...frame} data={graphic.data} unit={graphic.unit} currency={graphic.currency} />;
    case 'line':
      return <LineChart {...frame} data={graphic.data} unit={graphic.unit} currency={graphic.currency} />;
    case 'kpi':
      return <KpiCounters {...frame} items={graphic.items} />;
    case 'bullets':
      return <BulletList {...frame} items={graphic.items} />;
    case 'image':
      return <ImagePan {...frame} src={graphic.src} pan={graphic.pan} caption={graphic.caption} />;
    case 'quote':
      return <QuoteCard {...frame} text={graphic.text} author={graphic.author} />;
    default:
      return null;
  }
};

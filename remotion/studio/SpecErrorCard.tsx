import { AbsoluteFill } from 'remotion';

export interface SpecErrorProps extends Record<string, unknown> {
  file: string;
  issues: { path: string; message: string }[];
}

/** What Studio shows for a spec file that is not a valid spec: the file, each JSON path and its fix. */
export const SpecErrorCard: React.FC<SpecErrorProps> = ({ file, issues }) => (
  <AbsoluteFill style={{ background: '#1f0f12', color: '#fde2e2', padding: 80, fontFamily: 'DejaVu Sans, sans-serif', gap: 28 }}>
    <div style={{ fontSize: 54, fontWeight: 700, color: '#f87171' }}>{file} is not a valid spec</div>
    <div style={{ fontSize: 30, color: '#fca5a5' }}>Fix the file and save it: this view updates by itself.</div>
    {issues.slice(0, 8).map((issue, i) => (
      <div key={i} style={{ fontSize: 34, lineHeight: 1.35 }}>
        <span style={{ fontFamily: 'DejaVu Sans Mono, monospace', color: '#fbbf24' }}>{issue.path}</span>: {issue.message}
      </div>
    ))}
    {issues.length > 8 ? <div style={{ fontSize: 30 }}>… and {issues.length - 8} more (run `npm run render -- {file}` to see all)</div> : null}
  </AbsoluteFill>
);

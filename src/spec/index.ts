export * from './formats';
export * from './video-spec';
export * from './clip-request';
export * from './manifest';
export * from './timeline';
export * from './content-hash';
export * from './canonical-json';

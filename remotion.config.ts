import { Config } from '@remotion/cli/config';
import { alignRemotionAac } from './src/render/align-remotion-aac';
import { resolveBrowser } from './src/render/browser';
import { DEFAULT_RENDER_SETTINGS } from './src/render/render-settings';

Config.setEntryPoint('remotion/index.ts');
// Offline machines cannot download Remotion's Chrome: use the same browser the Node render code resolves.
Config.setBrowserExecutable(resolveBrowser()?.executable ?? null);
Config.setVideoImageFormat('jpeg');
Config.setCodec('h264');
// The same encoder settings as `npm run render`, so Studio's Render button gives the same MP4.
Config.setX264Preset(DEFAULT_RENDER_SETTINGS.x264Preset);
Config.setConcurrency(DEFAULT_RENDER_SETTINGS.concurrency);
Config.setOverwriteOutput(true);
// Studio names bundled fonts by their path from here ('[path][name][ext]'); when node_modules is a symlink to another
// checkout (worktrees, CI clones) that path climbs out of the served folder, every font 404s and FontGate cancels the
// preview. Hashed names (what bundle() uses for renders anyway) are served wherever the file lives.
Config.overrideWebpackConfig((config) => ({ ...config, output: { ...config.output, assetModuleFilename: '[hash][ext]' } }));
// Studio's Render button uses Remotion's own AAC mux: put the voice on the same frame as `npm run render` does.
Config.overrideFfmpegCommand(alignRemotionAac);

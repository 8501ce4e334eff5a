import { Config } from '@remotion/cli/config';
import { resolveBrowser } from './src/render/browser';

Config.setEntryPoint('remotion/index.ts');
// Offline machines cannot download Remotion's Chrome: use the same browser the Node render code resolves.
Config.setBrowserExecutable(resolveBrowser()?.executable ?? null);
Config.setVideoImageFormat('jpeg');
Config.setCodec('h264');
Config.setOverwriteOutput(true);

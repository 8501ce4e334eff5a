/** One scene of `POST /v2/video/generate`. */
export interface LegacyVideoInput {
  character:
    | { type: 'avatar'; avatar_id: string; avatar_style?: 'normal' | 'closeUp' | 'circle'; scale?: number; offset?: { x: number; y: number }; matting?: boolean; circle_background_color?: string }
    | { type: 'talking_photo'; talking_photo_id: string; talking_photo_style?: 'square' | 'circle'; talking_style?: 'stable' | 'expressive'; expression?: 'default' | 'happy'; scale?: number; offset?: { x: number; y: number }; super_resolution?: boolean; matting?: boolean };
  voice:
    | { type: 'text'; voice_id: string; input_text: string; speed?: number; pitch?: number; emotion?: 'Excited' | 'Friendly' | 'Serious' | 'Soothing' | 'Broadcaster' }
    | { type: 'audio'; audio_url?: string; audio_asset_id?: string }
    | { type: 'silence'; duration: number };
  background?:
    | { type: 'color'; value: string }
    | { type: 'image'; url?: string; image_asset_id?: string; fit?: 'cover' | 'crop' | 'contain' | 'none' }
    | { type: 'video'; url?: string; video_asset_id?: string; play_style?: 'fit_to_scene' | 'freeze' | 'loop' | 'full_video'; fit?: 'cover' | 'crop' | 'contain' | 'none' };
}

export interface LegacyGenerateBody {
  video_inputs: LegacyVideoInput[];
  dimension?: { width: number; height: number };
  title?: string;
  caption?: boolean;
  callback_id?: string;
  callback_url?: string;
  folder_id?: string;
  test?: boolean;
}

export interface LegacyWebmBody {
  avatar_pose_id: string;
  avatar_style?: 'normal' | 'closeUp';
  input_text?: string;
  voice_id?: string;
  input_audio?: string;
  dimension?: { width: number; height: number };
  title?: string;
  callback_url?: string;
  callback_id?: string;
}

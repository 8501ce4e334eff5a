import { z } from 'zod';

export const assetSchema = z.looseObject({
  asset_id: z.string().min(1),
  url: z.string(),
  mime_type: z.string(),
  size_bytes: z.number().int().nonnegative(),
});

export const directUploadSchema = z.looseObject({
  asset_id: z.string().min(1),
  upload_url: z.string().min(1),
  upload_headers: z.record(z.string(), z.string()).nullish(),
  expires_in_seconds: z.number().nullish(),
  max_bytes: z.number().nullish(),
  status: z.string().nullish(),
});

export const completedUploadSchema = z.looseObject({
  asset_id: z.string().min(1),
  mime_type: z.string(),
  size_bytes: z.number().int().nonnegative(),
  status: z.string().nullish(),
  url: z.string(),
});

export const legacyAssetSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string().nullish(),
  file_type: z.string().nullish(),
  folder_id: z.string().nullish(),
  meta: z.unknown().optional(),
  created_ts: z.number().nullish(),
  url: z.string(),
  image_key: z.string().nullish(),
});

export const legacyPresignSchema = z.looseObject({ url: z.string().min(1), asset_id: z.string().min(1) });

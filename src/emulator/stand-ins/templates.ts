/** A variable of a built-in template: text fills titles and the script, an image is shown beside the title. */
export interface TemplateVariable {
  name: string;
  type: 'text' | 'image';
  /** what a generate that leaves the variable out gets (text only) */
  default?: string;
}

export interface TemplateScene {
  scene_id: string;
  /** `{{name}}` marks a variable */
  title: string;
  lines: string[];
  script: string;
  image?: string;
}

export interface BuiltInTemplate {
  id: string;
  name: string;
  aspectRatio: '16:9';
  hue: number;
  avatarId: string;
  variables: TemplateVariable[];
  scenes: TemplateScene[];
}

/** The emulator's templates (HeyGen accounts have their own; these stand in for them offline). */
export const TEMPLATES: BuiltInTemplate[] = [
  {
    id: 'tpl_product_launch',
    name: 'Product launch',
    aspectRatio: '16:9',
    hue: 200,
    avatarId: 'Angela-inblackskirt-20220820',
    variables: [
      { name: 'product', type: 'text', default: 'Acme Rocket' },
      { name: 'tagline', type: 'text', default: 'Faster than ever.' },
      { name: 'product_image', type: 'image' },
    ],
    scenes: [
      { scene_id: 'intro', title: '{{product}}', lines: ['{{tagline}}'], script: 'Meet {{product}}. {{tagline}}', image: 'product_image' },
      { scene_id: 'close', title: 'Available today', lines: ['{{product}}'], script: '{{product}} is available today.' },
    ],
  },
  {
    id: 'tpl_weekly_update',
    name: 'Weekly update',
    aspectRatio: '16:9',
    hue: 150,
    avatarId: 'josh_lite3_20230714',
    variables: [
      { name: 'team', type: 'text', default: 'The data team' },
      { name: 'highlight', type: 'text', default: 'We shipped the new dashboard.' },
      { name: 'metric', type: 'text', default: '42 percent' },
    ],
    scenes: [
      { scene_id: 'headline', title: '{{team}}: weekly update', lines: ['{{highlight}}'], script: 'Here is the weekly update from {{team}}. {{highlight}}' },
      { scene_id: 'number', title: '{{metric}}', lines: ['This week'], script: 'The number of the week: {{metric}}.' },
    ],
  },
  {
    id: 'tpl_welcome',
    name: 'Welcome aboard',
    aspectRatio: '16:9',
    hue: 30,
    avatarId: 'Vanessa-invest-20220722',
    variables: [
      { name: 'name', type: 'text', default: 'Alex' },
      { name: 'company', type: 'text', default: 'Acme' },
      { name: 'logo', type: 'image' },
    ],
    scenes: [{ scene_id: 'welcome', title: 'Welcome to {{company}}', lines: ['{{name}}'], script: 'Welcome to {{company}}, {{name}}! We are glad you are here.', image: 'logo' }],
  },
];

export function findTemplate(id: string): BuiltInTemplate | undefined {
  return TEMPLATES.find((t) => t.id === id);
}

/** Replaces `{{name}}` with the variable's text. */
export function fillText(text: string, values: Record<string, string>): string {
  return text.replace(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g, (_, name: string) => values[name] ?? '');
}

/** The names a scene uses, in its title, lines, script and image. */
export function sceneVariables(t: BuiltInTemplate, scene: TemplateScene): TemplateVariable[] {
  const text = [scene.title, ...scene.lines, scene.script].join(' ');
  return t.variables.filter((v) => text.includes(`{{${v.name}}}`) || scene.image === v.name);
}
